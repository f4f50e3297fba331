package faultline.ui;

import faultline.model.EventStore;
import faultline.model.Level;
import faultline.model.TimeText;
import javafx.css.PseudoClass;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The raw log lines of the compared tasks: virtualized (only visible lines are decoded), coloured
 * by level, following the timeline's cursor; a click moves the timeline to the line.
 */
public final class LogView extends VBox {
    private final LogViewModel vm;
    private final ListView<Integer> list = new ListView<>();
    private boolean syncing;

    public LogView(LogViewModel vm) {
        this.vm = vm;
        getStyleClass().add("log-view");
        getStylesheets().add(LogView.class.getResource("log.css").toExternalForm());
        list.setId("log-list");
        list.setItems(vm.rows());
        list.setFixedCellSize(20);
        list.setCellFactory(l -> new LineCell());
        list.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (!syncing && b.intValue() >= 0) {
                vm.select(b.intValue());
            }
        });
        vm.selectedIndexProperty().addListener((o, a, b) -> {
            syncing = true;
            try {
                if (b.intValue() >= 0) {
                    list.getSelectionModel().clearAndSelect(b.intValue());
                    scrollIntoView(b.intValue());
                } else {
                    list.getSelectionModel().clearSelection();
                }
            } finally {
                syncing = false;
            }
        });
        vm.focusIndexProperty().addListener((o, a, b) -> scrollIntoView(b.intValue()));
        Label title = new Label("Log");
        title.getStyleClass().add("log-title");
        CheckBox only = new CheckBox("Only the selected task");
        only.selectedProperty().bindBidirectional(vm.onlySelectedTaskProperty());
        CheckBox follow = new CheckBox("Follow the timeline cursor");
        follow.selectedProperty().bindBidirectional(vm.followCursorProperty());
        HBox bar = new HBox(12, title, only, follow);
        bar.getStyleClass().add("log-bar");
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(bar, list);
    }

    private void scrollIntoView(int index) {
        if (index < 0 || index >= vm.size()) {
            return;
        }
        javafx.scene.control.skin.VirtualFlow<?> flow = (javafx.scene.control.skin.VirtualFlow<?>) list.lookup(".virtual-flow");
        if (flow != null && flow.getFirstVisibleCell() != null && flow.getLastVisibleCell() != null) {
            int first = flow.getFirstVisibleCell().getIndex();
            int last = flow.getLastVisibleCell().getIndex();
            if (index > first && index < last) {
                return;
            }
        }
        list.scrollTo(Math.max(0, index - 3));
    }

    ListView<Integer> list() {
        return list;
    }

    /** One line: time with its precision, level, task, source:line, message. */
    private final class LineCell extends ListCell<Integer> {
        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            for (Level l : Level.values()) {
                pseudoClassStateChanged(LEVELS[l.ordinal()], false);
            }
            if (empty || row == null) {
                setText(null);
                return;
            }
            EventStore s = vm.store();
            int r = row;
            Level level = s.level(r);
            pseudoClassStateChanged(LEVELS[level.ordinal()], true);
            int src = s.source(r);
            boolean untimed = src < vm.set().sources().size() && vm.set().sources().get(src).untimed();
            // A log without a clock has no time to show: its lines are in line order.
            String time = untimed ? "(no clock)" : TimeText.clock(s.nanos(r), s.precision(r)) + (s.estimated(r) ? "~" : "");
            int task = s.task(r);
            String id = task >= 0 ? vm.set().task(task).shortId() : "";
            String where = src < vm.set().sources().size() ? vm.set().sources().get(src).name() + ":" + s.line(r) : "";
            String msg = s.message(r);
            int nl = msg.indexOf('\n');
            setText(String.format("%-16s %-8s %-8s %s   [%s]", time, level, id, nl < 0 ? msg : msg.substring(0, nl) + " ⏎", where));
        }
    }

    private static final PseudoClass[] LEVELS = new PseudoClass[Level.values().length];

    static {
        for (Level l : Level.values()) {
            LEVELS[l.ordinal()] = PseudoClass.getPseudoClass(l.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
