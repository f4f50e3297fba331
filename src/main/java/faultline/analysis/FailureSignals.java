package faultline.analysis;

import faultline.model.Level;
import faultline.model.WordGate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which lines say that a unit of work has failed: an error row, a status update to Failed, a cascade,
 * a traceback, and the failure words of the task queues, inference servers and web UIs that run beside
 * the worker. One table, one place: a family's words are added here and nowhere else.
 */
public final class FailureSignals {
    /**
     * The failure words of one family of workers.
     *
     * @param hints words one of which the text must hold for the pattern to be tried (most lines hold none)
     */
    record Family(String name, List<String> hints, Pattern words) {
        Family(String name, List<String> hints, String words) {
            this(name, hints, Pattern.compile(words, Pattern.MULTILINE));
        }
    }

    static final List<Family> TABLE = List.of(
            new Family("worker system", List.of("TASK_ERROR", "Success: False", "Generation failed", "Task failed", "UNEXPECTED",
                    "cascading failure", "Cascaded failed", "GENERATION_TIMEOUT", "EDGE_FAIL"),
                    "\\[TASK_ERROR\\]|Finished task \\(Success: False\\)|Generation failed|Task failed"
                    + "|hit UNEXPECTED exception|^Processing cascading failure|Cascaded failed from related task"
                    + "|\\[GENERATION_TIMEOUT\\]|\\[EDGE_FAIL"),
            new Family("python", List.of("Traceback", "Error: ", "Exception: "),
                    // A traceback wherever it opens (indented, after a prefix); an exception line at a line's start.
                    "Traceback \\(most recent call last\\)|^(?:[A-Za-z_]\\w*\\.){0,16}[A-Z]\\w*(?:Error|Exception): "),
            // A unit's end said with its exception: "Task x raised: RuntimeError: boom", "job 7 failed with ValueError('x')";
            // not an attempt that is tried again ("attempt 1 failed with ConnectionError, retrying in 2s").
            new Family("unit ended by an exception", List.of("raised", "failed", "Failed", "failure"),
                    "(?:raised|[Ff]ailed|failure)(?::| with(?: an?)?)? (?:[A-Za-z_]\\w*\\.){0,16}[A-Z]\\w*(?:Error|Exception)\\b"
                    + "(?![^\\n]*\\b(?:[Rr]etr(?:y|ying|ied)|will retry))"),
            new Family("celery", List.of("raised unexpected", "WorkerLostError", "Worker exited prematurely", "raised error", "SIGKILL"),
                    "raised unexpected: |\\bWorkerLostError\\b|Worker exited prematurely|Task handler raised error|\\bsignal 9 \\(SIGKILL\\)"),
            new Family("rq", List.of("Job failed", "FailedJobRegistry", "ork-horse"),
                    "\\bJob failed\\b|FailedJobRegistry|[Ww]ork-horse (?:process )?(?:was )?terminated unexpectedly"),
            new Family("dramatiq", List.of("unhandled exception"), "with unhandled exception"),
            // Sidekiq's error handler: the context of the job that raised, then the exception as "Class: message"; a
            // Ruby class is namespaced with "::" and need not end in Error (Errno::ENOENT, ActiveRecord::RecordNotFound).
            new Family("sidekiq", List.of("Job raised exception", "::"),
                    "\"context\":\"Job raised exception\"|:context=>\"Job raised exception\"|^(?:[A-Z]\\w*::)+[A-Z]\\w*: "),
            // Dask's worker: "Compute Failed", then the task's Key:, Function:, Exception: and Traceback: fields.
            new Family("dask", List.of("Compute Failed"), "^Compute Failed\\b"),
            new Family("ComfyUI", List.of("Exception during processing"), "!!! Exception during processing !!!"),
            new Family("inference servers", List.of("EngineDeadError", "Engine core proc", "EngineCore encountered", "failed to start",
                    "signaled to shutdown"),
                    "\\b(?:Async)?EngineDeadError\\b|Engine core proc \\S+ died|EngineCore encountered"
                    + "|[Ss]hard \\d+ failed to start|was signaled to shutdown with signal"),
            new Family("process", List.of("Killed", "SIGKILL", "SIGSEGV", "Segmentation fault", "core dumped"),
                    "^Killed$|\\bSIGKILL\\b|\\bSIGSEGV\\b|Segmentation fault|core dumped|Out of memory: Killed process"),
            new Family("GPU", List.of("out of memory", "OutOfMemoryError", "CUDA error"),
                    "CUDA out of memory|\\bOutOfMemoryError\\b|CUDA error: "));

    private static final WordGate GATE = new WordGate(TABLE.stream().map(Family::hints).toList());

    private static final Pattern STATUS_FAILED = Pattern.compile("\"status\"\\s*:\\s*\"Failed\"");

    private FailureSignals() {
    }

    public static boolean isSignal(TaskText t, int k) {
        Level level = t.level(k);
        if (level == Level.ERROR || level == Level.CRITICAL) {
            return true;
        }
        String body = t.body(k);
        if (isFailureText(body)) {
            return true;
        }
        if (body.startsWith("Processing status update") || body.startsWith("Task status updated")) {
            return STATUS_FAILED.matcher(t.raw(k)).find();
        }
        return false;
    }

    /** The text has a failure word of some family. */
    public static boolean isFailureText(String text) {
        long candidates = GATE.groups(text);
        for (int i = 0; candidates != 0 && i < TABLE.size(); i++) {
            if ((candidates & (1L << i)) != 0 && TABLE.get(i).words().matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /** Index in the task of the first failure signal, or -1. */
    public static int first(TaskText t) {
        for (int k = 0; k < t.size(); k++) {
            if (isSignal(t, k)) {
                return k;
            }
        }
        return -1;
    }
}
