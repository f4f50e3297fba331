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
 * a message's bytes; a claim makes a unit the current one of its worker, an end lets it go ({@link StatusWords}
 * says how it ended). Ids introduced as some other thing's (a user's, a project's, a
 * session's, a trace's, a model's hash) are not units.
 */
public final class UnitVocabulary {
    /** What a line does to its unit. */
    public enum Step { NONE, CLAIM, END }

    /** Kinds of unit, as shown. */
    public static final String TASK = "task";
    public static final String JOB = "job";
    public static final String REQUEST = "request";
    public static final String PROMPT = "prompt";
    public static final String RANK = "rank";
    static final String WORKER = "worker";
    /** A program a supervisor runs beside others (supervisord's): like requests, several run at once on one writer. */
    public static final String PROCESS = "process";
    /** A model an inference server loads (Triton's): several load at once, each loaded or failed to load. */
    public static final String MODEL = "model";

    /** Phrases that claim a unit when the message (after any COMPONENT: prefix) starts with them. */
    private static final byte[][] CLAIM_AT_START = bytes(
            "Processing ", "[CLAIM] Claimed task", "Claimed task", "Received request", "Added request", "got prompt",
            "Starting job", "Started job", "Running job", "Executing job", "Task received", "Received message", "Received task",
            "spawned: '");
    /** Phrases that end the unit when the message starts with them. */
    private static final byte[][] END_AT_START = bytes(
            "Finished task", "Finished request", "Aborted request", "Job OK", "Prompt executed in",
            "Successfully completed", "Job failed", "Moving job to", "Processed message",
            "Retries exceeded", "exited: ", "gave up: ", "stopped: ", "Acknowledging message", "Rejecting message", "Marking task as ",
            "invalid prompt: ");
    /** Words right after a bracketed id that claim ({@code Task app.x[id] received}). */
    private static final byte[][] CLAIM_AFTER_ID = bytes(" received", " started", " claimed", " starting", " submitted",
            " Enter "); // Xinference's "[request <id>] Enter chat, args: …" … "[request <id>] Leave chat, elapsed time: 3 s"
    /** Words right after a bracketed id that end ({@code succeeded in 1.2s}, {@code raised unexpected}). */
    private static final byte[][] END_AFTER_ID = bytes(" succeeded", " raised", " failed", " retry", " retried", " revoked",
            " rejected", " expired", " lost", " retired", " cancelled", " canceled", " done", " completed", " Leave ");
    private static final byte[] SLOT_TAKES = "processing task".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SLOT_RELEASES = "stop processing".getBytes(StandardCharsets.US_ASCII);
    /** Words that, a few bytes before a UUID, say it is not a unit's. */
    private static final String[] NOT_UNIT = {"user", "project", "session", "trace", "span", "account", "org", "tenant",
            "customer", "client", "device", "model", "hash", "checkpoint", "correlation", "install", "machine", "parent_span",
            "instance", "image", "volume", "invocation"};
    /** Words that, glued before a UUID by a dash ({@code req-<uuid>}), make it a unit's id; any other word makes it that thing's. */
    private static final byte[][] UNIT_PREFIXES = bytes("req", "request", "task", "job", "run", "prompt", "msg", "message", "cmpl");
    private static final byte[][] NOT_UNIT_BYTES = bytes(NOT_UNIT);

    /** Keys of the UUIDs some line introduced as another thing's (a session, a user), see {@link #uuidKey}. */
    public final java.util.Set<Long> otherUuids = new java.util.HashSet<>();

    /** One key for a UUID's bits: a collision would only keep one more UUID from being a unit. */
    public static long uuidKey(long hi, long lo) {
        return hi * 0x9E3779B97F4A7C15L ^ lo;
    }

    /** The key of a UUID written as text (36 characters), or 0 when it is not one. */
    public static long uuidKey(String id) {
        if (id.length() != 36) {
            return 0;
        }
        byte[] b = id.getBytes(StandardCharsets.US_ASCII);
        return Bytes.uuidAt(b, 8, 0, 36) ? uuidKey(Bytes.uuidHigh(b, 0), Bytes.uuidLow(b, 0)) : 0;
    }

    /**
     * Set by {@link #uuidAsUnit}: the UUID was written as a unit's by its place alone (a tag, the message's start, a
     * unit's noun before it, a unit kind's word around it), not only as a column or the object a line ends on.
     */
    private boolean strongSight;

    /** Whether the last {@link #uuidAsUnit} saw the UUID written as a unit's by its place alone. */
    public boolean sawAsUnit() {
        return strongSight;
    }

    /** Whether find() took a UUID for the id and a unit's noun stands just before it ({@code task <uuid>}, {@code job_id=}). */
    public boolean unitNounBeforeUuid(byte[] b, int m) {
        return uuid && unitNounNear(b, m);
    }

    /**
     * find() named a unit of which several run at once under one writer (Ray Tune's trials, which the driver
     * reports on): the writer's lines without an id are not its.
     */
    public boolean concurrent;

