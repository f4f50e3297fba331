package faultline.importer;

/** The bytes of one source, in memory or mapped from the file; UTF-8 after any repairs. */
public interface Content {
    long size();

    byte get(long pos);

    /** UTF-8 decode of [pos, pos+len); invalid bytes become U+FFFD. */
    String decode(long pos, int len);

    /** Copies [pos, pos+len) into dst at off. */
    default void copy(long pos, byte[] dst, int off, int len) {
        for (int i = 0; i < len; i++) {
            dst[off + i] = get(pos + i);
        }
    }

    /** Position of the next '\n' at or after pos, or size() if none. */
    default long nextNewline(long pos) {
        long n = size();
        for (long p = pos; p < n; p++) {
            if (get(p) == '\n') {
                return p;
            }
        }
        return n;
    }
}
