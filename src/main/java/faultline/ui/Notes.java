package faultline.ui;

import faultline.model.Note;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.List;

/**
 * The notes on the picture, in the order they were made. Every change the user makes goes through
 * here and can be undone; what comes from a file (a reopened workspace, another window's save)
 * replaces them without an undo step.
 */
public final class Notes {
    private final ObservableList<Note> list = FXCollections.observableArrayList();
    private final ObservableList<Note> view = FXCollections.unmodifiableObservableList(list);
    private final UndoStack undo;

    public Notes(UndoStack undo) {
        this.undo = undo;
    }

    public ObservableList<Note> list() {
        return view;
    }

    public Note find(String id) {
        for (Note n : list) {
            if (n.id().equals(id)) {
                return n;
            }
        }
        return null;
    }

    public void add(Note n) {
        list.add(n);
        undo.push(new UndoStack.Edit(Messages.get("undo.add-note"), () -> removeQuietly(n.id()), () -> list.add(n)));
    }

    /** A note with a new text or a new place (same id). */
    public void update(Note n, String what) {
        Note before = find(n.id());
        if (before == null || before.equals(n)) {
            return;
        }
        put(n);
        undo.push(new UndoStack.Edit(what, () -> put(before), () -> put(n)));
    }

    public void remove(String id) {
        int at = indexOf(id);
        if (at < 0) {
            return;
        }
        Note n = list.remove(at);
        undo.push(new UndoStack.Edit(Messages.get("undo.delete-note"), () -> list.add(Math.min(at, list.size()), n), () -> removeQuietly(id)));
    }

    /** The notes of a workspace read from disk: no undo step. */
    public void replaceAll(List<Note> notes) {
        if (!list.equals(notes)) {
            list.setAll(notes);
        }
    }

    private void put(Note n) {
        int at = indexOf(n.id());
        if (at >= 0) {
            list.set(at, n);
        } else {
            list.add(n);
        }
    }

    private void removeQuietly(String id) {
        int at = indexOf(id);
        if (at >= 0) {
            list.remove(at);
        }
    }

    private int indexOf(String id) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
