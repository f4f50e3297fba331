package faultline.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Formats epoch nanoseconds with exactly the precision the logs had: 14:31:53.553060, never a rounded double. */
public final class TimeText {
    private TimeText() {
    }

    /** 14:31:53.553060 (precision 6), 14:31:54.583 (3), 14:10:35 (0). */
    public static String clock(long nanos, int precision) {
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(nanos, Stamp.NANOS_PER_SECOND)), ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(20);
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        fraction(sb, Math.floorMod(nanos, Stamp.NANOS_PER_SECOND), precision);
        return sb.toString();
    }

    /** 2026-02-24 14:31:53.553060 */
    public static String full(long nanos, int precision) {
        return date(nanos) + " " + clock(nanos, precision);
    }

    /** 2026-02-24T14:31:53.553060Z */
    public static String isoFull(long nanos, int precision) {
        return date(nanos) + "T" + clock(nanos, precision) + "Z";
    }

    /**
     * ISO-8601 in a zone's offset at that instant, with exactly the fraction digits given:
     * {@code 2025-03-02T10:11:12.345+01:00}, {@code 2026-02-24T14:31:53.55306Z}.
     */
    public static String isoAt(long nanos, int precision, java.time.ZoneId zone) {
        long seconds = Math.floorDiv(nanos, Stamp.NANOS_PER_SECOND);
        ZoneOffset offset = (zone == null ? ZoneOffset.UTC : zone).getRules().getOffset(Instant.ofEpochSecond(seconds));
        LocalDateTime t = LocalDateTime.ofEpochSecond(seconds, 0, offset);
        StringBuilder sb = new StringBuilder(35);
        sb.append(t.toLocalDate()).append('T');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        fraction(sb, Math.floorMod(nanos, Stamp.NANOS_PER_SECOND), precision);
        sb.append(offset.getTotalSeconds() == 0 ? "Z" : offset.getId());
        return sb.toString();
    }

    public static String date(long nanos) {
        return LocalDateTime.ofInstant(Instant.ofEpochSecond(Math.floorDiv(nanos, Stamp.NANOS_PER_SECOND)), ZoneOffset.UTC)
                .toLocalDate().toString();
    }

    public static String clock(Stamp s) {
        return clock(s.nanos(), s.precision()) + (s.estimated() ? " (estimated)" : "");
    }

    private static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    private static void fraction(StringBuilder sb, long fracNanos, int precision) {
        if (precision <= 0) {
            return;
        }
        String digits = Long.toString(fracNanos + 1_000_000_000L).substring(1);
        sb.append('.').append(digits, 0, precision);
    }
}
