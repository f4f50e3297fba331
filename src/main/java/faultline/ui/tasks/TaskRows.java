package faultline.ui.tasks;

import faultline.model.EventStore;
import faultline.model.Task;
import faultline.model.TaskSet;

import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * The rows of one task set, one per task in the set's order, with their first signatures: made on the
 * thread that read the set, so that a fleet's tens of thousands of rows never cost the FX thread.
 *
 * @param byTask the row of each task, by task index
 */
record TaskRows(TaskSet set, TaskRow[] byTask) {
    static final TaskRows EMPTY = new TaskRows(TaskSet.empty(), new TaskRow[0]);

    /**
     * @param signatures the signature of each task known now, by task index (null: none)
     * @param wire       what each new row is connected to (its compare check)
     */
    static TaskRows of(TaskSet set, String[] signatures, Consumer<TaskRow> wire) {
        TaskRow[] index = new TaskRow[set.tasks().size()];
        EventStore store = set.store();
        for (Task t : set.tasks()) {
            long first = t.created() != null ? t.created().nanos() : t.events().length > 0 ? store.nanos(t.events()[0]) : Long.MIN_VALUE;
            long last = t.events().length > 0 ? store.latest(t.events()[t.events().length - 1]) : first;
            if (t.ended() != null) {
                last = Math.max(last, t.ended().nanos());
            }
            TaskRow row = new TaskRow(t, first, first == Long.MIN_VALUE ? 0 : Math.max(0, last - first));
            String sig = t.index() < signatures.length ? signatures[t.index()] : null;
            if (sig != null) {
                row.signatureProperty().set(sig);
            }
            wire.accept(row);
            index[t.index()] = row;
        }
        return new TaskRows(set, index);
    }

    /** The rows in the set's order (failed first). */
    List<TaskRow> inOrder() {
        return Arrays.asList(byTask);
    }

    int size() {
        return byTask.length;
    }
}
