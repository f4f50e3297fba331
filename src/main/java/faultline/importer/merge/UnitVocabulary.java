package faultline.importer.merge;

import faultline.importer.scan.Bytes;
import faultline.importer.time.Clock;
import faultline.model.TaskStatus;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one table of how logs name their units of work and say where a unit starts and ends: tasks
 * of this fleet and of task queues (celery, RQ, dramatiq, arq), requests of inference servers
 * (vLLM, TGI), prompts of web UIs (ComfyUI), ranks and shards of distributed runs. Ids are found in
 * a message's bytes; a claim makes a unit the current one of its worker, an end lets it go. Status
 * words say how a unit ended. Ids introduced as some other thing's (a user's, a project's, a
 * session's, a trace's, a model's hash) are not units.
 */
public final class UnitVocabulary {
    /** What a line does to its unit. */
    public enum Step { NONE, CLAIM, END }

    /** Kinds of unit, as shown. */
    public static final String TASK = "task";
    static final String JOB = "job";
    static final String REQUEST = "request";
    static final String PROMPT = "prompt";
    public static final String RANK = "rank";
    static final String WORKER = "worker";

    /** Phrases that claim a unit when the message (after any COMPONENT: prefix) starts with them. */
    private static final byte[][] CLAIM_AT_START = bytes(
            "Processing ", "[CLAIM] Claimed task", "Claimed task", "Received request", "Added request", "got prompt",
            "Starting job", "Started job", "Running job", "Executing job", "Task received", "Received message", "Received task");
    /** Phrases that end the unit when the message starts with them. */
    private static final byte[][] END_AT_START = bytes(
            "Finished task", "Finished request", "Aborted request", "Job OK", "Prompt executed in",
            "!!! Exception during processing", "Successfully completed", "Job failed", "Moving job to", "Processed message",
            "Retries exceeded");
    /** Words right after a bracketed id that claim ({@code Task app.x[id] received}). */
    private static final byte[][] CLAIM_AFTER_ID = bytes(" received", " started", " claimed", " starting");
    /** Words right after a bracketed id that end ({@code succeeded in 1.2s}, {@code raised unexpected}). */
    private static final byte[][] END_AFTER_ID = bytes(" succeeded", " raised", " failed", " retry", " retried", " revoked",
            " rejected", " expired", " lost", " retired", " cancelled", " canceled", " done", " completed");
    /** Words that, a few bytes before a UUID, say it is not a unit's. */
    private static final String[] NOT_UNIT = {"user", "project", "session", "trace", "span", "account", "org", "tenant",
            "customer", "client", "device", "model", "hash", "checkpoint", "correlation", "install", "machine", "parent_span"};
    private static final byte[][] NOT_UNIT_BYTES = bytes(NOT_UNIT);

    /** Status phrases that say how a unit ended wherever they are written, strongest first. */
    private static final String[][] STATUS = {
            {"Success: False", "FAILED"}, {"Success: True", "COMPLETE"},
            {"raised unexpected", "FAILED"}, {"WorkerLostError", "FAILED"}, {"SIGKILL", "FAILED"}, {"signal 9", "FAILED"},
            {"SIGSEGV", "FAILED"}, {"killed by signal", "FAILED"}, {"Exception during processing", "FAILED"},
            {"ChildFailedError", "FAILED"}, {"(exitcode: ", "FAILED"}, {"Traceback (most recent call last)", "FAILED"},
            {"Job OK", "COMPLETE"}, {"Prompt executed in", "COMPLETE"}, {"Finished request", "COMPLETE"},
            {"Aborted request", "CANCELLED"}, {"Moving job to FailedJobRegistry", "FAILED"}};
    /** Status words that count only on a line that names the unit ({@code Task app.x[id] succeeded in 1.2s}). */
    private static final String[][] STATUS_OF_NAMED = {
            {"revoked", "CANCELLED"}, {"cancelled", "CANCELLED"}, {"canceled", "CANCELLED"}, {"retired", "CANCELLED"},
            {"aborted", "CANCELLED"}, {"retries exceeded", "FAILED"}, {"retrying", "QUEUED"}, {"retry", "QUEUED"},
            {"retried", "QUEUED"}, {"requeued", "QUEUED"}, {"requeuing", "QUEUED"},
            {"succeeded", "COMPLETE"}, {"raised", "FAILED"}, {"failed", "FAILED"}, {"fail", "FAILED"}, {"lost", "FAILED"},
            {"killed", "FAILED"}, {"timed out", "FAILED"}, {"crashed", "FAILED"}, {"done", "COMPLETE"}, {"finished", "COMPLETE"},
            {"completed", "COMPLETE"}, {"processed", "COMPLETE"}, {"executed", "COMPLETE"}, {"ok", "COMPLETE"}};

