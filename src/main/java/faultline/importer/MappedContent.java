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

    MappedContent(FileChannel channel, long size, long start) throws IOException {
        this.size = size;
        this.start = start;
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

    /** The mapped chunk that owns absolute position p, and the offset of p in it. */
    MappedByteBuffer chunkOf(long p) {
        return chunks[(int) (p >>> CHUNK_BITS)];
    }

    long startOffset() {
        return start;
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
