package faultline.importer.merge;

import faultline.model.Level;
import faultline.model.TaskStatus;
import faultline.model.WordGate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The lines that state a unit of work's status, for the worker system and the task queues, inference
 * servers and web UIs beside it: one table. A retry is checked before a failure, because the worker
 * says both in one line ({@code failed with retryable error …, requeuing for retry}).
 */
final class StatusWords {
    /** What a line says: a status, or that the unit goes back to the queue. */
    enum Says { FAILED, COMPLETE, CANCELLED, RETRY }

    /**
     * @param hints   words the line must hold for the pattern to be tried at all: most lines hold none, and
     *                looking for a word costs far less than running a pattern
     * @param atLeast the words count only on a line of this level or above
     */
    record Rule(Says says, List<String> hints, Pattern words, Level atLeast) {
        static Rule of(Says says, List<String> hints, String regex) {
            return new Rule(says, hints, Pattern.compile(regex), Level.PRINT);
        }

        static Rule at(Level level, Says says, List<String> hints, String regex) {
            return new Rule(says, hints, Pattern.compile(regex), level);
        }

        boolean says(String message, Level level) {
            return level.ordinal() >= atLeast.ordinal() && words.matcher(message).find();
        }
    }

    /**
     * A unit word and its id (with a digit in it, so that "task queue" is no unit), then up to three
     * words; written so that it cannot backtrack far.
     */
    private static final String NAMED_UNIT =
            "\\b(?:[Jj]ob|[Tt]ask|TASK|[Rr]equest|[Pp]rompt)\\s++[\\[(]?[\\w.:#-]*?\\d[\\w.:#-]*+[\\])]?:?\\s++(?:\\S++\\s++){0,3}?";

    static final List<Rule> RULES = List.of(
            // A unit sent back to the queue.
            Rule.of(Says.RETRY, List.of("retr", "requeu", "re-queu", "Retr"),
                    "requeuing for retry|requeued for retry|[Rr]etrying (?:task|job|message)\\b|will be retried"
                    + "|\\bretry: Retry in \\d|\\b(?:[Jj]ob|[Tt]ask|[Mm]essage)\\b[^\\n]{0,100}?\\b(?:retrying|re-?queued|will retry)\\b"),
            // The worker system.
            Rule.of(Says.FAILED, List.of("Success: False", "TASK_ERROR", "Cascaded failed", "Task failed", "UNEXPECTED"),
                    "Finished task \\(Success: False\\)|\\[TASK_ERROR\\]|Cascaded failed from related task"
                    + "|^Task failed|\\] Task failed|hit UNEXPECTED exception|Cascaded failed to "),
            Rule.at(Level.ERROR, Says.FAILED, List.of("Failed during "), "^Failed during "),
            Rule.at(Level.CRITICAL, Says.FAILED, List.of("exception"), "exception"),
            Rule.at(Level.ERROR, Says.FAILED, List.of("nhandled exception"), "[Uu]nhandled exception in (?:task|job)\\b"),
            Rule.of(Says.COMPLETE, List.of("Success: True", "Task completed successfully"),
                    "Finished task \\(Success: True\\)|Task completed successfully"),
            // An edge function's status update that says the new status in its text.
            Rule.of(Says.FAILED, List.of("Processing status update"), "Processing status update\\b.*: Failed\\s*$"),
            Rule.of(Says.COMPLETE, List.of("Processing status update"), "Processing status update\\b.*: Complete\\s*$"),
            Rule.of(Says.CANCELLED, List.of("Processing status update"), "Processing status update\\b.*: Cancell?ed\\s*$"),
            // Task queues: celery, RQ, dramatiq.
            Rule.of(Says.COMPLETE, List.of("succeeded in", "Job OK", "Successfully completed"),
                    "\\] succeeded in \\d|\\bJob OK\\b|\\bSuccessfully completed\\b"),
            Rule.of(Says.FAILED, List.of("raised", "WorkerLostError", "FailedJobRegistry", "Job failed", "unhandled exception", "ork-horse"),
                    "\\] raised unexpected: |Task handler raised error|\\bWorkerLostError\\b|FailedJobRegistry"
                    + "|\\bJob failed\\b|with unhandled exception|[Ww]ork-horse (?:process )?(?:was )?terminated unexpectedly"),
            Rule.of(Says.CANCELLED, List.of("revoked", "Job was", "Job cancel"),
                    "\\] revoked\\b|\\bJob (?:was )?(?:cancelled|canceled)\\b"),
            // Web UIs and inference servers.
            Rule.of(Says.COMPLETE, List.of("Prompt executed in", "Finished request"), "^Prompt executed in \\d|\\bFinished request\\b"),
            Rule.of(Says.FAILED, List.of("Exception during processing", "EngineDeadError", "Engine core proc"),
                    "!!! Exception during processing !!!|\\b(?:Async)?EngineDeadError\\b|Engine core proc \\S+ died"),
            Rule.of(Says.CANCELLED, List.of("Aborted request"), "\\bAborted request\\b"),
            // Any unit named by an id with its end: "job 7f3a… failed", "Task 12 finished in 3.1s", "request r-9 done".
            Rule.of(Says.FAILED, List.of("failed", "crashed", "errored", "aborted", "was lost", "was killed"),
                    NAMED_UNIT + "(?:failed|crashed|errored|aborted|was lost|was killed)\\b"),
            Rule.of(Says.CANCELLED, List.of("cancel", "revoked"), NAMED_UNIT + "(?:cancell?ed|revoked)\\b"),
            Rule.of(Says.COMPLETE, List.of("finished", "complete", "succeeded", "done"),
                    NAMED_UNIT + "(?:finished|completed|succeeded|done|complete)\\b"),
            // A process killed under the unit.
            Rule.of(Says.FAILED, List.of("Killed", "signal 9", "SIGKILL", "Segmentation fault"),
                    "^Killed$|\\bsignal 9\\b|\\bSIGKILL\\b|Segmentation fault|Out of memory: Killed process"));

    private StatusWords() {
    }

    private static final WordGate GATE = new WordGate(RULES.stream().map(Rule::hints).toList());

    /** What the line says about its unit's status, or null. */
    static Says of(String message, Level level) {
        long candidates = GATE.groups(message);
        for (int i = 0; candidates != 0 && i < RULES.size(); i++) {
            if ((candidates & (1L << i)) != 0 && RULES.get(i).says(message, level)) {
                return RULES.get(i).says();
            }
        }
        return null;
    }

    static TaskStatus status(Says s) {
        switch (s) {
            case FAILED: return TaskStatus.FAILED;
            case COMPLETE: return TaskStatus.COMPLETE;
            case CANCELLED: return TaskStatus.CANCELLED;
            default: return TaskStatus.QUEUED;
        }
    }
}
