package faultline.importer.time;

import faultline.model.EventStore;
import faultline.model.Stamp;

/**
 * Narrows imprecise times with the order of the file: a line written after another cannot be older
 * than it, nor newer than the line after it. A console line stamped {@code [14:31:53]} that follows
 * a row known to the microsecond (through its database twin) starts just after that row; an estimated
 * line lies between its known neighbours. Precise times are never changed; where the file's order
 * contradicts the times (several writers, a clock step), the line keeps its own window.
 */
public final class TimeRefiner {
    /** Times from this many fraction digits on are taken as they are. */
    static final int PRECISE = 6;

    private TimeRefiner() {
    }

    /** Refines rows [from, to) of one source, in file order. */
    public static long refine(EventStore.Builder b, int from, int to) {
        int n = to - from;
        if (n <= 1) {
            return 0;
        }
        boolean any = false;
        for (int r = from; r < to && !any; r++) {
            any = b.estimated(r) || b.precision(r) < PRECISE;
        }
        if (!any) {
            return 0;
        }
        long[] lo = new long[n];
        long[] hi = new long[n];
        for (int k = 0; k < n; k++) {
            int r = from + k;
            int src = b.isDuplicate(r) && b.twin(r) >= 0 ? b.twin(r) : r;
            if (b.estimated(src)) {
                lo[k] = Long.MIN_VALUE;
                hi[k] = Long.MAX_VALUE;
            } else {
                lo[k] = b.nanos(src);
                hi[k] = b.nanos(src) + Stamp.resolution(b.precision(src)) - (b.precision(src) == 9 ? 0 : 1);
            }
        }
        long[] a = lo.clone();
        for (int k = 1; k < n; k++) {
            if (a[k - 1] != Long.MIN_VALUE && a[k] <= a[k - 1]) {
                a[k] = a[k - 1] + 1; // two lines are never written in the same nanosecond
            }
        }
        long[] z = hi.clone();
        for (int k = n - 2; k >= 0; k--) {
            if (z[k + 1] != Long.MAX_VALUE && z[k] >= z[k + 1]) {
                z[k] = z[k + 1] - 1;
            }
        }
        long changed = 0;
        for (int k = 0; k < n; k++) {
            int r = from + k;
            if (b.isDuplicate(r) || (!b.estimated(r) && b.precision(r) >= PRECISE)) {
                continue;
            }
            long start = a[k];
            long end = z[k];
            if (b.estimated(r)) {
                if (start == Long.MIN_VALUE) {
                    start = b.nanos(r);
                }
                if (end == Long.MAX_VALUE) {
                    end = start;
                }
                if (start > end) {
                    end = start;
                }
                b.refine(r, start, end);
                changed++;
            } else if (start <= end && start >= lo[k] && end <= hi[k] && (start != lo[k] || end != hi[k])) {
                b.refine(r, start, end);
                changed++;
            }
        }
        return changed;
    }
}
