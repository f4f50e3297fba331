package faultline.importer.scan;

import faultline.model.Needle;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Byte searches eight bytes at a time (SWAR): a byte loop runs at about one byte per nanosecond
 * here, these at several. The lowest matching byte of a word is exact; the search resumes after it.
 */
public final class Bytes {
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;

    private Bytes() {
    }

    /** Eight bytes at p as a little-endian long (p + 8 must be inside b). */
    static long word(byte[] b, int p) {
        return (long) LONG.get(b, p);
    }

    /** Index of the first '\n' in b[p, end), or end. */
    public static int newline(byte[] b, int p, int end) {
        return indexOf(b, p, end, (byte) '\n');
    }

    /** Index of the first byte in b[p, end) equal to c, or end. */
    public static int indexOf(byte[] b, int p, int end, byte c) {
        long m = ONES * (c & 0xFF);
        while (p + 8 <= end) {
            long x = (long) LONG.get(b, p) ^ m;
            long t = (x - ONES) & ~x & HIGHS;
            if (t != 0) {
                return p + (Long.numberOfTrailingZeros(t) >>> 3);
            }
            p += 8;
        }
        while (p < end && b[p] != c) {
            p++;
        }
        return p;
    }

    /** Index of the first byte in b[p, end) equal to one of c1, c2, c3, or end. */
    public static int anyOf(byte[] b, int p, int end, byte c1, byte c2, byte c3) {
        long m1 = ONES * (c1 & 0xFF);
        long m2 = ONES * (c2 & 0xFF);
        long m3 = ONES * (c3 & 0xFF);
        while (p + 8 <= end) {
            long w = (long) LONG.get(b, p);
            long x1 = w ^ m1;
            long x2 = w ^ m2;
            long x3 = w ^ m3;
            long t = ((x1 - ONES) & ~x1 | (x2 - ONES) & ~x2 | (x3 - ONES) & ~x3) & HIGHS;
            if (t != 0) {
                return p + (Long.numberOfTrailingZeros(t) >>> 3);
            }
            p += 8;
        }
        while (p < end && b[p] != c1 && b[p] != c2 && b[p] != c3) {
            p++;
        }
        return p;
    }

    /** Bits of {@link #present}: which of a few bytes a text holds. */
    public static final int QUOTE = 1;
    public static final int PAREN = 2;
    public static final int UNDERSCORE = 4;
    public static final int COLON = 8;

    private static final long QUOTES = ONES * '\'';
    private static final long PARENS = ONES * '(';
    private static final long UNDERSCORES = ONES * '_';
    private static final long COLONS = ONES * ':';

    /**
     * Which of the bytes {@code ' ( _ :} occur in b[p, end), as {@link #QUOTE}, {@link #PAREN}, {@link #UNDERSCORE},
     * {@link #COLON}: one pass over a message answers for several searches that each need one of them, and most
     * messages hold none of some.
     */
    public static int present(byte[] b, int p, int end) {
        long q = 0;
        long o = 0;
        long u = 0;
        long c = 0;
        while (p + 8 <= end) {
            long w = (long) LONG.get(b, p);
            long x = w ^ QUOTES;
            q |= (x - ONES) & ~x;
            x = w ^ PARENS;
            o |= (x - ONES) & ~x;
            x = w ^ UNDERSCORES;
            u |= (x - ONES) & ~x;
            x = w ^ COLONS;
            c |= (x - ONES) & ~x;
            p += 8;
        }
        int r = ((q & HIGHS) != 0 ? QUOTE : 0) | ((o & HIGHS) != 0 ? PAREN : 0)
                | ((u & HIGHS) != 0 ? UNDERSCORE : 0) | ((c & HIGHS) != 0 ? COLON : 0);
        for (; p < end; p++) {
            byte x = b[p];
            r |= x == '\'' ? QUOTE : x == '(' ? PAREN : x == '_' ? UNDERSCORE : x == ':' ? COLON : 0;
        }
        return r;
    }

    public static boolean isHex(byte c) {
        return HEX_VALUE[c & 0xFF] >= 0;
    }

    /** The eight bytes at p as a big-endian long (a database's binary form). */
    public static long bigEndianLong(byte[] b, int p) {
        long v = 0;
        for (int i = p; i < p + 8; i++) {
            v = (v << 8) | (b[i] & 0xFF);
        }
        return v;
    }

    /** Per byte, its value as a hex digit, or -1: a lookup, where comparisons mispredicted on every letter of an id. */
    private static final byte[] HEX_VALUE = new byte[256];

