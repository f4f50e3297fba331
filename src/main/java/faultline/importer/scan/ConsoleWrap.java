package faultline.importer.scan;

/**
 * A line a console cut to its width: Rich (TabbyAPI's, through loguru) wraps a long record at word boundaries to
 * 80 columns when its output is no terminal (docker, a pipe, a file), so the record goes on over bare lines that
 * start with the next word. The line before filled the width: the word that starts this one would not have fit.
 */
public final class ConsoleWrap {
    private ConsoleWrap() {
    }

    /** The width Rich and most consoles assume when their output is no terminal. */
    public static final int WIDTH = 80;

    /**
     * Whether [p, e) is the rest of the line before it, which was {@code before} columns wide (-1 when it was blank or
     * there was none): it starts with a word, not an indentation, and that word plus a space would have passed the width.
     */
    public static boolean continues(int before, byte[] b, int p, int e) {
        if (before <= 0 || before > WIDTH || p >= e || b[p] == ' ' || b[p] == '\t') {
            return false;
        }
        int w = 0;
        for (int i = p; i < e && b[i] != ' ' && w <= WIDTH; i++) {
            if ((b[i] & 0xC0) != 0x80) {
                w++;
            }
        }
        return before + 1 + w > WIDTH;
    }

    /** Columns of [s, e): UTF-8 characters, counted only as far as the width (one more means wider). */
    public static int columns(byte[] b, int s, int e) {
        if (e - s > 4 * WIDTH) {
            return WIDTH + 1;
        }
        int w = 0;
        for (int i = s; i < e && w <= WIDTH; i++) {
            if ((b[i] & 0xC0) != 0x80) {
                w++;
            }
        }
        return w;
    }
}
