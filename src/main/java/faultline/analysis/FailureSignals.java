package faultline.analysis;

import faultline.model.Level;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which lines say that a unit of work has failed: an error row, a status update to Failed, a cascade,
 * a traceback, and the failure words of the task queues, inference servers and web UIs that run beside
 * the worker. One table, one place: a family's words are added here and nowhere else.
 */
public final class FailureSignals {
    /** The failure words of one family of workers. */
    record Family(String name, String words) {
    }

    static final List<Family> TABLE = List.of(
            new Family("worker system", "\\[TASK_ERROR\\]|Finished task \\(Success: False\\)|Generation failed|Task failed"
                    + "|hit UNEXPECTED exception|^Processing cascading failure|Cascaded failed from related task"
                    + "|\\[GENERATION_TIMEOUT\\]|\\[EDGE_FAIL"),
            new Family("python", "^Traceback \\(most recent call last\\)|^(?:[a-z_]\\w*\\.)*[A-Z]\\w*(?:Error|Exception): "),
            new Family("celery", "raised unexpected: |\\bWorkerLostError\\b|Worker exited prematurely|Task handler raised error"
                    + "|\\bsignal 9 \\(SIGKILL\\)"),
            new Family("rq", "\\bJob failed\\b|FailedJobRegistry|[Ww]ork-horse (?:process )?(?:was )?terminated unexpectedly"),
            new Family("dramatiq", "with unhandled exception"),
            new Family("ComfyUI", "!!! Exception during processing !!!"),
            new Family("inference servers", "\\b(?:Async)?EngineDeadError\\b|Engine core proc \\S+ died|EngineCore encountered"
                    + "|[Ss]hard \\d+ failed to start|was signaled to shutdown with signal"),
            new Family("process", "^Killed$|\\bSIGKILL\\b|\\bSIGSEGV\\b|Segmentation fault|core dumped|Out of memory: Killed process"),
            new Family("GPU", "CUDA out of memory|\\bOutOfMemoryError\\b|CUDA error: "));

    private static final Pattern SIGNAL;

    static {
        StringBuilder all = new StringBuilder();
        for (Family f : TABLE) {
            all.append(all.length() == 0 ? "" : "|").append("(?:").append(f.words()).append(')');
        }
        SIGNAL = Pattern.compile(all.toString(), Pattern.MULTILINE);
    }

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
        return SIGNAL.matcher(text).find();
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
