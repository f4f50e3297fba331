package faultline.model;

/**
 * Durations in adaptive units, from exact nanoseconds: 47.2 µs, 0.636 ms, 1.031 ms, 248 s, 12 min 8 s, 2 h 5 min.
 * Milliseconds start at 0.1 ms because that is how the crash windows of the worker are talked about.
 */
public final class DurationText {
    private DurationText() {
    }

    public static String of(long nanos) {
        long a = Math.abs(nanos);
        String sign = nanos < 0 ? "−" : "";
        if (a < 1_000L) {
            return sign + a + " ns";
        }
        // Round first, then pick the unit, so that 999.9996 ms reads 1.000 s and not 1000 ms.
        if (a < 100_000L && roundsBelow(a, 1_000L, 100_000L)) {
            return sign + decimal(a, 1_000L) + " µs";
        }
        if (roundsBelow(a, 1_000_000L, 1_000_000_000L)) {
            return sign + decimal(a, 1_000_000L) + " ms";
        }
        if (roundsBelow(a, 1_000_000_000L, 600_000_000_000L)) {
            return sign + decimal(a, 1_000_000_000L) + " s";
        }
        long seconds = Math.round(a / 1e9);
        if (seconds < 3600) {
            return sign + (seconds / 60) + " min " + (seconds % 60) + " s";
        }
        long minutes = Math.round(a / 6e10);
        if (minutes < 24 * 60) {
            return sign + (minutes / 60) + " h " + (minutes % 60) + " min";
        }
        long hours = Math.round(a / 3.6e12);
        return sign + (hours / 24) + " d " + (hours % 24) + " h";
    }

    /** True if value, written in unit with the decimals {@link #decimal} uses, stays below limit. */
    private static boolean roundsBelow(long value, long unit, long limit) {
        if (value >= limit) {
            return false;
        }
        long whole = value / unit;
        int decimals = whole >= 100 ? 0 : whole >= 10 ? 1 : 3;
        long step = unit / (decimals == 0 ? 1 : decimals == 1 ? 10 : 1000);
        long rounded = Math.round((double) value / step) * step;
        return rounded < limit;
    }

    /** Signed form for deltas: +0.636 ms, −1.031 ms. */
    public static String signed(long nanos) {
        return nanos >= 0 ? "+" + of(nanos) : of(nanos);
    }

    /** Relative to an anchor: T−1.031 ms, T+248 s, T. */
    public static String relative(long nanos) {
        if (nanos == 0) {
            return "T";
        }
        return "T" + (nanos > 0 ? "+" : "") + of(nanos);
    }

    /**
     * Reads a signed duration as a user types it: {@code +250ms}, {@code -2s}, {@code 1.5 s}, {@code 30us},
     * {@code 2min}, {@code 1h}, {@code 0}. Throws IllegalArgumentException with a readable message.
     */
    public static long parse(String text) {
        String t = text == null ? "" : text.strip().replace('−', '-').replace("µs", "us").replace(" ", "");
        if (t.isEmpty() || t.equals("0")) {
            return 0;
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("([+-]?)(\\d+(?:\\.\\d+)?)(ns|us|ms|s|min|h)").matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (try +250ms, -2s, 30us, 1min)");
        }
        long unit;
        switch (m.group(3)) {
            case "ns": unit = 1L; break;
            case "us": unit = 1_000L; break;
            case "ms": unit = 1_000_000L; break;
            case "s": unit = 1_000_000_000L; break;
            case "min": unit = 60_000_000_000L; break;
            default: unit = 3_600_000_000_000L; break;
        }
        java.math.BigDecimal v = new java.math.BigDecimal(m.group(2)).multiply(java.math.BigDecimal.valueOf(unit));
        long nanos = v.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
        return m.group(1).equals("-") ? -nanos : nanos;
    }

    /** Whole seconds, rounded: 248 s. */
    public static String seconds(long nanos) {
        return Math.round(nanos / 1e9) + " s";
    }

    /** Three significant decimals of value/unit with trailing zeros kept to 3 places below 10, fewer above. */
    private static String decimal(long value, long unit) {
        long whole = value / unit;
        long rem = value % unit;
        int decimals = whole >= 100 ? 0 : whole >= 10 ? 1 : 3;
        if (decimals == 0) {
            return Long.toString(Math.round((double) value / unit));
        }
        long scale = decimals == 1 ? 10 : 1000;
        long scaled = Math.round((double) rem * scale / unit);
        if (scaled == scale) {
            whole += 1;
            scaled = 0;
        }
        String frac = Long.toString(scaled + scale).substring(1);
        return whole + "." + frac;
    }
}
