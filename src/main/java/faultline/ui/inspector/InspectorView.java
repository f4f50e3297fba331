package faultline.ui.inspector;

import faultline.ui.Messages;

import faultline.analysis.ParamMatrix;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.geometry.Orientation;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.controlsfx.control.textfield.TextFields;

import java.util.List;

/** Parameters × compared tasks, with the crash point standing out, and the provenance of the selected one. */
public final class InspectorView extends VBox {
    private final InspectorViewModel vm;
    private final TableView<ParamMatrix.Row> table = new TableView<>();

    public InspectorView(InspectorViewModel vm) {
        this.vm = vm;
        getStyleClass().add("inspector");
        getStylesheets().add(InspectorView.class.getResource("inspector.css").toExternalForm());
        Label title = new Label(Messages.get("inspector.heading"));
        title.getStyleClass().add("inspector-title");
        TextField search = TextFields.createClearableTextField();
        search.setPromptText(Messages.get("inspector.filter"));
        search.textProperty().bindBidirectional(vm.searchProperty());
        CheckBox differing = new CheckBox(Messages.get("inspector.differing"));
        differing.selectedProperty().bindBidirectional(vm.onlyDifferingProperty());
        CheckBox reached = new CheckBox(Messages.get("inspector.reached"));
        reached.selectedProperty().bindBidirectional(vm.onlyReachedProperty());
        HBox filters = new HBox(8, differing, reached);
        filters.getStyleClass().add("filters");

        table.setId("param-table");
        table.setItems(vm.visibleRows());
        // First of the window's paced controls: the parameters at the crash points are what a comparison is for.
        faultline.ui.RowsInView.pace(table, vm.visibleRows(), 0, 16, 24);
        table.setPlaceholder(new Label(Messages.get("inspector.none")));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) ->
                vm.selection().parameterProperty().set(b == null ? null : b.name()));
        vm.selection().parameterProperty().addListener((o, a, b) -> {
            for (ParamMatrix.Row r : table.getItems()) {
                if (r.name().equals(b) && table.getSelectionModel().getSelectedItem() != r) {
                    table.getSelectionModel().select(r);
                    table.scrollTo(r);
                }
            }
        });
        vm.comparisonProperty().addListener((o, a, b) -> columns());
        columns();

        javafx.scene.control.ListView<InspectorViewModel.DetailLine> detail = new javafx.scene.control.ListView<>(vm.detailLines());
        detail.getStyleClass().add("param-detail");
        detail.setId("param-detail");
        detail.setCellFactory(l -> new javafx.scene.control.ListCell<>() {
            {
                // Provenance lines are long: they wrap in the pane instead of running off its edge.
                setWrapText(true);
                setPrefWidth(0);
            }

            @Override
            protected void updateItem(InspectorViewModel.DetailLine item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("title", "type", "mismatch", "origin", "step", "crash", "note", "link");
                if (empty || item == null) {
                    setText(null);
                    faultline.ui.HoverTip.set(this, null);
                    return;
                }
                setText(item.text());
                getStyleClass().add(item.kind());
                if (item.row() >= 0) {
                    getStyleClass().add("link");
                    faultline.ui.HoverTip.set(this, Messages.get("inspector.show-line"));
                } else {
                    faultline.ui.HoverTip.set(this, null);
                }
            }
        });
        detail.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.open(b));
        // The table's height is held while its first rows are made (RowsInView): a split pane would keep its divider
        // where the held height put it, so the split holds a pane around the table instead.
        javafx.scene.layout.StackPane tablePane = new javafx.scene.layout.StackPane(table);
        tablePane.setAlignment(javafx.geometry.Pos.TOP_CENTER);
        SplitPane split = new SplitPane(tablePane, detail);
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.62);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(title, search, filters, split);
    }

    /**
     * The index and name columns, then one per compared task. The columns of lanes that stay are kept and
     * retitled: a new column makes new cells for every row in view, and each comparison changed would
     * remake and restyle the whole table.
     */
    private void columns() {
        if (table.getColumns().isEmpty()) {
            table.getColumns().add(indexColumn());
            table.getColumns().add(nameColumn());
        }
        List<String> titles = vm.taskTitles();
        int lanes = table.getColumns().size() - 2;
        if (lanes > titles.size()) {
            table.getColumns().remove(2 + titles.size(), table.getColumns().size());
        }
        for (int i = 0; i < titles.size(); i++) {
            if (i < lanes) {
                table.getColumns().get(2 + i).setText(titles.get(i));
            } else {
                table.getColumns().add(laneColumn(i, titles.get(i)));
            }
        }
    }

    private static TableColumn<ParamMatrix.Row, ?> indexColumn() {
        TableColumn<ParamMatrix.Row, String> idx = new TableColumn<>("#");
        idx.setCellValueFactory(c -> new SimpleStringProperty(Integer.toString(c.getValue().index())));
        idx.setPrefWidth(34);
        return idx;
    }

    private static TableColumn<ParamMatrix.Row, ?> nameColumn() {
        TableColumn<ParamMatrix.Row, String> name = new TableColumn<>(Messages.get("inspector.column.parameter"));
        name.setCellValueFactory(c -> new SimpleStringProperty(c.getValue().name()));
        name.setPrefWidth(150);
        name.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                getStyleClass().removeAll("crash-point", "differs", "type-mismatch");
                ParamMatrix.Row r = empty || getTableRow() == null ? null : getTableRow().getItem();
                if (r != null) {
                    if (r.anyCrashPoint()) {
                        getStyleClass().add("crash-point");
                    }
                    if (r.differs()) {
                        getStyleClass().add("differs");
                    }
                }
            }
        });
        return name;
    }

    private static TableColumn<ParamMatrix.Row, ?> laneColumn(int lane, String title) {
        TableColumn<ParamMatrix.Row, ParamMatrix.Row> col = new TableColumn<>(title);
        col.setCellValueFactory(c -> new SimpleObjectProperty<>(c.getValue()));
        col.setPrefWidth(140);
        col.setCellFactory(c -> new ParamCell(lane));
        return col;
    }

    /** A matrix cell: status glyph, value, logged type; styled by the view-model's classes. */
    public static final class ParamCell extends TableCell<ParamMatrix.Row, ParamMatrix.Row> {
        private static final List<String> ALL = List.of("crash-point", "completed", "skipped", "not-reached",
                "incomplete", "type-mismatch", "differs", "absent");
        public final int lane;

        ParamCell(int lane) {
            this.lane = lane;
            getStyleClass().add("param-cell");
        }

        @Override
        protected void updateItem(ParamMatrix.Row item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll(ALL);
            if (empty || item == null || lane >= item.cells().size()) {
                setText(null);
                faultline.ui.HoverTip.set(this, null);
                return;
            }
            InspectorViewModel.Cell c = InspectorViewModel.cell(item, lane);
            setText(c.text());
            getStyleClass().addAll(c.styleClasses());
            faultline.ui.HoverTip.set(this, c.tooltip());
        }
    }

    TableView<ParamMatrix.Row> table() {
        return table;
    }
}
