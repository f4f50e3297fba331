package faultline.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds, in one pass over a line, which of up to 64 groups of words occur in it (a group is the hint
 * list of one rule): a line is looked at once, by the pair of characters each word starts with,
 * instead of once per word. Words are ASCII; lines are any text.
 */
public final class WordGate {
    private static final int PAIRS = 128 * 128;

    private final String[] words;
    private final byte[][] wordBytes;
    private final long[] groupOf;
    /** Per starting pair of characters, the words that start with it; null when none does. */
    private final int[][] byPair = new int[PAIRS][];
    /** The characters some word starts with, as bits: most characters of a line start none. */
    private final long[] starts = new long[2];
    /** The pairs some word starts with, as bits: two kilobytes that stay in the cache, where the table of pairs does not. */
    private final long[] pairBits = new long[PAIRS / 64];
    /**
     * The first three bytes of the words, hashed into bits, when every word has three: a common pair ("re", " a")
     * starts words of the gate and a hundred others, and most of the others differ in their third byte.
     */
    private final long[] tripleBits = new long[TRIPLES / 64];
    private final boolean triples;
    private static final int TRIPLES = 1 << 16;
    /**
     * The first four bytes of the words, hashed into bits, when every word has four: one test per position of
     * a line, which almost never passes. The tables of pairs passed at most positions of a fleet's lines (every
     * common pair of letters starts some word), and each pass cost a mispredicted branch: 360 ns a line where this
     * takes about a quarter.
     */
    private final long[] quadBits = new long[QUADS / 64];
    private final boolean quads;
    private static final int QUADS = 1 << 16;

