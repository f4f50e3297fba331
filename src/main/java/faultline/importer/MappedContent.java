package faultline.importer;

import java.io.IOException;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * A large file mapped read-only in chunks of 1 GiB, so that its text stays in the page cache and not
 * on the heap. The file is never written.
 */
final class MappedContent implements Content {
    static final int CHUNK_BITS = 30;
    private static final long CHUNK = 1L << CHUNK_BITS;
    private static final long MASK = CHUNK - 1;

    private final MappedByteBuffer[] chunks;
    private final long size;
    private final long start;
    private final FileChannel channel;

    /** Maps the file; the channel stays open for bulk reads, which beat page faults on a first pass. */
    MappedContent(FileChannel channel, long size, long start) throws IOException {
        this.size = size;
        this.start = start;
        this.channel = channel;
        int n = (int) ((size + CHUNK - 1) / CHUNK);
        chunks = new MappedByteBuffer[Math.max(n, 1)];
        for (int i = 0; i < n; i++) {
            long from = i * CHUNK;
            // Each chunk maps 4 KiB more than it owns so that a line crossing the boundary decodes in one piece.
            long len = Math.min(size - from, CHUNK + 4096);
            chunks[i] = channel.map(FileChannel.MapMode.READ_ONLY, from, len);
        }
    }

    @Override
    public long size() {
        return size - start;
    }

    @Override
    public byte get(long pos) {
        long p = pos + start;
        return chunks[(int) (p >>> CHUNK_BITS)].get((int) (p & MASK));
    }

    @Override
    public void copy(long pos, byte[] dst, int off, int len) {
        if (len >= 64 * 1024 && channel.isOpen()) {
            try {
                java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(dst, off, len);
                long at = pos + start;
                while (bb.hasRemaining()) {
                    int n = channel.read(bb, at);
                    if (n <= 0) {
                        break;
                    }
                    at += n;
                }
                if (!bb.hasRemaining()) {
                    return;
                }
            } catch (IOException e) {
                // fall back to the mapping
            }
        }
        long p = pos + start;
        int done = 0;
        while (done < len) {
            MappedByteBuffer c = chunks[(int) ((p + done) >>> CHUNK_BITS)];
            int at = (int) ((p + done) & MASK);
            int n = Math.min(len - done, (int) Math.min(CHUNK - at, c.limit() - at));
            c.get(at, dst, off + done, n);
            done += n;
        }
    }

    @Override
    public String decode(long pos, int len) {
        long p = pos + start;
        MappedByteBuffer c = chunks[(int) (p >>> CHUNK_BITS)];
        int off = (int) (p & MASK);
        byte[] b = new byte[len];
        if (off + len <= c.limit()) {
            c.get(off, b, 0, len);
        } else {
            for (int i = 0; i < len; i++) {
                b[i] = get(pos + i);
            }
        }
        return new String(b, StandardCharsets.UTF_8);
    }
}
