package faultline.importer;

import faultline.text.Prose;

import faultline.importer.scan.Bytes;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * A large file read by position ({@link FileChannel#read(ByteBuffer, long)}), never mapped: its text
 * stays in the page cache and the process keeps only what it copies. A file that shrinks while it is
 * read gives short reads instead of a memory fault: from the first byte that is gone, the content
 * reads as one line end followed by spaces (so that the last line read ends where the file ended and
 * no line is invented), and {@link #endedEarlyAt()} tells where. The file is never written.
 */
final class FileContent implements Content {
    /**
     * Small reads (a message, line ends, line numbers) go through a per-thread block of this size. The
     * facts of a fleet's tasks read a few lines at the start and the end of each of 50,000 short tasks
     * in file order: a block of a quarter megabyte serves a dozen tasks with one read, where a block of
     * a few kilobytes made the reads cost more than scanning the whole file.
     */
    private static final int BLOCK = 256 * 1024;
    private static final int ALIGN = 4096;
    /** What a read here and there fills the block with: the message and what follows it (a task's lines lie close). */
    private static final int NEAR = BLOCK;
    private static final int RETRIES = 3;

    private final Path path;
    private final long size;
    private final long start;
    private volatile FileChannel channel;
    /** Content position where the file was found to end before {@link #size}, or -1. */
    private volatile long endedAt = -1;
    private volatile String failure;
    private final ThreadLocal<Block> blocks = ThreadLocal.withInitial(Block::new);

    private static final class Block {
        long at = -1;
        int len;
        final byte[] bytes = new byte[BLOCK];
    }

    /**
     * @param channel open for reading; kept open for the content's life (reopened if something closes it)
     * @param size    the file's size when it was opened: the content never grows past it
     * @param start   bytes to skip at the start (a byte-order mark)
     */
    FileContent(Path path, FileChannel channel, long size, long start) {
        this.path = path;
        this.channel = channel;
        this.size = size;
        this.start = start;
    }

    @Override
    public long size() {
        return size - start;
    }

    /** Where the file was found to end before its size at opening (a content position), or -1 while it is whole. */
    long endedEarlyAt() {
        return endedAt;
    }

    /** Whether this content reads through that channel (the loader then keeps it open). */
    boolean reads(FileChannel c) {
        return channel == c;
    }

    /** Why a read failed (the file vanished, an I/O error), or null. */
    String failure() {
        return failure;
    }

    @Override
    public byte get(long pos) {
        Block b = cover(pos, 1);
        return b.bytes[(int) (pos - b.at)];
    }

    @Override
    public void copy(long pos, byte[] dst, int off, int len) {
        if (len <= ALIGN) {
            Block b = cover(pos, len);
            System.arraycopy(b.bytes, (int) (pos - b.at), dst, off, len);
        } else {
            read(pos, dst, off, len);
        }
    }

    @Override
    public String decode(long pos, int len) {
        if (len <= ALIGN) {
            Block b = cover(pos, len);
            return new String(b.bytes, (int) (pos - b.at), len, StandardCharsets.UTF_8);
        }
        byte[] out = new byte[len];
        read(pos, out, 0, len);
        return new String(out, StandardCharsets.UTF_8);
    }

    @Override
    public long nextNewline(long pos) {
        long n = size();
        long p = pos;
        while (p < n) {
            long end = endedAt;
            if (end >= 0 && p > end) {
                return n; // past the end of what is left there are only spaces
            }
            Block b = cover(p, 1);
            int from = (int) (p - b.at);
            int nl = Bytes.newline(b.bytes, from, b.len);
            if (nl < b.len) {
                return b.at + nl;
            }
            p = b.at + b.len;
        }
        return n;
    }

    /**
     * The thread's block, filled so that it holds [pos, pos + len) (len at most a page): a few pages
     * around a read here and there, the whole block when the reads run on from the last one (a search
     * for a line end, a count of lines).
     */
    private Block cover(long pos, int len) {
        Block b = blocks.get();
        if (pos >= b.at && pos + len <= b.at + b.len) {
            return b;
        }
        boolean runsOn = b.at >= 0 && pos == b.at + b.len;
        long at = runsOn ? pos : pos - (pos % ALIGN);
        int want = runsOn ? BLOCK : NEAR;
        if (pos + len > at + want) {
            at = pos;
        }
        int n = (int) Math.min(want, size() - at);
        if (n < len) {
            throw new IndexOutOfBoundsException("bytes " + pos + "+" + len + " outside content of " + size());
        }
        b.at = -1; // not valid while it is being filled
        read(at, b.bytes, 0, n);
        b.at = at;
        b.len = n;
        return b;
    }

    /** Reads [pos, pos + len) in full: what the file no longer has is filled in. */
    private void read(long pos, byte[] dst, int off, int len) {
        if (pos < 0 || len < 0 || pos + len > size()) {
            throw new IndexOutOfBoundsException("bytes " + pos + "+" + len + " outside content of " + size());
        }
        long end = endedAt;
        int real = end < 0 ? len : (int) Math.max(0, Math.min(len, end - pos));
        int done = 0;
        if (real > 0) {
            done = readFile(pos, dst, off, real);
        }
        if (done < len) {
            fill(pos + done, dst, off + done, len - done);
        }
    }

    /** Reads from the file; returns how many bytes it had (fewer when it ended early). */
    private int readFile(long pos, byte[] dst, int off, int len) {
        ByteBuffer bb = ByteBuffer.wrap(dst, off, len);
        long at = start + pos;
        int attempts = 0;
        // A read on an interrupted thread would close the channel for every other reader: the
        // interrupt is kept aside for the read and put back after it.
        boolean interrupted = Thread.interrupted();
        try {
            while (bb.hasRemaining()) {
                int n;
                try {
                    n = channel().read(bb, at);
                } catch (ClosedByInterruptException e) {
                    interrupted = true;
                    Thread.interrupted();
                    if (++attempts > RETRIES) {
                        return ended(bb, off, pos, Prose.get("import.ended.interrupted"));
                    }
                    reopen();
                    continue;
                } catch (ClosedChannelException e) {
                    if (++attempts > RETRIES) {
                        return ended(bb, off, pos, Prose.get("import.ended.closed"));
                    }
                    reopen();
                    continue;
                } catch (IOException e) {
                    return ended(bb, off, pos, Prose.format("import.ended.unreadable", e.getMessage()));
                }
                if (n < 0 || (n == 0 && ++attempts > RETRIES)) {
                    return ended(bb, off, pos, null);
                }
                at += n;
            }
            return len;
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Notes that the file ended (or failed) after the bytes read so far; returns their count. */
    private int ended(ByteBuffer bb, int off, long pos, String why) {
        int got = bb.position() - off;
        long at = pos + got;
        synchronized (this) {
            if (endedAt < 0 || at < endedAt) {
                endedAt = at;
            }
            if (why != null && failure == null) {
                failure = why;
            }
        }
        return got;
    }

    /** What stands for bytes the file no longer has: a line end where it ended, spaces after. */
    private void fill(long pos, byte[] dst, int off, int len) {
        Arrays.fill(dst, off, off + len, (byte) ' ');
        long end = endedAt;
        if (end >= pos && end < pos + len) {
            dst[off + (int) (end - pos)] = '\n';
        }
    }

    private FileChannel channel() throws IOException {
        FileChannel c = channel;
        if (c == null || !c.isOpen()) {
            reopen();
            c = channel;
        }
        return c;
    }

    private synchronized void reopen() {
        FileChannel c = channel;
        if (c != null && c.isOpen()) {
            return;
        }
        try {
            channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            // Left closed: the next read says the file could not be read, and the content ends there.
            if (failure == null) {
                failure = Prose.format("import.ended.reopen", e.getMessage());
            }
        }
    }
}
