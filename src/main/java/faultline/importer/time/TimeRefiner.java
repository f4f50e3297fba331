package faultline.importer.time;

import faultline.model.EventStore;
import faultline.model.Stamp;

/**
 * Narrows imprecise times with the order of the file: a line written after another cannot be older
 * than it, nor newer than the line after it. A console line stamped {@code [14:31:53]} that follows
 * a row known to the microsecond (through its database twin) starts just after that row; an estimated
 * line lies between its known neighbours. Precise times are never changed; where the file's order
 * contradicts the times (several writers, a clock step), the line keeps its own window.
 *
 * <p>Two passes and no whole-file arrays: a backward pass keeps, for the rows that may change only,
 * the latest time the rows after them allow; a forward pass carries the earliest time the rows before
 * allow and narrows each such row between the two. In a fleet's export about one row in ten can change
 * (the database drops trailing zeros of the fraction), so the refinement costs a tenth of a column.
 */
public final class TimeRefiner {
    /** Times from this many fraction digits on are taken as they are. */
    static final int PRECISE = 6;

    private TimeRefiner() {
    }

    /** Refines rows [from, to) of one source, in file order; returns how many rows were narrowed. */
    public static long refine(EventStore.Builder b, int from, int to) {
        if (to - from <= 1) {
            return 0;
        }
        int m = 0;
        for (int r = from; r < to; r++) {
            if (changeable(b, r)) {
                m++;
            }
        }
        if (m == 0) {
            return 0;
        }
        // Backward: z is the latest time row r can have, given its own window and the rows after it.
        long[] latestOf = new long[m];
        int w = m;
        long zNext = Long.MAX_VALUE;
        for (int r = to - 1; r >= from; r--) {
            long z = hi(b, r);
            if (zNext != Long.MAX_VALUE && z >= zNext) {
                z = zNext - 1;
            }
            if (changeable(b, r)) {
                latestOf[--w] = z;
            }
            zNext = z;
        }
        // Forward: a is the earliest time row r can have, given its own window and the rows before it.
        long changed = 0;
        long aPrev = Long.MIN_VALUE;
        int k = 0;
        for (int r = from; r < to; r++) {
            long lo = lo(b, r);
            long a = lo;
            if (aPrev != Long.MIN_VALUE && a <= aPrev) {
                a = aPrev + 1; // two lines are never written in the same nanosecond
            }
            aPrev = a;
            if (!changeable(b, r)) {
                continue;
            }
            long start = a;
            long end = latestOf[k++];
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
            } else {
                long hi = hi(b, r);
                if (start <= end && start >= lo && end <= hi && (start != lo || end != hi)) {
                    b.refine(r, start, end);
                    changed++;
                }
            }
        }
        return changed;
    }

    /** A row whose time may be narrowed: estimated, or known to less than the microsecond, and not a twin's second sighting. */
    private static boolean changeable(EventStore.Builder b, int r) {
        return !b.isDuplicate(r) && (b.estimated(r) || b.precision(r) < PRECISE);
    }

    /** The row whose time stands for r: a merged second sighting takes its kept twin's. */
    private static int timeRow(EventStore.Builder b, int r) {
        if (b.isDuplicate(r)) {
            int t = b.twin(r);
            return t >= 0 ? t : r;
        }
        return r;
    }

    private static long lo(EventStore.Builder b, int r) {
        int s = timeRow(b, r);
        return b.estimated(s) ? Long.MIN_VALUE : b.nanos(s);
    }

    private static long hi(EventStore.Builder b, int r) {
        int s = timeRow(b, r);
        if (b.estimated(s)) {
            return Long.MAX_VALUE;
        }
        int p = b.precision(s);
        return b.nanos(s) + Stamp.resolution(p) - (p == 9 ? 0 : 1);
    }
}
