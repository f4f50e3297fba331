package faultline.importer.db;

import faultline.text.Prose;

import faultline.importer.time.TimeParser;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * Times as the database writes timestamptz in text ({@code 2026-02-24 14:31:53.55306+00}): read
 * into nanoseconds with the fraction digits the text really had, and written back in the form of a
 * JSON export ({@code 2026-02-24T14:31:53.55306+00:00}), so a saved row reads back to the same time.
 */
final class PgTime {
    private static final ThreadLocal<TimeParser> PARSER = ThreadLocal.withInitial(() -> new TimeParser(ZoneOffset.UTC));
    private static final ThreadLocal<TimeParser.Parsed> PARSED = ThreadLocal.withInitial(TimeParser.Parsed::new);

    /** Nanos since the epoch and fraction digits; valid is false for text that is not a time. */
    record Read(long nanos, int precision, boolean valid) {
    }

    private PgTime() {
    }

    static Read read(String text) {
        return text == null ? INVALID : read((CharSequence) text);
    }

    /** The same from the bytes of the text (ASCII), without making a String of them. */
    static Read read(byte[] text) {
        return text == null ? INVALID : read(new AsciiView(text));
    }

    private static final Read INVALID = new Read(0, 0, false);

    private static Read read(CharSequence text) {
        if (text.length() == 0) {
            return INVALID;
        }
        TimeParser.Parsed p = PARSED.get();
        if (PARSER.get().parseDateTime(text, 0, p) && !p.placeholder) {
            return new Read(p.nanos, p.precision, true);
        }
        return INVALID;
    }

    /** Microseconds from the epoch to 2000-01-01, where the binary form of a time counts from. */
    private static final long EPOCH_2000_MICROS = 946_684_800_000_000L;
    /** The years a time is read in, as for its text: from the first day of the first to the end of the last. */
    private static final long FIRST_MICROS = TimeParser.epochDay(TimeParser.MIN_YEAR, 1, 1) * 86_400_000_000L;
    private static final long AFTER_LAST_MICROS = TimeParser.epochDay(TimeParser.MAX_YEAR + 1, 1, 1) * 86_400_000_000L;

    /**
     * A time in the database's binary form: microseconds since 2000-01-01 UTC, big-endian. Its precision
     * is the number of fraction digits its text would have had: the server writes the fraction
     * without its trailing zeros.
     */
    static Read fromBinary(byte[] b) {
        long micros = faultline.importer.scan.Bytes.bigEndianLong(b, 0);
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            return INVALID; // infinity and -infinity
        }
        long epochMicros = micros + EPOCH_2000_MICROS;
        if (epochMicros < FIRST_MICROS || epochMicros >= AFTER_LAST_MICROS) {
            return INVALID; // a year the text form is refused for too (a sentinel such as 9999-12-31)
        }
        int fraction = (int) Math.floorMod(epochMicros, 1_000_000L);
        int precision = 0;
        if (fraction != 0) {
            precision = 6;
            while (fraction % 10 == 0) {
                fraction /= 10;
                precision--;
            }
        }
        return new Read(epochMicros * 1000L, precision, true);
    }

    /** Bytes read as characters one for one: a time's text is ASCII, and any other byte fails its parse. */
    private record AsciiView(byte[] b) implements CharSequence {
        @Override
        public int length() {
            return b.length;
        }

        @Override
        public char charAt(int index) {
            return (char) (b[index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new String(b, start, end - start, java.nio.charset.StandardCharsets.ISO_8859_1);
        }

        @Override
        public String toString() {
            return new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    /** The export form of a time, UTC, with exactly `precision` fraction digits. */
    static String iso(long nanos, int precision) {
        long seconds = Math.floorDiv(nanos, 1_000_000_000L);
        int nano = (int) Math.floorMod(nanos, 1_000_000_000L);
        java.time.LocalDate day = java.time.LocalDate.ofEpochDay(Math.floorDiv(seconds, 86_400L));
        int sod = (int) Math.floorMod(seconds, 86_400L);
        StringBuilder sb = new StringBuilder(32);
        pad(sb, day.getYear(), 4).append('-');
        pad(sb, day.getMonthValue(), 2).append('-');
        pad(sb, day.getDayOfMonth(), 2).append('T');
        pad(sb, sod / 3600, 2).append(':');
        pad(sb, sod / 60 % 60, 2).append(':');
        pad(sb, sod % 60, 2);
        if (precision > 0) {
            sb.append('.');
            int p = Math.min(9, precision);
            int div = 100_000_000;
            for (int i = 0; i < p; i++) {
                sb.append((char) ('0' + nano / div % 10));
                div /= 10;
            }
        }
        return sb.append("+00:00").toString();
    }

    private static StringBuilder pad(StringBuilder sb, int v, int width) {
        String s = Integer.toString(v);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }

    /** A time typed by a user or a workspace: an ISO instant or date-time (UTC when it has no offset). */
    static Instant parseInstant(String text) {
        Read r = read(text.strip().replace(' ', 'T'));
        if (!r.valid()) {
            throw new IllegalArgumentException(Prose.format("db.query.time", text));
        }
        return Instant.ofEpochSecond(Math.floorDiv(r.nanos(), 1_000_000_000L), Math.floorMod(r.nanos(), 1_000_000_000L));
    }
}
