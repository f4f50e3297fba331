package faultline.ui;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the window tells the user: the problems shown in the banner, an offer with its button, the
 * status bar's text and what became of the last save or export.
 */
public final class Status {
    /** A question with one action: the message, the button's text, and what the button does. */
    public record Offer(String message, String action, Runnable accept) {
    }

    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObjectProperty<Offer> offer = new SimpleObjectProperty<>(this, "offer");
    private final StringProperty text = new SimpleStringProperty(this, "text", Messages.get("status.none"));
    private final StringProperty saved = new SimpleStringProperty(this, "saved", "");

    public ObservableList<String> problems() {
        return problems;
    }

    /** Adds problems to those shown. */
    public void tell(java.util.Collection<String> more) {
        if (!more.isEmpty()) {
            java.util.List<String> all = new java.util.ArrayList<>(problems);
            all.addAll(more);
            problems.setAll(all);
        }
    }

    /**
     * Something the user may choose to do (open a recovered or newer workspace, read files outside a
     * workspace's folder), shown with a button until taken or dismissed; null when there is none.
     */
    public ObjectProperty<Offer> offerProperty() {
        return offer;
    }

    /** The status bar's text: what is open, or what the import is doing. */
    public StringProperty textProperty() {
        return text;
    }

    /** What became of the last save, export or copy. */
    public StringProperty savedProperty() {
        return saved;
    }
}
