package faultline.ui;

import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Edit ▸ Undo and Redo: the user's edits of notes, lane shifts and alignment, newest last. Each edit
 * knows how to take itself back and to do itself again; a new edit forgets what could be redone.
 */
public final class UndoStack {
    /** How many edits are kept. */
    static final int LIMIT = 200;

    /** One edit: its name for the menu ("Add Note"), how to take it back and how to do it again. */
    public record Edit(String name, Runnable undo, Runnable redo) {
    }

    private final Deque<Edit> done = new ArrayDeque<>();
    private final Deque<Edit> undone = new ArrayDeque<>();
    private final ReadOnlyStringWrapper undoName = new ReadOnlyStringWrapper(this, "undoName", "");
    private final ReadOnlyStringWrapper redoName = new ReadOnlyStringWrapper(this, "redoName", "");
    /** Set while an edit is undone or redone: what it changes is not a new edit. */
    private boolean replaying;

    /** Remembers an edit the user just made (an edit made while undoing or redoing is part of that, not a new one). */
    public void push(Edit e) {
        if (replaying) {
            return;
        }
        done.addLast(e);
        if (done.size() > LIMIT) {
            done.removeFirst();
        }
        undone.clear();
        names();
    }

    public boolean undo() {
        Edit e = done.pollLast();
        if (e == null) {
            return false;
        }
        replay(e.undo());
        undone.addLast(e);
        names();
        return true;
    }

    public boolean redo() {
        Edit e = undone.pollLast();
        if (e == null) {
            return false;
        }
        replay(e.redo());
        done.addLast(e);
        names();
        return true;
    }

    private void replay(Runnable r) {
        replaying = true;
        try {
            r.run();
        } finally {
            replaying = false;
        }
    }

    /** Other files were opened: the edits of the ones before cannot be applied to them. */
    public void clear() {
        done.clear();
        undone.clear();
        names();
    }

    private void names() {
        undoName.set(done.isEmpty() ? "" : done.peekLast().name());
        redoName.set(undone.isEmpty() ? "" : undone.peekLast().name());
    }

    /** The name of the edit Undo takes back, or "" when there is none. */
    public ReadOnlyStringProperty undoNameProperty() {
        return undoName.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoNameProperty() {
        return redoName.getReadOnlyProperty();
    }
}
