package faultline.importer.merge;

import faultline.importer.time.Clock;

import java.nio.charset.StandardCharsets;

/**
 * The class a Sidekiq job runs, which its log lines write right before its jid: {@code class=HardWorker jid=…}
 * (Sidekiq 6 and later) or {@code HardWorker JID-…} (Sidekiq 5). It is what the job is: its other runs and its
 * peers are the same class's, where a bare "job" would say nothing.
 */
final class WorkerClass {
    private static final byte[] CLASS_KEY = "class=".getBytes(StandardCharsets.US_ASCII);

    private WorkerClass() {
    }

    /** The class written before the jid [idStart, idEnd) of the message starting at m, or null. */
    static String before(byte[] b, int m, int idStart, int idEnd) {
        int end;
        if (idStart - 5 >= m && b[idStart - 1] == '=' && b[idStart - 2] == 'd' && b[idStart - 3] == 'i' && b[idStart - 4] == 'j'
                && b[idStart - 5] == ' ') {
            end = idStart - 5; // "class=HardWorker jid=…"
            int s = start(b, m, end);
            int key = s - CLASS_KEY.length;
            if (key < m || !UnitVocabulary.startsWith(b, key, end, CLASS_KEY) || (key > m && b[key - 1] != ' ')) {
                return null;
            }
            return name(b, s, end);
        }
        if (idEnd - idStart > 4 && idStart - 2 >= m && b[idStart] == 'J' && b[idStart + 1] == 'I' && b[idStart + 2] == 'D'
                && b[idStart + 3] == '-' && b[idStart - 1] == ' ') {
            end = idStart - 1; // "HardWorker JID-…"
            int s = start(b, m, end);
            return s == m || b[s - 1] == ' ' ? name(b, s, end) : null;
        }
        return null;
    }

    /** Where the Ruby constant path ending at end starts ({@code Mailers::DigestJob}). */
    private static int start(byte[] b, int m, int end) {
        int s = end;
        while (s > m && end - s < 160 && (Clock.isLetter(b[s - 1]) || Clock.isDigit(b[s - 1]) || b[s - 1] == '_' || b[s - 1] == ':')) {
            s--;
        }
        return s;
    }

    private static String name(byte[] b, int s, int end) {
        // A constant: capitalised, and not a thread's TID-… nor a level word.
        if (end - s < 2 || b[s] < 'A' || b[s] > 'Z' || b[end - 1] == ':') {
            return null;
        }
        String n = new String(b, s, end - s, StandardCharsets.US_ASCII);
        return n.startsWith("TID-") || n.equals(n.toUpperCase(java.util.Locale.ROOT)) ? null : n;
    }
}
