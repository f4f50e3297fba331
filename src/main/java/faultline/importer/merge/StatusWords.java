package faultline.importer.merge;

import faultline.model.Level;
import faultline.model.TaskStatus;
import faultline.model.WordGate;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one table of the words with which lines state a unit of work's status, for the worker system and
 * the task queues, inference servers and web UIs beside it. Each rule says where its words count:
 * {@link Scope#LINE} on any line of the unit (checked first, in order), {@link Scope#ANYWHERE} and
 * {@link Scope#NAMED} (the latter only on a line that names the unit's id) after what a line's own
 * structure says (an edge function's status update). A retry is checked before a failure, because the
 * worker says both in one line ({@code failed with retryable error …, requeuing for retry}).
 */
final class StatusWords {
    /** What a line says: a status, or that the unit goes back to the queue. */
    /** OVER: the unit is over, completed unless it failed (ComfyUI's "Prompt executed in …" follows a failure too). */
    enum Says { FAILED, COMPLETE, CANCELLED, RETRY, OVER }

    /** Where a rule's words count. */
    enum Scope {
        /** On any line of the unit, before anything else. */
        LINE,
        /** On any line of the unit, after the line's own structure had its say. */
        ANYWHERE,
        /** Only on a line that names the unit, as whole words in any case. */
        NAMED
    }

    /**
     * @param hints   words the line must hold for the pattern to be tried at all: most lines hold none, and
     *                looking for a word costs far less than running a pattern (lower case for {@link Scope#NAMED})
     * @param atLeast the words count only on a line of this level or above
     * @param unitWord the pattern starts with a unit's word ({@link #UNIT_WORDS}): a line without one is no candidate
     */
    record Rule(Scope scope, Says says, List<String> hints, Pattern words, Level atLeast, boolean unitWord, String literal, boolean whole) {
        Rule(Scope scope, Says says, List<String> hints, Pattern words, Level atLeast, boolean unitWord) {
            this(scope, says, hints, words, atLeast, unitWord, null, false);
        }

        static Rule of(Says says, List<String> hints, String regex) {
            return new Rule(Scope.LINE, says, hints, Pattern.compile(regex), Level.PRINT, false);
        }

        static Rule at(Level level, Says says, List<String> hints, String regex) {
            return new Rule(Scope.LINE, says, hints, Pattern.compile(regex), level, false);
        }

        /** A unit named by its id and then one of the ending's words. */
        static Rule ofNamedUnit(Says says, List<String> hints, String ending) {
            return new Rule(Scope.LINE, says, hints, Pattern.compile(NAMED_UNIT + ending), Level.PRINT, true);
        }

        /** A phrase that says the status wherever it is written. */
        static Rule phrase(String phrase, Says says) {
            return new Rule(Scope.ANYWHERE, says, List.of(phrase), Pattern.compile(Pattern.quote(phrase)), Level.PRINT, false, phrase, false);
        }

        /** A word that says the status on a line naming the unit ({@code Task app.x[id] succeeded in 1.2s}). */
        static Rule named(String word, Says says) {
            return new Rule(Scope.NAMED, says, List.of(word),
                    Pattern.compile("(?<!\\p{L})" + Pattern.quote(word) + "(?!\\p{L})"), Level.PRINT, false, word, true);
        }

        boolean says(String message, Level level) {
            return says(message, level, null);
        }

        /**
         * @param reused this rule's matcher to reset for the message (left holding none), or null for a fresh one; a
         *               literal rule needs none
         */
        boolean says(String message, Level level, Matcher reused) {
            if (level.ordinal() < atLeast.ordinal()) {
                return false;
            }
            if (literal != null) {
                return hasLiteral(message);
            }
            if (reused == null) {
                return words.matcher(message).find();
            }
            boolean found = reused.reset(message).find();
            reused.reset("");
            return found;
        }

        /**
         * The rule's text as a plain search where it is one (a phrase, a whole word): what its pattern says, without
         * the pattern engine, which the facts of a fleet's tasks warmed up for the phrases of their end lines alone.
         */
        boolean hasLiteral(String message) {
            for (int at = message.indexOf(literal); at >= 0; at = message.indexOf(literal, at + 1)) {
                if (!whole || (!letterBefore(message, at) && !letterAt(message, at + literal.length()))) {
                    return true;
                }
            }
            return false;
        }

        private static boolean letterBefore(String s, int at) {
            return at > 0 && Character.isLetter(Character.codePointBefore(s, at));
        }

        private static boolean letterAt(String s, int at) {
            return at < s.length() && Character.isLetter(s.codePointAt(at));
        }
    }

    /**
     * A unit word and its id (with a digit in it, so that "task queue" is no unit), then up to three
     * words; written so that it cannot backtrack far.
     */
    private static final String NAMED_UNIT =
            "\\b(?:[Jj]ob|[Tt]ask|TASK|[Rr]equest|[Pp]rompt|[Ss]hard|[Rr]ank)\\s++[\\[(]?[\\w.:#-]*?\\d[\\w.:#-]*+[\\])]?:?\\s++(?:\\S++\\s++){0,3}?";

    static final List<Rule> RULES = List.of(
            // A unit sent back to the queue.
            Rule.of(Says.RETRY, List.of("retr", "requeu", "re-queu", "Retr"),
                    "requeuing for retry|requeued for retry|[Rr]etrying (?:task|job|message)\\b|will be retried"
                    + "|\\bretry: Retry in \\d|\\b(?:[Jj]ob|[Tt]ask|[Mm]essage)\\b[^\\n]{0,100}?\\b(?:retrying|re-?queued|will retry)\\b"),
            // The worker system.
            // Airflow ends a task try with its state: "Marking task as UP_FOR_RETRY. dag_id=…", "… as FAILED.", "… as SUCCESS.".
            Rule.of(Says.FAILED, List.of("Success: False", "TASK_ERROR", "Cascaded failed", "Task failed", "UNEXPECTED", "Marking task as "),
                    "Finished task \\(Success: False\\)|\\[TASK_ERROR\\]|Cascaded failed from related task|^Marking task as (?:FAILED|UP_FOR_RETRY)\\b"
                    + "|^Task failed|\\] Task failed|hit UNEXPECTED exception|Cascaded failed to "),
            Rule.at(Level.ERROR, Says.FAILED, List.of("Failed during "), "^Failed during "),
            Rule.at(Level.CRITICAL, Says.FAILED, List.of("exception"), "exception"),
            Rule.at(Level.ERROR, Says.FAILED, List.of("nhandled exception"), "[Uu]nhandled exception in (?:task|job)\\b"),
            Rule.of(Says.COMPLETE, List.of("Success: True", "Task completed successfully", "Marking task as SUCCESS"),
                    "Finished task \\(Success: True\\)|Task completed successfully|^Marking task as SUCCESS\\b"),
            // An edge function's status update that says the new status in its text.
            Rule.of(Says.FAILED, List.of("Processing status update"), "Processing status update\\b.*: Failed\\s*$"),
            Rule.of(Says.COMPLETE, List.of("Processing status update"), "Processing status update\\b.*: Complete\\s*$"),
            Rule.of(Says.CANCELLED, List.of("Processing status update"), "Processing status update\\b.*: Cancell?ed\\s*$"),
            // Task queues: celery, RQ, dramatiq.
            // Dramatiq's consumer acknowledges a message its actor processed and rejects one that failed for good.
            // Fooocus-API's task queue: "[Task Queue] Finish task, job_id=…", or "… Finish task with error, job_id=…".
            Rule.of(Says.COMPLETE, List.of("succeeded in", "Job OK", "Successfully completed", "Acknowledging message", "Finish task,"),
                    "\\] succeeded in \\d|\\bJob OK\\b|\\bSuccessfully completed\\b|^Acknowledging message '|\\bFinish task, "),
            Rule.of(Says.FAILED, List.of("raised", "WorkerLostError", "FailedJobRegistry", "Job failed", "unhandled exception", "ork-horse",
                    "Rejecting message", "Finish task with error"),
                    "^Rejecting message '|\\bFinish task with error\\b|\\] raised unexpected: |Task handler raised error|\\bWorkerLostError\\b|FailedJobRegistry"
                    + "|\\bJob failed\\b|with unhandled exception|[Ww]ork-horse (?:process )?(?:was )?terminated unexpectedly"),
            // Prefect's final states of a flow or task run, and its crash report ("Crash detected! Execution was interrupted …");
            // Temporal's workflow task that raised ("Failed activation on workflow RenderBatch with ID … and run ID <uuid>").
            Rule.of(Says.FAILED, List.of("in state Crashed", "in state Failed", "Crash detected!", "Failed activation on workflow"),
                    "\\bFinished in state (?:Crashed|Failed)\\(|\\bCrash detected! |\\bFailed activation on workflow \\S+ with ID "),
            Rule.of(Says.CANCELLED, List.of("in state Cancel"), "\\bFinished in state Cancell?ed\\("),
            // celery's hard time limit kills the task's process; a task rejected (Reject) is not run again.
            Rule.of(Says.FAILED, List.of("Hard time limit", "] rejected: "), "\\bHard time limit \\([^)]*\\) exceeded for \\S+\\[|\\] rejected: "),
            Rule.of(Says.CANCELLED, List.of("revoked", "Job was", "Job cancel"),
                    "\\] revoked\\b|\\bJob (?:was )?(?:cancelled|canceled)\\b"),
            // Rails's request log: "[request-id] Completed 500 Internal Server Error in 12ms".
            Rule.of(Says.FAILED, List.of("Completed 5"), "^(?:\\[[^\\]]{1,64}\\] )*Completed 5\\d\\d [A-Z][A-Za-z ]* in \\d"),
            Rule.of(Says.COMPLETE, List.of("Completed 2", "Completed 3"), "^(?:\\[[^\\]]{1,64}\\] )*Completed [23]\\d\\d [A-Z][A-Za-z ]* in \\d"),
            // Rails's ActiveJob: "Performed EncodeJob (Job ID: …) from Async(default) in 12ms", "Error performing EncodeJob (Job ID: …) …".
            Rule.of(Says.FAILED, List.of("Error performing "), "\\bError performing \\S+ \\(Job ID: "),
            Rule.of(Says.COMPLETE, List.of("Performed "), "\\bPerformed \\S+ \\(Job ID: "),
            // Slurm ending a job or a step: slurmstepd's "*** JOB 448120 ON gpu-a07 CANCELLED AT … DUE TO TIME LIMIT ***" (the
            // job ran out of its time: it failed), an OOM kill, srun's report of a task. A plain "CANCELLED AT …" is often srun
            // stopping the other tasks after one failed: it says nothing of its own.
            Rule.of(Says.FAILED, List.of("DUE TO TIME LIMIT", "DUE TO NODE FAIL", "oom_kill event", "srun: error: "),
                    "\\*\\*\\* (?:JOB|STEP) \\S+ ON \\S+ CANCELLED AT \\S+ DUE TO (?:TIME LIMIT|NODE FAILURE)|Detected \\d+ oom_kill events? in "
                    + "|^srun: error: \\S+: tasks? [\\d,-]+: (?:Exited with exit code [1-9]|Out Of Memory|Segmentation fault|Killed|Aborted|Bus error)"),
            // supervisord's account of the programs it runs: "exited: embedder_01 (exit status 1; not expected)",
            // "gave up: embedder_01 entered FATAL state, …", "stopped: scheduler (terminated by SIGTERM)". Whether an exit
            // is a failure is supervisord's to say (a program's exitcodes may list 2 as expected), not its status number's.
            Rule.of(Says.FAILED, List.of("exited: ", "gave up: "),
                    "^exited: \\S+ \\([^)]*; not expected\\)|^gave up: \\S+ entered FATAL state"),
            Rule.of(Says.COMPLETE, List.of("exited: ", "stopped: "), "^(?:exited: \\S+ \\([^)]*; expected\\)|stopped: \\S+ \\(exit status 0\\))"),
            Rule.of(Says.CANCELLED, List.of("stopped: "), "^stopped: \\S+ \\(terminated by SIG(?:TERM|INT|QUIT|HUP)\\)"),
            // Web UIs and inference servers.
            // Triton's model loads: "successfully loaded 'clip_embed'", "failed to load 'upscaler' version 1: …".
            // Xinference's calls of a request, tagged with it: "[request <id>] Leave chat, elapsed time: 3 s", or "…, error: …".
            // LM Studio's server answering the request in hand: "[LM STUDIO SERVER] [model] Generated prediction: {".
            Rule.of(Says.COMPLETE, List.of("Finished request", "successfully loaded '", "] Leave ", "Generated prediction: "),
                    "\\bFinished request\\b|^\"?successfully loaded '|\\[request [^\\]]{1,64}\\] Leave \\w+, elapsed time: "
                    + "|(?:^|\\] )Generated prediction: \\{"),
            // ComfyUI's "Prompt executed in 7.44 seconds" ends a prompt whether it failed or not, and so does llama.cpp's
            // slot releasing its task ("slot release: id  0 | task 4 | stop processing: n_past = 250, …"; n_tokens since late 2025).
            // A prefork server's worker ends so too, well unless it failed: gunicorn's "Worker exiting (pid: 9)".
            // text-generation-webui closes every generation with "Output generated in 0.39 seconds (…, seed 117…)", after
            // the traceback of one that raised.
            // KoboldCpp's statistics line closes a generation, answered or not ("CtxLimit:65/8192, Amt:41/200, Init:…"); the
            // request goes on to its answer (the "Output: " print, or socketserver's report of a socket that broke).
            Rule.of(Says.OVER, List.of("Prompt executed in", "stop processing: ", "Worker exiting (pid", "Output generated in", "CtxLimit:"),
                    "^Prompt executed in \\d|\\| stop processing: n_(?:past|tokens) = |^Worker exiting \\(pid: ?\\d+\\)"
                    + "|^Output generated in \\d|^CtxLimit: ?\\d+/\\d+, (?:Amt: ?\\d+/\\d+, )?(?:Init|Process):"),
            // ComfyUI's "invalid prompt: {…}" rejects the prompt it just got: it never runs. LMDeploy ends a session it could
            // not serve with 'session 3 finished, reason "error"' (its other reasons, "stop" and "length", are answers).
            // LM Studio's server answering the request in hand with an error: "[Server Error] {"title":"…"}".
            Rule.of(Says.FAILED, List.of("Exception during processing", "EngineDeadError", "Engine core proc", "invalid prompt: ",
                    "failed to load '", "] Leave ", "reason \"error\"", "[Server Error] "),
                    "!!! Exception during processing !!!|\\b(?:Async)?EngineDeadError\\b|Engine core proc \\S+ died|^invalid prompt: "
                    + "|^\"?failed to load '|\\[request [^\\]]{1,64}\\] Leave \\w+, error: |\\bsession \\d+ finished, reason \"error\""
                    + "|^\\[Server Error\\] "),
            Rule.of(Says.CANCELLED, List.of("Aborted request"), "\\bAborted request\\b"),
            // llama.cpp's server answering a slot's task with an error; Ollama's server relaying its llama.cpp runner's
            // death (the request it ran is answered 500). One rule: the gate's groups are one a rule, and few.
            // A runner the server killed itself (a model unloaded) ends "signal: killed": no failure.
            Rule.of(Says.FAILED, List.of("send_error", "llama runner process has terminated", "llama runner terminated"),
                    "\\bsend_error: task id = \\d+|llama runner process has terminated|^llama runner terminated\\b(?!: signal: killed)"),
            // Any unit named by an id with its end: "job 7f3a… failed", "Task 12 finished in 3.1s", "request r-9 done".
            Rule.ofNamedUnit(Says.FAILED, List.of("failed", "crashed", "errored", "aborted", "was lost", "was killed"),
                    "(?:failed|crashed|errored|aborted|was lost|was killed)\\b"),
            Rule.ofNamedUnit(Says.CANCELLED, List.of("cancel", "revoked"), "(?:cancell?ed|revoked)\\b"),
            Rule.ofNamedUnit(Says.COMPLETE, List.of("finished", "complete", "succeeded", "done"),
                    "(?:finished|completed|succeeded|done|complete)\\b"),
            // A record whose whole message is its unit's outcome ("prediction failed", "inference succeeded"), or the
            // outcome and the error the record carries beside it ("task failed: exit code 139").
            Rule.of(Says.FAILED, outcomes("failed", "errored"),
                    "^(?:[Pp]rediction|[Ii]nference|[Rr]un|[Gg]eneration|[Jj]ob|[Tt]ask|[Rr]equest) (?:failed|errored)(?:\\.?(?=\\n|$)|: )"),
            Rule.of(Says.COMPLETE, outcomes("succeeded", "completed"),
                    "^(?:[Pp]rediction|[Ii]nference|[Rr]un|[Gg]eneration|[Jj]ob|[Tt]ask|[Rr]equest) (?:succeeded|completed)\\.?(?=\\n|$)"),
            // An orchestrator stopping a worker for a fault (a warning says why), not scaling it down.
            Rule.at(Level.WARNING, Says.FAILED, List.of("erminat"), "\\b[Tt]erminat(?:ing|ed) worker\\b"),
            // A process killed under the unit; a rank whose NCCL watchdog timed out takes its process down so.
            // A process that a supervisor saw die of a signal it did not send (TGI's "Shard process was signaled to shutdown
            // with signal 4"; the launcher's own stop says "Terminating shard").
            // Systemd's word on a service whose main process a signal ended (a journal: the service's unit in hand).
            // A prefork server's master on a worker process (each a unit): gunicorn's arbiter timing one out or seeing it
            // die ("WORKER TIMEOUT (pid:9)", "Worker (pid:14) exited with code 3"), uvicorn's supervisor losing a child.
            Rule.of(Says.FAILED, List.of("Killed", "signal 9", "SIGKILL", "Segmentation fault", "Watchdog caught collective",
                            "signaled to shutdown with signal", "Main process exited, code=", "WORKER TIMEOUT", "Child process [", "Worker (pid:"),
                    "(?:^|\\r)Killed$|\\bsignal 9\\b|\\bSIGKILL\\b|Segmentation fault|Out of memory: Killed process|: line \\d+: +\\d+ Killed +\\S"
                    + "|Watchdog caught collective operation timeout|\\bwas signaled to shutdown with signal \\d+"
                    + "|Main process exited, code=(?:killed|dumped)\\b"
                    + "|^WORKER TIMEOUT \\(pid:\\d+\\)|^Child process \\[\\d+\\] died"
                    + "|^Worker \\(pid:\\d+\\) (?:exited with code [1-9]|was sent (?:SIGKILL|code \\d+)|was terminated due to signal)"),
            // Phrases of the other workers' logs that say how a unit ended wherever they are written, strongest first.
            Rule.phrase("Success: False", Says.FAILED), Rule.phrase("Success: True", Says.COMPLETE),
            Rule.phrase("raised unexpected", Says.FAILED), Rule.phrase("WorkerLostError", Says.FAILED),
            Rule.phrase("SIGKILL", Says.FAILED), Rule.phrase("signal 9", Says.FAILED), Rule.phrase("SIGSEGV", Says.FAILED),
            Rule.phrase("killed by signal", Says.FAILED), Rule.phrase("Exception during processing", Says.FAILED),
            Rule.phrase("ChildFailedError", Says.FAILED), Rule.phrase("(exitcode: ", Says.FAILED),
            Rule.phrase("Traceback (most recent call last)", Says.FAILED),
            Rule.phrase("terminate called after throwing", Says.FAILED), Rule.phrase("' panicked at ", Says.FAILED),
            Rule.phrase("Aborted (core dumped)", Says.FAILED),
            // Python's faulthandler on a fatal signal: the current thread's stack, most recent call first.
            Rule.phrase("Fatal Python error: ", Says.FAILED), Rule.phrase("Current thread 0x", Says.FAILED),
            Rule.phrase("Job OK", Says.COMPLETE), Rule.phrase("Prompt executed in", Says.OVER),
            Rule.phrase("Finished request", Says.COMPLETE), Rule.phrase("Aborted request", Says.CANCELLED),
            Rule.phrase("Moving job to FailedJobRegistry", Says.FAILED),
            // A JVM stack trace under an error line ("Exception in task 8.0 … (TID 17)" and its "\tat" frames).
            new Rule(Scope.ANYWHERE, Says.FAILED, List.of("\tat ", " at "), Pattern.compile("\\n\\s+at [\\w$.]+\\("), Level.ERROR, false),
            // Words that count only on a line that names the unit.
            Rule.named("revoked", Says.CANCELLED), Rule.named("cancelled", Says.CANCELLED), Rule.named("canceled", Says.CANCELLED),
            Rule.named("retired", Says.CANCELLED), Rule.named("aborted", Says.CANCELLED),
            Rule.named("retries exceeded", Says.FAILED), Rule.named("retrying", Says.RETRY), Rule.named("retry", Says.RETRY),
            Rule.named("retried", Says.RETRY), Rule.named("requeued", Says.RETRY), Rule.named("requeuing", Says.RETRY),
            Rule.named("succeeded", Says.COMPLETE), Rule.named("raised", Says.FAILED), Rule.named("failed", Says.FAILED),
            Rule.named("fail", Says.FAILED), Rule.named("lost", Says.FAILED), Rule.named("killed", Says.FAILED),
            Rule.named("timed out", Says.FAILED), Rule.named("crashed", Says.FAILED), Rule.named("exception in", Says.FAILED),
            Rule.named("done", Says.COMPLETE), Rule.named("finished", Says.COMPLETE),
            Rule.named("completed", Says.COMPLETE), Rule.named("processed", Says.COMPLETE), Rule.named("executed", Says.COMPLETE),
            Rule.named("ok", Says.COMPLETE));

    private StatusWords() {
    }

    /**
     * The whole phrases of a record that is its unit's outcome, as hints: the ending's word alone is in
     * "Generation completed in 25 s" and every "Loop completed" of a task's last lines.
     */
    private static List<String> outcomes(String... endings) {
        List<String> phrases = new java.util.ArrayList<>();
        for (String subject : List.of("rediction ", "nference ", "Run ", "run ", "eneration ", "Job ", "job ", "Task ", "task ",
                "Request ", "request ")) {
            for (String ending : endings) {
                phrases.add(subject + ending);
            }
        }
        return phrases;
    }

    private static final Table LINE = new Table(Scope.LINE);
    private static final Table ANYWHERE = new Table(Scope.ANYWHERE);
    private static final Table NAMED = new Table(Scope.NAMED);

    /** The rules of one scope, in table order, behind one word gate. */
    private static final class Table {
        final List<Rule> rules;
        final WordGate gate;

        Table(Scope scope) {
            rules = RULES.stream().filter(r -> r.scope() == scope).toList();
            gate = new WordGate(rules.stream().map(Rule::hints).toList());
        }

        Says first(String text, Level level) {
            return first(text, level, gate.groups(text));
        }

        /**
         * @param candidates bit i: rule i's hints may occur in the text (a superset is fine, a miss is not)
         */
        Says first(String text, Level level, long candidates) {
            Matcher[] reused = null;
            for (int i = 0; candidates != 0 && i < rules.size(); i++) {
                Rule rule = rules.get(i);
                if ((candidates & (1L << i)) == 0) {
                    continue;
                }
                Matcher m = null;
                if (rule.literal() == null && level.ordinal() >= rule.atLeast().ordinal()) {
                    if (reused == null) {
                        reused = matchers.get();
                    }
                    m = reused[i];
                    if (m == null) {
                        m = reused[i] = rule.words().matcher("");
                    }
                }
                if (rule.says(text, level, m)) {
                    return rule.says();
                }
            }
            return null;
        }

        /*
         * One matcher per rule and thread, reset for each message: a fresh matcher per rule tried was a fifth of
         * the facts' reading of a fleet's claim and end lines.
         */
        private final ThreadLocal<Matcher[]> matchers = ThreadLocal.withInitial(this::newMatchers);

        private Matcher[] newMatchers() {
            return new Matcher[rules.size()];
        }
    }

    /**
     * The hints of the rules on any line, one group per rule: first those checked first, then those
     * checked after the line's own structure. A gate over these groups, taken over a line's bytes before
     * it is decoded, gives both {@link #of(String, Level, long)} and {@link #ofOtherWorkers(String, Level,
     * boolean, long)} their candidates, so that a decoded message is not searched for the words again.
     */
    static List<List<String>> hintGroups() {
        List<List<String>> groups = new java.util.ArrayList<>();
        LINE.rules.forEach(r -> groups.add(r.hints()));
        ANYWHERE.rules.forEach(r -> groups.add(r.hints()));
        groups.add(UNIT_WORDS);
        return groups;
    }

    /**
     * The words a {@link #NAMED_UNIT} starts with, with the space after them that the pattern needs (four bytes
     * or more each, so that the gate keeps its one test a position).
     */
    private static final List<String> UNIT_WORDS = unitWords();

    private static List<String> unitWords() {
        List<String> words = new java.util.ArrayList<>();
        for (String w : List.of("job", "Job", "task", "Task", "TASK", "request", "Request", "prompt", "Prompt", "shard", "Shard",
                "rank", "Rank")) {
            for (String space : List.of(" ", "\t", "\n", "\r")) {
                words.add(w + space);
            }
        }
        return words;
    }
    private static final long UNIT_WORD_GROUP = 1L << (LINE.rules.size() + ANYWHERE.rules.size());
    private static final long NEEDS_UNIT_WORD = needsUnitWord();

    private static long needsUnitWord() {
        long bits = 0;
        for (int i = 0; i < LINE.rules.size(); i++) {
            if (LINE.rules.get(i).unitWord()) {
                bits |= 1L << i;
            }
        }
        return bits;
    }

    /** The number of groups of {@link #hintGroups()}. */
    static int hintGroupCount() {
        return LINE.rules.size() + ANYWHERE.rules.size() + 1;
    }

    /**
     * The groups of {@link #hintGroups()} found in a line, without those of the rules that cannot match it
     * for want of a unit's word: "Generation completed in 25 s" holds an ending's word and names no unit.
     * Zero when no rule can say anything.
     */
    static long viable(long hintGroups) {
        long rules = hintGroups & lowBits(LINE.rules.size() + ANYWHERE.rules.size());
        return (hintGroups & UNIT_WORD_GROUP) != 0 ? rules : rules & ~NEEDS_UNIT_WORD;
    }

    /** What the line says by the rules checked first, given the groups of {@link #hintGroups()} found in it. */
    static Says of(String message, Level level, long hintGroups) {
        return LINE.first(message, level, viable(hintGroups) & lowBits(LINE.rules.size()));
    }

    /** {@link #ofOtherWorkers(String, Level, boolean)}, given the groups of {@link #hintGroups()} found in it. */
    static Says ofOtherWorkers(String message, Level level, boolean namesUnit, long hintGroups) {
        if (!level.isFailure() && message.contains("Traceback (most recent call last)")) {
            return null;
        }
        Says s = ANYWHERE.first(message, level, (viable(hintGroups) >>> LINE.rules.size()) & lowBits(ANYWHERE.rules.size()));
        if (s == null && namesUnit) {
            s = NAMED.first(beforeWait(message.toLowerCase(Locale.ROOT)), level);
        }
        return s;
    }

    /** The words before a wait for the unit: "waiting for task finished, job_id=…" says nothing of how it went. */
    private static String beforeWait(String lower) {
        int w = Awaited.at(lower);
        return w < 0 ? lower : lower.substring(0, w);
    }

    private static long lowBits(int n) {
        return n >= 64 ? -1L : (1L << n) - 1;
    }

    /** What the line says about its unit's status by the rules checked first, or null. */
    static Says of(String message, Level level) {
        return LINE.first(message, level);
    }

    /**
     * What the line says by the other workers' words, once the line's own structure said nothing, or null;
     * namesUnit: the message names the unit's id. A traceback logged below an error was handled: it says nothing.
     */
    static Says ofOtherWorkers(String message, Level level, boolean namesUnit) {
        if (!level.isFailure() && message.contains("Traceback (most recent call last)")) {
            return null;
        }
        Says s = ANYWHERE.first(message, level);
        if (s == null && namesUnit) {
            s = NAMED.first(beforeWait(message.toLowerCase(Locale.ROOT)), level);
        }
        return s;
    }

    static TaskStatus status(Says s) {
        switch (s) {
            case FAILED: return TaskStatus.FAILED;
            case COMPLETE: case OVER: return TaskStatus.COMPLETE;
            case CANCELLED: return TaskStatus.CANCELLED;
            default: return TaskStatus.QUEUED;
        }
    }
}
