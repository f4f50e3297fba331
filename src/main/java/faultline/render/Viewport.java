package faultline.render;

/**
 * The visible range of aligned time (ns relative to the anchor) mapped onto a pixel width.
 * Time stays a long: x(t) subtracts in long arithmetic first, so a 1 µs view at today's epoch and a
 * 24 h view both keep every nanosecond.
 */
public record Viewport(long start, long span, double width) implements TimeScale {
    public static final long MIN_SPAN = 200L;            // 0.2 µs across the whole view
    public static final long MAX_SPAN = 30L * 86_400_000_000_000L;

    public Viewport {
        if (span < MIN_SPAN) {
            span = MIN_SPAN;
        }
        if (span > MAX_SPAN) {
            span = MAX_SPAN;
        }
        if (!(width > 0)) {
            width = 1;
        }
    }

    @Override
    public long end() {
        return start + span;
    }

    @Override
    public java.util.List<long[]> segments() {
        return java.util.List.of(new long[]{start, start + span});
    }

    @Override
    public java.util.List<Folding.Fold> folds() {
        return java.util.List.of();
    }

    @Override
    public double x(long t) {
        return (double) (t - start) / span * width;
    }

    @Override
    public long time(double x) {
        return start + Math.round(x / width * span);
    }

    @Override
    public double nanosPerPixel() {
        return span / width;
    }

    /** Zoom by factor (&lt;1 zooms in) keeping the time under x where it is. */
    public Viewport zoom(double factor, double x) {
        long pivot = time(x);
        long newSpan = Math.max(MIN_SPAN, Math.min(MAX_SPAN, Math.round(span * factor)));
        long newStart = pivot - Math.round(x / width * newSpan);
        return new Viewport(newStart, newSpan, width);
    }

    public Viewport pan(double dx) {
        return new Viewport(start - Math.round(dx / width * span), span, width);
    }

    public Viewport withWidth(double w) {
        return new Viewport(start, span, w);
    }

    /** A view of [from, to] with a margin of the given fraction on each side. */
    public static Viewport fit(long from, long to, double width, double margin) {
        long s = Math.max(MIN_SPAN, to - from);
        long pad = Math.round(s * margin);
        return new Viewport(from - pad, s + 2 * pad, width);
    }

    @Override
    public boolean contains(long t) {
        return t >= start && t <= start + span;
    }
}
