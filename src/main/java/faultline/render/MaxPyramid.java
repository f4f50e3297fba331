package faultline.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Maxima of one lane's event columns over blocks of 16, 256, 4096, … events: the most severe level and
 * the widest time window (latest − time) of any range of events cost a few reads per level instead of
 * one per event. Exact for every range: the partial blocks at both edges of a range are read at the level
 * below, down to the events themselves.
 */
public final class MaxPyramid {
    static final int SHIFT = 4;
    static final int FANOUT = 1 << SHIFT;
    private static final int MASK = FANOUT - 1;

    private final byte[] levels;
    private final long[] times;
    private final long[] latest;
    /** levelMax[l] / windowMax[l]: the maximum of each block of FANOUT^(l+1) events. */
    private final byte[][] levelMax;
    private final long[][] windowMax;
    /** The time of the first event of every block of FANOUT events: a search index that stays in cache. */
    private final long[] blockStarts;

    private MaxPyramid(byte[] levels, long[] times, long[] latest, byte[][] levelMax, long[][] windowMax) {
        this.levels = levels;
        this.times = times;
        this.latest = latest;
        this.levelMax = levelMax;
        this.windowMax = windowMax;
        this.blockStarts = new long[(times.length + MASK) >>> SHIFT];
        for (int b = 0; b < blockStarts.length; b++) {
            blockStarts[b] = times[b << SHIFT];
        }
    }

    long[] blockStarts() {
        return blockStarts;
    }

    static MaxPyramid of(byte[] levels, long[] times, long[] latest) {
        List<byte[]> lv = new ArrayList<>();
        List<long[]> win = new ArrayList<>();
        int n = levels.length;
        byte[] belowLevel = levels;
        long[] belowWindow = null;
        while (n > 1) {
            int m = (n + MASK) >>> SHIFT;
            byte[] l = new byte[m];
            long[] w = new long[m];
            for (int b = 0; b < m; b++) {
                int from = b << SHIFT;
                int to = Math.min(n, from + FANOUT);
                byte ml = 0;
                long mw = 0;
                for (int i = from; i < to; i++) {
                    ml = (byte) Math.max(ml, belowLevel[i]);
                    mw = Math.max(mw, belowWindow == null ? latest[i] - times[i] : belowWindow[i]);
                }
                l[b] = ml;
                w[b] = mw;
            }
            lv.add(l);
            win.add(w);
            belowLevel = l;
            belowWindow = w;
            n = m;
        }
        return new MaxPyramid(levels, times, latest, lv.toArray(new byte[0][]), win.toArray(new long[0][]));
    }

    /** Highest level ordinal among events [from, to), or -1 for an empty range. */
    int maxLevel(int from, int to) {
        int max = -1;
        byte[] row = levels;
        int up = 0;
        while (from < to) {
            if (to - from < 2 * FANOUT || up >= levelMax.length) {
                for (int i = from; i < to; i++) {
                    max = Math.max(max, row[i]);
                }
                return max;
            }
            while ((from & MASK) != 0) {
                max = Math.max(max, row[from++]);
            }
            while ((to & MASK) != 0) {
                max = Math.max(max, row[--to]);
            }
            from >>>= SHIFT;
            to >>>= SHIFT;
            row = levelMax[up++];
        }
        return max;
    }

    /** Widest time window among events [from, to), 0 for an empty range. */
    long maxWindow(int from, int to) {
        long max = 0;
        if (to - from < 2 * FANOUT || levelMax.length == 0) {
            for (int i = from; i < to; i++) {
                max = Math.max(max, latest[i] - times[i]);
            }
            return max;
        }
        while ((from & MASK) != 0) {
            max = Math.max(max, latest[from] - times[from]);
            from++;
        }
        while ((to & MASK) != 0) {
            --to;
            max = Math.max(max, latest[to] - times[to]);
        }
        from >>>= SHIFT;
        to >>>= SHIFT;
        int up = 0;
        while (from < to) {
            long[] row = windowMax[up++];
            if (to - from < 2 * FANOUT || up >= windowMax.length) {
                for (int i = from; i < to; i++) {
                    max = Math.max(max, row[i]);
                }
                return max;
            }
            while ((from & MASK) != 0) {
                max = Math.max(max, row[from++]);
            }
            while ((to & MASK) != 0) {
                max = Math.max(max, row[--to]);
            }
            from >>>= SHIFT;
            to >>>= SHIFT;
        }
        return max;
    }
}
