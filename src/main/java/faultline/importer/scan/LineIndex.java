package faultline.importer.scan;

import faultline.importer.Content;

import java.util.Arrays;

/**
 * Line numbers of a line-based source without a column per line: the byte offset and number of every
 * 1024th line, and a count of newlines from there when a number is asked for.
 */
public final class LineIndex {
    public static final int EVERY = 1024;

    private long[] offsets = new long[16];
    private int[] lines = new int[16];
    private int size;
    /**
     * The last line asked for (its offset and number): lines asked for in file order (a headless
     * listing of every event) count on from it instead of from the mark before. Replaced whole, so
     * that readers on other threads see either the old or the new one.
     */
    private volatile long[] last;

    /** Records that line number `line` starts at `offset`; offsets must grow. */
    public void mark(long offset, int line) {
        if (size == offsets.length) {
            offsets = Arrays.copyOf(offsets, size * 2);
            lines = Arrays.copyOf(lines, size * 2);
        }
        offsets[size] = offset;
        lines[size] = line;
        size++;
    }

    /** Appends another index whose lines follow (by lineBase lines) — a parallel reader's part. */
    public void append(LineIndex other, int lineBase) {
        for (int i = 0; i < other.size; i++) {
            mark(other.offsets[i], other.lines[i] + lineBase);
        }
    }

    public int line(Content content, long ref) {
        long from = 0;
        int line = 1;
        int k = size == 0 ? -1 : Arrays.binarySearch(offsets, 0, size, ref);
        if (k < -1) {
            k = -k - 2;
        }
        if (k >= 0) {
            from = offsets[k];
            line = lines[k];
        }
        long[] l = last;
        if (l != null && l[0] <= ref && l[0] >= from) {
            from = l[0];
            line = (int) l[1];
        }
        int n = line + count(content, from, ref);
        last = new long[]{ref, n};
        return n;
    }

    private static int count(Content c, long from, long to) {
        int n = 0;
        for (long p = c.nextNewline(from); p < to; p = c.nextNewline(p + 1)) {
            n++;
        }
        return n;
    }
}
