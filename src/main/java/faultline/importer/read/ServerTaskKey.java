package faultline.importer.read;

import faultline.importer.scan.Bytes;
import faultline.importer.time.Clock;

/**
 * llama.cpp's server names a task by a key where it is not in a slot's column of bars: its error answer
 * ({@code send_error: task id = 2, error: …}) and the task it could not launch or cancels ({@code failed to
 * launch slot with task, id_task = 2}). A task rejected before any slot took it (a grammar that does not
 * parse) is named only so; it is the same unit as {@code | task 2 |}.
 */
final class ServerTaskKey {
    private ServerTaskKey() {
    }

    private static final byte[] TASK_ID = "task id = ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] ID_TASK = "id_task = ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The unit id ({@code task 2}) the line's key names, or null. */
    static String of(byte[] b, int p, int e) {
        // Both keys have "task" and " = " in them: a line without an '=' is passed over with one scan.
        if (Bytes.indexOf(b, p, e, (byte) '=') >= e) {
            return null;
        }
        int n = number(b, p, e, TASK_ID);
        if (n < 0) {
            n = number(b, p, e, ID_TASK);
        }
        return n < 0 ? null : "task " + n;
    }

    private static int number(byte[] b, int p, int e, byte[] key) {
        for (int i = p; i + key.length < e; i++) {
            if (b[i] != key[0] || !same(b, i, key)) {
                continue;
            }
            int q = i + key.length;
            int v = 0;
            int d = q;
            while (q < e && q - d < 9 && Clock.isDigit(b[q])) {
                v = v * 10 + (b[q] - '0');
                q++;
            }
            if (q > d && (q == e || b[q] == ',' || b[q] == ' ')) {
                return v;
            }
        }
        return -1;
    }

    private static boolean same(byte[] b, int at, byte[] key) {
        for (int k = 0; k < key.length; k++) {
            if (b[at + k] != key[k]) {
                return false;
            }
        }
        return true;
    }
}
