package faultline.ui.app;

import faultline.ui.Theme;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/**
 * An error nobody expected: its stack trace goes to the app log, the user gets a plain message that
 * says so, with a button to the log's folder. One dialog at a time; more errors meanwhile are only
 * logged.
 */
final class UnexpectedProblem {
    private static final System.Logger LOG = System.getLogger("faultline.ui.unexpected");
    static final ButtonType OPEN_LOG = new ButtonType(faultline.ui.actions.Command.OPEN_LOG_FOLDER.text, ButtonBar.ButtonData.LEFT);

    private final Window owner;
    private final Runnable openLogFolder;
    private boolean showing;

    UnexpectedProblem(Window owner, Runnable openLogFolder) {
        this.owner = owner;
        this.openLogFolder = openLogFolder;
    }

    /** From any thread. */
    void tell(Thread where, Throwable e) {
        LOG.log(System.Logger.Level.ERROR, "unexpected error on " + where.getName(), e);
        Platform.runLater(() -> show(e));
    }

    /** What the user reads: what happened in one line, and where the details are. */
    static String message(Throwable e) {
        String what = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return faultline.ui.Messages.format("problem.details", what, AppLog.current());
    }

    /**
     * The message, not shown yet: Close (Enter or Esc) closes it; the log's folder is a button of its
     * own. A Close rather than an OK: a dialog with no cancelling button would not close with Esc.
     */
    static Alert alert(Window owner, Throwable e) {
        Alert a = new Alert(Alert.AlertType.ERROR, message(e), OPEN_LOG, ButtonType.CLOSE);
        faultline.ui.DialogKeys.enterCloses(a.getDialogPane());
        a.initOwner(owner);
        a.setTitle(faultline.ui.Messages.get("problem.title"));
        a.setHeaderText(faultline.ui.Messages.get("problem.header"));
        Theme.follow(a.getDialogPane(), owner);
        return a;
    }

    private void show(Throwable e) {
        if (showing) {
            return;
        }
        showing = true;
        Alert a = alert(owner, e);
        a.setOnHidden(h -> showing = false);
        a.resultProperty().addListener((o, was, b) -> {
            if (b == OPEN_LOG) {
                openLogFolder.run();
            }
        });
        a.show();
    }
}