    public WordGate(List<List<String>> groups) {
        if (groups.size() > 64) {
            throw new IllegalArgumentException("at most 64 groups");
        }
        List<String> w = new ArrayList<>();
        List<Long> g = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            for (String word : groups.get(i)) {
                if (word.length() < 2 || word.chars().anyMatch(c -> c >= 128)) {
                    throw new IllegalArgumentException("words are ASCII, two characters or more: " + word);
                }
                int at = w.indexOf(word);
                if (at >= 0) {
                    g.set(at, g.get(at) | (1L << i));
                } else {
                    w.add(word);
                    g.add(1L << i);
                }
            }
        }
        words = w.toArray(new String[0]);
        wordBytes = new byte[words.length][];
        for (int k = 0; k < words.length; k++) {
            wordBytes[k] = words[k].getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        }
        groupOf = new long[words.length];
        // Only the pairs the words start with are visited: a walk over all 16,384 made each gate cost a compilation.
        java.util.Map<Integer, List<Integer>> pairs = new java.util.TreeMap<>();
        for (int k = 0; k < words.length; k++) {
            groupOf[k] = g.get(k);
            starts[words[k].charAt(0) >> 6] |= 1L << (words[k].charAt(0) & 63);
            int p = words[k].charAt(0) << 7 | words[k].charAt(1);
            pairs.computeIfAbsent(p, x -> new ArrayList<>()).add(k);
        }
        for (java.util.Map.Entry<Integer, List<Integer>> e : pairs.entrySet()) {
            int p = e.getKey();
            byPair[p] = e.getValue().stream().mapToInt(Integer::intValue).toArray();
            pairBits[p >> 6] |= 1L << (p & 63);
        }
        boolean three = true;
        for (byte[] wb : wordBytes) {
            if (wb.length < 3) {
                three = false;
            } else {
                int t = triple(wb[0], wb[1], wb[2]);
                tripleBits[t >> 6] |= 1L << t;
            }
        }
        triples = three;
        boolean four = true;
        for (byte[] wb : wordBytes) {
            if (wb.length < 4) {
                four = false;
            } else {
                int q = quad((wb[0] & 0xFF) | (wb[1] & 0xFF) << 8 | (wb[2] & 0xFF) << 16 | (wb[3] & 0xFF) << 24);
                quadBits[q >>> 6] |= 1L << q;
            }
        }
        quads = four;
    }

    /** A 16-bit hash of four bytes (the first in the lowest byte). */
    private static int quad(int fourBytes) {
        return (fourBytes * 0x9E3779B1) >>> 16;
    }

    /** Bit i is set when a word of group i occurs in the text. */
    public long groups(String text) {
        if (quads) {
            return groupsByQuads(text);
        }
        long found = 0;
        int n = text.length() - 1;
        for (int i = 0; i < n; i++) {
            char a = text.charAt(i);
            if (a >= 128 || (starts[a >> 6] & (1L << (a & 63))) == 0) {
                continue;
            }
            char b = text.charAt(i + 1);
            if (b >= 128) {
                continue;
            }
            int[] candidates = byPair[a << 7 | b];
            if (candidates != null) {
                for (int k : candidates) {
                    if ((found & groupOf[k]) != groupOf[k] && text.startsWith(words[k], i)) {
                        found |= groupOf[k];
                    }
                }
            }
        }
        return found;
    }

    /**
     * The same over UTF-8 (or any ASCII-compatible) bytes [from, to): the words are ASCII, so a word
     * occurs in the bytes exactly where it occurs in the decoded text.
     */
    public long groups(byte[] text, int from, int to) {
        if (quads) {
            return groupsByQuads(text, from, to);
        }
        long found = 0;
        int n = to - 1;
        for (int i = from; i < n; i++) {
            int a = text[i];
            int b = text[i + 1];
            if ((a | b) < 0) {
                continue;
            }
            int pair = a << 7 | b;
            if ((pairBits[pair >> 6] & (1L << pair)) == 0) {
                continue;
            }
            if (triples) {
                if (i + 2 >= to) {
                    continue;
                }
                int t = triple(a, b, text[i + 2]);
                if ((tripleBits[t >> 6] & (1L << t)) == 0) {
                    continue;
                }
            }
            for (int k : byPair[pair]) {
                if ((found & groupOf[k]) != groupOf[k] && startsWith(text, i, to, wordBytes[k])) {
                    found |= groupOf[k];
                }
            }
        }
        return found;
    }

    /** The four bytes ending at each position are kept in one int as the line is read: one load a position. */
    private long groupsByQuads(byte[] text, int from, int to) {
        if (to - from < 4) {
            return 0;
        }
        long found = 0;
        int w = (text[from] & 0xFF) << 8 | (text[from + 1] & 0xFF) << 16 | (text[from + 2] & 0xFF) << 24;
        for (int i = from + 3; i < to; i++) {
            w = w >>> 8 | (text[i] & 0xFF) << 24;
            int q = quad(w);
            if ((quadBits[q >>> 6] & (1L << q)) != 0) {
                found = candidates(text, i - 3, to, w, found);
            }
        }
        return found;
    }

    private long candidates(byte[] text, int at, int to, int w, long found) {
        int a = w & 0xFF;
        int b = (w >>> 8) & 0xFF;
        if ((a | b) >= 128) {
            return found;
        }
        int[] candidates = byPair[a << 7 | b];
        if (candidates != null) {
            for (int k : candidates) {
                if ((found & groupOf[k]) != groupOf[k] && startsWith(text, at, to, wordBytes[k])) {
                    found |= groupOf[k];
                }
            }
        }
        return found;
    }

    private long groupsByQuads(String text) {
        int to = text.length();
        if (to < 4) {
            return 0;
        }
        long found = 0;
        int w = (text.charAt(0) & 0xFF) << 8 | (text.charAt(1) & 0xFF) << 16 | (text.charAt(2) & 0xFF) << 24;
        for (int i = 3; i < to; i++) {
            w = w >>> 8 | (text.charAt(i) & 0xFF) << 24;
            int q = quad(w);
            if ((quadBits[q >>> 6] & (1L << q)) != 0) {
                int at = i - 3;
                char a = text.charAt(at);
                char b = text.charAt(at + 1);
                int[] candidates = a < 128 && b < 128 ? byPair[a << 7 | b] : null;
                if (candidates != null) {
                    for (int k : candidates) {
                        if ((found & groupOf[k]) != groupOf[k] && text.startsWith(words[k], at)) {
                            found |= groupOf[k];
                        }
                    }
                }
            }
        }
        return found;
    }

    private static int triple(int a, int b, int c) {
        return ((a * 0x9E37 + b) * 0x79B9 + (c & 0xFF)) * 0x85EB & (TRIPLES - 1);
    }

    private static boolean startsWith(byte[] text, int at, int to, byte[] word) {
        int n = word.length;
        if (at + n > to) {
            return false;
        }
        // The first two bytes are the pair that led here.
        for (int j = 2; j < n; j++) {
            if (text[at + j] != word[j]) {
                return false;
            }
        }
        return true;
    }
}
