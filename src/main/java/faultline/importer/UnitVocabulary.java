package faultline.importer;

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
final class UnitVocabulary {
    /** What a line does to its unit. */
    enum Step { NONE, CLAIM, END }

    /** Kinds of unit, as shown. */
    static final String TASK = "task";
    static final String JOB = "job";
    static final String REQUEST = "request";
    static final String PROMPT = "prompt";
    static final String RANK = "rank";
    static final String WORKER = "worker";

    /** Phrases that claim a unit when the message (after any COMPONENT: prefix) starts with them. */
    private static final byte[][] CLAIM_AT_START = bytes(
            "Processing ", "[CLAIM] Claimed task", "Claimed task", "Received request", "Added request", "got prompt",
            "Starting job", "Started job", "Running job", "Executing job", "Task received");
    /** Phrases that end the unit when the message starts with them. */
    private static final byte[][] END_AT_START = bytes(
            "Finished task", "Finished request", "Aborted request", "Job OK", "Prompt executed in",
            "!!! Exception during processing", "Successfully completed", "Job failed", "Moving job to");
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
            {" revoked", "CANCELLED"}, {" cancelled", "CANCELLED"}, {" canceled", "CANCELLED"}, {" retired", "CANCELLED"},
            {"retry", "QUEUED"}, {"requeu", "QUEUED"},
            {" succeeded", "COMPLETE"}, {"completed successfully", "COMPLETE"}, {" raised", "FAILED"}, {" failed", "FAILED"},
            {" lost", "FAILED"}, {" killed", "FAILED"}, {" timed out", "FAILED"}};

    // What find() saw, reused per line.
    int idStart;
    int idEnd;
    /** The id is written as a UUID; hi/lo hold its bits. */
    boolean uuid;
    long hi;
    long lo;
    String kind;
    Step step;

    /**
     * Finds the unit id of the message [m, e) and the step the line takes; false if it names none.
     * Looks for a UUID (not introduced as another thing's), a request id, an arq job id, the fleet's
     * short forms ({@code travel#1a2b3c4d}, {@code Task 1a2b3c4d}).
     */
    boolean find(byte[] b, int m, int e) {
        uuid = false;
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
        return requestId(b, m, e) || arqId(b, m, e);
    }

    /** The step a line takes: a claim or end phrase at the message start, or a word right after its id. */
    Step stepOf(byte[] b, int body, int e, boolean hasId) {
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
    static Step stepAtStart(byte[] b, int body, int e) {
        if (body >= e) {
            return Step.NONE;
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

    /** Whether the message starts a new unit that has no id of its own (ComfyUI's "got prompt"). */
    static boolean startsAnonymousUnit(byte[] b, int body, int e) {
        return startsWith(b, body, e, GOT_PROMPT);
    }

    private static final byte[] GOT_PROMPT = "got prompt".getBytes(StandardCharsets.US_ASCII);

    /** The id as text (lower case for hex ids). */
    String id(byte[] b) {
        String s = new String(b, idStart, idEnd - idStart, StandardCharsets.UTF_8);
        return uuid || kind.equals(TASK) ? s.toLowerCase(Locale.ROOT) : s;
    }

    /** The status a message gives its unit, or null; namesUnit: the message names the unit's id. */
    static TaskStatus statusOf(String msg, boolean namesUnit) {
        for (String[] s : STATUS) {
            if (msg.contains(s[0])) {
                return TaskStatus.valueOf(s[1]);
            }
        }
        if (namesUnit) {
            for (String[] s : STATUS_OF_NAMED) {
                if (msg.contains(s[0])) {
                    return TaskStatus.valueOf(s[1]);
                }
            }
        }
        return null;
    }

    /** "request <id>", "request_id=<id>", "req-<uuid>" (the UUID case is found first): an inference request. */
    private boolean requestId(byte[] b, int m, int e) {
        for (int i = Bytes.anyOf(b, m, e, (byte) 'q', (byte) 'q', (byte) 'q') - 2; i + 8 < e; i = Bytes.anyOf(b, i + 3, e, (byte) 'q', (byte) 'q', (byte) 'q') - 2) {
            if (i < m) {
                continue;
            }
            byte c = b[i];
            if ((c == 'r' || c == 'R') && b[i + 1] == 'e' && b[i + 2] == 'q' && b[i + 3] == 'u' && b[i + 4] == 'e'
                    && b[i + 5] == 's' && b[i + 6] == 't' && (i == m || !Clock.isLetter(b[i - 1]))) {
                int q = i + 7;
                if (q + 4 < e && (b[q] == '_' || b[q] == ' ') && b[q + 1] == 'i' && b[q + 2] == 'd') {
                    q += 3;
                }
                if (q < e && (b[q] == ' ' || b[q] == '=' || b[q] == ':')) {
                    q++;
                    if (q < e && b[q] == ' ') {
                        q++;
                    }
                    int s = q;
                    boolean digit = false;
                    while (q < e && q - s < 80 && (Clock.isLetter(b[q]) || Clock.isDigit(b[q]) || b[q] == '-' || b[q] == '_' || b[q] == '.')) {
                        digit |= Clock.isDigit(b[q]);
                        q++;
                    }
                    while (q > s && b[q - 1] == '.') {
                        q--;
                    }
                    if (q - s >= 6 && digit) {
                        idStart = s;
                        idEnd = q;
                        kind = REQUEST;
                        return true;
                    }
                }
            }
        }
        return false;
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

    static boolean startsWith(byte[] b, int at, int e, byte[] w) {
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

    /** Start of the message after a "COMPONENT: " prefix, if any. */
    static int body(byte[] b, int m, int end) {
        int lim = Math.min(end - 1, m + 24);
        for (int i = m; i < lim; i++) {
            byte x = b[i];
            if (x == ':' && b[i + 1] == ' ' && i > m) {
                return i + 2;
            }
            if (!((x >= 'A' && x <= 'Z') || x == '_' || (x >= '0' && x <= '9'))) {
                return m;
            }
        }
        return m;
    }
}
