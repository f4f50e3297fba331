package faultline.importer.merge;

/**
 * Where a line starts to speak of an end it waits for ({@code [Task Queue] Waiting for task finished, job_id=…}, a
 * request handler waiting on the queue): the lifecycle words after "waiting for" are of something to come, so they
 * neither end the unit nor say how it went, and the line is not the worker's.
 */
public final class Awaited {
    private static final String[] WAIT_TEXT = {"waiting for ", "wait for ", "waits for "};
    private static final byte[][] WAITS = java.util.Arrays.stream(WAIT_TEXT).map(Awaited::bytes).toArray(byte[][]::new);

    private Awaited() {
    }

    /** Where in the lower-case text the wait starts, or -1. */
    static int at(String lower) {
        int best = -1;
        for (String w : WAIT_TEXT) {
            int i = lower.indexOf(w);
            while (i > 0 && Character.isLetter(lower.charAt(i - 1))) {
                i = lower.indexOf(w, i + 1);
            }
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    /** Whether the message [m, e) waits for something ("Waiting for task finished, job_id=…"). */
    public static boolean in(byte[] b, int m, int e) {
        for (int i = m; i < e; i++) {
            if ((b[i] | 0x20) == 'w' && (i == m || !faultline.importer.time.Clock.isLetter(b[i - 1])) && startsAt(b, i, e)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a wait starts at the word start i of the bytes (any case). */
    static boolean startsAt(byte[] b, int i, int e) {
        if ((b[i] | 0x20) != 'w') {
            return false;
        }
        for (byte[] w : WAITS) {
            if (i + w.length <= e && UnitVocabulary.sameIgnoringCase(b, i, w)) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
