package faultline.ui.about;

import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;

/** Help ▸ About Faultline: the version, license, Java and JavaFX, and the folders Faultline writes to. */
public final class AboutDialog {
    static final ButtonType COPY = new ButtonType(faultline.ui.Messages.get("about.copy"), ButtonBar.ButtonData.LEFT);

    private AboutDialog() {
    }

    /** Help ▸ About Faultline, for the main window's Help menu. */
    public static MenuItem aboutItem(Stage owner) {
        MenuItem about = new MenuItem(faultline.ui.Messages.get("menu.about"));
        about.setId("about-item");
        about.setOnAction(e -> create(owner).show());
        return about;
    }

    /** The dialog about this installation, not shown yet; Close, Enter or Esc closes it, Copy Details keeps it open. */
    public static Dialog<Void> create(Stage owner) {
        return create(owner, AboutFacts.current());
    }

    static Dialog<Void> create(Stage owner, AboutFacts facts) {
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(faultline.ui.Messages.get("about.title"));
        d.setHeaderText(faultline.ui.Messages.format("about.header", facts.version()));
        GridPane grid = new GridPane();
        grid.setId("about-facts");
        grid.setHgap(12);
        grid.setVgap(6);
        int row = 0;
        for (AboutFacts.Fact f : facts.facts()) {
            // Read-only fields, so that a folder can be selected and copied.
            TextField value = new TextField(f.value());
            value.setEditable(false);
            value.setPrefColumnCount(56);
            value.setAccessibleText(f.label() + ": " + f.value());
            GridPane.setHgrow(value, Priority.ALWAYS);
            Label label = new Label(f.label());
            label.setLabelFor(value);
            grid.addRow(row++, label, value);
        }
        d.getDialogPane().setContent(grid);
        d.getDialogPane().getButtonTypes().addAll(COPY, ButtonType.CLOSE);
        faultline.ui.DialogKeys.enterCloses(d.getDialogPane());
        Node copy = d.getDialogPane().lookupButton(COPY);
        ((Button) copy).setTooltip(new javafx.scene.control.Tooltip(faultline.ui.Messages.get("about.copy.what")));
        // Copying keeps the dialog open.
        copy.addEventFilter(ActionEvent.ACTION, e -> {
            ClipboardContent c = new ClipboardContent();
            c.putString(facts.text());
            Clipboard.getSystemClipboard().setContent(c);
            e.consume();
        });
        if (owner != null && owner.getScene() != null) {
            // The window's theme, light or dark.
            d.getDialogPane().getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        return d;
    }
}