    static {
        java.util.Arrays.fill(HEX_VALUE, (byte) -1);
        for (int c = '0'; c <= '9'; c++) {
            HEX_VALUE[c] = (byte) (c - '0');
        }
        for (int c = 'a'; c <= 'f'; c++) {
            HEX_VALUE[c] = (byte) (c - 'a' + 10);
            HEX_VALUE[c - 'a' + 'A'] = (byte) (c - 'a' + 10);
        }
    }

    /** Value of count hex digits at p, or -1 (also when they run past the array); past 15 digits the value may be negative. */
    public static long hex(byte[] b, int p, int count) {
        if (p < 0 || p + count > b.length) {
            return -1;
        }
        long v = 0;
        int bad = 0;
        for (int i = p; i < p + count; i++) {
            int d = HEX_VALUE[b[i] & 0xFF];
            bad |= d;
            v = (v << 4) | (d & 0xF);
        }
        return bad < 0 ? -1 : v;
    }

    /**
     * Whether a UUID (8-4-4-4-12 hex digits, not part of a longer run of hex) has its first '-' at dash,
     * all of it inside [m, e).
     */
    public static boolean uuidAt(byte[] b, int dash, int m, int e) {
        int at = dash - 8;
        return at >= m && dash + 28 <= e && b[dash + 5] == '-' && b[dash + 10] == '-' && b[dash + 15] == '-'
                && (hex(b, at, 8) | hex(b, dash + 1, 4) | hex(b, dash + 6, 4) | hex(b, dash + 11, 4) | hex(b, dash + 16, 12)) >= 0
                && (at == m || !isHex(b[at - 1])) && (dash + 28 == e || !isHex(b[dash + 28]));
    }

    /** The first 64 bits of the UUID starting at at (one uuidAt accepted). */
    public static long uuidHigh(byte[] b, int at) {
        return (hex(b, at, 8) << 32) | (hex(b, at + 9, 4) << 16) | hex(b, at + 14, 4);
    }

    /** The last 64 bits of the UUID starting at at. */
    public static long uuidLow(byte[] b, int at) {
        return (hex(b, at + 19, 4) << 48) | hex(b, at + 24, 12);
    }

    /**
     * Where the ASCII text first occurs in b[from, to), or -1; an empty text occurs at from. The text's
     * least common byte in log lines is searched for eight bytes at a time, and only where it occurs is
     * the text compared: a search keyed on a common first byte ("l" of "low run '", a digit of a task
     * id's start) stopped at most positions of a line, which made these searches a sixth of reading a
     * Python-logging file.
     */
    public static int indexOf(byte[] b, int from, int to, String ascii) {
        int n = ascii.length();
        if (n == 0) {
            return from;
        }
        return indexOf(b, from, to, ascii, Needle.rarest(ascii), Needle.head(ascii));
    }

    /** {@link #indexOf(byte[], int, int, String)} for a needle prepared once (its text ASCII). */
    public static int indexOf(byte[] b, int from, int to, Needle needle) {
        return needle.text().isEmpty() ? from : indexOf(b, from, to, needle.text(), needle.anchor(), needle.head());
    }

    private static int indexOf(byte[] b, int from, int to, String ascii, int anchor, long head) {
        int n = ascii.length();
        byte key = (byte) ascii.charAt(anchor);
        int last = to - n;
        for (int k = indexOf(b, from + anchor, last + anchor + 1, key); k <= last + anchor; k = indexOf(b, k + 1, last + anchor + 1, key)) {
            int i = k - anchor;
            if (n >= 8 ? (long) LONG.get(b, i) == head && same(b, i, ascii, 8) : same(b, i, ascii, 0)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(byte[] b, int i, String ascii, int from) {
        for (int j = from; j < ascii.length(); j++) {
            if (b[i + j] != (byte) ascii.charAt(j)) {
                return false;
            }
        }
        return true;
    }

    /** Whether every character of the text is ASCII. */
    public static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    /** Where the string value of a key ({@code "message": "…"}) starts in [m, e), or -1. */
    public static int stringValue(byte[] b, int m, int e, byte[] key) {
        for (int i = m; i + key.length + 2 < e; i++) {
            if (b[i] == '"' && at(b, i, key)) {
                int q = i + key.length;
                while (q < e && (b[q] == ' ' || b[q] == ':')) {
                    q++;
                }
                return q < e && b[q] == '"' ? q + 1 : -1;
            }
        }
        return -1;
    }

    private static boolean at(byte[] b, int i, byte[] w) {
        for (int k = 0; k < w.length; k++) {
            if (b[i + k] != w[k]) {
                return false;
            }
        }
        return true;
    }

}
