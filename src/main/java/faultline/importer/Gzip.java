package faultline.importer;

import faultline.text.Prose;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * A gzip-compressed log, decompressed as a stream: into memory while it is small, into a scratch file
 * of the user's cache folder (never beside the log) when it is large. A file that ends early keeps
 * what could be decompressed, and says so.
 */
final class Gzip {
    /** Never more than this much text, whatever the disk has room for. */
    static final long MAX_TEXT = 64L << 30;
    /** Room left on the cache's disk. */
    private static final long KEEP_FREE = 512L << 20;

    private Gzip() {
    }

    static boolean is(byte[] head) {
        return head.length >= 2 && (head[0] & 0xFF) == 0x1F && (head[1] & 0xFF) == 0x8B;
    }

    static SourceLoader.Loaded load(Path path, String name, FileChannel ch, long size, FileTime modified,
                                    java.util.function.BooleanSupplier cancelled) throws ImportException {
        Sink sink = new Sink(name);
        String note = null;
        try (InputStream gz = new GZIPInputStream(new Positional(ch, size), 1 << 16)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = gz.read(buf)) > 0) {
                sink.write(buf, n);
                if ((sink.size() & ((1 << 22) - 1)) < n && cancelled.getAsBoolean()) {
                    sink.discard();
                    throw new ImportCancelledException();
                }
            }
        } catch (EOFException e) {
            note = Prose.get("import.gzip.cut-off");
        } catch (ZipException e) {
            if (sink.size() == 0) {
                throw new ImportException(Prose.format("import.gzip.damaged", name, e.getMessage()));
            }
            note = Prose.format("import.gzip.damaged-after", sink.size(), e.getMessage());
        } catch (IOException e) {
            sink.discard();
            throw new ImportException(Prose.format("import.gzip.failed", name, e.getMessage()));
        } catch (ImportException e) {
            sink.discard();
            throw e;
        }
        if (sink.size() == 0) {
            sink.discard();
            throw new ImportException(Prose.format("import.gzip.empty", name));
        }
        if (sink.inMemory()) {
            return SourceLoader.fromBytes(path, name, sink.bytes(), note, size, modified);
        }
        FileChannel text = sink.finish();
        try {
            byte[] head = SourceLoader.readAt(text, 0, (int) Math.min(64 * 1024, sink.size()), name);
            SourceLoader.Loaded l = SourceLoader.fromFile(sink.file(), name, text, sink.size(), head, note, size, modified, cancelled);
            if (!(l.content() instanceof FileContent f && f.reads(text))) {
                text.close();
            }
            return l.as(path, Map.of());
        } catch (ImportException | IOException e) {
            try {
                text.close();
            } catch (IOException ignored) {
                // closing a file that was only read
            }
            sink.discard();
            throw e instanceof ImportException ie ? ie : new ImportException(Prose.format("import.gzip.failed", name, e.getMessage()));
        }
    }

    /** Memory up to the read limit, then a scratch file. */
    private static final class Sink {
        private final String name;
        private ByteArrayOutputStream memory = new ByteArrayOutputStream(1 << 16);
        private Path file;
        private OutputStream out;
        private long size;
        private long limit = MAX_TEXT;

        Sink(String name) {
            this.name = name;
        }

        void write(byte[] b, int n) throws IOException, ImportException {
            if (size + n > limit) {
                discard();
                throw new ImportException(Prose.format("import.gzip.too-large", name, limit >> 20, CacheFolder.dir()));
            }
            if (memory != null && size + n > SourceLoader.READ_LIMIT) {
                file = CacheFolder.newScratchFile(name);
                limit = Math.min(MAX_TEXT, Math.max(0, Files.getFileStore(file).getUsableSpace() - KEEP_FREE));
                out = Files.newOutputStream(file, StandardOpenOption.WRITE);
                memory.writeTo(out);
                memory = null;
            }
            if (memory != null) {
                memory.write(b, 0, n);
            } else {
                out.write(b, 0, n);
            }
            size += n;
        }

        long size() {
            return size;
        }

        boolean inMemory() {
            return memory != null;
        }

        byte[] bytes() {
            return memory.toByteArray();
        }

        Path file() {
            return file;
        }

        FileChannel finish() throws ImportException {
            try {
                out.close();
                return FileChannel.open(file, StandardOpenOption.READ);
            } catch (IOException e) {
                discard();
                throw new ImportException(Prose.format("import.gzip.failed", name, e.getMessage()));
            }
        }

        void discard() {
            memory = null;
            try {
                if (out != null) {
                    out.close();
                }
                if (file != null) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                // the scratch file is removed by the next start at the latest
            }
        }
    }

    /** The file's first `size` bytes as a stream, read by position (the channel's own position is left alone). */
    private static final class Positional extends InputStream {
        private final FileChannel ch;
        private final long size;
        private long pos;

        Positional(FileChannel ch, long size) {
            this.ch = ch;
            this.size = size;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (pos >= size) {
                return -1;
            }
            int n = ch.read(ByteBuffer.wrap(b, off, (int) Math.min(len, size - pos)), pos);
            if (n > 0) {
                pos += n;
            }
            return n;
        }
    }
}
