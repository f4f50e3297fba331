package faultline.importer;

import java.nio.charset.StandardCharsets;

/** Content held in a byte array: small files, and files whose text had to be repaired. */
final class ArrayContent implements Content {
    private final byte[] bytes;
    private final int start;

    ArrayContent(byte[] bytes, int start) {
        this.bytes = bytes;
        this.start = start;
    }

    @Override
    public long size() {
        return bytes.length - start;
    }

    @Override
    public byte get(long pos) {
        return bytes[start + (int) pos];
    }

    @Override
    public String decode(long pos, int len) {
        return new String(bytes, start + (int) pos, len, StandardCharsets.UTF_8);
    }

    @Override
    public long nextNewline(long pos) {
        int end = bytes.length;
        for (int p = start + (int) pos; p < end; p++) {
            if (bytes[p] == '\n') {
                return p - start;
            }
        }
        return size();
    }

    @Override
    public void copy(long pos, byte[] dst, int off, int len) {
        System.arraycopy(bytes, start + (int) pos, dst, off, len);
    }

    byte[] array() {
        return bytes;
    }

    int start() {
        return start;
    }
}
