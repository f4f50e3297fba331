package faultline.ui;

import javafx.css.PseudoClass;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;

/**
 * The light and the dark theme: one set of looked-up colours on {@code .root}, the dark one under the
 * root's {@code :dark} pseudo-class, so that switching changes no stylesheet. Dialogs take the theme of
 * the window that opens them.
 */
public final class Theme {
    public static final PseudoClass DARK = PseudoClass.getPseudoClass("dark");
    private static final String COLOURS = Theme.class.getResource("theme.css").toExternalForm();
    private static final String DARK_COLOURS = Theme.class.getResource("dark.css").toExternalForm();

    private Theme() {
    }

    /** The colours for a scene's root (the window's, a dialog's). */
    public static void install(Parent root) {
        if (!root.getStylesheets().contains(COLOURS)) {
            root.getStylesheets().addAll(0, java.util.List.of(COLOURS, DARK_COLOURS));
        }
    }

    public static void setDark(Parent root, boolean dark) {
        root.pseudoClassStateChanged(DARK, dark);
    }

    public static boolean isDark(Window w) {
        Scene s = w == null ? null : w.getScene();
        return s != null && s.getRoot() != null && s.getRoot().getPseudoClassStates().contains(DARK);
    }

    /** A dialog in the colours of the window that owns it. */
    public static void follow(DialogPane pane, Window owner) {
        install(pane);
        setDark(pane, isDark(owner));
    }
}
