package faultline.model;

/**
 * A point in time as the logs gave it: nanoseconds since the epoch (UTC), how many fraction digits
 * were really present (0-9), and whether the time was estimated from neighbouring lines.
 * A stamp with precision p stands for the interval [nanos, nanos + 10^(9-p)).
 */
public record Stamp(long nanos, int precision, boolean estimated) implements Comparable<Stamp> {

    public static final long NANOS_PER_SECOND = 1_000_000_000L;

    public Stamp {
        if (precision < 0 || precision > 9) {
            throw new IllegalArgumentException("precision must be 0..9: " + precision);
        }
    }

    /** Width of the interval this stamp stands for: 1 s for precision 0, 1 µs for precision 6. */
    public long resolution() {
        return resolution(precision);
    }

    public static long resolution(int precision) {
        long r = 1;
        for (int i = precision; i < 9; i++) {
            r *= 10;
        }
        return r;
    }

    public long end() {
        return nanos + resolution() - (precision == 9 ? 0 : 1);
    }

    @Override
    public int compareTo(Stamp o) {
        return Long.compare(nanos, o.nanos);
    }

    @Override
    public String toString() {
        return TimeText.isoFull(nanos, precision) + (estimated ? "~" : "");
    }
}
