package faultline.importer.scan;

/**
 * A child process's output that its parent logs line by line under its own clock and level, tagged with the child and
 * the stream: {@code [ComfyUI-0/STDOUT] got prompt}, {@code [ComfyUI-0/STDERR] Traceback …} (SwarmUI relaying the
 * ComfyUI backends it starts). The child is the line's writer whichever stream it wrote to, and its text starts after
 * the tag, so that its own records and tracebacks read as it wrote them.
 */
public final class RelayedStream {
    private RelayedStream() {
    }

    private static final int MAX_NAME = 48;

    /** Index after the tag and its space at p, or -1 when p holds none. */
    public static int end(byte[] b, int p, int e) {
        int slash = slash(b, p, e);
        if (slash < 0) {
            return -1;
        }
        int q = slash + 1;
        int stream = q;
        while (q < e && q - stream < 6 && b[q] >= 'A' && b[q] <= 'Z') {
            q++;
        }
        if (q >= e || b[q] != ']' || !isStream(b, stream, q)) {
            return -1;
        }
        q++;
        return q < e && b[q] == ' ' ? q + 1 : q;
    }

    /** Hash of the child's name in the tag at p (the same for both its streams); call after {@link #end} found one. */
    public static long child(byte[] b, int p, int e) {
        return LinePrefixes.hash(b, p + 1, slash(b, p, e));
    }

    /** The slash after the child's name in a tag at p, or -1. */
    private static int slash(byte[] b, int p, int e) {
        if (p + 12 > e || b[p] != '[') {
            return -1;
        }
        int q = p + 1;
        while (q < e && q - p <= MAX_NAME && (isNameByte(b[q]))) {
            q++;
        }
        return q > p + 1 && q < e && b[q] == '/' ? q : -1;
    }

    private static boolean isNameByte(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
    }

    private static boolean isStream(byte[] b, int from, int to) {
        return same(b, from, to, "STDOUT") || same(b, from, to, "STDERR");
    }

    private static boolean same(byte[] b, int from, int to, String w) {
        if (to - from != w.length()) {
            return false;
        }
        for (int i = 0; i < w.length(); i++) {
            if (b[from + i] != w.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
