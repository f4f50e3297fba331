package faultline.importer.read;

import faultline.importer.scan.Bytes;
import faultline.importer.time.Clock;

/**
 * A prefork server's words about one of its worker processes, named by pid: gunicorn's arbiter ("WORKER TIMEOUT
 * (pid:9)", "Worker (pid:9) was sent SIGKILL!", "Worker (pid:14) exited with code 3") and worker ("Booting worker
 * with pid: 14", "Worker exiting (pid: 14)"), uvicorn's supervisor ("Child process [8] died"). Each worker is a unit
 * of its own, whoever speaks of it: the master that saw it time out or die, or the worker itself in the records its own
 * pid column marks. A server's word on its own process ("Started server process [8]", which uvicorn writes when it
 * runs alone too) names no worker of a pool.
 */
final class WorkerPid {
    private static final int LOOK = 240;
    private static final faultline.model.Needle PID = faultline.model.Needle.of("pid");
    private static final faultline.model.Needle PROCESS = faultline.model.Needle.of("process [");
    private static final int PROCESS_LENGTH = PROCESS.text().length();
    private static final byte[] WORKER = "worker".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] WITH = "with ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** The words before "process [N]" that make it a pool's worker, as its master speaks of it. */
    private static final byte[][] PROCESS_OF = {"child ".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            "worker ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)};

    private WorkerPid() {
    }

    /** The pid of the worker process the message [m, e) names, or -1 (most lines: two byte searches). */
    static long named(byte[] b, int m, int e) {
        int lim = Math.min(e, m + LOOK);
        for (int at = Bytes.indexOf(b, m, lim, PID); at >= 0 && at < lim; at = Bytes.indexOf(b, at + 1, lim, PID)) {
            long pid = afterPid(b, m, at, lim);
            if (pid >= 0) {
                return pid;
            }
        }
        for (int at = Bytes.indexOf(b, m, lim, PROCESS); at >= 0 && at < lim; at = Bytes.indexOf(b, at + 1, lim, PROCESS)) {
            // "Child process [8] died": the master's child, not the parent, a reloader or the server's own process.
            for (byte[] w : PROCESS_OF) {
                int s = at - w.length;
                if (s >= m && sameIgnoringCase(b, s, w) && (s == m || !Clock.isLetter(b[s - 1]))) {
                    long pid = number(b, at + PROCESS_LENGTH, lim, ']');
                    if (pid >= 0) {
                        return pid;
                    }
                }
            }
        }
        return -1;
    }

    /** "(pid:9)", "(pid: 9)" in a line about a worker; "worker with pid: 14", "worker with pid 14". */
    private static long afterPid(byte[] b, int m, int at, int lim) {
        if (at > m && b[at - 1] == '(' && at + 4 < lim && b[at + 3] == ':') {
            int d = b[at + 4] == ' ' ? at + 5 : at + 4;
            long pid = number(b, d, lim, ')');
            return pid >= 0 && mentionsWorker(b, m, lim) ? pid : -1;
        }
        int w = at - WITH.length - WORKER.length - 1;
        if (w >= m && sameIgnoringCase(b, w, WORKER) && b[w + WORKER.length] == ' ' && sameIgnoringCase(b, w + WORKER.length + 1, WITH)
                && at + 4 < lim) {
            int d = at + 3;
            if (b[d] == ':') {
                d++;
            }
            if (b[d] != ' ') {
                return -1;
            }
            return number(b, d + 1, lim, 0);
        }
        return -1;
    }

    /** Digits at p (no leading zero, at most 9) closed by the given byte, or by a non-digit when it is 0; or -1. */
    private static long number(byte[] b, int p, int lim, int close) {
        int q = p;
        while (q < lim && q - p < 10 && Clock.isDigit(b[q])) {
            q++;
        }
        if (q == p || q - p > 9 || b[p] == '0') {
            return -1;
        }
        if (close != 0 ? q >= lim || b[q] != close : q < lim && (Clock.isLetter(b[q]) || b[q] == '_')) {
            return -1;
        }
        long v = 0;
        for (int i = p; i < q; i++) {
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }

    private static boolean mentionsWorker(byte[] b, int m, int lim) {
        for (int i = m; i + WORKER.length <= lim; i++) {
            if ((b[i] | 0x20) == 'w' && sameIgnoringCase(b, i, WORKER)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the header [p, t) before the message is the process's own pid column ({@code [14]}, {@code [PID 14]},
     * {@code [PID:14]}): the worker speaks of itself, so its other records are the unit's too.
     */
    static boolean writtenBy(byte[] b, int p, int t, long pid) {
        for (int i = p; i < t; i++) {
            if (b[i] != '[') {
                continue;
            }
            int d = i + 1;
            if (d + 4 < t && (b[d] | 0x20) == 'p' && (b[d + 1] | 0x20) == 'i' && (b[d + 2] | 0x20) == 'd'
                    && (b[d + 3] == ' ' || b[d + 3] == ':')) {
                d += 4;
            }
            if (number(b, d, t, ']') == pid) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameIgnoringCase(byte[] b, int at, byte[] lower) {
        if (at < 0 || at + lower.length > b.length) {
            return false;
        }
        for (int k = 0; k < lower.length; k++) {
            if ((b[at + k] | 0x20) != lower[k] && b[at + k] != lower[k]) {
                return false;
            }
        }
        return true;
    }
}
