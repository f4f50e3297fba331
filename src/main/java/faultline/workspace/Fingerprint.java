package faultline.workspace;

import faultline.importer.FileKind;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A cheap stand-in for a file's content, read in microseconds whatever its size: its size and
 * modification time, and hashes of its first and last blocks. It names a workspace's files (the
 * head does not change as a log grows) and tells whether they changed since; the full SHA-256 is kept
 * for exported pictures, where it is worth its time.
 *
 * @param head SHA-256 (first 16 hex digits) of the first {@link #BLOCK} bytes
 * @param tail the same of the last {@link #BLOCK} bytes
 */
public record Fingerprint(long size, long modified, String head, String tail) {
    static final int BLOCK = 4096;

    /** The file's fingerprint, or null if it is not a readable regular file. */
    public static Fingerprint of(Path file) {
        if (FileKind.notARegularFile(file) != null) {
            return null;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            long modified = Files.getLastModifiedTime(file).toMillis();
            String head = hash(ch, 0, (int) Math.min(BLOCK, size));
            String tail = hash(ch, Math.max(0, size - BLOCK), (int) Math.min(BLOCK, size));
            return new Fingerprint(size, modified, head, tail);
        } catch (IOException e) {
            return null;
        }
    }

    /** Same bytes as far as this can tell (size, head and tail; a copy's new time does not count). */
    public boolean sameContent(Fingerprint o) {
        return o != null && size == o.size && head.equals(o.head) && tail.equals(o.tail);
    }

    /** As kept in a workspace: {@code size:modified:head:tail}. */
    public String text() {
        return size + ":" + modified + ":" + head + ":" + tail;
    }

    /** Null for text that is not a fingerprint (a hand-edited workspace). */
    public static Fingerprint parse(String text) {
        if (text == null) {
            return null;
        }
        String[] p = text.split(":");
        try {
            return p.length == 4 ? new Fingerprint(Long.parseLong(p[0]), Long.parseLong(p[1]), p[2], p[3]) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String hash(FileChannel ch, long from, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len);
        while (b.hasRemaining()) {
            if (ch.read(b, from + b.position()) <= 0) {
                break;
            }
        }
        b.flip();
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(b);
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
