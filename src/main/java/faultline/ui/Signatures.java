package faultline.ui;

import faultline.model.TaskSet;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The failure signature of every task of the open set, as far as it is known: first from each
 * failure's error text, then from its crash analysis as those come in from the background, a batch at
 * a time. Listeners hear once per batch, with the tasks it changed.
 */
public final class Signatures {
    private TaskSet set = TaskSet.empty();
    private String[] byTask = new String[0];
    private final List<Consumer<int[]>> listeners = new ArrayList<>();

    /** A new set, with what is known of its signatures at once (null entries: none). Set before the set is published. */
    public void reset(TaskSet of, String[] initial) {
        set = of;
        byTask = initial.length == of.tasks().size() ? initial : java.util.Arrays.copyOf(initial, of.tasks().size());
    }

    public TaskSet set() {
        return set;
    }

    /** The signature of a task, or "" when none is known. */
    public String of(int task) {
        String s = task >= 0 && task < byTask.length ? byTask[task] : null;
        return s == null ? "" : s;
    }

    /** The signatures known now, by task index (null: none), as a copy that another thread may read. */
    public String[] copy() {
        return byTask.clone();
    }

    /** Signatures of a batch of tasks of the given set (those of another set are dropped). */
    public void update(TaskSet of, int[] tasks, String[] signatures) {
        if (of != set || tasks.length == 0) {
            return;
        }
        for (int i = 0; i < tasks.length; i++) {
            byTask[tasks[i]] = signatures[i];
        }
        for (Consumer<int[]> l : List.copyOf(listeners)) {
            l.accept(tasks);
        }
    }

    public void addListener(Consumer<int[]> l) {
        listeners.add(l);
    }
}
