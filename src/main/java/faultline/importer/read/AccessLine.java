package faultline.importer.read;

import faultline.importer.time.Clock;

/**
 * A web server's access-log line, as uvicorn, gunicorn, nginx and Apache write it
 * ({@code 10.0.3.7:51234 - "POST /v1/chat/completions HTTP/1.1" 200 OK}): the quoted request line
 * and the status right after it.
 */
final class AccessLine {
    private AccessLine() {
    }

    /** The HTTP status of an access line in [m, e), or -1 when the text is no access line. */
    static int status(byte[] b, int m, int e) {
        // Both forms have a '/' (" /path", "HTTP/1.1"): one pass over the line, eight bytes at a time, finds the first
        // of each; most lines of a log have none, and a look at every byte of each was some 4% of a reading.
        int lim = Math.min(e, m + 600);
        int quotedAt = -1;
        int bareAt = -1;
        for (int i = faultline.importer.scan.Bytes.indexOf(b, m, lim, (byte) '/'); i >= 0 && i < lim && (quotedAt < 0 || bareAt < 0);
             i = faultline.importer.scan.Bytes.indexOf(b, i + 1, lim, (byte) '/')) {
            int h = i - 4;
            if (quotedAt < 0 && h > m && h + 10 < lim && b[h] == 'H' && b[h + 1] == 'T' && b[h + 2] == 'T' && b[h + 3] == 'P' && b[h - 1] == ' ') {
                quotedAt = h;
            }
            int sp = i - 1;
            if (bareAt < 0 && sp >= m + 3 && sp + 6 < lim && b[sp] == ' ' && isMethodBefore(b, m, sp)) {
                bareAt = sp;
            }
        }
        int quoted = quotedAt >= 0 ? quotedFrom(b, quotedAt, lim, e) : -1;
        return quoted >= 0 ? quoted : bareAt >= 0 ? bareFrom(b, bareAt, lim, e) : -1;
    }

    /**
     * {@code POST /generate 200 14420.3ms} (Ray Serve, many frameworks' request logs): a method, the path, the
     * status right after it, then nothing or a duration.
     */
    static int bareStatus(byte[] b, int m, int e) {
        int lim = Math.min(e, m + 600);
        for (int i = m + 3; i + 6 < lim; i++) {
            if (b[i] != ' ' || b[i + 1] != '/' || !isMethodBefore(b, m, i)) {
                continue;
            }
            return bareFrom(b, i, lim, e);
        }
        return -1;
    }

    /** The status of the bare form whose path starts after the space at i. */
    private static int bareFrom(byte[] b, int i, int lim, int e) {
        int q = i + 1;
        while (q < lim && b[q] != ' ' && b[q] != '"') {
            q++;
        }
        if (q + 4 > e || b[q] != ' ') {
            return -1;
        }
        q++;
        if (!Clock.isDigit(b[q]) || !Clock.isDigit(b[q + 1]) || !Clock.isDigit(b[q + 2]) || (q + 3 < e && b[q + 3] != ' ')) {
            return -1;
        }
        return (b[q] - '0') * 100 + (b[q + 1] - '0') * 10 + (b[q + 2] - '0');
    }

    /**
     * {@code (scheme=http,method=POST,path=/predict,…) (status=500,type=…)} (BentoML's access lines): the request's
     * method and the answer's status as key=value context in parentheses.
     */
    static int contextStatus(byte[] b, int m, int e) {
        int lim = Math.min(e, m + 800);
        int method = faultline.importer.scan.Bytes.indexOf(b, m, lim, "method=");
        if (method < 0) {
            return -1;
        }
        int at = faultline.importer.scan.Bytes.indexOf(b, method, lim, "(status=");
        if (at < 0) {
            return -1;
        }
        int q = at + "(status=".length();
        if (q + 3 >= e || !Clock.isDigit(b[q]) || !Clock.isDigit(b[q + 1]) || !Clock.isDigit(b[q + 2]) || (b[q + 3] != ',' && b[q + 3] != ')')) {
            return -1;
        }
        return (b[q] - '0') * 100 + (b[q + 1] - '0') * 10 + (b[q + 2] - '0');
    }

    private static final byte[][] METHODS = {"GET".getBytes(), "POST".getBytes(), "PUT".getBytes(), "PATCH".getBytes(),
            "DELETE".getBytes(), "HEAD".getBytes()};

    /** Whether an HTTP method ends at i, as a word of its own. */
    private static boolean isMethodBefore(byte[] b, int m, int i) {
        for (byte[] w : METHODS) {
            int s = i - w.length;
            if (s < m || (s > m && b[s - 1] != ' ' && b[s - 1] != '"')) {
                continue;
            }
            boolean same = true;
            for (int k = 0; k < w.length && same; k++) {
                same = b[s + k] == w[k];
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    /** The status after the quoted request line's end (` HTTP/1.1" ` or ` HTTP/2" `) whose {@code HTTP} starts at i. */
    private static int quotedFrom(byte[] b, int i, int lim, int e) {
        int q = i + 5;
        while (q < lim && (Clock.isDigit(b[q]) || b[q] == '.')) {
            q++;
        }
        if (q + 5 > lim || b[q] != '"' || b[q + 1] != ' ') {
            return -1;
        }
        q += 2;
        if (q + 3 > e || !Clock.isDigit(b[q]) || !Clock.isDigit(b[q + 1]) || !Clock.isDigit(b[q + 2])
                || (q + 3 < e && Clock.isDigit(b[q + 3]))) {
            return -1;
        }
        return (b[q] - '0') * 100 + (b[q + 1] - '0') * 10 + (b[q + 2] - '0');
    }
}
