package faultline.importer.read;

import java.nio.charset.StandardCharsets;

/**
 * The access line Gin's default logger writes for every request a Go server answers (Ollama's:
 * {@code [GIN] 2025/05/20 - 16:44:03 | 500 |  9.440219571s |       127.0.0.1 | POST     "/api/generate"}): the
 * status, the time the request took as Go prints a duration, the client, the method padded to seven and the quoted
 * path. It names no request: the line is all there is of one.
 *
 * @param status        the HTTP status
 * @param latencyNanos  how long the request ran, up to the line
 * @param method        the HTTP method
 * @param path          the route, without its query
 * @param error         the error the line gives for the answer, "" when none (Gin's gives none)
 */
record GinAccess(int status, long latencyNanos, String method, String path, String error) {
    private static final byte[] TAG = "[GIN] ".getBytes(StandardCharsets.US_ASCII);

    /** Whether Gin's tag stands right before the clock that starts at timeStart (after a platform's prefix, if any). */
    static boolean taggedAt(byte[] b, int lineStart, int timeStart) {
        int s = timeStart - TAG.length;
        if (s < lineStart || b[s] != '[' || b[s + 1] != 'G') {
            return false; // one byte first: most lines of a file have no tag there
        }
        for (int k = 2; k < TAG.length; k++) {
            if (b[s + k] != TAG[k]) {
                return false;
            }
        }
        return true;
    }

    /** The fields of the message [m, e) after the clock ({@code 500 | 9.44s | client | POST "/path"}), or null. */
    static GinAccess parse(byte[] b, int m, int e) {
        int p = skipBlank(b, m, e);
        if (p + 3 > e || !digit(b[p]) || !digit(b[p + 1]) || !digit(b[p + 2])) {
            return null;
        }
        int status = (b[p] - '0') * 100 + (b[p + 1] - '0') * 10 + (b[p + 2] - '0');
        int bar = nextBar(b, p + 3, e);
        if (bar < 0) {
            return null;
        }
        int d = skipBlank(b, bar + 1, e);
        int dEnd = nextBar(b, d, e);
        if (dEnd < 0) {
            return null;
        }
        long latency = GoDuration.nanos(b, d, trimEnd(b, d, dEnd));
        int client = nextBar(b, dEnd + 1, e);
        if (latency < 0 || client < 0) {
            return null;
        }
        int ms = skipBlank(b, client + 1, e);
        int me = ms;
        while (me < e && b[me] >= 'A' && b[me] <= 'Z') {
            me++;
        }
        int q = skipBlank(b, me, e);
        if (me == ms || q >= e || b[q] != '"') {
            return null;
        }
        int pe = q + 1;
        while (pe < e && b[pe] != '"' && b[pe] != '?') {
            pe++;
        }
        return new GinAccess(status, latency, new String(b, ms, me - ms, StandardCharsets.US_ASCII),
                new String(b, q + 1, pe - q - 1, StandardCharsets.UTF_8), "");
    }

    /** Skips blanks and the colour codes Gin writes to a terminal ({@code ESC[97;42m}). */
    private static int skipBlank(byte[] b, int p, int e) {
        while (p < e) {
            if (b[p] == ' ' || b[p] == '\t') {
                p++;
            } else if (b[p] == 0x1b && p + 1 < e && b[p + 1] == '[') {
                p += 2;
                while (p < e && b[p] != 'm') {
                    p++;
                }
                p++;
            } else {
                break;
            }
        }
        return Math.min(p, e);
    }

    private static int trimEnd(byte[] b, int s, int t) {
        while (t > s && (b[t - 1] == ' ' || b[t - 1] == '\t')) {
            t--;
        }
        // A colour reset glued to the field's end.
        if (t - 4 >= s && b[t - 4] == 0x1b && b[t - 1] == 'm') {
            t -= 4;
        }
        return t;
    }

    private static int nextBar(byte[] b, int p, int e) {
        for (int i = p; i < e && i - p < 64; i++) {
            if (b[i] == '|') {
                return i;
            }
        }
        return -1;
    }

    private static boolean digit(byte c) {
        return c >= '0' && c <= '9';
    }
}