    // What find() saw, reused per line.
    int idStart;
    int idEnd;
    /** The id is written as a UUID; hi/lo hold its bits. */
    boolean uuid;
    long hi;
    long lo;
    public String kind;
    Step step;

    /**
     * Finds the unit id of the message [m, e) and the step the line takes; false if it names none.
     * Looks for a UUID (not introduced as another thing's), a request id, an arq job id, the fleet's
     * short forms ({@code travel#1a2b3c4d}, {@code Task 1a2b3c4d}).
     */
    public boolean find(byte[] b, int m, int e) {
        uuid = false;
        named = false;
        kind = TASK;
        step = Step.NONE;
        for (int i = Bytes.anyOf(b, m, e, (byte) '-', (byte) '#', (byte) 'k'); i < e; i = Bytes.anyOf(b, i + 1, e, (byte) '-', (byte) '#', (byte) 'k')) {
            byte x = b[i];
            if (x == '-') {
                if (i - 8 >= m && i + 28 <= e && b[i + 5] == '-' && b[i + 10] == '-' && b[i + 15] == '-') {
                    int at = i - 8;
                    long h = hex(b, at, 8);
                    long m1 = hex(b, i + 1, 4);
                    long m2 = hex(b, i + 6, 4);
                    long l1 = hex(b, i + 11, 4);
                    long l2 = hex(b, i + 16, 12);
                    if ((h | m1 | m2 | l1 | l2) >= 0 && (at == m || !isHex(b[at - 1])) && (i + 28 == e || !isHex(b[i + 28]))
                            && !introducedAsOther(b, m, at)) {
                        idStart = at;
                        idEnd = at + 36;
                        uuid = true;
                        hi = (h << 32) | (m1 << 16) | m2;
                        lo = (l1 << 48) | l2;
                        kind = kindAround(b, m, at, e);
                        return true;
                    }
                }
            } else if (x == '#' && i >= m + 6 && i + 9 <= e && b[i - 1] == 'l' && b[i - 6] == 't') {
                if (hex(b, i + 1, 8) >= 0 && (i + 9 == e || !isHex(b[i + 9]))) {
                    idStart = i + 1;
                    idEnd = i + 9;
                    return true;
                }
            } else if (x == 'k' && i >= m + 3 && i + 10 <= e && b[i + 1] == ' ' && b[i - 1] == 's' && b[i - 2] == 'a' && b[i - 3] == 'T') {
                if (hex(b, i + 2, 8) >= 0 && (i + 10 == e || (!isHex(b[i + 10]) && b[i + 10] != '-'))) {
                    idStart = i + 2;
                    idEnd = i + 10;
                    return true;
                }
            }
        }
        named = true;
        return nounId(b, m, e) || arqId(b, m, e);
    }

