package faultline.ui.tasks;

import faultline.ui.Messages;

import faultline.model.DurationText;
import faultline.model.Task;
import faultline.model.TimeText;
import javafx.beans.property.SimpleStringProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

import java.util.List;
import java.util.function.Function;

/**
 * Every task found: compare checkbox, short and full id, type, status, worker, start, duration,
 * signature. Failed first; optionally grouped by failure signature.
 */
public final class TaskListView extends VBox {
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    private static final PseudoClass GROUP = PseudoClass.getPseudoClass("group");

    private final TaskListViewModel vm;
    private final TreeTableView<TaskRow> table = new TreeTableView<>();
    private final TextField search = TextFields.createClearableTextField();
    private boolean syncing;

    public TaskListView(TaskListViewModel vm) {
        this.vm = vm;
        getStyleClass().add("task-list");
        getStylesheets().add(TaskListView.class.getResource("tasklist.css").toExternalForm());
        search.setPromptText(Messages.get("tasks.search"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        search.setId("task-search");
        CheckBox group = new CheckBox(Messages.get("tasks.group"));
        group.setId("group-by-signature");
        group.selectedProperty().bindBidirectional(vm.groupedProperty());
        HBox bar = new HBox(8, group);

        table.setId("task-table");
        table.setShowRoot(false);
        table.setEditable(true);
        table.setTableMenuButtonVisible(true);
        // Space ticks the ⇄ box of the selected rows, so that tasks are compared without the mouse.
        table.addEventFilter(javafx.scene.input.KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == javafx.scene.input.KeyCode.SPACE && !e.isShortcutDown() && !e.isAltDown() && !e.isShiftDown()) {
                toggleCompared();
                e.consume();
            }
        });
        table.setPlaceholder(new Label(Messages.get("tasks.none")));
        TreeTableColumn<TaskRow, Boolean> compare = new TreeTableColumn<>("⇄");
        compare.setCellValueFactory(c -> c.getValue().getValue().comparedProperty());
        compare.setCellFactory(col -> new CompareCell(vm));
        compare.setEditable(true);
        compare.setPrefWidth(34);
        compare.setMinWidth(30);
        compare.setSortable(false);
        table.getColumns().add(compare);
        TreeTableColumn<TaskRow, String> id = new TreeTableColumn<>(Messages.get("tasks.column.id"));
        id.setCellValueFactory(cd -> new SimpleStringProperty(cd.getValue().getValue().isGroup() ? "" : cd.getValue().getValue().task().shortId()));
        id.setPrefWidth(104);
        id.setUserData(TaskListOrder.Column.ID);
        id.setCellFactory(col -> new IdCell());
        table.getColumns().add(id);
        // The tree's disclosure and indent go in the id column, so the check boxes are never pushed aside.
        table.setTreeColumn(id);
        table.getColumns().add(text(Messages.get("tasks.column.status"), r -> r.isGroup() ? "" : r.task().status().label(), 78, TaskListOrder.Column.STATUS));
        TreeTableColumn<TaskRow, String> sig = new TreeTableColumn<>(Messages.get("tasks.column.signature"));
        sig.setCellValueFactory(c -> c.getValue().getValue().signatureProperty());
        sig.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                TaskRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                // A group's signature is its label: in bold, whole in the tip.
                pseudoClassStateChanged(GROUP, r != null && r.isGroup());
                faultline.ui.HoverTip.set(this, r != null && r.isGroup() ? r.groupLabel() : null);
            }
        });
        sig.setPrefWidth(260);
        sig.setUserData(TaskListOrder.Column.SIGNATURE);
        table.getColumns().add(sig);
        table.getColumns().add(text(Messages.get("tasks.column.type"), r -> r.isGroup() ? "" : r.task().type(), 120, TaskListOrder.Column.TYPE));
        table.getColumns().add(text(Messages.get("tasks.column.worker"), r -> r.isGroup() ? "" : r.task().workerId(), 150, TaskListOrder.Column.WORKER));
        table.getColumns().add(text(Messages.get("tasks.column.start"), r -> r.isGroup() || r.start() == Long.MIN_VALUE ? "" : TimeText.clock(r.start(), 3), 92,
                TaskListOrder.Column.START));
        table.getColumns().add(text(Messages.get("tasks.column.duration"), r -> r.isGroup() || r.start() == Long.MIN_VALUE ? "" : DurationText.of(r.duration()), 80,
                TaskListOrder.Column.DURATION));
        table.getColumns().add(text(Messages.get("tasks.column.full-id"), r -> r.isGroup() ? "" : r.task().id(), 250, TaskListOrder.Column.FULL_ID));
        table.setRowFactory(t -> new TreeTableRow<>() {
            @Override
            protected void updateItem(TaskRow item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(FAILED, !empty && item != null && !item.isGroup() && item.task().failed());
                pseudoClassStateChanged(GROUP, !empty && item != null && item.isGroup());
                faultline.ui.HoverTip.set(this, empty || item == null || item.isGroup() ? null : item.task().id()
                        + (item.task().errorMessage().isEmpty() ? "" : "\n" + item.task().errorMessage()));
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!syncing && b != null && !b.getValue().isGroup()) {
                vm.selection().taskProperty().set(b.getValue().task());
            }
        });
        vm.selection().taskProperty().addListener((o, a, b) -> select(b));
        // The list is made off the FX thread, whole, and swapped in under its one root: here it is only shown.
        table.setRoot(vm.root());
        // Second of the window's paced controls, after the parameters at the crash points the comparison is for.
        faultline.ui.RowsInView.pace(table, vm.root().getChildren(), 1, 16, 24);
        // The selected task is selected again once the new rows are in (select, below).
        vm.setBeforeSwap(() -> {
            syncing = true;
            table.getSelectionModel().clearSelection();
            table.getFocusModel().focus(-1);
            syncing = false;
        });
        vm.shownProperty().addListener((o, a, b) -> select(vm.selection().taskProperty().get()));
        // A click on a header orders the list in the view-model, off the FX thread, instead of sorting the rows here.
        table.setSortPolicy(t -> {
            vm.orderProperty().set(orderOf(t.getSortOrder()));
            return true;
        });
        // Grouped, the signature is what the rows are read by: it comes right after the id.
        vm.groupedProperty().addListener((o, a, b) -> {
            table.getColumns().remove(sig);
            table.getColumns().add(b ? 2 : 3, sig);
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(search, bar, table);
    }

    private static TaskListOrder orderOf(List<TreeTableColumn<TaskRow, ?>> sortOrder) {
        List<TaskListOrder.Key> keys = new java.util.ArrayList<>();
        for (TreeTableColumn<TaskRow, ?> c : sortOrder) {
            if (c.getUserData() instanceof TaskListOrder.Column col) {
                keys.add(new TaskListOrder.Key(col, c.getSortType() == TreeTableColumn.SortType.ASCENDING));
            }
        }
        return new TaskListOrder(keys);
    }

    private void select(Task t) {
        if (t == null) {
            return;
        }
        TreeItem<TaskRow> current = table.getSelectionModel().getSelectedItem();
        if (current != null && current.getValue().task() == t) {
            return;
        }
        TreeItem<TaskRow> item = vm.itemOf(t);
        if (item == null) {
            return;
        }
        int i = table.getRow(item);
        if (i >= 0) {
            syncing = true;
            table.getSelectionModel().select(i);
            table.scrollTo(Math.max(0, i - 2));
            syncing = false;
        }
    }

    private static TreeTableColumn<TaskRow, String> text(String title, Function<TaskRow, String> f, double width, TaskListOrder.Column key) {
        TreeTableColumn<TaskRow, String> c = new TreeTableColumn<>(title);
        c.setUserData(key);
        c.setCellValueFactory(cd -> new SimpleStringProperty(f.apply(cd.getValue().getValue())));
        c.setPrefWidth(width);
        c.setCellFactory(col -> new TreeTableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        });
        return c;
    }

    private void toggleCompared() {
        for (TreeItem<TaskRow> item : List.copyOf(table.getSelectionModel().getSelectedItems())) {
            TaskRow r = item == null ? null : item.getValue();
            if (r == null) {
                continue;
            }
            if (r.isGroup()) {
                vm.setGroupCompared(r, !r.comparedProperty().get() || r.partialProperty().get());
            } else {
                r.comparedProperty().set(!r.comparedProperty().get());
            }
        }
    }

    public TreeTableView<TaskRow> table() {
        return table;
    }

    public TaskListViewModel viewModel() {
        return vm;
    }

    /** The compare check: a task's own, or a group's, which stands for all its tasks (dashed when only some are compared). */
    private static final class CompareCell extends TreeTableCell<TaskRow, Boolean> {
        private final CheckBox box = new CheckBox();
        private TaskRow bound;
        private final javafx.beans.value.ChangeListener<Boolean> follow = (o, a, b) -> showGroup();

        CompareCell(TaskListViewModel vm) {
            box.getStyleClass().add("compare-check");
            box.setOnAction(e -> {
                TaskRow r = bound;
                if (r != null && r.isGroup()) {
                    // The box has flipped itself (a partly compared group becomes all compared); the tasks follow it.
                    vm.setGroupCompared(r, box.isSelected());
                    showGroup();
                }
            });
            setAlignment(javafx.geometry.Pos.CENTER);
        }

        private void showGroup() {
            if (bound != null && bound.isGroup()) {
                box.setSelected(bound.comparedProperty().get());
                box.setIndeterminate(bound.partialProperty().get());
            }
        }

        @Override
        protected void updateItem(Boolean item, boolean empty) {
            super.updateItem(item, empty);
            if (bound != null) {
                if (!bound.isGroup()) {
                    box.selectedProperty().unbindBidirectional(bound.comparedProperty());
                } else {
                    bound.comparedProperty().removeListener(follow);
                    bound.partialProperty().removeListener(follow);
                }
                bound = null;
            }
            box.setIndeterminate(false);
            TaskRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (r == null) {
                setGraphic(null);
                return;
            }
            bound = r;
            if (r.isGroup()) {
                r.comparedProperty().addListener(follow);
                r.partialProperty().addListener(follow);
                showGroup();
                faultline.ui.HoverTip.set(box, Messages.format("tasks.compare.group", r.count()));
                box.setAccessibleText(Messages.format("tasks.compare.group.spoken", r.count(), r.group()));
            } else {
                box.selectedProperty().bindBidirectional(r.comparedProperty());
                faultline.ui.HoverTip.set(box, null);
                box.setAccessibleText(Messages.format("tasks.compare.task", r.task().shortId()));
            }
            setGraphic(box);
        }
    }

    /** The id, or for a group how many tasks it holds (its signature is the next column's). */
    private static final class IdCell extends TreeTableCell<TaskRow, String> {

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            TaskRow r = empty || getTableRow() == null ? null : getTableRow().getItem();
            if (r != null && r.isGroup()) {
                setText(Messages.format("tasks.count", r.count()));
                faultline.ui.HoverTip.set(this, r.groupLabel());
            } else {
                setText(empty ? null : item);
                faultline.ui.HoverTip.set(this, null);
            }
        }
    }
}
