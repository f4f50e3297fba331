package faultline.importer.read;

import java.nio.charset.StandardCharsets;

/**
 * The access record a Go server writes through a structured logger instead of Gin's own line (LocalAI's Fiber
 * middleware through zerolog: {@code Success ip=10.0.0.7 latency=41.2s method=POST status=200 url=/v1/chat/completions},
 * {@code Server error error="could not load model: …" … status=500 url=/v1/images/generations}): the same facts as
 * key=value fields. zerolog sorts its fields, so {@code url=} is the last; a record that ends otherwise is no access line.
 */
final class AccessFields {
    private AccessFields() {
    }

    /** Cheap test before parsing: the message [m, e) ends with a {@code url=} field. */
    static boolean endsWithUrl(byte[] b, int m, int e) {
        int t = e;
        while (t > m && (b[t - 1] == ' ' || b[t - 1] == '\r')) {
            t--;
        }
        int s = t;
        while (s > m && b[s - 1] != ' ' && t - s < 512) {
            s--;
        }
        return s > m && s + 5 < t && b[s] == 'u' && b[s + 1] == 'r' && b[s + 2] == 'l' && b[s + 3] == '=' && b[s + 4] == '/';
    }

    /** The access record's fields, or null when method, status, latency or url is missing. */
    static GinAccess parse(byte[] b, int m, int e) {
        String method = null;
        String path = null;
        String error = "";
        int status = -1;
        long latency = -1;
        int p = m;
        while (p < e) {
            while (p < e && b[p] == ' ') {
                p++;
            }
            int k = p;
            while (p < e && b[p] != '=' && b[p] != ' ') {
                p++;
            }
            if (p >= e || b[p] != '=') {
                continue; // a word of the message before the fields
            }
            String key = new String(b, k, p - k, StandardCharsets.US_ASCII);
            int vs = ++p;
            int ve;
            if (p < e && b[p] == '"') {
                vs = ++p;
                while (p < e && b[p] != '"') {
                    p += b[p] == '\\' && p + 1 < e ? 2 : 1;
                }
                ve = Math.min(p, e);
                p++;
            } else {
                while (p < e && b[p] != ' ') {
                    p++;
                }
                ve = p;
            }
            switch (key) {
                case "method" -> method = new String(b, vs, ve - vs, StandardCharsets.US_ASCII);
                case "status" -> status = number(b, vs, ve);
                case "latency" -> latency = GoDuration.nanos(b, vs, ve);
                case "error" -> error = new String(b, vs, ve - vs, StandardCharsets.UTF_8).replace("\\\"", "\"").strip();
                case "url" -> {
                    int q = vs;
                    while (q < ve && b[q] != '?') {
                        q++;
                    }
                    path = new String(b, vs, q - vs, StandardCharsets.UTF_8);
                }
                default -> { }
            }
        }
        if (method == null || path == null || status < 100 || status > 599 || latency < 0) {
            return null;
        }
        return new GinAccess(status, latency, method, path, error);
    }

    private static int number(byte[] b, int s, int t) {
        int v = 0;
        if (t - s != 3) {
            return -1;
        }
        for (int i = s; i < t; i++) {
            if (b[i] < '0' || b[i] > '9') {
                return -1;
            }
            v = v * 10 + (b[i] - '0');
        }
        return v;
    }
}