    /** The step a line takes: a claim or end phrase at the message start, or a word right after its id. */
    public Step stepOf(byte[] b, int body, int e, boolean hasId) {
        Step atStart = stepAtStart(b, body, e);
        if (atStart != Step.NONE) {
            return atStart;
        }
        if (hasId) {
            int after = idEnd;
            if (after < e && (b[after] == ']' || b[after] == ')')) {
                after++;
                if (after < e && b[after] == ':') {
                    return Step.NONE; // "app.x[id]: message" is the task logging, not a step
                }
                if (startsWithAny(b, after, e, END_AFTER_ID)) {
                    return Step.END;
                }
                if (startsWithAny(b, after, e, CLAIM_AFTER_ID)) {
                    return Step.CLAIM;
                }
                // An RQ job line: "queue: module.func(args) (id)" at the end of the line starts the job.
                if (after == e && idStart > 0 && b[idStart - 1] == '(') {
                    return Step.CLAIM;
                }
            }
        }
        return Step.NONE;
    }

    /** Phrases at the message start, by their first letter (lower case): most lines are told apart by one byte. */
    private static final byte[][][] CLAIMS_BY_FIRST = byFirst(CLAIM_AT_START);
    private static final byte[][][] ENDS_BY_FIRST = byFirst(END_AT_START);

    /** The step of a claim or end phrase that the message body starts with (any case); NONE for most lines. */
    public static Step stepAtStart(byte[] b, int body, int e) {
        if (body >= e) {
            return Step.NONE;
        }
        if (b[body] < 0) {
            return Step.NONE; // an emoji or other non-ASCII start: no phrase begins so
        }
        int c = (b[body] | 0x20) & 0x7F;
        if (startsWithAnyIgnoringCase(b, body, e, ENDS_BY_FIRST[c])) {
            return Step.END;
        }
        return startsWithAnyIgnoringCase(b, body, e, CLAIMS_BY_FIRST[c]) ? Step.CLAIM : Step.NONE;
    }

    private static byte[][][] byFirst(byte[][] phrases) {
        byte[][][] out = new byte[128][][];
        for (int c = 0; c < 128; c++) {
            java.util.List<byte[]> l = new java.util.ArrayList<>();
            for (byte[] w : phrases) {
                if (((w[0] | 0x20) & 0x7F) == c) {
                    l.add(w);
                }
            }
            out[c] = l.toArray(new byte[0][]);
        }
        return out;
    }

    /** The id as text: UUIDs and the fleet's hex ids in lower case, others as written. */
    public String id(byte[] b) {
        String s = new String(b, idStart, idEnd - idStart, StandardCharsets.UTF_8);
        return named ? s : s.toLowerCase(Locale.ROOT);
    }

    /** Words of a message that claim or end the unit it names by a noun ({@code Claimed job 5c0ffee1}, {@code job 4411: done}). */
    private static final String[][] WORD_STEPS = {
            {"claimed", "CLAIM"}, {"claim", "CLAIM"}, {"received", "CLAIM"}, {"accepted", "CLAIM"}, {"started", "CLAIM"},
            {"starting", "CLAIM"}, {"take", "CLAIM"}, {"picked", "CLAIM"}, {"running", "CLAIM"}, {"executing", "CLAIM"},
            {"dequeued", "CLAIM"}, {"assigned", "CLAIM"},
            {"done", "END"}, {"finished", "END"}, {"failed", "END"}, {"fail", "END"}, {"crashed", "END"}, {"succeeded", "END"},
            {"completed", "END"}, {"ok", "END"}, {"aborted", "END"}, {"cancelled", "END"}, {"canceled", "END"}, {"killed", "END"}};
    private static final byte[][] WORD_STEP_BYTES = new byte[WORD_STEPS.length][];

