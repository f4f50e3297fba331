package faultline.ui.tasks;

import faultline.model.Task;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the task list: a task (whether it is compared, its failure signature), or the header of
 * a group of tasks with the same signature.
 */
public final class TaskRow {
    private final Task task;
    private final String group;
    private final int count;
    private final java.util.List<TaskRow> members;
    /** For a group: some but not all of its tasks are compared. */
    private final BooleanProperty partial = new SimpleBooleanProperty(this, "partial");
    private final BooleanProperty compared = new SimpleBooleanProperty(this, "compared");
    private final StringProperty signature = new SimpleStringProperty(this, "signature", "");
    private final long start;
    private final long duration;

    TaskRow(Task task, long start, long duration) {
        this.task = task;
        this.group = null;
        this.count = 0;
        this.members = java.util.List.of();
        this.start = start;
        this.duration = duration;
    }

    private TaskRow(String group, java.util.List<TaskRow> members) {
        this.task = null;
        this.group = group;
        this.count = members.size();
        this.members = java.util.List.copyOf(members);
        this.start = Long.MIN_VALUE;
        this.duration = 0;
        signature.set(group);
    }

    static TaskRow group(String signature, java.util.List<TaskRow> members) {
        return new TaskRow(signature, members);
    }

    /** The rows of a group (empty for a task row). */
    public java.util.List<TaskRow> members() {
        return members;
    }

    public BooleanProperty partialProperty() {
        return partial;
    }

    /** What a group's row says: its signature and how many tasks have it. */
    public String groupLabel() {
        return count + (count == 1 ? " task" : " tasks") + " · " + group;
    }

    /** The task, or null for a group header. */
    public Task task() {
        return task;
    }

    public boolean isGroup() {
        return task == null;
    }

    public String group() {
        return group;
    }

    public int count() {
        return count;
    }

    public BooleanProperty comparedProperty() {
        return compared;
    }

    public StringProperty signatureProperty() {
        return signature;
    }

    /** First known time of the task (creation or first line), epoch ns, or Long.MIN_VALUE. */
    public long start() {
        return start;
    }

    /** First to last known time, ns. */
    public long duration() {
        return duration;
    }
}
