package faultline.ui.log;

import faultline.model.EventStore;
import faultline.model.Level;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.controlsfx.control.CheckComboBox;
import org.controlsfx.control.textfield.TextFields;

import java.util.List;

/**
 * The raw log lines of the compared tasks: virtualized (only visible lines are decoded), coloured
 * by level, filtered by level, searchable (text or regular expression, next and previous), with a
 * jump to the next error; a traceback opens in place (double-click, Enter, → and ←); selected lines
 * copy with Ctrl+C. Follows the timeline's cursor; a click moves the timeline to the line.
 */
public final class LogView extends VBox {
    private static final PseudoClass MATCH = PseudoClass.getPseudoClass("match");
    private static final PseudoClass MORE = PseudoClass.getPseudoClass("continuation");
    private final LogViewModel vm;
    private final ListView<Integer> list = new ListView<>();
    private final TextField search = TextFields.createClearableTextField();
    private boolean syncing;
    private boolean toggleKeyDown;

    public LogView(LogViewModel vm) {
        this.vm = vm;
        getStyleClass().add("log-view");
        getStylesheets().add(LogView.class.getResource("log.css").toExternalForm());
        list.setId("log-list");
        list.setItems(vm.rows());
        list.setFixedCellSize(20);
        faultline.ui.RowsInView.pace(list, vm.rows(), 2, 24, 20);
        list.setCellFactory(l -> new LineCell());
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
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
        vm.rows().addListener((ListChangeListener<Integer>) c -> list.refresh());
        list.setOnKeyReleased(e -> toggleKeyDown = false);
        list.setOnKeyPressed(e -> {
            int i = list.getSelectionModel().getSelectedIndex();
            if (COPY.match(e)) {
                copySelected();
            } else if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.RIGHT && !vm.isExpanded(i)
                    || e.getCode() == KeyCode.LEFT && vm.isExpanded(i)) {
                // A held (or repeated) key opens or closes once, not back and forth.
                if (!toggleKeyDown) {
                    vm.toggle(i);
                }
                toggleKeyDown = true;
            } else if (e.getCode() == KeyCode.F3) {
                vm.findNext(e.isShiftDown() ? -1 : 1);
            } else {
                return;
            }
            e.consume();
        });
        list.setContextMenu(menu());
        getChildren().addAll(bar(), list);
        VBox.setVgrow(list, Priority.ALWAYS);
    }

    private static final KeyCombination COPY = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);

    private HBox bar() {
        Label title = new Label(faultline.ui.Messages.get("log.title"));
        title.getStyleClass().add("log-title");
        search.setPromptText(faultline.ui.Messages.get("log.search"));
        search.setId("log-search");
        search.textProperty().bindBidirectional(vm.queryProperty());
        search.setPrefColumnCount(22);
        search.setOnAction(e -> vm.findNext(1));
        search.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && e.isShiftDown()) {
                vm.findNext(-1);
                e.consume();
            } else if (e.getCode() == KeyCode.F3) {
                vm.findNext(e.isShiftDown() ? -1 : 1);
                e.consume();
            }
        });
        ToggleButton regex = new ToggleButton(".*");
        regex.setId("log-regex");
        regex.setTooltip(new Tooltip(faultline.ui.Messages.get("log.regex.what")));
        regex.setAccessibleText(faultline.ui.Messages.get("log.regex"));
        regex.selectedProperty().bindBidirectional(vm.regexProperty());
        Button previous = new Button("▲");
        previous.setTooltip(new Tooltip(faultline.ui.Messages.get("log.previous.what")));
        previous.setAccessibleText(faultline.ui.Messages.get("log.previous"));
        previous.setOnAction(e -> vm.findNext(-1));
        Button next = new Button("▼");
        next.setTooltip(new Tooltip(faultline.ui.Messages.get("log.next.what")));
        next.setAccessibleText(faultline.ui.Messages.get("log.next"));
        next.setOnAction(e -> vm.findNext(1));
        Label status = new Label();
        status.setId("log-match-status");
        status.getStyleClass().add("log-status");
        status.textProperty().bind(vm.matchStatusProperty());
        CheckComboBox<Level> levels = new CheckComboBox<>();
        levels.setId("log-levels");
        levels.getItems().setAll(Level.values());
        for (Level l : Level.values()) {
            levels.getCheckModel().check(l);
        }
        levels.setTitle(faultline.ui.Messages.get("log.levels"));
        levels.setAccessibleText(faultline.ui.Messages.get("log.levels.spoken"));
        // The skin's own combo box is what takes the focus; it speaks for the control.
        levels.skinProperty().addListener((o, a, b) -> levels.getChildrenUnmodifiable().stream()
                .filter(n -> n instanceof javafx.scene.control.ComboBoxBase<?>)
                .forEach(n -> n.accessibleTextProperty().bind(levels.accessibleTextProperty())));
        levels.getCheckModel().getCheckedItems().addListener((ListChangeListener<Level>) c -> {
            java.util.Set<Level> on = java.util.EnumSet.noneOf(Level.class);
            on.addAll(levels.getCheckModel().getCheckedItems());
            vm.levels().retainAll(on);
            vm.levels().addAll(on);
        });
        Button nextError = new Button(faultline.ui.Messages.get("log.next-error"));
        nextError.setId("log-next-error");
        nextError.setTooltip(new Tooltip(faultline.ui.Messages.get("log.next-error.what")));
        nextError.setOnAction(e -> vm.nextError());
        CheckBox only = new CheckBox(faultline.ui.Messages.get("log.only-selected"));
        only.selectedProperty().bindBidirectional(vm.onlySelectedTaskProperty());
        CheckBox follow = new CheckBox(faultline.ui.Messages.get("log.follow"));
        follow.selectedProperty().bindBidirectional(vm.followCursorProperty());
        Region space = new Region();
        HBox.setHgrow(space, Priority.ALWAYS);
        HBox bar = new HBox(8, title, search, regex, previous, next, status, levels, nextError, space, only, follow);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        bar.getStyleClass().add("log-bar");
        return bar;
    }

    private ContextMenu menu() {
        MenuItem copy = new MenuItem(faultline.ui.Messages.get("log.copy"));
        copy.setAccelerator(COPY);
        copy.setOnAction(e -> copySelected());
        MenuItem toggle = new MenuItem(faultline.ui.Messages.get("log.traceback"));
        toggle.setOnAction(e -> vm.toggle(list.getSelectionModel().getSelectedIndex()));
        MenuItem openAll = new MenuItem(faultline.ui.Messages.get("log.tracebacks.open"));
        openAll.setOnAction(e -> vm.expandAll(true));
        MenuItem closeAll = new MenuItem(faultline.ui.Messages.get("log.tracebacks.close"));
        closeAll.setOnAction(e -> vm.expandAll(false));
        return new ContextMenu(copy, new SeparatorMenuItem(), toggle, openAll, closeAll);
    }

    /** The selected lines as text on the clipboard. */
    void copySelected() {
        String text = vm.copyText(List.copyOf(list.getSelectionModel().getSelectedIndices()));
        if (!text.isEmpty()) {
            ClipboardContent c = new ClipboardContent();
            c.putString(text);
            Clipboard.getSystemClipboard().setContent(c);
        }
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

    public ListView<Integer> list() {
        return list;
    }

    public LogViewModel viewModel() {
        return vm;
    }

    /** One line: time with its precision, level, task, message, source:line; a traceback's marker, or one of its further lines. */
    private final class LineCell extends ListCell<Integer> {
        LineCell() {
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !isEmpty()) {
                    vm.toggle(getIndex());
                }
            });
        }

        @Override
        protected void updateItem(Integer row, boolean empty) {
            super.updateItem(row, empty);
            for (Level l : Level.values()) {
                pseudoClassStateChanged(LEVELS[l.ordinal()], false);
            }
            pseudoClassStateChanged(MATCH, false);
            pseudoClassStateChanged(MORE, false);
            int i = getIndex();
            if (empty || row == null || i < 0 || i >= vm.size()) {
                setText(null);
                return;
            }
            EventStore s = vm.store();
            pseudoClassStateChanged(LEVELS[s.level(row).ordinal()], true);
            pseudoClassStateChanged(MATCH, vm.matches(i));
            boolean further = vm.part(i) > 0;
            pseudoClassStateChanged(MORE, further);
            if (further) {
                // Under the message column, with the traceback's own indentation.
                setText(CONTINUATION + vm.text(i).substring(4));
            } else {
                setText((vm.hasMore(i) ? (vm.isExpanded(i) ? "▾ " : "▸ ") : "  ") + vm.text(i));
            }
        }
    }

    private static final PseudoClass[] LEVELS = new PseudoClass[Level.values().length];
    private static final String CONTINUATION = " ".repeat(37) + "│ ";

    static {
        for (Level l : Level.values()) {
            LEVELS[l.ordinal()] = PseudoClass.getPseudoClass(l.name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
