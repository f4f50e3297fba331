package faultline.importer.scan;

import faultline.importer.time.Clock;

/**
 * Prefixes that a supervisor writes before every line of a process, whatever the process logs:
 * a docker-compose service ({@code worker-1  | }), a container runtime's clock and stream
 * ({@code 2025-03-02T10:11:12.123456789Z stdout F }), a torchrun rank ({@code [rank1]: }), a vLLM
 * worker ({@code (VllmWorker rank=1 pid=9) }), Ray's coloured process tags
 * ({@code \e[36m(RayTrainWorker pid=43514, ip=10.0.4.11)\e[0m }, {@code \e[33m(raylet)\e[0m }). They are
 * stripped before the line's own layout is read; the process they name is the line's worker, and a rank
 * they name ({@code [rank1]:}, {@code rank=1}) is the rank the line belongs to.
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
        /** The rank a prefix names ({@code [rank1]:}, {@code (… rank=1 …)}), or -1. */
        public int rank = -1;
        /** The word the rank's number follows as written: {@code rank} ({@code [rank1]:}), {@code rank=}, {@code TP} ({@code (VllmWorker TP1 pid=9)}). */
        public String rankWord = RANK;
        /** The pipeline stage a vLLM worker's name gives before its tensor-parallel rank ({@code Worker_PP1_TP0}), or -1. */
        public int stage = -1;
        /** Where a container runtime's clock sits in the line ({@code 2025-03-02T10:11:12.123456789Z stdout F}), or -1. */
        public int clockAt = -1;
        /** The container runtime marked the line partial ({@code P}): the next line of the stream completes it. */
        public boolean partial;
        /**
         * The rank was named by the program's logger on its own records ({@code [rank: 1] Seed set to 42}, a
         * {@code [RANK:1]} field), not by a supervisor on every line of the process: the process's bare lines after
         * one (a traceback Python prints) are not known to be that rank's.
         */
        public boolean ownRecord;

        /** A rank a record's header field names ({@link #rankField}): the record's own, as a logger's prefix is. */
        public void fieldRank(int number) {
            rank = number;
            rankWord = RANK;
            stage = -1;
            ownRecord = true;
        }

        /** The rank as a unit id, as the prefix writes it ({@code rank1}, {@code rank=1}), or null. */
        public String rankId() {
            if (rank < 0) {
                return null;
            }
            return stage >= 0 ? "PP" + stage + "_" + rankWord + (rank % STAGE_RANKS) : rankWord + rank;
        }
    }

    private static final String RANK = "rank";
    private static final String RANK_EQUALS = "rank=";
    private static final String TP = "TP";
    /** A pipeline stage's ranks are numbered apart from the others': stage × this + the rank in the stage. */
    public static final int STAGE_RANKS = 1000;

    /** The stage of a rank id written {@code PP<stage>_TP<rank>} ({@link Found#rankId}), or -1. */
    public static int stageOf(String id) {
        if (!id.startsWith("PP")) {
            return -1;
        }
        int u = id.indexOf("_TP", 2);
        if (u <= 2 || u > 5) {
            return -1;
        }
        for (int i = 2; i < u; i++) {
            if (!Character.isDigit(id.charAt(i))) {
                return -1;
            }
        }
        return Integer.parseInt(id.substring(2, u));
    }

    /** Strips every prefix at p (in any order, each at most once); returns the new start. */
    public static int strip(byte[] b, int p, int e, Found out) {
        long worker = 0;
        int q = p;
        out.rank = -1;
        out.stage = -1;
        out.clockAt = -1;
        out.partial = false;
        out.ownRecord = false;
        boolean composed = false;
        for (int round = 0; round < 3; round++) {
            int colour = ansi(b, q, e);
            int r = cri(b, q, e);
            if (r >= 0) {
                out.clockAt = q;
                out.partial = b[r - 2] == 'P' || (r - 1 < e && b[r - 1] == 'P');
            } else {
                // One service column a line: "0 | net | SimpleDenseNet | 336 K" is a table's row (Lightning's model summary).
                r = composed ? -1 : compose(b, q, e);
                composed |= r >= 0;
                if (r < 0) {
                    r = rank(b, q, e);
                    if (r > 0) {
                        out.rank = rankNumber(b, rankDigits(b, q));
                        out.rankWord = RANK;
                    }
                    if (r < 0) {
                        r = loggerRank(b, q, e);
                        if (r > 0) {
                            out.rank = rankNumber(b, q + 7);
                            out.rankWord = RANK;
                            out.ownRecord = true;
                        }
                    }
                    if (r < 0) {
                        r = mpiTag(b, q, e);
                        if (r > 0) {
                            out.rank = rankNumber(b, comma(b, q) + 1);
                            out.rankWord = RANK;
                        }
                    }
                    if (r < 0 && round == 0) {
                        int host = pdshHost(b, q, e);
                        if (host > 0) {
                            // pdsh's "gpu-b: " before a rank's prefix (DeepSpeed on many nodes): the host is the worker.
                            worker = worker * 31 + hash(b, q, host);
                            q = host;
                            continue;
                        }
                    }
                    if (r < 0) {
                        r = processGroup(b, colour, e, colour > q, out);
                    }
                    if (r < 0 && round == 0) {
                        int process = ncclProcessEnd(b, q, e);
                        if (process > 0) {
                            // NCCL's "gpu-node-3:41278:41402 [1] ": the host and process name the worker, not the thread.
                            r = ncclEnd(b, process, e);
                            worker = worker * 31 + hash(b, q, process);
                            q = r;
                            continue;
                        }
                        r = podPath(b, q, e);
                        if (r < 0) {
                            r = workerTag(b, q, e);
                        }
                        if (r < 0) {
                            r = taskLabel(b, q, e);
                        }
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

    /** The end of NCCL's {@code host:pid} before {@code :tid [dev] }, or -1. */
    private static int ncclProcessEnd(byte[] b, int p, int e) {
        int q = p;
        while (q < e && q - p < 64 && (isNameByte(b[q]) || b[q] == '.')) {
            q++;
        }
        if (q == p || q >= e || b[q] != ':') {
            return -1;
        }
        int pid = ++q;
        while (q < e && Clock.isDigit(b[q])) {
            q++;
        }
        if (q == pid || q >= e || b[q] != ':') {
            return -1;
        }
        int end = q;
        int tid = ++q;
        while (q < e && Clock.isDigit(b[q])) {
            q++;
        }
        if (q == tid || q + 3 >= e || b[q] != ' ' || b[q + 1] != '[') {
            return -1;
        }
        return ncclEnd(b, end, e) > 0 ? end : -1;
    }

    /** After {@code :tid [dev] } from the end of the process, or -1. */
    private static int ncclEnd(byte[] b, int process, int e) {
        int q = process + 1;
        while (q < e && Clock.isDigit(b[q])) {
            q++;
        }
        if (q + 3 >= e || b[q] != ' ' || b[q + 1] != '[') {
            return -1;
        }
        q += 2;
        int dev = q;
        while (q < e && Clock.isDigit(b[q])) {
            q++;
        }
        return q > dev && q + 1 < e && b[q] == ']' && b[q + 1] == ' ' ? q + 2 : -1;
    }

    /** {@code name  | } (docker compose): a service name, spaces, a bar. */
    private static int compose(byte[] b, int p, int e) {
        if (p >= e || !Clock.isLetter(b[p])) {
            return -1; // a service is named, not numbered
        }
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

    /** {@code [pod/clip-worker-6d9f-x2kqp/worker] } (kubectl logs --prefix): the pod and its container. */
    private static int podPath(byte[] b, int p, int e) {
        if (p + 6 > e || b[p] != '[' || !Clock.isLetter(b[p + 1])) {
            return -1;
        }
        int slashes = 0;
        int lim = Math.min(e - 1, p + 160);
        for (int q = p + 1; q < lim; q++) {
            byte c = b[q];
            if (c == '/') {
                if (b[q - 1] == '/' || b[q - 1] == '[') {
                    return -1;
                }
                slashes++;
            } else if (c == ']') {
                return slashes == 2 && b[q - 1] != '/' && b[q + 1] == ' ' ? q + 2 : -1;
            } else if (!isNameByte(c)) {
                return -1;
            }
        }
        return -1;
    }

    /**
     * {@code [w0] }, {@code [worker-3] }, {@code [gpu1] }: a script's own tag for the process that prints a line, a
     * short name of letters with a number in it (not a level, a time or a thread's long name), then a space and text.
     */
    private static int workerTag(byte[] b, int p, int e) {
        if (p + 5 > e || b[p] != '[' || !Clock.isLetter(b[p + 1])) {
            return -1;
        }
        int q = p + 1;
        while (q < e && q - p <= 12 && (Clock.isLetter(b[q]) || Clock.isDigit(b[q]) || b[q] == '-' || b[q] == '_')) {
            q++;
        }
        // The name ends in its number ([w0], [worker-3]), and text follows.
        if (q + 2 >= e || b[q] != ']' || b[q + 1] != ' ' || !Clock.isDigit(b[q - 1])) {
            return -1;
        }
        return q + 2;
    }

    /**
     * {@code 0: }, {@code 12: } (srun --label): the task number of the process that wrote the line. A number
     * alone before a colon and one space, with text after it; a count ("3: items") is rarer at a line's start
     * than in its message.
     */
    private static int taskLabel(byte[] b, int p, int e) {
        int q = p;
        while (q < e && q - p < 4 && Clock.isDigit(b[q])) {
            q++;
        }
        if (q == p || q + 2 >= e || b[q] != ':' || b[q + 1] != ' ' || Clock.isDigit(b[q + 2])) {
            return -1;
        }
        return q + 2;
    }

    /**
     * {@code [rank1]: }, {@code [rank 1]: }, or torchrun's {@code [default3]:} (--tee, --redirects: the role's name and
     * the local rank, {@code [trainer0]:} for a role of another name): a name in small letters, the number, "]:".
     */
    private static int rank(byte[] b, int p, int e) {
        if (p + 5 > e || b[p] != '[' || b[p + 1] < 'a' || b[p + 1] > 'z') {
            return -1;
        }
        int q = rankDigits(b, p);
        int d = q;
        while (q < e && Clock.isDigit(b[q])) {
            q++;
        }
        if (q == d || q + 1 >= e || b[q] != ']' || b[q + 1] != ':') {
            return -1;
        }
        q += 2;
        // torch's "[rank1]: " sets its text off with a space; torchrun's tee ("[default1]:  File …") writes the line as is.
        boolean rankWord = b[p + 1] == 'r' && b[p + 2] == 'a' && b[p + 3] == 'n' && b[p + 4] == 'k' && (d == p + 5 || d == p + 6);
        return rankWord && q < e && b[q] == ' ' ? q + 1 : q;
    }

    /**
     * {@code [rank: 1] } (Lightning's prefix of the records it logs on a rank other than zero, also {@code [rank: 1]: }):
     * the word, a colon and a space inside the bracket. Returns the index after it and its space, or -1.
     */
    private static int loggerRank(byte[] b, int p, int e) {
        if (p + 10 > e || b[p] != '[' || b[p + 1] != 'r' || b[p + 2] != 'a' || b[p + 3] != 'n' || b[p + 4] != 'k'
                || b[p + 5] != ':' || b[p + 6] != ' ') {
            return -1;
        }
        int q = p + 7;
        while (q < e && q - p < 13 && Clock.isDigit(b[q])) {
            q++;
        }
        if (q == p + 7 || q + 1 >= e || b[q] != ']') {
            return -1;
        }
        q++;
        if (b[q] == ':') {
            q++;
        }
        return q < e && b[q] == ' ' ? q + 1 : -1;
    }

    /**
     * The rank a record's header field names among the bracketed tokens at p ({@code [axolotl.train:173] [PID:12]
     * [RANK:1] msg}, Axolotl's; {@code [rank: 1]}), or -1. Only bracketed tokens are passed over, at most four: the
     * field stands in the header, not in the text.
     */
    public static int rankField(byte[] b, int p, int e) {
        int q = p;
        for (int k = 0; k < 4 && q + 7 < e && b[q] == '['; k++) {
            int close = q + 1;
            while (close < e && close - q < 128 && b[close] != ']' && b[close] != '[') {
                close++;
            }
            if (close >= e || b[close] != ']') {
                return -1;
            }
            if (close - q >= 6 && (b[q + 1] | 0x20) == 'r' && (b[q + 2] | 0x20) == 'a' && (b[q + 3] | 0x20) == 'n'
                    && (b[q + 4] | 0x20) == 'k' && (b[q + 5] == ':' || b[q + 5] == '=')) {
                int d = b[q + 6] == ' ' ? q + 7 : q + 6;
                int n = d;
                while (n < close && Clock.isDigit(b[n])) {
                    n++;
                }
                return n > d && n == close && n - d <= 6 ? rankNumber(b, d) : -1;
            }
            q = close + 1;
            while (q < e && b[q] == ' ') {
                q++;
            }
        }
        return -1;
    }

    /**
     * {@code [1,0]<stderr>:} (Open MPI's --tag-output, as Horovod's and mpirun's jobs print): the job and the
     * rank, then the stream; the text follows at once.
     */
    private static int mpiTag(byte[] b, int p, int e) {
        if (p + 6 > e || b[p] != '[' || !Clock.isDigit(b[p + 1])) {
            return -1;
        }
        int q = p + 1;
        while (q < e && q - p < 8 && Clock.isDigit(b[q])) {
            q++;
        }
        if (q >= e || b[q] != ',') {
            return -1;
        }
        int d = ++q;
        while (q < e && q - d < 6 && Clock.isDigit(b[q])) {
            q++;
        }
        if (q == d || q >= e || b[q] != ']') {
            return -1;
        }
        q++;
        if (q < e && b[q] == '<') {
            int s = q + 1;
            while (q < e && q - s < 8 && b[q] != '>') {
                q++;
            }
            if (q >= e || b[q] != '>' || q == s) {
                return -1;
            }
            q++;
        }
        if (q >= e || b[q] != ':') {
            return -1;
        }
        q++;
        return q < e && b[q] == ' ' ? q + 1 : q;
    }

    private static int comma(byte[] b, int p) {
        int q = p;
        while (b[q] != ',') {
            q++;
        }
        return q;
    }

    /** After pdsh's {@code host: } when a rank's prefix follows it ({@code gpu-b: [rank3]: }), else -1. */
    private static int pdshHost(byte[] b, int p, int e) {
        if (p >= e || !Clock.isLetter(b[p])) {
            return -1;
        }
        int q = p;
        while (q < e && q - p < 64 && isNameByte(b[q])) {
            q++;
        }
        if (q + 2 >= e || b[q] != ':' || b[q + 1] != ' ') {
            return -1;
        }
        q += 2;
        return rank(b, q, e) > 0 || mpiTag(b, q, e) > 0 ? q : -1;
    }

    /** Where the number of a rank's prefix starts: after the role's name at p + 1, and one space after "rank". */
    private static int rankDigits(byte[] b, int p) {
        int q = p + 1;
        int lim = Math.min(b.length, p + 25);
        while (q < lim && ((b[q] >= 'a' && b[q] <= 'z') || b[q] == '_')) {
            q++;
        }
        if (q < lim && b[q] == ' ' && q - p == 5 && b[p + 1] == 'r' && b[p + 2] == 'a' && b[p + 3] == 'n' && b[p + 4] == 'k') {
            q++;
        }
        return q;
    }

    private static int rankNumber(byte[] b, int p) {
        int q = p;
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

    /**
     * {@code (VllmWorker rank=1 pid=9) } and {@code (EngineCore_0 pid=12) }: a group that names a pid, or
     * any group that a colour code wraps ({@code (raylet)}); the rank it names, if any, goes to out.
     */
    private static int processGroup(byte[] b, int p, int e, boolean coloured, Found out) {
        if (p >= e || b[p] != '(') {
            return -1;
        }
        int lim = Math.min(e, p + 96);
        boolean pid = false;
        int rank = -1;
        int stage = -1;
        boolean tensorParallel = false;
        for (int q = p + 1; q < lim; q++) {
            byte c = b[q];
            if (c == ')') {
                int r = ansi(b, q + 1, e);
                if ((pid || coloured) && r < e && b[r] == ' ') {
                    if (rank >= 0) {
                        out.rank = rank;
                        out.rankWord = tensorParallel ? TP : RANK_EQUALS;
                        out.stage = tensorParallel ? stage : -1;
                    }
                    return r + 1;
                }
                return -1;
            }
            if (c == 'p' && q + 4 < lim && b[q + 1] == 'i' && b[q + 2] == 'd' && b[q + 3] == '=') {
                pid = true;
            }
            if (c == 'r' && q + 5 < lim && b[q - 1] == ' ' && b[q + 1] == 'a' && b[q + 2] == 'n' && b[q + 3] == 'k' && b[q + 4] == '='
                    && Clock.isDigit(b[q + 5])) {
                rank = rankNumber(b, q + 5);
                tensorParallel = false;
            }
            if (c == 'T' && rank < 0 && q + 2 < lim && (b[q - 1] == ' ' || b[q - 1] == '_') && b[q + 1] == 'P' && Clock.isDigit(b[q + 2])) {
                // vLLM 0.10 and later name a worker by its tensor-parallel rank: "(VllmWorker TP1 pid=9)", "(Worker_TP1 pid=9)".
                int d = q + 2;
                while (d < lim && Clock.isDigit(b[d])) {
                    d++;
                }
                if (d < lim && (b[d] == ' ' || b[d] == ')')) {
                    rank = rankNumber(b, q + 2);
                    tensorParallel = true;
                    // With pipeline parallelism each stage has its own TP0, TP1…: "(Worker_PP1_TP0 pid=9)" is another
                    // process than "(Worker_PP0_TP0 pid=8)".
                    stage = pipelineStage(b, p + 1, q);
                    if (stage >= 0 && rank < STAGE_RANKS) {
                        rank += stage * STAGE_RANKS;
                    } else {
                        stage = -1;
                    }
                }
            }
            if (c == '(' || c == '\t') {
                return -1;
            }
        }
        return -1;
    }

    /** The stage of a {@code PP<n>_} written just before index tp (which holds the T of TP), or -1. */
    private static int pipelineStage(byte[] b, int from, int tp) {
        int q = tp - 1;
        if (q <= from || b[q] != '_') {
            return -1;
        }
        int d = q;
        while (d > from && Clock.isDigit(b[d - 1])) {
            d--;
        }
        if (d == q || q - d > 3 || d - 2 < from || b[d - 1] != 'P' || b[d - 2] != 'P') {
            return -1;
        }
        return rankNumber(b, d);
    }

    /**
     * The hash of a process group among the tokens [p, t) of a line's header (journald's program, then
     * {@code (VllmWorker rank=0 pid=8139)}), or 0; a rank it names goes to out.
     */
    public static long groupAmong(byte[] b, int p, int t, Found out) {
        for (int q = p; q < t; q++) {
            if (b[q] == '(' && (q == p || b[q - 1] == ' ')) {
                int r = processGroup(b, q, t + 1 > b.length ? t : Math.min(b.length, t + 1), false, out);
                if (r > 0) {
                    return hash(b, q, r);
                }
            }
        }
        return 0;
    }

    /** Index after any terminal colour codes ({@code ESC [ 36 m}) at p; p when there are none. */
    static int ansi(byte[] b, int p, int e) {
        int q = p;
        while (q + 2 < e && b[q] == 0x1b && b[q + 1] == '[') {
            int r = q + 2;
            while (r < e && r - q < 12 && (Clock.isDigit(b[r]) || b[r] == ';')) {
                r++;
            }
            if (r >= e || b[r] != 'm') {
                return q;
            }
            q = r + 1;
        }
        return q;
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

    public static long hash(byte[] b, int from, int to) {
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
