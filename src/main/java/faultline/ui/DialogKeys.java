package faultline.ui;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;

/** Keys every dialog answers to the same way. */
public final class DialogKeys {
    private DialogKeys() {
    }

    /**
     * A dialog that only tells something closes with Enter as well as with Esc: its Close button is
     * the default one too.
     */
    public static void enterCloses(DialogPane pane) {
        if (pane.lookupButton(ButtonType.CLOSE) instanceof Button close) {
            close.setDefaultButton(true);
        }
    }
}
