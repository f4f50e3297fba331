package faultline.importer.scan;

import faultline.importer.time.Clock;

/**
 * Prefixes that a supervisor writes before every line of a process, whatever the process logs:
 * a docker-compose service ({@code worker-1  | }), a container runtime's clock and stream
 * ({@code 2025-03-02T10:11:12.123456789Z stdout F }), a torchrun rank ({@code [rank1]: }), a vLLM
 * worker ({@code (VllmWorker rank=1 pid=9) }). They are stripped before the line's own layout is
 * read; the process they name is the line's worker.
 */
public final class LinePrefixes {
    private LinePrefixes() {
    }

    /** What {@link #strip} found. */
    public static final class Found {
        /** Index after the prefixes. */
        int end;
        /** Hash of the worker the prefixes name, 0 for none. */
        public long worker;
        /** The rank a {@code [rankN]:} prefix names, as a unit id ({@code rank1}), or null. */
        public String rank;
    }

    /** Strips every prefix at p (in any order, each at most once); returns the new start. */
    public static int strip(byte[] b, int p, int e, Found out) {
        long worker = 0;
        int q = p;
        out.rank = null;
        for (int round = 0; round < 3; round++) {
            int r = cri(b, q, e);
            if (r < 0) {
                r = compose(b, q, e);
                if (r < 0) {
                    r = rank(b, q, e);
                    if (r > 0) {
                        out.rank = "rank" + rankNumber(b, q);
                    }
                    if (r < 0) {
                        r = processGroup(b, q, e);
                    }
                }
                if (r > 0) {
                    worker = worker * 31 + hash(b, q, r);
                }
            }
            if (r < 0) {
                break;
            }
            q = r;
        }
        out.end = q;
        out.worker = worker;
        return q;
    }

    /** {@code name  | } (docker compose): a service name, spaces, a bar. */
    private static int compose(byte[] b, int p, int e) {
        int q = p;
        while (q < e && q - p < 64 && isNameByte(b[q])) {
            q++;
        }
        if (q == p || q >= e || b[q] != ' ') {
            return -1;
        }
        while (q < e && b[q] == ' ') {
            q++;
        }
        if (q < e && b[q] == '|' && (q + 1 == e || b[q + 1] == ' ')) {
            return Math.min(e, q + 2);
        }
        return -1;
    }

    /** {@code [rank1]: } or {@code [rank 1]: }. */
    private static int rank(byte[] b, int p, int e) {
        if (p + 8 > e || b[p] != '[' || b[p + 1] != 'r' || b[p + 2] != 'a' || b[p + 3] != 'n' || b[p + 4] != 'k') {
            return -1;
        }
        int q = p + 5;
        if (q < e && b[q] == ' ') {
            q++;
        }
        int d = q;
        while (q < e && Clock.isDigit(b[q])) {
            q++;
        }
        if (q == d || q + 1 >= e || b[q] != ']' || b[q + 1] != ':') {
            return -1;
        }
        q += 2;
        return q < e && b[q] == ' ' ? q + 1 : q;
    }

    private static int rankNumber(byte[] b, int p) {
        int q = p + 5;
        while (b[q] == ' ') {
            q++;
        }
        int v = 0;
        while (Clock.isDigit(b[q]) && v < 100_000) {
            v = v * 10 + (b[q] - '0');
            q++;
        }
        return v;
    }

    /** {@code (VllmWorker rank=1 pid=9) } and {@code (EngineCore_0 pid=12) }: a group that names a pid. */
    private static int processGroup(byte[] b, int p, int e) {
        if (p >= e || b[p] != '(') {
            return -1;
        }
        int lim = Math.min(e, p + 96);
        boolean pid = false;
        for (int q = p + 1; q < lim; q++) {
            byte c = b[q];
            if (c == ')') {
                return pid && q + 1 < e && b[q + 1] == ' ' ? q + 2 : -1;
            }
            if (c == 'p' && q + 4 < lim && b[q + 1] == 'i' && b[q + 2] == 'd' && b[q + 3] == '=') {
                pid = true;
            }
            if (c == '(' || c == '\t') {
                return -1;
            }
        }
        return -1;
    }

    /** {@code 2025-03-02T10:11:12.123456789Z stdout F } (CRI): the runtime's clock and stream. */
    private static int cri(byte[] b, int p, int e) {
        if (p + 30 > e || !Clock.isDigit(b[p]) || b[p + 4] != '-' || b[p + 10] != 'T') {
            return -1;
        }
        int q = p + 11;
        while (q < e && q - p < 40 && b[q] != ' ') {
            q++;
        }
        if (q + 10 > e || b[q - 1] != 'Z' && b[q - 3] != ':') {
            return -1;
        }
        int s = q + 1;
        boolean stream = (b[s] == 's' && b[s + 1] == 't' && b[s + 2] == 'd' && b[s + 3] == 'o' && b[s + 4] == 'u' && b[s + 5] == 't')
                || (b[s] == 's' && b[s + 1] == 't' && b[s + 2] == 'd' && b[s + 3] == 'e' && b[s + 4] == 'r' && b[s + 5] == 'r');
        if (!stream || b[s + 6] != ' ' || (b[s + 7] != 'F' && b[s + 7] != 'P') || (s + 8 < e && b[s + 8] != ' ')) {
            return -1;
        }
        return Math.min(e, s + 9);
    }

    private static boolean isNameByte(byte c) {
        return Clock.isLetter(c) || Clock.isDigit(c) || c == '_' || c == '-' || c == '.';
    }

    static long hash(byte[] b, int from, int to) {
        long h = 0xcbf29ce484222325L;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c != ' ') {
                h = (h ^ c) * 0x100000001b3L;
            }
        }
        return h == 0 ? 1 : h;
    }
}
