package faultline.ui.timeline;

import faultline.model.Anchor;
import faultline.ui.actions.Command;
import faultline.ui.actions.Commands;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.controlsfx.control.action.ActionUtils;

import java.util.List;

/**
 * Above the timeline: back and forward, the anchor the lanes are aligned on, fold and measure (the
 * same commands as the menu and the keys); under it, while there is one, the measurement with Note
 * and ✕.
 */
public final class TimelineToolbar extends VBox {
    private final HBox measureBar;

    public TimelineToolbar(TimelineViewModel vm, Commands commands) {
        getStylesheets().add(TimelineToolbar.class.getResource("toolbar.css").toExternalForm());
        ChoiceBox<Anchor> anchor = new ChoiceBox<>();
        anchor.getItems().setAll(Anchor.values());
        anchor.setValue(vm.anchorProperty().get());
        vm.anchorProperty().addListener((o, a, b) -> anchor.setValue(b));
        anchor.setOnAction(e -> vm.align(anchor.getValue()));
        anchor.setConverter(new StringConverter<>() {
            @Override
            public String toString(Anchor a) {
                return a == null ? "" : a.label();
            }

            @Override
            public Anchor fromString(String s) {
                // The choice shows each anchor's label, which a translation changes: match it before the English words.
                for (Anchor a : Anchor.values()) {
                    if (a.label().equals(s)) {
                        return a;
                    }
                }
                return Anchor.parse(s);
            }
        });
        anchor.setId("anchor-choice");
        anchor.setFocusTraversable(false);
        Label l = new Label(faultline.ui.Messages.get("toolbar.align"));
        l.setLabelFor(anchor);
        anchor.setAccessibleText(faultline.ui.Messages.get("toolbar.align.spoken"));
        javafx.scene.control.ToggleButton measure = commands.toggleButton(Command.MEASURE, ActionUtils.ActionTextBehavior.SHOW);
        measure.setId("measure-toggle");
        javafx.scene.control.ToggleButton fold = commands.toggleButton(Command.FOLD, ActionUtils.ActionTextBehavior.SHOW);
        fold.setId("fold-toggle");
        ToolBar bar = new ToolBar(commands.button(Command.BACK, ActionUtils.ActionTextBehavior.HIDE),
                commands.button(Command.FORWARD, ActionUtils.ActionTextBehavior.HIDE), new Separator(), l, anchor, fold, measure);
        bar.getStyleClass().add("timeline-toolbar");

        Label measured = new Label();
        measured.setId("measure-text");
        measured.getStyleClass().add("measure-text");
        measured.textProperty().bind(vm.measureTextProperty());
        measured.setMinWidth(0);
        measured.setTooltip(new Tooltip());
        measured.getTooltip().textProperty().bind(vm.measureTextProperty());
        Button noteIt = new Button(faultline.ui.Messages.get("measure.note"));
        noteIt.setId("measure-note");
        noteIt.setTooltip(new Tooltip(faultline.ui.Messages.get("measure.note.what")));
        noteIt.setOnAction(e -> vm.measureAsNote());
        Button clear = new Button("✕");
        clear.setTooltip(new Tooltip(faultline.ui.Messages.get("measure.clear.what")));
        clear.setAccessibleText(faultline.ui.Messages.get("measure.clear"));
        clear.setOnAction(e -> vm.clearMeasure());
        Label title = new Label(faultline.ui.Messages.get("measure.title"));
        title.getStyleClass().add("measure-title");
        for (Control c : List.of(title, noteIt, clear)) {
            // Only the measurement's text gives way when the bar is narrow.
            c.setMinWidth(Control.USE_PREF_SIZE);
        }
        measureBar = new HBox(8, title, measured, noteIt, clear);
        measureBar.getStyleClass().add("measure-bar");
        measureBar.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(measured, Priority.ALWAYS);
        measured.setMaxWidth(Double.MAX_VALUE);
        // The measurement gets a line of its own under the toolbar, only while there is one.
        measureBar.visibleProperty().bind(vm.measureProperty().isNotNull());
        measureBar.managedProperty().bind(measureBar.visibleProperty());
        getChildren().addAll(bar, measureBar);
    }

    /** The measurement's line, shown while there is a measurement. */
    public HBox measureBar() {
        return measureBar;
    }
}
