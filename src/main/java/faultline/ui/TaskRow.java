package faultline.ui;

import faultline.model.Task;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One row of the task list: the task, whether it is compared, and its failure signature. */
public final class TaskRow {
    private final Task task;
    private final BooleanProperty compared = new SimpleBooleanProperty(this, "compared");
    private final StringProperty signature = new SimpleStringProperty(this, "signature", "");
    private final long start;
    private final long duration;

    TaskRow(Task task, long start, long duration) {
        this.task = task;
        this.start = start;
        this.duration = duration;
    }

    public Task task() {
        return task;
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
