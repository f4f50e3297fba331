package faultline.importer.merge;

import faultline.model.Level;

/**
 * Whether a unit's line says the unit completed ({@code Finished task 51c0e8a2 in 37.1s}), by the same words the
 * statuses are read by. Asked only when a traceback opens under such a line: a traceback after a unit's success
 * is not that unit's, since nothing of the unit was left to fail.
 */
public final class EndedWell {
    private EndedWell() {
    }

    public static boolean says(String message, Level level) {
        StatusWords.Says s = StatusWords.of(message, level);
        if (s == null) {
            s = StatusWords.ofOtherWorkers(message, level, true);
        }
        return s == StatusWords.Says.COMPLETE;
    }
}
