package faultline.importer.scan;

import faultline.importer.time.Clock;
import faultline.model.Level;

/**
 * llama.cpp's own line prefix (common/log.cpp, {@code --log-prefix --log-timestamps}, the server's default):
 * {@code 1.15.003.004 E srv    send_error: …} — the time since the process started as minutes, seconds,
 * milliseconds and microseconds, then one letter for the level (I, W, E, D). The count is no clock of the
 * day, so the line stays untimed and keeps its place in the file; the letter is its level, and the message
 * starts after it. On a terminal the fields come wrapped in colour codes, which are skipped.
 */
public final class ElapsedPrefix {
    private ElapsedPrefix() {
    }

    /** Index after the prefix and the space that follows its letter, or -1 when the line does not start with one. */
    public static int end(byte[] b, int p, int e) {
        int letter = letterAt(b, p, e);
        if (letter < 0) {
            return -1;
        }
        int q = LinePrefixes.ansi(b, letter + 2, e);
        return q < e ? q : -1;
    }

    /** The level the prefix's letter names, as {@link Level#ordinal()}, or -1 when there is no prefix at p. */
    public static int level(byte[] b, int p, int e) {
        int letter = letterAt(b, p, e);
        if (letter < 0) {
            return -1;
        }
        return switch (b[letter]) {
            case 'I' -> Level.INFO.ordinal();
            case 'W' -> Level.WARNING.ordinal();
            case 'E' -> Level.ERROR.ordinal();
            default -> Level.DEBUG.ordinal();
        };
    }

    /** Where the level letter sits (a space after it), or -1. Cheap on other lines: the first byte must be a digit. */
    private static int letterAt(byte[] b, int p, int e) {
        int q = LinePrefixes.ansi(b, p, e);
        if (q >= e || !Clock.isDigit(b[q])) {
            return -1;
        }
        int minutes = q;
        while (q < e && q - minutes < 6 && Clock.isDigit(b[q])) {
            q++; // minutes are not padded and grow past two digits on a server up for hours
        }
        // ".SS.mmm.uuu": two, three and three digits after the minutes.
        q = field(b, q, e, 2);
        q = q < 0 ? -1 : field(b, q, e, 3);
        q = q < 0 ? -1 : field(b, q, e, 3);
        if (q < 0) {
            return -1;
        }
        q = LinePrefixes.ansi(b, q, e);
        if (q >= e || b[q] != ' ') {
            return -1;
        }
        q = LinePrefixes.ansi(b, q + 1, e);
        if (q + 1 >= e || b[q + 1] != ' ') {
            return -1;
        }
        byte c = b[q];
        return c == 'I' || c == 'W' || c == 'E' || c == 'D' ? q : -1;
    }

    /** After a dot and exactly n digits at p, or -1. */
    private static int field(byte[] b, int p, int e, int n) {
        if (p + n >= e || b[p] != '.') {
            return -1;
        }
        for (int i = 1; i <= n; i++) {
            if (!Clock.isDigit(b[p + i])) {
                return -1;
            }
        }
        return p + n + 1;
    }
}
