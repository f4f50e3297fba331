package faultline.importer;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A large file's text rewritten block by block into a scratch file of the cache folder (its line ends converted,
 * its escapes taken out), which is then read in the file's place: the log itself is never written.
 */
final class ScratchCopy {
    private static final int BLOCK = 4 << 20;

    /** The rewritten text, and how many lines the rewrite changed. */
    record Converted(Path file, FileChannel channel, long size, long lines) {
    }

    /** What one block becomes: its first {@code taken} bytes were read, the first {@code kept} of them (rewritten in place) go out. */
    record Done(int taken, int kept, long lines) {
    }

    @FunctionalInterface
    interface Rewrite {
        /**
         * Rewrites b[0, len), read at pos, in place.
         *
         * @param more whether the file goes on after the block (a rewrite may leave a cut line for the next block)
         */
        Done block(byte[] b, int len, long pos, boolean more) throws IOException;
    }

    private ScratchCopy() {
    }

    /**
     * @param noScratch what to tell when no scratch file can be made in the folder, given the I/O error's words
     * @param failed    what to tell when the copy cannot be written
     */
    static Converted write(FileChannel in, long start, long size, String name, java.util.function.BooleanSupplier cancelled,
                           java.util.function.BiFunction<Path, String, String> noScratch,
                           java.util.function.UnaryOperator<String> failed, Rewrite rewrite) throws ImportException {
        Path tmp;
        try {
            tmp = CacheFolder.newScratchFile(name);
        } catch (IOException e) {
            throw new ImportException(noScratch.apply(CacheFolder.dir(), e.getMessage()));
        }
        long lines = 0;
        long written = 0;
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            byte[] b = new byte[BLOCK];
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
                Done d = rewrite.block(b, len, pos, pos + len < size);
                lines += d.lines();
                ByteBuffer w = ByteBuffer.wrap(b, 0, d.kept());
                while (w.hasRemaining()) {
                    out.write(w);
                }
                written += d.kept();
                pos += d.taken();
            }
            return new Converted(tmp, FileChannel.open(tmp, StandardOpenOption.READ), written, lines);
        } catch (IOException e) {
            deleteQuietly(tmp);
            throw new ImportException(failed.apply(e.getMessage()));
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
