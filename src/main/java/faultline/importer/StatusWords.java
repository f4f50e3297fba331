package faultline.importer;

import faultline.model.Level;
import faultline.model.TaskStatus;

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

    /** @param atLeast the words count only on a line of this level or above */
    record Rule(Says says, Pattern words, Level atLeast) {
        static Rule of(Says says, String regex) {
            return new Rule(says, Pattern.compile(regex), Level.PRINT);
        }

        static Rule at(Level level, Says says, String regex) {
            return new Rule(says, Pattern.compile(regex), level);
        }
    }

    /** A unit word and its id (with a digit in it, so that "task queue" is no unit), then up to three words. */
    private static final String NAMED_UNIT =
            "(?i)\\b(?:job|task|request|prompt)\\s+[\\[(]?[\\w.:#-]*\\d[\\w.:#-]*[\\])]?:?\\s+(?:\\S+\\s+){0,3}?";

    static final List<Rule> RULES = List.of(
            // A unit sent back to the queue.
            Rule.of(Says.RETRY, "requeuing for retry|requeued for retry|[Rr]etrying (?:task|job|message)\\b|will be retried"
                    + "|\\bretry: Retry in \\d|\\b(?:[Jj]ob|[Tt]ask|[Mm]essage)\\b.{0,100}?\\b(?:retrying|re-?queued|will retry)\\b"),
            // The worker system.
            Rule.of(Says.FAILED, "Finished task \\(Success: False\\)|\\[TASK_ERROR\\]|Cascaded failed from related task"
                    + "|^Task failed|\\] Task failed|hit UNEXPECTED exception|Cascaded failed to "),
            Rule.at(Level.ERROR, Says.FAILED, "^Failed during "),
            Rule.at(Level.CRITICAL, Says.FAILED, "exception"),
            Rule.of(Says.COMPLETE, "Finished task \\(Success: True\\)|Task completed successfully"),
            // An edge function's status update that says the new status in its text.
            Rule.of(Says.FAILED, "Processing status update\\b.*: Failed\\s*$"),
            Rule.of(Says.COMPLETE, "Processing status update\\b.*: Complete\\s*$"),
            Rule.of(Says.CANCELLED, "Processing status update\\b.*: Cancell?ed\\s*$"),
            // Task queues: celery, RQ, dramatiq.
            Rule.of(Says.COMPLETE, "\\] succeeded in \\d|\\bJob OK\\b|\\bSuccessfully completed\\b"),
            Rule.of(Says.FAILED, "\\] raised unexpected: |Task handler raised error|\\bWorkerLostError\\b|FailedJobRegistry"
                    + "|\\bJob failed\\b|with unhandled exception|[Ww]ork-horse (?:process )?(?:was )?terminated unexpectedly"),
            Rule.of(Says.CANCELLED, "\\] revoked\\b|\\bJob (?:was )?(?:cancelled|canceled)\\b"),
            // Web UIs and inference servers.
            Rule.of(Says.COMPLETE, "^Prompt executed in \\d|\\bFinished request\\b"),
            Rule.of(Says.FAILED, "!!! Exception during processing !!!|\\b(?:Async)?EngineDeadError\\b|Engine core proc \\S+ died"),
            Rule.of(Says.CANCELLED, "\\bAborted request\\b"),
            // Any unit named by an id with its end: "job 7f3a… failed", "Task 12 finished in 3.1s", "request r-9 done".
            Rule.of(Says.FAILED, NAMED_UNIT + "(?:failed|crashed|errored|aborted|was lost|was killed)\\b"),
            Rule.of(Says.CANCELLED, NAMED_UNIT + "(?:cancell?ed|revoked)\\b"),
            Rule.of(Says.COMPLETE, NAMED_UNIT + "(?:finished|completed|succeeded|done|complete)\\b"),
            // A process killed under the unit.
            Rule.of(Says.FAILED, "^Killed$|\\bsignal 9\\b|\\bSIGKILL\\b|Segmentation fault|Out of memory: Killed process"));

    private StatusWords() {
    }

    /** What the line says about its unit's status, or null. */
    static Says of(String message, Level level) {
        for (Rule r : RULES) {
            if (level.ordinal() >= r.atLeast().ordinal() && r.words().matcher(message).find()) {
                return r.says();
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
