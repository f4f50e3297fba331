package faultline.importer;

import faultline.text.Prose;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Lone CR line ends (CR not followed by LF) turned into LF, so that such a file reads as lines; CRLF is left to the readers. */
final class CrLines {
    private static final int BLOCK = 4 << 20;

    /** The converted text of a large file, in a scratch file of the cache folder. */
    record Converted(Path file, FileChannel channel, long size, long lines) {
    }

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
    static Converted convert(FileChannel in, long start, long size, String name, java.util.function.BooleanSupplier cancelled)
            throws ImportException {
        Path tmp;
        try {
            tmp = CacheFolder.newScratchFile(name);
        } catch (IOException e) {
            throw new ImportException(Prose.format("import.cr.no-scratch", name, CacheFolder.dir(), e.getMessage()));
        }
        long lines = 0;
        long written = 0;
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            byte[] b = new byte[BLOCK + 1];
            long pos = start;
            while (pos < size) {
                if (cancelled.getAsBoolean()) {
                    throw new ImportCancelledException();
                }
                int len = (int) Math.min(BLOCK, size - pos);
                ByteBuffer bb = ByteBuffer.wrap(b, 0, len);
                while (bb.hasRemaining()) {
                    if (in.read(bb, pos + bb.position()) <= 0) {
                        break;
                    }
                }
                len = bb.position();
                if (len == 0) {
                    break;
                }
                // A CR at the end of a block is lone unless the next block starts with LF.
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
                ByteBuffer w = ByteBuffer.wrap(b, 0, len);
                while (w.hasRemaining()) {
                    out.write(w);
                }
                written += len;
                pos += len;
            }
            return new Converted(tmp, FileChannel.open(tmp, StandardOpenOption.READ), written, lines);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ImportException(Prose.format("import.cr.failed", name, e.getMessage()));
        } catch (RuntimeException e) {
            deleteQuietly(tmp);
            throw e;
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            java.nio.file.Files.deleteIfExists(p);
        } catch (IOException e) {
            // removed at exit, or by the next start at the latest
        }
    }
}