    /**
     * find() named a request of a server that serves one at a time (KoboldCpp's generations): unlike other requests,
     * the writer's lines without an id until the next are its.
     */
    public boolean oneAtATime;

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
        concurrent = false;
        oneAtATime = false;
        uuid = false;
        named = false;
        nounKept = false;
        endedWell = false;
        saidSuccess = false;
        formSaysSuccess = false;
        kind = TASK;
        step = Step.NONE;
        actor[0] = -1;
        if (taskPathspec(b, m, e)) {
            return true; // the task the line's own prefix names: ids in its text are that task's data
        }
        int afterCall = ActorCall.end(b, m, e, actor);
        if (afterCall > m) {
            m = afterCall; // a dramatiq message's arguments are the caller's values: its id is said after the call
        }
        for (int i = Bytes.anyOf(b, m, e, (byte) '-', (byte) '#', (byte) 'k'); i < e; i = Bytes.anyOf(b, i + 1, e, (byte) '-', (byte) '#', (byte) 'k')) {
            byte x = b[i];
            if (x == '-') {
                int at = i - 8;
                if (Bytes.uuidAt(b, i, m, e) && introducedAsOther(b, m, at)) {
                    // "session <uuid>": that thing's id wherever else the file writes it bare.
                    otherUuids.add(uuidKey(Bytes.uuidHigh(b, at), Bytes.uuidLow(b, at)));
                } else if (Bytes.uuidAt(b, i, m, e)) {
                    int glued = gluedWord(b, m, at);
                    if (glued >= 0 && !keyedAsUnit(b, m, glued)) {
                        continue; // GPU-<uuid>, MIG-<uuid>: that thing's id
                    }
                    idStart = at;
                    idEnd = at + 36;
                    uuid = true;
                    hi = Bytes.uuidHigh(b, at);
                    lo = Bytes.uuidLow(b, at);
                    kind = kindAround(b, m, at, e);
                    if (glued >= 0) {
                        idStart = glued; // "requestId": "sync-<uuid>-e1": the prefix is part of the unit's id
                    }
                    // "Task queue start task, job_id=<uuid>": keyed by a unit's noun, the line's words tell its step.
                    named = glued < 0 && idKey(b, m, at) && keyedAsUnit(b, m, at);
                    return true;
                }
            } else if (x == '#' && i >= m + 6 && i + 9 <= e && b[i - 1] == 'l' && b[i - 6] == 't') {
                if (Bytes.hex(b, i + 1, 8) >= 0 && (i + 9 == e || !Bytes.isHex(b[i + 9]))) {
                    idStart = i + 1;
                    idEnd = i + 9;
                    return true;
                }
            } else if (x == 'k' && i >= m + 3 && i + 10 <= e && b[i + 1] == ' ' && b[i - 1] == 's' && b[i - 2] == 'a' && b[i - 3] == 'T') {
                if (Bytes.hex(b, i + 2, 8) >= 0 && (i + 10 == e || (!Bytes.isHex(b[i + 10]) && b[i + 10] != '-'))) {
                    idStart = i + 2;
                    idEnd = i + 10;
                    return true;
                }
            }
        }
        named = true;
        // Each form below needs a byte most messages lack (a flow run's quote, a trial's underscores, a trace's
        // parenthesis, arq's colon): one pass finds which are there, and the searches for the others are skipped.
        int has = Bytes.present(b, m, e);
        return supervisedProgram(b, m, e) || ((has & Bytes.QUOTE) != 0 && flowRun(b, m, e))
                || ((has & Bytes.UNDERSCORE) != 0 && tuneTrial(b, m, e)) || daskKey(b, m, e)
                || ((has & Bytes.PAREN) != 0 && traceId(b, m, e)) || nounId(b, m, e)
                || ((has & Bytes.COLON) != 0 && arqId(b, m, e)) || loadedModel(b, m, e)
                || ((has & Bytes.PAREN) != 0 && seededGeneration(b, m, e))
                || ((has & Bytes.COLON) != 0 && generationKey(b, m, e));
    }

    private static final byte[] INPUT_BODY = "Input: {".getBytes(StandardCharsets.US_ASCII);
    private static final String GENKEY = "\"genkey\": \"";

    /**
     * A request KoboldCpp takes on, named by the generation key its client sent ({@code Input: {"n": 1, …, "genkey":
     * "KCPP2931", …}}): the body printed as it arrives, the key the only name the request gets. The key is a value of
     * the client's, so it needs a digit to be an id, as others do.
     */
    private boolean generationKey(byte[] b, int m, int e) {
        if (!startsWith(b, m, e, INPUT_BODY)) {
            return false;
        }
        int at = Bytes.indexOf(b, m, Math.min(e, m + 4096), GENKEY);
        if (at < 0) {
            return false;
        }
        int s = at + GENKEY.length();
        int t = s;
        while (t < e && t - s < 64 && b[t] != '"' && b[t] != ' ') {
            t++;
        }
        if (t == s || t >= e || b[t] != '"' || !hasDigit(b, s, t)) {
            return false;
        }
        idStart = s;
        idEnd = t;
        kind = REQUEST;
        step = Step.CLAIM;
        oneAtATime = true;
        return true;
    }

    private static final byte[] OUTPUT_GENERATED = "Output generated in ".getBytes(StandardCharsets.US_ASCII);
    private static final String SEED = ", seed ";

    /**
     * A generation text-generation-webui ran, named by the seed its closing line reports ({@code Output generated in
     * 6.12 seconds (22.71 tokens/s, 139 tokens, context 388, seed 804217733)}): the only name a generation gets, written
     * once it is over, failed or not (the line is logged in a finally, after any traceback was printed). Generations
     * run one at a time, so the writer's lines before it since the last are its own.
     */
    private boolean seededGeneration(byte[] b, int m, int e) {
        if (!startsWith(b, m, e, OUTPUT_GENERATED)) {
            return false;
        }
        int at = Bytes.indexOf(b, m + OUTPUT_GENERATED.length, Math.min(e, m + 200), SEED);
        if (at < 0) {
            return false;
        }
        int s = at + SEED.length();
        int t = s;
        while (t < e && t - s < 20 && Clock.isDigit(b[t])) {
            t++;
        }
        if (t == s || t >= e || b[t] != ')') {
            return false;
        }
        idStart = at + 2; // "seed 804217733": the number alone would read as a count
        idEnd = t;
        nounKept = true;
        kind = REQUEST;
        step = Step.END;
        return true;
    }

    private static final byte[] PID_OPEN = " (pid ".getBytes(StandardCharsets.US_ASCII);

    /**
     * Metaflow's prefix of a task's lines, {@code [1747227911380211/caption/2 (pid 5123)] msg}: the pathspec (run,
     * step, task) is the unit, the pid the process it runs in. Tasks of a run execute side by side, so the runtime's
     * lines without the prefix are none of theirs.
     */
    private boolean taskPathspec(byte[] b, int m, int e) {
        int end = taskPathspecEnd(b, m, e);
        if (end < 0) {
            return false;
        }
        idStart = m + 1;
        idEnd = m + 1;
        while (b[idEnd] != ' ') {
            idEnd++;
        }
        kind = TASK;
        named = true;
        concurrent = true;
        return true;
    }

    /** The index after a Metaflow task's prefix {@code [run/step/task (pid N)]} and its space at m, or -1 (most lines: one byte). */
    public static int taskPathspecEnd(byte[] b, int m, int e) {
        if (m >= e || b[m] != '[') {
            return -1;
        }
        int lim = Math.min(e, m + 200);
        int q = m + 1;
        int last = -1;
        for (int seg = 0; seg < 3; seg++) {
            int s = q;
            boolean digit = false;
            while (q < lim && (Clock.isLetter(b[q]) || Clock.isDigit(b[q]) || b[q] == '_' || b[q] == '-' || b[q] == '.')) {
                digit |= Clock.isDigit(b[q]);
                q++;
            }
            // The run and the task carry a number; the step is the flow's function, a name.
            boolean named = q > s && (seg == 1 ? Clock.isLetter(b[s]) || b[s] == '_' : digit);
            if (!named || q >= lim || b[q] != (seg < 2 ? (byte) '/' : (byte) ' ')) {
                return -1;
            }
            last = q++;
        }
        if (!startsWith(b, last, lim, PID_OPEN)) {
            return -1;
        }
        int d = last + PID_OPEN.length;
        int t = d;
        while (t < lim && Clock.isDigit(b[t])) {
            t++;
        }
        if (t == d || t + 1 >= lim || b[t] != ')' || b[t + 1] != ']') {
            return -1;
        }
        return t + 2 < e && b[t + 2] == ' ' ? t + 3 : t + 2;
    }

    private static final byte[] LOADING = "loading: ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOADED = "successfully loaded '".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOAD_FAILED = "failed to load '".getBytes(StandardCharsets.US_ASCII);

    /**
     * A model Triton loads, named at the message start, its glog text quoted or not: {@code loading: clip_embed:1}
     * takes it on, {@code successfully loaded 'clip_embed'} and {@code failed to load 'clip_embed' version 1: …} end it.
     */
    private boolean loadedModel(byte[] b, int m, int e) {
        int p = m < e && b[m] == '"' ? m + 1 : m;
        if (p + 12 >= e || (b[p] != 'l' && b[p] != 's' && b[p] != 'f')) {
            return false;
        }
        boolean claim = startsWith(b, p, e, LOADING);
        int s = claim ? p + LOADING.length : startsWith(b, p, e, LOADED) ? p + LOADED.length
                : startsWith(b, p, e, LOAD_FAILED) ? p + LOAD_FAILED.length : -1;
        if (s < 0) {
            return false;
        }
        int t = s;
        while (t < e && t - s < 128 && (Clock.isLetter(b[t]) || Clock.isDigit(b[t]) || b[t] == '_' || b[t] == '-' || b[t] == '.')) {
            t++;
        }
        if (t == s || t + 1 >= e || (claim ? b[t] != ':' || !Clock.isDigit(b[t + 1]) : b[t] != '\'')) {
            return false;
        }
        idStart = s;
        idEnd = t;
        kind = MODEL;
        concurrent = true;
        step = claim ? Step.CLAIM : Step.END;
        return true;
    }

    private static final String TRACE = "(trace=";

    /**
     * A request named by its trace id in the context a server writes after the line ({@code (trace=c2d9…,span=7b3d…,
     * sampled=0,service.name=…)}, BentoML's): the trace is one request's, the span one step of it.
     */
    private boolean traceId(byte[] b, int m, int e) {
        int at = Bytes.indexOf(b, m, e, TRACE);
        if (at < 0) {
            return false;
        }
        int from = at + TRACE.length();
        if (from + 32 > e || (from + 32 < e && Bytes.isHex(b[from + 32]))) {
            return false;
        }
        for (int i = from; i < from + 32; i += 8) {
            if (Bytes.hex(b, i, 8) < 0) {
                return false;
            }
        }
        idStart = from;
        idEnd = from + 32;
        kind = REQUEST;
        return true;
    }

    private static final byte[] KEY_FIELD = "Key:".getBytes(StandardCharsets.US_ASCII);

    /**
     * A Dask task's key in the field its worker writes under a failure ({@code Key:       ('featurize-9c41…', 4)},
     * {@code Key: load-3e0a9f11c2d84b7e}): a name, a dash and a token of hex digits, in a tuple with its index or alone.
     */
    private boolean daskKey(byte[] b, int m, int e) {
        if (!startsWith(b, m, e, KEY_FIELD)) {
            return false;
        }
        int s = m + KEY_FIELD.length;
        while (s < e && b[s] == ' ') {
            s++;
        }
        int t = s;
        if (t < e && b[t] == '(') {
            t = Bytes.indexOf(b, t, Math.min(e, t + 200), (byte) ')');
            if (t < 0 || t >= e) {
                return false;
            }
            t++;
        } else {
            while (t < e && b[t] != ' ' && t - s < 200) {
                t++;
            }
        }
        int dash = Bytes.indexOf(b, s, t, (byte) '-');
        int hex = 0;
        for (int i = dash + 1; dash > s && i < t && Bytes.isHex(b[i]); i++) {
            hex++;
        }
        if (hex < 8) {
            return false;
        }
        idStart = s;
        idEnd = t;
        kind = TASK;
        return true;
    }

    private static final String TRIAL = "rial ";

    /**
     * Ray Tune's trial, named by its trainable, the experiment's five hex digits and its own five-digit number
     * after the noun ({@code Trial train_fn_1a2b3_00002 errored after 2 iterations}, {@code Trial task failed for
     * trial train_fn_1a2b3_00002}).
     */
    private boolean tuneTrial(byte[] b, int m, int e) {
        int lim = Math.min(e, m + 200);
        for (int at = Bytes.indexOf(b, m, lim, TRIAL); at >= m + 1; at = Bytes.indexOf(b, at + 1, lim, TRIAL)) {
            if ((b[at - 1] != 'T' && b[at - 1] != 't') || (at - 1 > m && Clock.isLetter(b[at - 2]))) {
                continue;
            }
            int from = at + TRIAL.length();
            int t = from;
            while (t < e && t - from < 120 && (Clock.isLetter(b[t]) || Clock.isDigit(b[t]) || b[t] == '_')) {
                t++;
            }
            // ..._1a2b3_00002: an underscore, five hex digits, an underscore, five digits at the end of the name.
            if (t - from >= 13 && b[t - 6] == '_' && b[t - 12] == '_' && Bytes.hex(b, t - 11, 5) >= 0) {
                boolean digits = true;
                for (int i = t - 5; i < t; i++) {
                    digits &= Clock.isDigit(b[i]);
                }
                if (digits) {
                    idStart = from;
                    idEnd = t;
                    kind = JOB;
                    concurrent = true;
                    return true;
                }
            }
        }
        return false;
    }

    private static final String FLOW_RUN = "low run '";

    /**
     * Prefect's flow run, named in quotes ({@code Flow run 'crimson-otter' - …}, {@code Created flow run 'crimson-otter'
     * for flow 'nightly-etl'}): a generated two-word name, unique to the run, so it needs no digit as a task run's does.
     */
    private boolean flowRun(byte[] b, int m, int e) {
        int at = Bytes.indexOf(b, m, Math.min(e, m + 120), FLOW_RUN);
        if (at < m + 1 || (b[at - 1] != 'F' && b[at - 1] != 'f') || (at - 1 > m && Clock.isLetter(b[at - 2]))) {
            return false;
        }
        int from = at + FLOW_RUN.length();
        int t = from;
        while (t < e && t - from < 64 && (Clock.isLetter(b[t]) || Clock.isDigit(b[t]) || b[t] == '-' || b[t] == '_')) {
            t++;
        }
        if (t - from < 3 || t >= e || b[t] != '\'') {
            return false;
        }
        idStart = from;
        idEnd = t;
        kind = JOB;
        return true;
    }

    /** supervisord's verbs before the program they are about, the program's name quoted after "spawned". */
    private static final byte[][] SUPERVISOR_VERBS = bytes("spawned: '", "success: ", "exited: ", "gave up: ", "stopped: ");

    /** The verbs' first bytes: a message that starts with none of them is looked at no further. */
    private static final boolean[] SUPERVISOR_FIRST = firstBytes(SUPERVISOR_VERBS);

    private static boolean[] firstBytes(byte[][] words) {
        boolean[] r = new boolean[256];
        for (byte[] w : words) {
            r[w[0] & 0xFF] = true;
        }
        return r;
    }

    /**
     * A program that supervisord runs, named after its verb at the message start ({@code spawned: 'embedder_01' with
     * pid 18}, {@code exited: embedder_01 (exit status 1; not expected)}): the unit is the program.
     */
    private boolean supervisedProgram(byte[] b, int m, int e) {
        if (m < e && b[m] == '\'') {
            // "'website' stdout output:": what the program printed, as supervisord's debug level relays it.
            int t = m + 1;
            while (t < e && t - m < 64 && b[t] != '\'' && b[t] != ' ') {
                t++;
            }
            if (t > m + 1 && t < e && b[t] == '\'' && (startsWith(b, t + 1, e, STDOUT_OUTPUT) || startsWith(b, t + 1, e, STDERR_OUTPUT))) {
                idStart = m + 1;
                idEnd = t;
                kind = PROCESS;
                return true;
            }
            return false;
        }
        if (m >= e || !SUPERVISOR_FIRST[b[m] & 0xFF]) {
            return false;
        }
        for (byte[] verb : SUPERVISOR_VERBS) {
            if (startsWith(b, m, e, verb)) {
                int s = m + verb.length;
                int t = s;
                while (t < e && t - s < 64 && (Clock.isLetter(b[t]) || Clock.isDigit(b[t]) || b[t] == '_' || b[t] == '-' || b[t] == '.' || b[t] == ':')) {
                    t++;
                }
                boolean quoted = verb[verb.length - 1] == '\'';
                if (t == s || t >= e || (quoted ? b[t] != '\'' : b[t] != ' ')) {
                    return false;
                }
                if (quoted && !startsWith(b, t + 1, e, WITH_PID)) {
                    return false;
                }
                if (!quoted && !(startsWith(b, t + 1, e, ENTERED) || (t + 1 < e && b[t + 1] == '('))) {
                    return false;
                }
                idStart = s;
                idEnd = t;
                kind = PROCESS;
                return true;
            }
        }
        return false;
    }

    private static final byte[] WITH_PID = " with pid ".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STDOUT_OUTPUT = " stdout output:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] STDERR_OUTPUT = " stderr output:".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ENTERED = "entered ".getBytes(StandardCharsets.US_ASCII);

    /** The step a line takes: a claim or end phrase at the message start, or a word right after its id. */
    public Step stepOf(byte[] b, int body, int e, boolean hasId) {
        if (hasId && step != Step.NONE) {
            return step; // said by the line that named the unit
        }
        Step atStart = stepAtStart(b, body, e);
        if (atStart == Step.NONE) {
            // The worker console's component column without a colon: "HEADLESS [CLAIM] Claimed task …".
            int c = body;
            while (c < e && c - body < 24 && ((b[c] >= 'A' && b[c] <= 'Z') || b[c] == '_' || (c > body && Clock.isDigit(b[c])))) {
                c++;
            }
            if (c - body >= 3 && c < e && b[c] == ' ') {
                atStart = stepAtStart(b, c + 1, e);
            }
        }
        if (atStart != Step.NONE) {
            return atStart;
        }
        if (hasId) {
            int after = idEnd;
            if (after + 3 < e && b[after] == ' ' && b[after + 1] == '|' && b[after + 2] == ' ') {
                // llama.cpp's slot column: "| task 7 | processing task" takes the task on, "| task 7 | stop processing: …"
                // releases it, and what the server writes after is no longer that task's.
                if (startsWith(b, after + 3, e, SLOT_RELEASES)) {
                    return Step.END;
                }
                if (startsWith(b, after + 3, e, SLOT_TAKES)) {
                    return Step.CLAIM;
                }
            }
            if (after < e && (b[after] == ']' || b[after] == ')')) {
                after++;
                if (after < e && b[after] == ':') {
                    // "app.x[id]: message": the unit logging itself, so its writer runs it, unless it says it ended
                    // ("[Job id]: exception raised while executing").
                    return wordStep(b, after + 1, e) == Step.END ? Step.END : Step.CLAIM;
                }
                if (startsWithAny(b, after, e, END_AFTER_ID)) {
                    return Step.END;
                }
                if (startsWithAny(b, after, e, CLAIM_AFTER_ID)) {
                    return Step.CLAIM;
                }
                // An RQ job line: "queue: module.func(args) (id)" at the end of the line starts the job (not "(TID 17)").
                if (after == e && idStart > 0 && b[idStart - 1] == '(' && !named) {
                    return Step.CLAIM;
                }
            } else if (after < e && b[after] == '\'' && idStart > 0 && b[idStart - 1] == '\'') {
                // A quoted id: "Job 'raysubmit_fX4B3Gc' submitted successfully" … "Job 'raysubmit_fX4B3Gc' failed".
                after++;
                if (startsWithAny(b, after, e, END_AFTER_ID)) {
                    return Step.END;
                }
                if (startsWithAny(b, after, e, CLAIM_AFTER_ID)) {
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
        if (!startsWithAnyIgnoringCase(b, body, e, CLAIMS_BY_FIRST[c])) {
            return Step.NONE;
        }
        return c != 'p' || !startsWithAnyIgnoringCase(b, body, e, PROCESSING) || processesAUnit(b, body + PROCESSING[0].length, e)
                ? Step.CLAIM : Step.NONE;
    }

    private static final byte[][] PROCESSING = bytes("Processing ");

    /** Whether a message says "Processing …" of a unit it takes on, by the rule of {@link #processesAUnit}. */
    public static boolean processingTakesOn(String message) {
        int at = message.indexOf("Processing ");
        if (at < 0) {
            return false;
        }
        String rest = message.substring(at + PROCESSING[0].length, Math.min(message.length(), at + 160));
        byte[] b = rest.getBytes(StandardCharsets.UTF_8);
        return processesAUnit(b, 0, b.length);
    }
    /** Nouns of units of work that, among the first words after "Processing ", say the line takes one on. */
    private static final byte[][] PROCESSED_NOUNS = bytes("task", "job", "request", "prompt", "message", "item", "batch", "shard");

    /**
     * Whether "Processing …" takes a unit on: an id right after it ({@code Processing 3f9c…}), or a unit's noun
     * among its next three words ({@code Processing travel_segment task <id>}); not an action on one
     * ({@code Processing status update for <id>}, {@code Processing cascading failure}).
     */
    private static boolean processesAUnit(byte[] b, int at, int e) {
        int words = 0;
        int i = at;
        while (i < e && words < 3) {
            int s = i;
            while (i < e && b[i] != ' ') {
                i++;
            }
            if (words == 0 && hasDigit(b, s, i)) {
                return true;
            }
            int t = i;
            while (t > s && (b[t - 1] == ':' || b[t - 1] == ',')) {
                t--;
            }
            for (byte[] n : PROCESSED_NOUNS) {
                if (t - s == n.length && sameIgnoringCase(b, s, n)) {
                    return true;
                }
            }
            words++;
            i++;
        }
        return false;
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

    /**
     * The name of the task the id is an instance of, where the line writes it glued before the id in brackets
     * (celery's {@code media.encode[<uuid>]}) or as the class Sidekiq names before the jid, else null.
     */
    public String taskNameBefore(byte[] b, int m) {
        int open = idStart - 1;
        if (open <= m || b[open] != '[') {
            return WorkerClass.before(b, m, idStart, idEnd);
        }
        int s = open;
        boolean dot = false;
        while (s > m && (faultline.importer.time.Clock.isLetter(b[s - 1]) || faultline.importer.time.Clock.isDigit(b[s - 1])
                || b[s - 1] == '_' || b[s - 1] == '.')) {
            dot |= b[s - 1] == '.';
            s--;
        }
        // A dotted module path, or a name long enough not to be a tag ("[", "id[" …).
        if (open - s < 3 || open - s > 120 || !(dot || open - s >= 6) || !faultline.importer.time.Clock.isLetter(b[s])) {
            return null;
        }
        return new String(b, s, open - s, StandardCharsets.US_ASCII);
    }

    /** Where the actor's name of a dramatiq message find() read last starts and ends; [0] is -1 when it read none. */
    private final int[] actor = {-1, -1};

    /** The actor a dramatiq message line runs ({@code resize_image} of {@code Received message resize_image(…)}), or null. */
    public String actorName(byte[] b) {
        return actor[0] < 0 ? null : new String(b, actor[0], actor[1] - actor[0], StandardCharsets.US_ASCII);
    }

    /** The id as text: UUIDs and the fleet's hex ids in lower case, others as written. */
    public String id(byte[] b) {
        String s = new String(b, idStart, idEnd - idStart, StandardCharsets.UTF_8);
        return named ? s : s.toLowerCase(Locale.ROOT);
    }

    /**
     * Whether find() took a noun with its number for the id ({@code job 4411}, {@code TID 12}, {@code job-0417}): one
     * unit however a line capitalises the noun ("Job 5521: …", "failed job 5521").
     */
    /** Whether find() took a UUID for the id. */
    public boolean uuid() {
        return uuid;
    }

    /** Whether find() took a noun with its number joined by '=' ({@code rank=0}): a span's or a record's field. */
    public boolean idWrittenWithEquals(byte[] b) {
        for (int i = idStart; i < idEnd; i++) {
            if (b[i] == '=') {
                return true;
            }
        }
        return false;
    }

    public boolean nounKept() {
        return nounKept;
    }

    private boolean nounKept;

    /** Where a lifecycle word counts: in a text line that names its unit by a noun, in a structured record that names it, or both. */
    private enum Where { LINE, RECORD, BOTH }

    /**
     * Words of a message that claim or end the unit it names ({@code Claimed job 5c0ffee1}, {@code job 4411: done},
     * a record {@code {"task_id": …, "message": "started"}}). A record's words are regular expressions; a line's are
     * whole words in any case. A record that only mentions a unit does not claim it: an orchestrator speaks of many.
     */
    private static final Object[][] LIFECYCLE_WORDS = {
            {"claimed", Step.CLAIM, Where.BOTH}, {"claim", Step.CLAIM, Where.LINE}, {"claiming", Step.CLAIM, Where.RECORD},
            {"received", Step.CLAIM, Where.BOTH}, {"accepted", Step.CLAIM, Where.LINE}, {"started", Step.CLAIM, Where.BOTH},
            {"starting", Step.CLAIM, Where.BOTH}, {"start", Step.CLAIM, Where.LINE}, {"take", Step.CLAIM, Where.LINE}, {"picked", Step.CLAIM, Where.LINE},
            {"picked up", Step.CLAIM, Where.RECORD}, {"running", Step.CLAIM, Where.LINE},
            {"running (?:task|job)\\b", Step.CLAIM, Where.RECORD}, {"executing", Step.CLAIM, Where.BOTH},
            {"dequeued", Step.CLAIM, Where.LINE}, {"assigned", Step.CLAIM, Where.LINE}, {"got prompt", Step.CLAIM, Where.RECORD},
            {"spawning", Step.CLAIM, Where.RECORD}, {"spawned", Step.CLAIM, Where.RECORD},
            {"processing (?:\\S+ )?(?:task|job|request|prompt|message)\\b", Step.CLAIM, Where.RECORD},
            {"done", Step.END, Where.LINE}, {"finished", Step.END, Where.LINE}, {"finish", Step.END, Where.LINE}, {"failed", Step.END, Where.LINE},
            {"fail", Step.END, Where.LINE}, {"crashed", Step.END, Where.LINE}, {"succeeded", Step.END, Where.LINE},
            {"completed", Step.END, Where.LINE}, {"ok", Step.END, Where.LINE}, {"processed", Step.END, Where.LINE}, {"aborted", Step.END, Where.LINE},
            {"cancelled", Step.END, Where.LINE}, {"canceled", Step.END, Where.LINE}, {"killed", Step.END, Where.LINE},
            {"exception", Step.END, Where.LINE}, {"terminated", Step.END, Where.LINE}, {"terminating", Step.END, Where.LINE}};
    private static final byte[][] WORD_STEP_BYTES;
    private static final Step[] WORD_STEP_STEPS;
    /** End words that say a unit is over and did not fail; of them, those that say it succeeded. */
    private static final java.util.Set<String> ENDED_WELL = java.util.Set.of("done", "finished", "succeeded", "completed", "ok", "processed");
    private static final java.util.Set<String> SUCCESS = java.util.Set.of("succeeded", "completed", "ok", "processed");
    /** Per lifecycle word of a line: an end that says the unit is over well ({@link #ENDED_WELL}), and a success. */
    private static final boolean[] WORD_STEP_WELL;
    private static final boolean[] WORD_STEP_SUCCESS;
    /** The claim words of a structured record, as one pattern. */
    private static final java.util.regex.Pattern RECORD_CLAIMS;

    static {
        java.util.List<byte[]> words = new java.util.ArrayList<>();
        java.util.List<Step> steps = new java.util.ArrayList<>();
        StringBuilder claims = new StringBuilder();
        for (Object[] w : LIFECYCLE_WORDS) {
            Where where = (Where) w[2];
            if (where != Where.RECORD) {
                words.add(((String) w[0]).getBytes(StandardCharsets.US_ASCII));
                steps.add((Step) w[1]);
            }
            if (where != Where.LINE && w[1] == Step.CLAIM) {
                claims.append(claims.length() == 0 ? "" : "|").append((String) w[0]);
            }
        }
        WORD_STEP_BYTES = words.toArray(new byte[0][]);
        WORD_STEP_STEPS = steps.toArray(new Step[0]);
        WORD_STEP_WELL = new boolean[WORD_STEP_BYTES.length];
        WORD_STEP_SUCCESS = new boolean[WORD_STEP_BYTES.length];
        for (int k = 0; k < WORD_STEP_BYTES.length; k++) {
            String word = new String(WORD_STEP_BYTES[k], StandardCharsets.US_ASCII);
            WORD_STEP_WELL[k] = ENDED_WELL.contains(word);
            WORD_STEP_SUCCESS[k] = SUCCESS.contains(word);
        }
        RECORD_CLAIMS = java.util.regex.Pattern.compile("(?i)\\b(?:" + claims + ")\\b");
    }

    /** Whether a structured record (or a line read as one) takes the unit it names on. */
    public static boolean claimsInRecord(String message) {
        return RECORD_CLAIMS.matcher(message).find();
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
                    return WORD_STEP_STEPS[k];
                }
            }
        }
        return Step.NONE;
    }

    /** {@link #wordStep}, noting for {@link #endSaysOnlyOver} how an end it finds is worded. */
    public Step wordStepNoting(byte[] b, int m, int e) {
        for (int i = m; i < e; i++) {
            if (Clock.isLetter(b[i]) && (i == m || !Clock.isLetter(b[i - 1]))) {
                if (Awaited.startsAt(b, i, e)) {
                    return Step.NONE; // "Waiting for task finished": the end is to come, and another party waits for it
                }
                Step s = wordStepAt(b, i, e);
                if (s != Step.NONE) {
                    return s;
                }
            }
        }
        return Step.NONE;
    }

    /**
     * The step a line says of the UUID it names by a unit noun, from the words next to it: {@code claimed job <id>},
     * {@code Started task <id>}, {@code task <id> received}, {@code job <id> succeeded in 2.0s}. Only adjacent words
     * count: a line that speaks of another unit ({@code waiting for task <id> to start}) says nothing. A failure said
     * so ({@code task <id> failed after 88s}) is no end here: the worker goes on to write that unit's traceback and
     * status after it, until it says it is done with it.
     */
    public Step stepNextToId(byte[] b, int m, int e) {
        Step s = stepAroundId(b, m, e);
        return s == Step.END && !endedWell ? Step.NONE : s;
    }

    /** Set by the last word step read next to an id: the end it said is a success. */
    private boolean endedWell;

    /** Set with endedWell: the word says the unit succeeded ({@code succeeded}, {@code completed}), not only that it is over. */
    private boolean saidSuccess;

    /**
     * Whether the end read last next to an id or in a record says the unit is only over ({@code Finished.},
     * {@code done}), not how it went: after a failure of the same attempt, it ended failed.
     */
    public boolean endSaysOnlyOver() {
        return endedWell && !saidSuccess;
    }

    private Step stepAroundId(byte[] b, int m, int e) {
        if (!uuid || named) {
            return Step.NONE;
        }
        int after = idEnd;
        while (after < e && (b[after] == ' ' || b[after] == ':' || b[after] == ']' || b[after] == ')')) {
            after++;
        }
        if (after > idEnd && after < e) {
            // "task <id> started", "job <id> is running", "task <id> has been received"
            for (int fillers = 0; fillers < 2; fillers++) {
                int w = wordEndAt(b, after, e);
                if (!among(b, after, w, AUXILIARIES) || w >= e || b[w] != ' ') {
                    break;
                }
                after = w + 1;
            }
            Step s = wordStepAt(b, after, e);
            if (s == Step.CLAIM || (s == Step.END && endsThere(b, wordEndAt(b, after, e), e))) {
                return s;
            }
        }
        // Back over the noun right before the id, then over the space before it, to the word before the noun.
        int q = idStart;
        while (q > m && (b[q - 1] == ' ' || b[q - 1] == '=' || b[q - 1] == ':' || b[q - 1] == '#' || b[q - 1] == '[')) {
            q--;
        }
        int nounEnd = q;
        while (q > m && Clock.isLetter(b[q - 1])) {
            q--;
        }
        if (nounEnd == q || !unitNoun(b, q, nounEnd)) {
            return Step.NONE;
        }
        int[] word = wordBefore(b, m, q);
        if (word != null && among(b, word[0], word[1], FILLERS)) {
            word = wordBefore(b, m, word[0]); // "picked up job <id>", "received new task <id>"
        }
        if (word == null) {
            return Step.NONE;
        }
        // "failed to start task <id>", "unable to take job <id>", "did not start task <id>": said of a step not taken
        int[] before = wordBefore(b, m, word[0]);
        if (before != null && among(b, before[0], before[1], NOT_TAKEN)) {
            return Step.NONE;
        }
        if (among(b, word[0], word[1], TAKING)) {
            return Step.CLAIM;
        }
        return wordStepAt(b, word[0], word[1]);
    }

    /** Words right before a lifecycle word that say the step was not taken, or not yet. */
    private static final byte[][] NOT_TAKEN = bytes("to", "not", "never", "cannot", "failed", "unable", "t"); // "t" of won't, can't

    /**
     * Whether an end word after the id closes what the line says ({@code job <id> succeeded in 2.0s}, {@code task <id>
     * done.}), rather than starting a part of the unit's work ({@code job <id> finished downloading inputs},
     * {@code task <id>: completed 3 of 10 steps}).
     */
    private static boolean endsThere(byte[] b, int at, int e) {
        int i = at;
        while (i < e && b[i] == ' ') {
            i++;
        }
        if (i >= e) {
            return true;
        }
        byte c = b[i];
        if (c == '.' || c == ',' || c == ';' || c == ':' || c == '(' || c == '!' || c == '-' || c == '[') {
            return true;
        }
        int w = wordEndAt(b, i, e);
        return among(b, i, w, CLOSING);
    }

    /** Words after an end word that still close it: a duration, a cause, a manner. */
    private static final byte[][] CLOSING = bytes("in", "after", "with", "successfully", "ok", "at", "for");

    /** Words between a lifecycle word and the id that change nothing: "job <id> is running". */
    private static final byte[][] AUXILIARIES = bytes("is", "was", "has", "been", "now");
    /** Words between a lifecycle word and the noun: "picked up job <id>", "started new task <id>". */
    private static final byte[][] FILLERS = bytes("up", "new", "the", "a", "next");
    /** Words right before a unit's noun and id that take it on, beside the lifecycle words: "processing task <id>". */
    private static final byte[][] TAKING = bytes("processing", "handling", "picked");

    /** [start, end) of the word that ends before the spaces before at, or null. */
    private static int[] wordBefore(byte[] b, int m, int at) {
        int end = at;
        while (end > m && b[end - 1] == ' ') {
            end--;
        }
        int start = end;
        while (start > m && Clock.isLetter(b[start - 1])) {
            start--;
        }
        return start < end && end < at ? new int[]{start, end} : null;
    }

    private static int wordEndAt(byte[] b, int at, int e) {
        int w = at;
        while (w < e && Clock.isLetter(b[w])) {
            w++;
        }
        return w;
    }

    private static boolean among(byte[] b, int from, int to, byte[][] words) {
        for (byte[] w : words) {
            if (to - from == w.length && sameIgnoringCase(b, from, w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The step a JSON object printed as a line's message says in its message field, by its first word:
     * {@code {"requestId": "…", "message": "Started.", "level": "INFO"}}; NONE for any other message.
     */
    public Step recordMessageStep(byte[] b, int m, int e) {
        if (m >= e || b[m] != '{') {
            return Step.NONE;
        }
        int v = Bytes.stringValue(b, m, e, MESSAGE_KEY);
        if (v < 0) {
            v = Bytes.stringValue(b, m, e, MSG_KEY);
        }
        if (v < 0) {
            return Step.NONE;
        }
        Step s = stepAtStart(b, v, e);
        if (s != Step.NONE) {
            return s;
        }
        return wordStepAt(b, v, e);
    }

    private static final byte[] MESSAGE_KEY = "\"message\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MSG_KEY = "\"msg\"".getBytes(StandardCharsets.US_ASCII);

    /** Whether the message says success in so many words ({@code success}, {@code successfully}), any case. */
    public static boolean saysSuccess(byte[] b, int m, int e) {
        for (int i = m; i + 7 <= e; i++) {
            if ((b[i] | 0x20) == 's' && sameIgnoringCase(b, i, SUCCESS_WORD)) {
                return true;
            }
        }
        return false;
    }

    private static final byte[] SUCCESS_WORD = bytes("success")[0];

    private static boolean unitNoun(byte[] b, int from, int to) {
        for (byte[] w : UNIT_NOUNS) {
            if (to - from == w.length && sameIgnoringCase(b, from, w)) {
                return true;
            }
        }
        return false;
    }

    /** The lifecycle word that starts at i and ends a word (any case), or NONE. */
    private Step wordStepAt(byte[] b, int i, int e) {
        for (int k = 0; k < WORD_STEP_BYTES.length; k++) {
            byte[] w = WORD_STEP_BYTES[k];
            if (i + w.length <= e && sameIgnoringCase(b, i, w) && (i + w.length == e || !Clock.isLetter(b[i + w.length]))) {
                endedWell = WORD_STEP_WELL[k];
                saidSuccess = WORD_STEP_SUCCESS[k];
                return WORD_STEP_STEPS[k];
            }
        }
        return Step.NONE;
    }

    /** Nouns that introduce a unit's id, and the kind of unit each names. */
    private static final String[][] NOUNS = {
            {"request", REQUEST}, {"req", REQUEST}, {"job", JOB}, {"task", TASK}, {"tid", TASK}, {"prompt", PROMPT},
            {"rank", RANK}, {"shard", RANK}, {"queue item", JOB}, {"jid", JOB}, {"session", REQUEST}};
    private static final byte[][] NOUN_BYTES = new byte[NOUNS.length][];

    /** Per lower-case first letter, the lower-case second letters a noun goes on with, as bits: most word starts match none. */
    private static final int[] NOUN_SECOND = new int[128];

    static {
        for (int i = 0; i < NOUNS.length; i++) {
            NOUN_BYTES[i] = NOUNS[i][0].getBytes(StandardCharsets.US_ASCII);
            NOUN_SECOND[NOUN_BYTES[i][0]] |= 1 << (NOUN_BYTES[i][1] - 'a');
        }
    }

    /** Kinds whose ids may be a bare number ({@code job 4411}, {@code TID 12}, {@code rank=0}): the noun is then part of the id. */
    private static boolean numbered(String kind, byte[] noun) {
        return !kind.equals(PROMPT) && !(kind.equals(TASK) && noun.length == 4) && !kind.equals(REQUEST);
    }

    /**
     * Whether "shard N" (the noun at at) names a shard as a launcher does, as the subject of its line ({@code Shard 1 failed
     * to start}), in a bracket ({@code [shard 0]}) or as the work taken on ({@code Processing shard 3 of 8}); in a
     * message's prose ({@code shard 0: 512 clips}, {@code shard 1 is truncated}) it is the data's piece, not a unit.
     */
    private static boolean shardNamed(byte[] b, int at) {
        if (b[at] == 'S' || (at > 0 && b[at - 1] == '[')) {
            return true;
        }
        int[] word = wordBefore(b, Math.max(0, at - 24), at);
        return word != null && among(b, word[0], word[1], TAKING);
    }

    /**
     * Where a bare number is an id: {@code job 4411}, {@code (TID 12)} in capitals, {@code rank=0} and
     * {@code rank0}; not {@code Job: 2} (a pool slot), {@code tid 1730} (a thread), {@code rank 0} (prose).
     */
    private static boolean numberedAfter(byte[] b, int at, byte[] noun, String kind, byte sep, boolean glued) {
        if (kind.equals(RANK)) {
            // rank=1, rank1, Shard 1; not "rank 0" (prose)
            return sep == '=' || glued || (sep == ' ' && noun.length == 5 && shardNamed(b, at));
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
        // Word by word: a noun starts a word (after no letter or underscore), so the rest of a word is
        // passed over with one test a byte, and only a word's first two letters are looked up.
        int i = m;
        while (i + 3 < e) {
            if (!Clock.isLetter(b[i])) {
                i++;
                continue;
            }
            int at = i;
            i++;
            while (i < e && (Clock.isLetter(b[i]) || b[i] == '_')) {
                i++;
            }
            if (at > m && b[at - 1] == '_') {
                continue;
            }
            if (nounAt(b, at, e)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a noun at i, a word's start, introduces an id. */
    private boolean nounAt(byte[] b, int i, int e) {
        int c = b[i] | 0x20;
        int second = (b[i + 1] | 0x20) - 'a';
        if (second < 0 || second >= 26 || (NOUN_SECOND[c] & (1 << second)) == 0) {
            return false;
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
        return false;
    }

    private boolean idAfterNoun(byte[] b, int nounAt, int q, int e, String kind, byte[] noun) {
        byte sep = b[q];
        int s = q + 1;
        if (noun.length == SESSION.length && noun[0] == 's') {
            return engineSession(b, nounAt, s, e);
        }
        // The noun is a key's (job_id=, "job_id":): a value that is not a bare number is the id by itself.
        boolean keyed = false;
        if (sep == ' ' && quotedRunName(b, s, e)) {
            this.kind = kind;
            return true;
        }
        if (sep == ' ' && s < e && b[s] == '\'' && kind.equals(JOB) && quotedId(b, s + 1, e)) {
            this.kind = kind; // Ray's "Job 'raysubmit_fX4B3Gc' submitted successfully", "… failed"
            return true;
        }
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
            keyed = true;
        } else if (sep == '_' && s + 3 < e && (b[s] | 0x20) == 'i' && (b[s + 1] | 0x20) == 'd' && b[s + 2] == '"') {
            // A JSON key: "job_id": "j-42" (zap's and structlog's fields after the message).
            int v = s + 3;
            while (v < e && b[v] == ' ') {
                v++;
            }
            if (v >= e || b[v] != ':') {
                return false;
            }
            v++;
            while (v < e && b[v] == ' ') {
                v++;
            }
            if (v < e && b[v] == '"') {
                v++;
            }
            s = v;
            keyed = true;
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
        // A capitalised word glued after the digits is the next word, not the id's ("job_17_0007Job Transitioned").
        int w = t;
        while (w > s && b[w - 1] >= 'a' && b[w - 1] <= 'z') {
            w--;
        }
        if (w < t && w - 1 > s && b[w - 1] >= 'A' && b[w - 1] <= 'Z' && Clock.isDigit(b[w - 2])) {
            t = w - 1;
        }
        if (t == s || !hasDigit(b, s, t)) {
            return false;
        }
        if (!keyed && fileExtension(b, s, t)) {
            return false; // "shard-0000.bin", "job_17.json": a file the unit reads or writes, named after a piece of work
        }
        boolean integer = allDigits(b, s, t);
        if (!integer && noun.length == 3 && noun[0] == 't') {
            return false; // Spark's "TID 12" is a task; Sidekiq's "tid=2mq4k8" is the thread that runs a job
        }
        if (!integer && s > q && lettersThenDigit(b, s, t)) {
            return false; // "task=python3", "job: cuda0": a program's or a device's name, not an id
        }
        if (integer && !numberedAfter(b, nounAt, noun, kind, sep, s == q)) {
            return false;
        }
        if (integer && kind.equals(RANK) && countsOf(b, t, e) && loadingBefore(b, nounAt)) {
            return false; // "loading checkpoint shard 2 of 4", "shard 3/8": progress through a count, not a unit
        }
        if (keyed && !integer) {
            if (t - s < 2) {
                return false;
            }
            idStart = s; // job_id=j-42: the value
        } else if (sep == '-' || sep == '_' || s == q) {
            if (integer && !numbered(kind, noun)) {
                return false;
            }
            idStart = nounAt; // job-0417, req_5kQ9xT2b, rank3: the noun is part of the token
            nounKept = integer;
        } else if (integer) {
            if (!numbered(kind, noun) && !columnOfBars(b, nounAt, t, e)) {
                return false;
            }
            idStart = nounAt; // job 4411, TID 12, rank=0
            nounKept = true;
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

    private static final byte[] SESSION = "session".getBytes(StandardCharsets.US_ASCII);
    /** What an inference engine says of a session it runs right after its number. */
    private static final byte[][] SESSION_STEPS = bytes(" start", " done", " finished", " end");

    /**
     * An inference engine's session by its number, where the line says what became of it ({@code session 3 start},
     * {@code session 3 finished, reason "error"}, LMDeploy's): one request to the engine. A session named otherwise is a
     * user's or a login's ({@code New session 42 of user root}), not a unit of work.
     */
    private boolean engineSession(byte[] b, int nounAt, int s, int e) {
        if (b[s - 1] != ' ' || b[nounAt] != 's') {
            return false;
        }
        int t = s;
        while (t < e && t - s < 12 && Clock.isDigit(b[t])) {
            t++;
        }
        if (t == s || t - s >= 12) {
            return false;
        }
        for (byte[] step : SESSION_STEPS) {
            if (startsWith(b, t, e, step) && (t + step.length == e || !Clock.isLetter(b[t + step.length]))) {
                idStart = nounAt;
                idEnd = t;
                nounKept = true;
                kind = REQUEST;
                concurrent = true;
                return true;
            }
        }
        return false;
    }

    /**
     * A number in a column between bars: llama.cpp's server writes each slot's task so ("slot launch_slot_: id  0 |
     * task 7 | processing task"), where a task and a bare number in prose are a count.
     */
    private static boolean columnOfBars(byte[] b, int nounAt, int t, int e) {
        return nounAt >= 2 && b[nounAt - 1] == ' ' && b[nounAt - 2] == '|' && t + 1 < e && b[t] == ' ' && b[t + 1] == '|';
    }

    /**
     * A run named in quotes after the noun: {@code Task run 'render_clip-1'} (Prefect). The name needs a digit, as
     * an id does; a flow's or a task's own name ({@code for task 'render_clip'}) has none.
     */
    /** An id in quotes, one word with a digit in it, long enough not to be a name ({@code 'raysubmit_fX4B3Gc'}). */
    private boolean quotedId(byte[] b, int from, int e) {
        int t = from;
        while (t < e && t - from < 80 && b[t] != '\'' && b[t] != ' ') {
            t++;
        }
        if (t >= e || b[t] != '\'' || t - from < 8 || !hasDigit(b, from, t)) {
            return false;
        }
        idStart = from;
        idEnd = t;
        return true;
    }

    private boolean quotedRunName(byte[] b, int s, int e) {
        if (s + 7 > e || b[s] != 'r' || b[s + 1] != 'u' || b[s + 2] != 'n' || b[s + 3] != ' ' || b[s + 4] != '\'') {
            return false;
        }
        int from = s + 5;
        int t = from;
        while (t < e && t - from < 80 && b[t] != '\'' && b[t] != ' ') {
            t++;
        }
        if (t >= e || b[t] != '\'' || t == from || !hasDigit(b, from, t)) {
            return false;
        }
        idStart = from;
        idEnd = t;
        return true;
    }

    /**
     * Whether the word before the noun at nounAt loads something ({@code loading checkpoint shard 2 of 4}, {@code Loaded
     * shard 3/8}): a model's or a dataset's pieces counted as they load, where {@code processing shard 3 of 8} is work.
     */
    private static boolean loadingBefore(byte[] b, int nounAt) {
        int end = nounAt;
        while (end > 0 && b[end - 1] == ' ') {
            end--;
        }
        int start = end;
        while (start > 0 && Clock.isLetter(b[start - 1])) {
            start--;
        }
        if (end - start == 10 && sameIgnoringCase(b, start, CHECKPOINT)) {
            return true;
        }
        return end - start >= 4 && sameIgnoringCase(b, start, LOAD);
    }

    private static final byte[] CHECKPOINT = "checkpoint".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LOAD = "load".getBytes(StandardCharsets.US_ASCII);

    /** Whether " of N" or "/N" follows at t: the number before is a place in a count. */
    private static boolean countsOf(byte[] b, int t, int e) {
        if (t + 1 < e && b[t] == '/' && Clock.isDigit(b[t + 1])) {
            return true;
        }
        return t + 4 < e && b[t] == ' ' && b[t + 1] == 'o' && b[t + 2] == 'f' && b[t + 3] == ' ' && Clock.isDigit(b[t + 4]);
    }

    /** Whether the token [p, t) ends in a file name's extension: a dot, then one to five letters and digits with a letter first. */
    private static boolean fileExtension(byte[] b, int p, int t) {
        int dot = t - 1;
        while (dot > p && t - dot <= 6 && b[dot] != '.') {
            dot--;
        }
        return dot > p && b[dot] == '.' && t - dot >= 2 && t - dot <= 6 && Clock.isLetter(b[dot + 1]) && lettersAndDigits(b, dot + 1, t);
    }

    private static boolean lettersAndDigits(byte[] b, int p, int t) {
        for (int i = p; i < t; i++) {
            if (!Clock.isLetter(b[i]) && !Clock.isDigit(b[i])) {
                return false;
            }
        }
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

    /** Letters and one digit at the end ({@code python3}, {@code cuda0}): a name with a number, not an id. */
    private static boolean lettersThenDigit(byte[] b, int p, int t) {
        if (t - p < 3 || !Clock.isDigit(b[t - 1])) {
            return false;
        }
        for (int i = p; i < t - 1; i++) {
            if (!Clock.isLetter(b[i])) {
                return false;
            }
        }
        return true;
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
            if (c + 1 < e && (i == m || b[i - 1] == ' ') && hex32(b, i)) {
                idStart = i;
                idEnd = i + 32;
                kind = JOB;
                if (arrowBefore(b, m, i, ARQ_ENDS)) {
                    // "← id:function ● result" is the only line arq writes for a job that returned: it ended well.
                    step = Step.END;
                    endedWell = true;
                    saidSuccess = true;
                    formSaysSuccess = true;
                }
                return true;
            }
        }
        return false;
    }

    /** arq's arrow back from a job ("0.52s ← id:function ● result"): the job returned. */
    private static final byte[] ARQ_ENDS = "\u2190 ".getBytes(StandardCharsets.UTF_8);

    /** Whether the arrow (with its space) ends right before the id at i. */
    private static boolean arrowBefore(byte[] b, int m, int i, byte[] arrow) {
        int at = i - arrow.length;
        if (at < m) {
            return false;
        }
        for (int k = 0; k < arrow.length; k++) {
            if (b[at + k] != arrow[k]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Set by find(): the line's own form, not a word in it, says the unit succeeded (arq's "←" line, whose result
     * after "●" is the job's own value and may hold any word): the reader states it, as no word table can.
     */
    private boolean formSaysSuccess;

    /** Whether the line find() read last says by its form that its unit succeeded. */
    public boolean formSaysSuccess() {
        return formSaysSuccess;
    }

    /**
     * Whether 32 hex digits start at i, read eight at a time: sixteen digits overflow into the sign of a long, so
     * half of all ids (those whose second half begins with 8 to f) would read as not hex.
     */
    private static boolean hex32(byte[] b, int i) {
        for (int k = i; k < i + 32; k += 8) {
            if (Bytes.hex(b, k, 8) < 0) {
                return false;
            }
        }
        return true;
    }

    /** Nouns that, a few bytes before a UUID, say it is a unit's ({@code task_id=}, {@code Task }, {@code job }). */
    private static final byte[][] UNIT_NOUNS = bytes("task", "job", "request", "req", "prompt", "message", "msg", "run", "work");

    /**
     * Whether the UUID find() saw is written as a unit's: a unit noun just before it, in brackets or
     * parentheses as a tag ({@code [id]}, {@code (id)}), at the very start of the message or as the word it
     * ends on. A UUID
     * written bare in a path, a JSON field or an object's description is some other thing's unless the
     * file also names it as a unit.
     */
    public boolean uuidAsUnit(byte[] b, int m, int e) {
        strongSight = false;
        if (!uuid) {
            return true;
        }
        strongSight = true;
        if (!kind.equals(TASK) || idStart == m) {
            return true;
        }
        if (inUrl(b, m, idStart)) {
            return false; // a link to the thing ("…/runs/flow-run/<id>"): the line points at it, it does not run it
        }
        byte before = b[idStart - 1];
        byte after = idEnd < e ? b[idEnd] : 0;
        boolean standsAlone = idStart - 1 == m || b[idStart - 2] == ' ' || b[idStart - 2] == '\t';
        if (standsAlone && ((before == '[' && after == ']') || (before == '(' && after == ')'))) {
            return true; // a tag, not a name's part ("render-worker-7c9f_gpu(<uid>)")
        }
        strongSight = false;
        if (before == ' ' && (columnEnds(b, idEnd, e) || columnEnds(b, afterRouteAndSource(b, idEnd, e), e))) {
            // a column of the line's header before its message ("… q7c2mx4w <id> -- generating …", Ray Serve's newer
            // "… m8v2hd7w <id> /embed replica.py:359 - Request failed:")
            return true;
        }
        int tail = idEnd;
        while (tail < e && (b[tail] == '.' || b[tail] == ' ' || b[tail] == '\r')) {
            tail++;
        }
        if (before == ' ' && tail == e) {
            return true; // the object the line ends on ("Cascade complete for <id>"), not a field inside it
        }
        strongSight = unitNounNear(b, m);
        return strongSight;
    }

    /** A unit's noun at a word's start within 24 bytes before the id. */
    private boolean unitNounNear(byte[] b, int m) {
        int from = Math.max(m, idStart - 24);
        for (byte[] w : UNIT_NOUNS) {
            for (int i = from; i + w.length <= idStart; i++) {
                if (sameIgnoringCase(b, i, w) && (i == m || !Clock.isLetter(b[i - 1]))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the word that holds position at is a URL ({@code https://host/…}). */
    private static boolean inUrl(byte[] b, int m, int at) {
        for (int i = at - 1; i > m + 2 && at - i < 200; i--) {
            byte c = b[i];
            if (c == ' ' || c == '"' || c == '\'') {
                return false;
            }
            if (c == '/' && b[i - 1] == '/' && b[i - 2] == ':') {
                return true;
            }
        }
        return false;
    }

    /** After a route ({@code /embed}) and a source location ({@code replica.py:359}) that follow a column at i, or i. */
    private static int afterRouteAndSource(byte[] b, int i, int e) {
        int q = i;
        for (int k = 0; k < 2 && q + 1 < e && b[q] == ' '; k++) {
            int s = q + 1;
            int t = s;
            while (t < e && b[t] != ' ') {
                t++;
            }
            boolean route = b[s] == '/';
            boolean source = t - s > 4 && Bytes.indexOf(b, s, t, (byte) ':') > s && Bytes.indexOf(b, s, t, (byte) '.') > s
                    && Clock.isDigit(b[t - 1]);
            if (!route && !source) {
                break;
            }
            q = t;
        }
        return q;
    }

    /** Whether a header's separator before the message follows at i: {@code " -- "}, {@code " - "}, {@code " | "}. */
    private static boolean columnEnds(byte[] b, int i, int e) {
        if (i + 3 > e || b[i] != ' ') {
            return false;
        }
        byte c = b[i + 1];
        if (c == '-' && i + 3 < e && b[i + 2] == '-' && b[i + 3] == ' ') {
            return true;
        }
        return (c == '-' || c == '|') && b[i + 2] == ' ';
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

    /**
     * Whether the id at {@code at} is introduced right before it as some other thing's: the word, then only
     * an {@code id}, separators and a query operator ({@code user_id=eq.}, {@code Project ID: }, {@code session }).
     */
    public static boolean isOtherThingsId(CharSequence text, int at) {
        int i = at;
        int lim = Math.max(0, at - 24);
        while (i > lim && !Character.isLetter(text.charAt(i - 1))) {
            i--;
        }
        // A query operator (PostgREST's eq.) or "id" between the word and the id.
        for (int round = 0; round < 4; round++) {
            int w = i;
            while (w > lim && Character.isLetter(text.charAt(w - 1))) {
                w--;
            }
            String word = text.subSequence(w, i).toString().toLowerCase(Locale.ROOT);
            if (word.equals("eq") || word.equals("id") || word.equals("ids") || word.equals("uuid")) {
                i = w;
                while (i > lim && !Character.isLetter(text.charAt(i - 1))) {
                    i--;
                }
                continue;
            }
            for (String other : NOT_UNIT) {
                if (word.equals(other) || (word.endsWith(other) && other.length() >= 4)) {
                    return true;
                }
            }
            return false;
        }
        return false;
    }

    /**
     * {@code GPU-<uuid>}, {@code MIG-<uuid>}: where the word a UUID is glued to by a dash starts, when that word names
     * no unit (such a UUID is that thing's id); -1 when the UUID is not glued, or glued to a unit's prefix ({@code req-}).
     */
    private static int gluedWord(byte[] b, int m, int at) {
        if (at - 2 < m || (b[at - 1] != '-' && b[at - 1] != '_') || !Clock.isLetter(b[at - 2])) {
            return -1;
        }
        int w = at - 1;
        while (w > m && Clock.isLetter(b[w - 1])) {
            w--;
        }
        for (byte[] p : UNIT_PREFIXES) {
            if (at - 1 - w == p.length && sameIgnoringCase(b, w, p)) {
                return -1;
            }
        }
        return w;
    }

    /**
     * Whether the value at w follows a key that ends in id ({@code job_id=}, {@code "requestId": "}): a field,
     * not prose ({@code Task <uuid> failed}, where only the words next to the id tell the step).
     */
    private static boolean idKey(byte[] b, int m, int w) {
        int q = w;
        while (q > m && w - q < 3 && (b[q - 1] == '"' || b[q - 1] == '\'' || b[q - 1] == ' ')) {
            q--;
        }
        if (q <= m || (b[q - 1] != '=' && b[q - 1] != ':')) {
            return false;
        }
        q--;
        while (q > m && (b[q - 1] == '"' || b[q - 1] == '\'')) {
            q--;
        }
        return q - 2 > m && (b[q - 1] | 0x20) == 'd' && (b[q - 2] | 0x20) == 'i' && (b[q - 3] == '_' || b[q - 2] == 'I');
    }

    /** Whether the value at w is a unit's by its key ({@code "requestId": "sync-…"}, {@code job_id=x-…}). */
    private static boolean keyedAsUnit(byte[] b, int m, int w) {
        int q = w;
        while (q > m && w - q < 5 && (b[q - 1] == '"' || b[q - 1] == ' ' || b[q - 1] == ':' || b[q - 1] == '=' || b[q - 1] == '\'')) {
            q--;
        }
        if (q == w) {
            return false;
        }
        int k = q;
        while (k > m && q - k < 24 && (Clock.isLetter(b[k - 1]) || b[k - 1] == '_')) {
            k--;
        }
        for (byte[] n : UNIT_NOUNS) {
            if (q - k >= n.length && sameIgnoringCase(b, k, n)) {
                return true; // requestId, job_id, task_uuid
            }
        }
        return false;
    }

    /** "Project ID: <uuid>", "user_id=<uuid>", "session <uuid>": an id of something that is not a unit. */
    private static boolean introducedAsOther(byte[] b, int m, int at) {
        int from = Math.max(m, at - 16);
        for (byte[] w : NOT_UNIT_BYTES) {
            for (int i = from; i + w.length <= at; i++) {
                // The word itself (user_id, projectId, "session "), not the start of another (imagecache).
                if (sameIgnoringCase(b, i, w) && (i == m || !Clock.isLetter(b[i - 1]))
                        && !(b[i + w.length] >= 'a' && b[i + w.length] <= 'z')) {
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

    /** Whether b at p holds {@code lower} (lower-case ASCII letters and other bytes) in any case; p + its length must be inside b. */
    static boolean sameIgnoringCase(byte[] b, int p, byte[] lower) {
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
