package faultline.analysis;

import faultline.model.Level;

import java.util.regex.Pattern;

/** Which lines say that a task has failed: an error row, a status update to Failed, a cascade. */
public final class FailureSignals {
    private static final Pattern SIGNAL = Pattern.compile(
            "\\[TASK_ERROR\\]|Finished task \\(Success: False\\)|Generation failed|Task failed|hit UNEXPECTED exception"
                    + "|^Processing cascading failure|Cascaded failed from related task|\\[GENERATION_TIMEOUT\\]|\\[EDGE_FAIL");
    private static final Pattern STATUS_FAILED = Pattern.compile("\"status\"\\s*:\\s*\"Failed\"");

    private FailureSignals() {
    }

    public static boolean isSignal(TaskText t, int k) {
        Level level = t.level(k);
        if (level == Level.ERROR || level == Level.CRITICAL) {
            return true;
        }
        String body = t.body(k);
        if (SIGNAL.matcher(body).find()) {
            return true;
        }
        if (body.startsWith("Processing status update") || body.startsWith("Task status updated")) {
            return STATUS_FAILED.matcher(t.raw(k)).find();
        }
        // A traceback printed without a level.
        return level == Level.PRINT && body.startsWith("Traceback (most recent call last)");
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
