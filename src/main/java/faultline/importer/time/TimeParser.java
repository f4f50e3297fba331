package faultline.importer.time;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * Parses the timestamps of the worker system into epoch nanoseconds without a double and without
 * allocating: {@code 2026-02-24T14:31:53.55306+00:00} is .553060 s with precision 5,
 * {@code 2026-02-24 14:31:53,553} has precision 3, and a placeholder fraction ({@code ???}, {@code xxx})
 * marks the time as one to estimate.
 */
public final class TimeParser {

    /** Result of a parse; reused by a reader for every line. */
    public static final class Parsed {
        public long nanos;
        public int precision;
        public boolean placeholder;
        public boolean hasOffset;
        /** Index just after the timestamp in the parsed text. */
        public int end;
    }

    /** Years a timestamp is understood in: outside them it is a number, not a time (and year 9999 would overflow). */
    public static final int MIN_YEAR = 1900;
    public static final int MAX_YEAR = 2300;

    private final ZoneId zone;
    private final ZoneOffset fixedOffset;

    public TimeParser(ZoneId zone) {
        this.zone = zone == null ? ZoneOffset.UTC : zone;
        this.fixedOffset = this.zone.getRules().isFixedOffset() ? this.zone.getRules().getOffset(java.time.Instant.EPOCH) : null;
    }

    public ZoneId zone() {
        return zone;
    }

    /**
     * Parses {@code YYYY-MM-DD[T ]HH:MM:SS[.fraction][Z|±HH[:MM]]} starting at {@code from}.
     * Returns false if the text there is not such a timestamp.
     */
    public boolean parseDateTime(CharSequence s, int from, Parsed out) {
        int n = s.length();
        if (from + 19 > n) {
            return false;
        }
        int y = digits(s, from, 4);
        if (y < MIN_YEAR || y > MAX_YEAR || s.charAt(from + 4) != '-') {
            return false; // years a log cannot mean, and nanoseconds since 1970 cannot hold
        }
        int mo = digits(s, from + 5, 2);
        if (mo < 1 || mo > 12 || s.charAt(from + 7) != '-') {
            return false;
        }
        int d = digits(s, from + 8, 2);
        char sep = s.charAt(from + 10);
        if (d < 1 || d > 31 || (sep != 'T' && sep != ' ')) {
            return false;
        }
        int secOfDay = timeOfDay(s, from + 11);
        if (secOfDay < 0) {
            return false;
        }
        int p = from + 19;
        long frac = 0;
        int precision = 0;
        out.placeholder = false;
        if (p < n && (s.charAt(p) == '.' || s.charAt(p) == ',')) {
            int q = p + 1;
            while (q < n && precision < 9 && Character.isDigit(s.charAt(q))) {
                frac = frac * 10 + (s.charAt(q) - '0');
                precision++;
                q++;
            }
            while (q < n && Character.isDigit(s.charAt(q))) {
                q++; // digits beyond nanoseconds carry no information we can keep
            }
            if (precision == 0) {
                while (q < n && (s.charAt(q) == '?' || s.charAt(q) == 'x' || s.charAt(q) == 'X')) {
                    q++;
                }
                if (q == p + 1) {
                    return false;
                }
                out.placeholder = true;
            }
            p = q;
        }
        for (int k = precision; k < 9; k++) {
            frac *= 10;
        }
        long epochDay = epochDay(y, mo, d);
        long localSeconds = epochDay * 86_400L + secOfDay;
        long offsetSeconds;
        out.hasOffset = false;
        if (p < n && s.charAt(p) == 'Z') {
            offsetSeconds = 0;
            out.hasOffset = true;
            p++;
        } else if (p + 2 < n && (s.charAt(p) == '+' || s.charAt(p) == '-') && digits(s, p + 1, 2) >= 0) {
            int sign = s.charAt(p) == '-' ? -1 : 1;
            int oh = digits(s, p + 1, 2);
            int q = p + 3;
            int om = 0;
            if (q < n && s.charAt(q) == ':' && digits(s, q + 1, 2) >= 0) {
                om = digits(s, q + 1, 2);
                q += 3;
            } else if (digits(s, q, 2) >= 0) {
                om = digits(s, q, 2);
                q += 2;
            }
            offsetSeconds = sign * (oh * 3600L + om * 60L);
            out.hasOffset = true;
            p = q;
        } else {
            offsetSeconds = offsetOf(localSeconds);
        }
        out.nanos = (localSeconds - offsetSeconds) * 1_000_000_000L + frac;
        out.precision = precision;
        out.end = p;
        return true;
    }

    /** Seconds of day of {@code HH:MM:SS} at {@code from}, or -1. */
    public static int timeOfDay(CharSequence s, int from) {
        if (from + 8 > s.length()) {
            return -1;
        }
        int h = digits(s, from, 2);
        int m = digits(s, from + 3, 2);
        int sec = digits(s, from + 6, 2);
        if (h < 0 || h > 23 || m < 0 || m > 59 || sec < 0 || sec > 60 || s.charAt(from + 2) != ':' || s.charAt(from + 5) != ':') {
            return -1;
        }
        return h * 3600 + m * 60 + Math.min(sec, 59);
    }

    /** Epoch nanoseconds of a local date (as epoch day) plus a local time of day, in this parser's zone. */
    public long localToNanos(long epochDay, long nanosOfDay) {
        long localSeconds = epochDay * 86_400L + nanosOfDay / 1_000_000_000L;
        return (localSeconds - offsetOf(localSeconds)) * 1_000_000_000L + nanosOfDay % 1_000_000_000L;
    }

    private long offsetOf(long localSeconds) {
        if (fixedOffset != null) {
            return fixedOffset.getTotalSeconds();
        }
        LocalHour h = lastHour;
        long hour = Math.floorDiv(localSeconds, 3600L);
        if (h != null && h.hour == hour && h.steady) {
            return h.offsetSeconds;
        }
        LocalDateTime ldt = LocalDateTime.ofEpochSecond(localSeconds, 0, ZoneOffset.UTC);
        long offset = zone.getRules().getOffset(ldt).getTotalSeconds();
        if (h == null || h.hour != hour) {
            // Near a change of the zone's offset each line is looked up, but the hour is judged once.
            lastHour = new LocalHour(hour, offset, steadyHour(hour, offset));
        }
        return offset;
    }

    /**
     * A local hour whose offset holds for all of it. A line's zone offset was looked up in the zone's
     * rules for every line of a log written in a zone with summer time; a log's lines come an hour at a time.
     * Immutable, so that the readers' threads may share the last one without a lock.
     */
    private record LocalHour(long hour, long offsetSeconds, boolean steady) {
    }

    private volatile LocalHour lastHour;

    /** Whether no transition of the zone falls in or next to that local hour, so that its offset is the hour's. */
    private boolean steadyHour(long hour, long offsetSeconds) {
        java.time.Instant start = java.time.Instant.ofEpochSecond(hour * 3600L - offsetSeconds - 86_400L);
        java.time.zone.ZoneOffsetTransition next = zone.getRules().nextTransition(start);
        // A day's margin either side: the local hour is steady when the zone's next change lies beyond it.
        return next == null || next.getInstant().getEpochSecond() > hour * 3600L - offsetSeconds + 3600L + 86_400L;
    }

    static int digits(CharSequence s, int from, int count) {
        if (from + count > s.length()) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (no allocation). */
    public static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yoe = y - era * 400;
        long mp = (month + 9) % 12;
        long doy = (153 * mp + 2) / 5 + day - 1;
        long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146_097 + doe - 719_468;
    }
}
