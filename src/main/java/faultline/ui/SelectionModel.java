package faultline.ui;

import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import faultline.model.Task;

/**
 * The one selection the task list, timeline, inspector and raw log share: a task, an event (store
 * row) and a loop parameter. Each view writes what the user picked and follows the others.
 */
public final class SelectionModel {
    private final ObjectProperty<Task> task = new SimpleObjectProperty<>(this, "task");
    private final IntegerProperty row = new SimpleIntegerProperty(this, "row", -1);
    private final StringProperty parameter = new SimpleStringProperty(this, "parameter");

    public ObjectProperty<Task> taskProperty() {
        return task;
    }

    public IntegerProperty rowProperty() {
        return row;
    }

    public StringProperty parameterProperty() {
        return parameter;
    }

    public void clear() {
        task.set(null);
        row.set(-1);
        parameter.set(null);
    }
}
