package faultline.analysis;

import faultline.model.Task;

/**
 * A failure's signature for a list of thousands, from its error text alone: the exception it names,
 * else the first line of the text with ids and numbers taken out. No line of the task is read; the
 * full signature (phase and loop step too) comes from {@link Analyzer#crashOf} later.
 */
public final class QuickSignature {
    static final int MAX_LENGTH = 120;

    private QuickSignature() {
    }

    /** The signature, or "" for a task that did not fail or says nothing about why. */
    public static String of(Task task) {
        if (!task.failed() || task.errorMessage().isEmpty()) {
            return "";
        }
        ExceptionFinding named = ExceptionFinding.named(task.errorMessage());
        if (!named.type().isEmpty()) {
            return named.type();
        }
        String first = CrashAnalyzer.normalise(task.errorMessage().lines().findFirst().orElse("").strip());
        return first.length() > MAX_LENGTH ? first.substring(0, MAX_LENGTH - 1) + "…" : first;
    }
}
