package faultline.ui.notes;

import faultline.ui.Messages;

import faultline.model.Note;
import faultline.model.Task;
import faultline.model.TimeText;
import faultline.ui.Document;
import faultline.ui.Notes;
import faultline.ui.timeline.TimelineViewModel;
import javafx.collections.ObservableList;
import javafx.collections.transformation.SortedList;

/** The Notes tab: the notes in time order, each with its lane and time; edit, delete and show one. */
public final class NotesViewModel {
    private final Document document;
    private final Notes notes;
    private final TimelineViewModel timeline;
    private final SortedList<Note> sorted;

    public NotesViewModel(Document document, Notes notes, TimelineViewModel timeline) {
        this.document = document;
        this.notes = notes;
        this.timeline = timeline;
        this.sorted = new SortedList<>(notes.list(), (a, b) -> Long.compare(a.start(), b.start()));
    }

    public ObservableList<Note> notes() {
        return sorted;
    }

    /** "78cd8678 · 14:31:53.553060 – 14:31:53.554000" and the note's text on the next line. */
    public String label(Note n) {
        String lane = document.taskSet().find(n.taskId()).map(Task::shortId).orElse(n.taskId());
        String when = TimeText.clock(n.start(), 6) + (n.isRange() ? " – " + TimeText.clock(n.end(), 6) : "");
        return lane + " · " + when + "\n" + n.text();
    }

    public void edit(Note n, String text) {
        if (text != null && !text.isBlank()) {
            notes.update(n.withText(text.strip()), Messages.get("undo.edit-note"));
        }
    }

    public void delete(Note n) {
        notes.remove(n.id());
    }

    /** Brings the note into view on the timeline. */
    public void show(Note n) {
        timeline.revealNote(n.id());
    }
}
