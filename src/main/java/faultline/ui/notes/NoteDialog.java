package faultline.ui.notes;

import faultline.ui.Messages;
import faultline.ui.Theme;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * A note's text, asked for when a note is added or edited (on the timeline or in the Notes tab): the
 * field has the focus and its label, OK (Enter) keeps a text that is not blank, Cancel (Esc) nothing.
 */
public final class NoteDialog {
    private NoteDialog() {
    }

    public static Dialog<String> create(Window owner, String title, String initial) {
        Dialog<String> d = new Dialog<>();
        d.initOwner(owner);
        Theme.follow(d.getDialogPane(), owner);
        d.setTitle(title);
        d.setHeaderText(title);
        TextField text = new TextField(initial == null ? "" : initial);
        text.setId("note-text");
        text.setPrefColumnCount(40);
        Label label = new Label(Messages.get("note.text"));
        label.setMnemonicParsing(true);
        label.setLabelFor(text);
        d.getDialogPane().setContent(new VBox(6, label, text));
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        d.getDialogPane().lookupButton(ButtonType.OK).disableProperty().bind(text.textProperty().isEmpty());
        d.setResultConverter(b -> b == ButtonType.OK && !text.getText().isBlank() ? text.getText() : null);
        Platform.runLater(text::requestFocus);
        return d;
    }
}
