package faultline.ui;

import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

import java.util.Optional;

/** What to export: the timeline or the whole window, at which scale, with which title, as PNG or SVG. */
final class ExportDialog {
    enum What { TIMELINE, WINDOW }

    /** width: of the timeline picture at 1×, in pixels (the window picture is as wide as the window). */
    record Choice(What what, int scale, String title, boolean svg, int width) {
        Choice(What what, int scale, String title, boolean svg) {
            this(what, scale, title, svg, DEFAULT_WIDTH);
        }
    }

    static final int DEFAULT_WIDTH = (int) faultline.export.TimelineExport.DEFAULT_WIDTH;

    private ExportDialog() {
    }

    static Optional<Choice> show(Window owner, String title) {
        Dialog<ButtonType> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Export image");
        d.setHeaderText("An annotated picture for the bug report");
        ChoiceBox<String> what = new ChoiceBox<>(FXCollections.observableArrayList("Timeline (title, legend, notes, caption)", "Whole window"));
        what.getSelectionModel().select(0);
        ChoiceBox<String> scale = new ChoiceBox<>(FXCollections.observableArrayList("1×", "2×", "3×"));
        scale.getSelectionModel().select(1);
        ChoiceBox<String> format = new ChoiceBox<>(FXCollections.observableArrayList("PNG", "SVG"));
        format.getSelectionModel().select(0);
        format.disableProperty().bind(what.getSelectionModel().selectedIndexProperty().isEqualTo(1));
        what.getSelectionModel().selectedIndexProperty().addListener((o, a, b) -> {
            if (b.intValue() == 1) {
                format.getSelectionModel().select(0);
            }
        });
        javafx.scene.control.Spinner<Integer> width = new javafx.scene.control.Spinner<>(400, 8000, DEFAULT_WIDTH, 100);
        width.setEditable(true);
        width.setId("export-width");
        // A typed width counts when the field is left, not only on Enter.
        width.focusedProperty().addListener((o, was, now) -> {
            if (!now) {
                try {
                    width.increment(0);
                } catch (NumberFormatException e) {
                    width.getEditor().setText(String.valueOf(width.getValue()));
                }
            }
        });
        width.disableProperty().bind(what.getSelectionModel().selectedIndexProperty().isEqualTo(1));
        Label widthUnit = new Label("px at 1× (the picture is laid out for this width)");
        TextField t = new TextField(title);
        t.setPrefColumnCount(40);
        GridPane g = new GridPane();
        g.setHgap(8);
        g.setVgap(8);
        g.setPadding(new Insets(8));
        g.addRow(0, new Label("What"), what);
        g.addRow(1, new Label("Title"), t);
        g.addRow(2, new Label("Width"), new javafx.scene.layout.HBox(6, width, widthUnit));
        g.addRow(3, new Label("Scale"), scale);
        g.addRow(4, new Label("Format"), format);
        d.getDialogPane().setContent(g);
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        Optional<ButtonType> b = d.showAndWait();
        if (b.isEmpty() || b.get() != ButtonType.OK) {
            return Optional.empty();
        }
        return Optional.of(new Choice(what.getSelectionModel().getSelectedIndex() == 0 ? What.TIMELINE : What.WINDOW,
                scale.getSelectionModel().getSelectedIndex() + 1, t.getText(), format.getSelectionModel().getSelectedIndex() == 1,
                width.getValue()));
    }
}
