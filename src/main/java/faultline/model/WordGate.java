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
    }

    /** Bit i is set when a word of group i occurs in the text. */
    public long groups(String text) {
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
