package faultline.ui;

import faultline.model.DurationText;
import faultline.model.Task;
import faultline.model.TimeText;
import javafx.beans.property.SimpleStringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

import java.util.function.Function;

/** Every task found: compare checkbox, id, type, status, worker, start, duration, signature. Failed first. */
public final class TaskListView extends VBox {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final TableView<TaskRow> table = new TableView<>();
    private final TextField search = TextFields.createClearableTextField();

    public TaskListView(TaskListViewModel vm) {
        getStyleClass().add("task-list");
        getStylesheets().add(TaskListView.class.getResource("tasklist.css").toExternalForm());
        search.setPromptText("Search tasks (id, type, status, worker, signature)");
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setId("task-search");

        table.setId("task-table");
        table.setItems(vm.visibleRows());
        table.setEditable(true);
        table.setTableMenuButtonVisible(true);
        table.setPlaceholder(new Label("No tasks. Open log files with File ▸ Open or drop them here."));
        TableColumn<TaskRow, Boolean> compare = new TableColumn<>("⇄");
        compare.setCellValueFactory(c -> c.getValue().comparedProperty());
        compare.setCellFactory(CheckBoxTableCell.forTableColumn(compare));
        compare.setEditable(true);
        compare.setPrefWidth(34);
        compare.setSortable(false);
        table.getColumns().add(compare);
        table.getColumns().add(text("Id", r -> r.task().shortId(), 86));
        TableColumn<TaskRow, String> full = text("Full id", r -> r.task().id(), 250);
        full.setVisible(false);
        table.getColumns().add(full);
        table.getColumns().add(text("Type", r -> r.task().type(), 120));
        table.getColumns().add(text("Status", r -> r.task().status().label(), 78));
        table.getColumns().add(text("Worker", r -> r.task().workerId(), 150));
        table.getColumns().add(text("Start", r -> r.start() == Long.MIN_VALUE ? "" : TimeText.clock(r.start(), 3), 92));
        table.getColumns().add(text("Duration", r -> r.start() == Long.MIN_VALUE ? "" : DurationText.of(r.duration()), 80));
        TableColumn<TaskRow, String> sig = new TableColumn<>("Signature");
        sig.setCellValueFactory(c -> c.getValue().signatureProperty());
        sig.setPrefWidth(260);
        table.getColumns().add(sig);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(TaskRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(FAILED, !empty && item != null && item.task().failed());
                setTooltip(empty || item == null ? null : new Tooltip(item.task().id() + "\n" + item.task().errorMessage()));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.selection().taskProperty().set(b.task());
            }
        });
        vm.selection().taskProperty().addListener((o, a, b) -> select(b));
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(search, table);
    }

    private void select(Task t) {
        if (t == null) {
            return;
        }
        TaskRow current = table.getSelectionModel().getSelectedItem();
        if (current != null && current.task() == t) {
            return;
        }
        for (TaskRow r : table.getItems()) {
            if (r.task() == t) {
                table.getSelectionModel().select(r);
                table.scrollTo(r);
                return;
            }
        }
    }

    private static TableColumn<TaskRow, String> text(String title, Function<TaskRow, String> f, double width) {
        TableColumn<TaskRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        return c;
    }

    TableView<TaskRow> table() {
        return table;
    }
}
