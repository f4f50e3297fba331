package faultline.importer.scan;

import faultline.importer.Content;
import faultline.importer.Lines;

/**
 * The lines of [from, to) of a content, read a block at a time into one buffer that is reused: a line
 * that runs past a block's end is carried to the start of the next, and a line longer than a whole block
 * is cut at its start and the rest of it skipped, so no line ever needs more memory than the block.
 */
public final class LineBlocks {
    /** Blocks of four MiB: large enough that a read costs little per line, small enough to stay in cache near the scan. */
    public static final int BLOCK = 4 << 20;

    /** Where the lines go. */
    public interface Sink {
        /** The bytes [start, end) of b are a line (its '\n' excluded) found at offset in the content. */
        void line(byte[] b, int start, int end, long offset);

        /** Everything before position `done` (a content position) has been handed over. */
        void read(long done);

        /** The line just handed over was the first blockBytes of a longer one; the rest was skipped. */
        void cut(int blockBytes);
    }

    private LineBlocks() {
    }

    public static void read(Content c, long from, long to, Sink sink) {
        byte[] buf = new byte[(int) Math.min(BLOCK, Math.max(1024, to - from))];
        long bufStart = from;
        int carry = 0;
        while (true) {
            int want = (int) Math.min(buf.length - carry, to - (bufStart + carry));
            if (want > 0) {
                c.copy(bufStart + carry, buf, carry, want);
            }
            int len = carry + Math.max(want, 0);
            boolean last = bufStart + len >= to;
            int p = 0;
            while (p < len) {
                int nl = Bytes.newline(buf, p, len);
                if (nl == len && !last) {
                    break;
                }
                sink.line(buf, p, nl, bufStart + p);
                p = nl + 1;
            }
            sink.read(Math.min(to, bufStart + p));
            if (last) {
                return;
            }
            int rest = len - p;
            if (rest == buf.length) {
                // No line end in a whole block: keep the start of the line, skip the rest.
                sink.line(buf, 0, Math.min(rest, Lines.MAX_LINE), bufStart);
                sink.cut(buf.length);
                long nl = c.nextNewline(bufStart + rest);
                bufStart = nl + 1;
                carry = 0;
                sink.read(Math.min(to, bufStart));
                if (bufStart >= to) {
                    return;
                }
                continue;
            }
            System.arraycopy(buf, p, buf, 0, rest);
            bufStart += p;
            carry = rest;
        }
    }
}
