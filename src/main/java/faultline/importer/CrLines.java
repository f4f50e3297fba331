package faultline.importer;

import faultline.text.Prose;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Lone CR line ends (CR not followed by LF) turned into LF, so that such a file reads as lines; CRLF is left to the readers. */
final class CrLines {
    private CrLines() {
    }

    /** Converts in place from start; returns how many line ends were converted. */
    static long convert(byte[] b, int start) {
        long n = 0;
        for (int i = start; i < b.length; i++) {
            if (b[i] == '\r' && (i + 1 == b.length || b[i + 1] != '\n')) {
                b[i] = '\n';
                n++;
            }
        }
        return n;
    }

    /** Converts [start, size) of the file into a scratch copy. */
    static ScratchCopy.Converted convert(FileChannel in, long start, long size, String name, java.util.function.BooleanSupplier cancelled)
            throws ImportException {
        return ScratchCopy.write(in, start, size, name, cancelled,
                (folder, why) -> Prose.format("import.cr.no-scratch", name, folder, why), why -> Prose.format("import.cr.failed", name, why),
                (b, len, pos, more) -> block(in, b, len, pos));
    }

    /** A block's lone CRs made line ends; a CR that ends the block is lone unless the file's next byte is LF. */
    private static ScratchCopy.Done block(FileChannel in, byte[] b, int len, long pos) throws java.io.IOException {
        long lines = 0;
        boolean crAtEnd = b[len - 1] == '\r';
        int scan = crAtEnd ? len - 1 : len;
        for (int i = 0; i < scan; i++) {
            if (b[i] == '\r' && b[i + 1] != '\n') {
                b[i] = '\n';
                lines++;
            }
        }
        if (crAtEnd) {
            ByteBuffer next = ByteBuffer.allocate(1);
            boolean lf = in.read(next, pos + len) == 1 && next.get(0) == '\n';
            if (!lf) {
                b[len - 1] = '\n';
                lines++;
            }
        }
        return new ScratchCopy.Done(len, len, lines);
    }
}