    static {
        for (int i = 0; i < WORD_STEPS.length; i++) {
            WORD_STEP_BYTES[i] = WORD_STEPS[i][0].getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The first claim or end word of the message, as a whole word in any case; NONE if there is none. */
    public static Step wordStep(byte[] b, int m, int e) {
        for (int i = m; i < e; i++) {
            if (!Clock.isLetter(b[i]) || (i > m && Clock.isLetter(b[i - 1]))) {
                continue;
            }
            for (int k = 0; k < WORD_STEP_BYTES.length; k++) {
                byte[] w = WORD_STEP_BYTES[k];
                if (i + w.length <= e && sameIgnoringCase(b, i, w) && (i + w.length == e || !Clock.isLetter(b[i + w.length]))) {
                    return Step.valueOf(WORD_STEPS[k][1]);
                }
            }
        }
        return Step.NONE;
    }

    /** The status a message gives its unit, or null; namesUnit: the message names the unit's id. */
    static TaskStatus statusOf(String msg, boolean namesUnit) {
        for (String[] s : STATUS) {
            if (msg.contains(s[0])) {
                return TaskStatus.valueOf(s[1]);
            }
        }
        if (namesUnit) {
            String lower = msg.toLowerCase(Locale.ROOT);
            for (String[] s : STATUS_OF_NAMED) {
                if (hasWord(lower, s[0])) {
                    return TaskStatus.valueOf(s[1]);
                }
            }
        }
        return null;
    }

    /** Whether the text holds the words as whole words (not "done" in "undone", not "ok" in "token"). */
    private static boolean hasWord(String text, String words) {
        for (int i = text.indexOf(words); i >= 0; i = text.indexOf(words, i + 1)) {
            int end = i + words.length();
            if ((i == 0 || !Character.isLetter(text.charAt(i - 1))) && (end == text.length() || !Character.isLetter(text.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /** Nouns that introduce a unit's id, and the kind of unit each names. */
    private static final String[][] NOUNS = {
            {"request", REQUEST}, {"req", REQUEST}, {"job", JOB}, {"task", TASK}, {"tid", TASK}, {"prompt", PROMPT},
            {"rank", RANK}, {"shard", RANK}};
    private static final byte[][] NOUN_BYTES = new byte[NOUNS.length][];

    static {
        for (int i = 0; i < NOUNS.length; i++) {
            NOUN_BYTES[i] = NOUNS[i][0].getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** Kinds whose ids may be a bare number ({@code job 4411}, {@code TID 12}, {@code rank=0}): the noun is then part of the id. */
    private static boolean numbered(String kind, byte[] noun) {
        return !kind.equals(PROMPT) && !(kind.equals(TASK) && noun.length == 4) && !kind.equals(REQUEST);
    }

    /**
     * Where a bare number is an id: {@code job 4411}, {@code (TID 12)} in capitals, {@code rank=0} and
     * {@code rank0}; not {@code Job: 2} (a pool slot), {@code tid 1730} (a thread), {@code rank 0} (prose).
     */
    private static boolean numberedAfter(byte[] b, int at, byte[] noun, String kind, byte sep, boolean glued) {
        if (kind.equals(RANK)) {
            return sep == '=' || glued;
        }
        if (noun.length == 3 && kind.equals(TASK)) {
            return b[at] == 'T' && b[at + 1] == 'I' && b[at + 2] == 'D';
        }
        return sep == ' ' || sep == '#' || sep == '=';
    }

    /** Set by find(): the id came from a noun ({@code job=E-5521}, {@code TID 12}), not a UUID or the fleet's forms. */
    public boolean named;

    /**
     * An id introduced by a noun: {@code job=E-5521}, {@code Job RJ-20250322-0071}, {@code job 4411:},
     * {@code (TID 12)}, {@code rank=1}, {@code [rank3]}, {@code request cmpl-9a8b}, {@code req_5kQ9xT2b},
     * {@code task(x8n4c7g)}. An id needs a digit; a bare number keeps its noun, as the file writes it.
     */
    private boolean nounId(byte[] b, int m, int e) {
        for (int i = m; i + 3 < e; i++) {
            // The first letter rules most bytes out before anything else is looked at.
            int c = b[i] | 0x20;
            if (c != 'r' && c != 'j' && c != 't' && c != 'p' && c != 's') {
                continue;
            }
            if (i > m && (Clock.isLetter(b[i - 1]) || b[i - 1] == '_')) {
                continue;
            }
            for (int n = 0; n < NOUN_BYTES.length; n++) {
                byte[] w = NOUN_BYTES[n];
                if (w[0] != c || i + w.length >= e || !sameIgnoringCase(b, i, w) || Clock.isLetter(b[i + w.length])) {
                    continue;
                }
                if (idAfterNoun(b, i, i + w.length, e, NOUNS[n][1], w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private boolean idAfterNoun(byte[] b, int nounAt, int q, int e, String kind, byte[] noun) {
        byte sep = b[q];
        int s = q + 1;
        if (Clock.isDigit(sep) && kind.equals(RANK)) {
            s = q; // rank3
        } else if (sep == ' ' || sep == '=' || sep == ':' || sep == '#') {
            if (sep == ' ' && s + 3 < e && (b[s] | 0x20) == 'i' && (b[s + 1] | 0x20) == 'd' && (b[s + 2] == ' ' || b[s + 2] == '=' || b[s + 2] == ':')) {
                s += 3; // "job id 7", "request ID: x"
            }
            while (s < e && b[s] == ' ' && s - q < 3) {
                s++;
            }
        } else if (sep == '_' && s + 2 < e && (b[s] | 0x20) == 'i' && (b[s + 1] | 0x20) == 'd' && (b[s + 2] == '=' || b[s + 2] == ':')) {
            s += 3; // request_id=abc
            while (s < e && b[s] == ' ') {
                s++;
            }
        } else if (sep == '(') {
            int close = s;
            while (close < e && close - s < 64 && b[close] != ')' && b[close] != ' ') {
                close++;
            }
            if (close < e && b[close] == ')' && close > s && hasDigit(b, s, close)) {
                idStart = nounAt;
                idEnd = close + 1; // task(x8n4c7gkkuyvb6q)
                this.kind = kind;
                return true;
            }
            return false;
        } else if (sep != '-' && sep != '_') {
            return false;
        }
        int t = s;
        while (t < e && t - s < 80 && (Clock.isLetter(b[t]) || Clock.isDigit(b[t]) || b[t] == '-' || b[t] == '_' || b[t] == '.' || b[t] == ':')) {
            t++;
        }
        while (t > s && (b[t - 1] == '.' || b[t - 1] == ':' || b[t - 1] == '-')) {
            t--;
        }
        if (t == s || !hasDigit(b, s, t)) {
            return false;
        }
        boolean integer = allDigits(b, s, t);
        if (integer && !numberedAfter(b, nounAt, noun, kind, sep, s == q)) {
            return false;
        }
        if (sep == '-' || sep == '_' || s == q) {
            if (integer && !numbered(kind, noun)) {
                return false;
            }
            idStart = nounAt; // job-0417, req_5kQ9xT2b, rank3: the noun is part of the token
        } else if (integer) {
            if (!numbered(kind, noun)) {
                return false;
            }
            idStart = nounAt; // job 4411, TID 12, rank=0
        } else {
            if (t - s < 4) {
                return false;
            }
            idStart = s;
        }
        idEnd = t;
        this.kind = kind;
        return true;
    }

    private static boolean hasDigit(byte[] b, int p, int t) {
        for (int i = p; i < t; i++) {
            if (Clock.isDigit(b[i])) {
                return true;
            }
        }
        return false;
    }

    private static boolean allDigits(byte[] b, int p, int t) {
        for (int i = p; i < t; i++) {
            if (!Clock.isDigit(b[i])) {
                return false;
            }
        }
        return t > p;
    }

    /** arq: {@code 0.50s → 5f0c…:render(1)}, a 32-hex job id followed by a colon and the function. */
    private boolean arqId(byte[] b, int m, int e) {
        for (int c = Bytes.anyOf(b, m + 32, e, (byte) ':', (byte) ':', (byte) ':'); c < e; c = Bytes.anyOf(b, c + 1, e, (byte) ':', (byte) ':', (byte) ':')) {
            int i = c - 32;
            if (c + 1 < e && (i == m || b[i - 1] == ' ') && hex(b, i, 16) >= 0 && hex(b, i + 16, 16) >= 0) {
                idStart = i;
                idEnd = i + 32;
                kind = JOB;
                return true;
            }
        }
        return false;
    }

    /** Names the kind from a word just before the id: job, request; otherwise a task. */
    private static String kindAround(byte[] b, int m, int at, int e) {
        int from = Math.max(m, at - 24);
        for (int i = from; i + 3 <= at; i++) {
            byte c = (byte) (b[i] | 0x20);
            if (c == 'j' && (b[i + 1] | 0x20) == 'o' && (b[i + 2] | 0x20) == 'b') {
                return JOB;
            }
            if (c == 'r' && i + 3 <= at && (b[i + 1] | 0x20) == 'e' && (b[i + 2] | 0x20) == 'q') {
                return REQUEST;
            }
        }
        if (at > m && b[at - 1] == '(' && (at + 36 < e && b[at + 36] == ')') && at + 37 == e) {
            return JOB;
        }
        return TASK;
    }

    /** "Project ID: <uuid>", "user_id=<uuid>", "session <uuid>": an id of something that is not a unit. */
    private static boolean introducedAsOther(byte[] b, int m, int at) {
        int from = Math.max(m, at - 16);
        for (byte[] w : NOT_UNIT_BYTES) {
            for (int i = from; i + w.length <= at; i++) {
                if (sameIgnoringCase(b, i, w)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWithAnyIgnoringCase(byte[] b, int at, int e, byte[][] words) {
        for (byte[] w : words) {
            if (at + w.length <= e && (b[at] | 0x20) == (w[0] | 0x20)) {
                boolean same = true;
                for (int i = 1; i < w.length && same; i++) {
                    byte x = b[at + i];
                    byte y = w[i];
                    same = x == y || (Clock.isLetter(x) && (x | 0x20) == (y | 0x20));
                }
                if (same) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean startsWithAny(byte[] b, int at, int e, byte[][] words) {
        for (byte[] w : words) {
            if (startsWith(b, at, e, w)) {
                return true;
            }
        }
        return false;
    }

    public static boolean startsWith(byte[] b, int at, int e, byte[] w) {
        if (at < 0 || at + w.length > e) {
            return false;
        }
        for (int i = 0; i < w.length; i++) {
            if (b[at + i] != w[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean sameIgnoringCase(byte[] b, int p, byte[] lower) {
        for (int i = 0; i < lower.length; i++) {
            if ((b[p + i] | 0x20) != lower[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[][] bytes(String... words) {
        byte[][] out = new byte[words.length][];
        for (int i = 0; i < words.length; i++) {
            out[i] = words[i].getBytes(StandardCharsets.UTF_8);
        }
        return out;
    }

    static boolean isHex(byte c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static long hex(byte[] b, int p, int count) {
        if (p + count > b.length) {
            return -1;
        }
        long v = 0;
        for (int i = p; i < p + count; i++) {
            int c = b[i];
            int d;
            if (c >= '0' && c <= '9') {
                d = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                d = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                d = c - 'A' + 10;
            } else {
                return -1;
            }
            v = (v << 4) | d;
        }
        return v;
    }

    /** Start of the message after a {@code COMPONENT: } or a queue's {@code default: } prefix, if any. */
    public static int body(byte[] b, int m, int end) {
        int lim = Math.min(end - 1, m + 24);
        boolean upper = m < end && b[m] >= 'A' && b[m] <= 'Z';
        for (int i = m; i < lim; i++) {
            byte x = b[i];
            if (x == ':' && b[i + 1] == ' ' && i > m) {
                return i + 2;
            }
            boolean ok = upper ? (x >= 'A' && x <= 'Z') || x == '_' || (x >= '0' && x <= '9')
                    : (x >= 'a' && x <= 'z') || x == '_' || x == '-' || x == '.' || (x >= '0' && x <= '9');
            if (!ok) {
                return m;
            }
        }
        return m;
    }
}
