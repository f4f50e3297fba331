package faultline.model;

/**
 * One event as the views see it: a read-only view of one row of the {@link EventStore}.
 *
 * @param index   row in the store
 * @param stamp   when
 * @param level   severity
 * @param task    index of the task in the task set, or -1
 * @param source  index of the source file
 * @param line    1-based line number in the source
 * @param message the normalised message, e.g. "GENERATION: 🔍 LOOP [9/32]: Processing param='guidance_scale'"
 */
public record Event(int index, Stamp stamp, Level level, int task, int source, int line, String message) {
    public long nanos() {
        return stamp.nanos();
    }
}
