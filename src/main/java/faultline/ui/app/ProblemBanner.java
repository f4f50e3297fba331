package faultline.ui.app;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * The window's problem banner ("12 lines not understood", a file that could not be read): a bar
 * above the content that pushes it down while it shows, so that it never covers the search box,
 * the toolbar or the axis. Closing it hides it until the next problem.
 */
public final class ProblemBanner extends HBox {
    private final Label text = new Label();
    /** What the user may do about it (open a recovered workspace, read files outside a workspace's folder), shown when there is one. */
    private final Button action = new Button();
    private final ReadOnlyBooleanWrapper showing = new ReadOnlyBooleanWrapper(this, "showing", false);

    ProblemBanner() {
        getStyleClass().add("problem-banner");
        getStylesheets().add(ProblemBanner.class.getResource("banner.css").toExternalForm());
        setId("notifications");
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        Label icon = new Label("⚠");
        icon.getStyleClass().add("problem-icon");
        text.getStyleClass().add("problem-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button("✕");
        close.getStyleClass().add("problem-close");
        close.setId("problem-close");
        close.setAccessibleText(faultline.ui.Messages.get("banner.close"));
        close.setOnAction(e -> hide());
        action.setId("problem-action");
        action.managedProperty().bind(action.visibleProperty());
        action.setVisible(false);
        getChildren().addAll(icon, text, action, close);
        // Hidden, the banner takes no room at all.
        managedProperty().bind(visibleProperty());
        setVisible(false);
    }

    void show(String message) {
        text.setText(message);
        setVisible(true);
        showing.set(true);
    }

    /** A button for the message shown (null label: none). */
    void offer(String label, Runnable run) {
        action.setVisible(label != null);
        action.setText(label == null ? "" : label);
        action.setOnAction(run == null ? null : e -> run.run());
    }

    void hide() {
        setVisible(false);
        showing.set(false);
    }

    public boolean isShowing() {
        return showing.get();
    }

    ReadOnlyBooleanProperty showingProperty() {
        return showing.getReadOnlyProperty();
    }

    public String getText() {
        return text.getText();
    }
}
