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
        if (size == 0) {
            return count(content, 0, ref) + 1;
        }
        int k = Arrays.binarySearch(offsets, 0, size, ref);
        if (k < 0) {
            k = -k - 2;
        }
        if (k < 0) {
            return count(content, 0, ref) + 1;
        }
        return lines[k] + count(content, offsets[k], ref);
    }

    private static int count(Content c, long from, long to) {
        int n = 0;
        for (long p = from; p < to; p++) {
            if (c.get(p) == '\n') {
                n++;
            }
        }
        return n;
    }
}
