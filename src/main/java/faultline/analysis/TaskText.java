package faultline.analysis;

import faultline.model.EventStore;
import faultline.model.Level;
import faultline.model.Task;

/**
 * A task's events with their messages decoded once, in time order: what every analysis reads.
 * Built when a task is analysed, never at import.
 */
public final class TaskText {
    private final Task task;
    private final EventStore store;
    private final String[] messages;
    private final String[] bodies;

    public TaskText(Task task, EventStore store) {
        this.task = task;
        this.store = store;
        int[] rows = task.events();
        messages = new String[rows.length];
        bodies = new String[rows.length];
        for (int k = 0; k < rows.length; k++) {
            String m = store.message(rows[k]);
            messages[k] = m;
        }
    }

    public Task task() {
        return task;
    }

    public EventStore store() {
        return store;
    }

    public int size() {
        return messages.length;
    }

    public int row(int k) {
        return task.events()[k];
    }

    public String message(int k) {
        return messages[k];
    }

    /** The message without the worker's "COMPONENT: " prefix (worked out once: every rule of every analysis asks). */
    public String body(int k) {
        String b = bodies[k];
        if (b == null) {
            b = faultline.model.MessageText.withoutComponent(messages[k]);
            bodies[k] = b;
        }
        return b;
    }

    public String raw(int k) {
        return store.raw(row(k));
    }

    public long nanos(int k) {
        return store.nanos(row(k));
    }

    public long latest(int k) {
        return store.latest(row(k));
    }

    public int precision(int k) {
        return store.precision(row(k));
    }

    public Level level(int k) {
        return store.level(row(k));
    }

    public boolean estimated(int k) {
        return store.estimated(row(k));
    }

    /** Position of a store row in this task, or -1. */
    public int indexOfRow(int row) {
        int[] rows = task.events();
        for (int k = 0; k < rows.length; k++) {
            if (rows[k] == row) {
                return k;
            }
        }
        return -1;
    }

}
