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
        if (text == null || text.isEmpty()) {
            return new Read(0, 0, false);
        }
        TimeParser.Parsed p = PARSED.get();
        if (PARSER.get().parseDateTime(text, 0, p) && !p.placeholder) {
            return new Read(p.nanos, p.precision, true);
        }
        return new Read(0, 0, false);
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
