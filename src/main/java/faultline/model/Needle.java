package faultline.model;

/**
 * A text to search bytes for, prepared once: its bytes, whether it is ASCII (only then do its bytes
 * stand for it in UTF-8), the index of its least common byte in log lines, which is searched for
 * first, and its first eight bytes as one little-endian word. A task's name is looked for in each of
 * its lines: preparing it for each line was half the cost of the look.
 */
public record Needle(String text, byte[] bytes, boolean ascii, int anchor, long head) {
    public static Needle of(String text) {
        byte[] bytes = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return new Needle(text, bytes, text.chars().allMatch(c -> c < 128), rarest(text), head(text));
    }

    /** The first eight characters (of an ASCII text) as one little-endian word; 0 for a shorter text. */
    public static long head(CharSequence ascii) {
        if (ascii.length() < 8) {
            return 0;
        }
        long head = 0;
        for (int j = 7; j >= 0; j--) {
            head = head << 8 | (ascii.charAt(j) & 0xFF);
        }
        return head;
    }

    /** The index of the text's character that is least common in log lines (the first of equals). */
    public static int rarest(CharSequence ascii) {
        int best = 0;
        int bestRank = Integer.MAX_VALUE;
        for (int j = 0; j < ascii.length(); j++) {
            int r = COMMONNESS[ascii.charAt(j) & 0x7F];
            if (r < bestRank) {
                best = j;
                bestRank = r;
            }
        }
        return best;
    }

    /**
     * How common a byte is in log lines, roughly: spaces and the frequent lower-case letters most, then
     * digits (every timestamp), the separators of log fields, the rare letters, capitals, the rest.
     */
    private static final byte[] COMMONNESS = commonness();

    private static byte[] commonness() {
        byte[] r = new byte[128];
        java.util.Arrays.fill(r, (byte) 5);
        String letters = "etaoinsrhldcumfpgwybvkxjqz";
        for (int k = 0; k < letters.length(); k++) {
            r[letters.charAt(k)] = (byte) (100 - 2 * k);
        }
        for (char c = '0'; c <= '9'; c++) {
            r[c] = 80;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            r[c] = 30;
        }
        r[' '] = 120;
        for (char c : ".:-_,/[]=".toCharArray()) {
            r[c] = 60;
        }
        return r;
    }
}
