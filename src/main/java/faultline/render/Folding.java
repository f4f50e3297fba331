package faultline.render;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Idle gaps folded out of the axis: every stretch of aligned time in which no lane logs anything for
 * longer than a threshold shrinks to a fixed width, and the axis breaks there with the folded time
 * written on the break. Works in "compressed time": real time minus what the folds before it removed,
 * plus a fixed width per fold.
 */
public final class Folding {
    /** A folded stretch of aligned time [from, to], shown as `width` nanoseconds of compressed time. */
    public record Fold(long from, long to, long width) {
        public long duration() {
            return to - from;
        }
    }

    public static final Folding NONE = new Folding(new long[0], new long[0], 0);

    private final long[] from;
    private final long[] to;
    private final long width;
    /** Compressed start of each fold. */
    private final long[] cFrom;

    private Folding(long[] from, long[] to, long width) {
        this.from = from;
        this.to = to;
        this.width = width;
        this.cFrom = new long[from.length];
        long removed = 0;
        for (int i = 0; i < from.length; i++) {
            cFrom[i] = from[i] - removed;
            removed += (to[i] - from[i]) - width;
        }
    }

    /**
     * Folds every gap between consecutive times (sorted, all lanes merged) longer than minGap; each
     * fold keeps `width` ns of compressed time.
     */
    public static Folding of(long[] sortedTimes, long minGap, long width) {
        List<long[]> gaps = new ArrayList<>();
        for (int i = 1; i < sortedTimes.length; i++) {
            long g = sortedTimes[i] - sortedTimes[i - 1];
            if (g > minGap && g > width) {
                gaps.add(new long[]{sortedTimes[i - 1], sortedTimes[i]});
            }
        }
        long[] f = new long[gaps.size()];
        long[] t = new long[gaps.size()];
        for (int i = 0; i < f.length; i++) {
            // Keep a margin on both sides so the marks next to the break stay visible.
            long margin = Math.min(width / 2, (gaps.get(i)[1] - gaps.get(i)[0] - width) / 4);
            f[i] = gaps.get(i)[0] + margin;
            t[i] = gaps.get(i)[1] - margin;
        }
        return new Folding(f, t, width);
    }

    /**
     * Folding for a scene: gaps longer than 1/100 of its span (and than 100 ms) fold, each to 1/25 of
     * the time that remains unfolded, so that a break stays narrow next to the activity around it.
     */
    public static Folding of(TimelineScene scene) {
        long span = Math.max(1, scene.last() - scene.first());
        int count = 0;
        for (TimelineScene.Lane l : scene.lanes()) {
            count += l.marks().times().length + 2 * l.phases().size() + (l.crash() != null ? 3 : 0);
        }
        // Ten million marks stay primitive: each lane's times are already sorted, so the sort below only merges runs.
        long[] times = new long[count];
        int at = 0;
        for (TimelineScene.Lane l : scene.lanes()) {
            long[] marks = l.marks().times();
            System.arraycopy(marks, 0, times, at, marks.length);
            at += marks.length;
            for (TimelineScene.PhaseBar p : l.phases()) {
                times[at++] = p.start();
                times[at++] = p.end();
            }
            if (l.crash() != null) {
                times[at++] = l.crash().lastEvidence();
                times[at++] = l.crash().at();
                times[at++] = l.crash().latest();
            }
        }
        Arrays.sort(times);
        long minGap = Math.max(100_000_000L, span / 100);
        long folded = 0;
        for (int i = 1; i < times.length; i++) {
            long g = times[i] - times[i - 1];
            if (g > minGap) {
                folded += g;
            }
        }
        long kept = Math.max(1_000L, span - folded);
        return of(times, minGap, Math.max(1_000L, kept / 25));
    }

    public boolean isEmpty() {
        return from.length == 0;
    }

    public int size() {
        return from.length;
    }

    public Fold fold(int i) {
        return new Fold(from[i], to[i], width);
    }

    /** Compressed time of a real time. */
    public long compress(long t) {
        int i = lastFoldStartingAtOrBefore(t);
        if (i < 0) {
            return t;
        }
        if (t <= to[i]) {
            // Inside the fold: proportionally within its width.
            double f = (double) (t - from[i]) / Math.max(1, to[i] - from[i]);
            return cFrom[i] + Math.round(f * width);
        }
        return cFrom[i] + width + (t - to[i]);
    }

    /** Real time of a compressed time. */
    public long expand(long c) {
        int lo = 0;
        int hi = cFrom.length - 1;
        int i = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cFrom[mid] <= c) {
                i = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        if (i < 0) {
            return c;
        }
        long into = c - cFrom[i];
        if (into <= width) {
            return from[i] + Math.round((double) into / Math.max(1, width) * (to[i] - from[i]));
        }
        return to[i] + (into - width);
    }

    private int lastFoldStartingAtOrBefore(long t) {
        int lo = 0;
        int hi = from.length - 1;
        int i = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (from[mid] <= t) {
                i = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return i;
    }

    /** Folds overlapping the real range [a, b]. */
    List<Fold> within(long a, long b) {
        List<Fold> out = new ArrayList<>();
        for (int i = 0; i < from.length; i++) {
            if (to[i] >= a && from[i] <= b) {
                out.add(fold(i));
            }
        }
        return out;
    }
}
