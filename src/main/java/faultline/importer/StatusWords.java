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

    static final List<Rule> RULES = List.of(
            // A unit sent back to the queue.
            Rule.of(Says.RETRY, "requeuing for retry|requeued for retry|[Rr]etrying (?:task|job|message)\\b|will be retried"
                    + "|\\bretry: Retry in \\d"),
            // The worker system.
            Rule.of(Says.FAILED, "Finished task \\(Success: False\\)|\\[TASK_ERROR\\]|Cascaded failed from related task"
                    + "|^Task failed|\\] Task failed|hit UNEXPECTED exception"),
            Rule.at(Level.ERROR, Says.FAILED, "^Failed during "),
            Rule.at(Level.CRITICAL, Says.FAILED, "exception"),
            Rule.of(Says.COMPLETE, "Finished task \\(Success: True\\)|Task completed successfully"),
            // Task queues: celery, RQ, dramatiq.
            Rule.of(Says.COMPLETE, "\\] succeeded in \\d|\\bJob OK\\b|\\bSuccessfully completed\\b"),
            Rule.of(Says.FAILED, "\\] raised unexpected: |Task handler raised error|\\bWorkerLostError\\b|FailedJobRegistry"
                    + "|\\bJob failed\\b|with unhandled exception|[Ww]ork-horse (?:process )?(?:was )?terminated unexpectedly"),
            Rule.of(Says.CANCELLED, "\\] revoked\\b|\\bJob (?:was )?(?:cancelled|canceled)\\b"),
            // Web UIs and inference servers.
            Rule.of(Says.COMPLETE, "^Prompt executed in \\d|\\bFinished request\\b"),
            Rule.of(Says.FAILED, "!!! Exception during processing !!!|\\b(?:Async)?EngineDeadError\\b|Engine core proc \\S+ died"),
            Rule.of(Says.CANCELLED, "\\bAborted request\\b"),
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
