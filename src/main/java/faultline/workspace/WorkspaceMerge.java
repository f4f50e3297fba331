package faultline.workspace;

import faultline.model.Note;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Two windows on the same files: what one saved is merged into what the other saves, never dropped.
 * The saving window's choices (compared tasks, alignment, shifts, view, database) are what it shows and win;
 * notes are merged by id against the version both started from: a note added, changed or deleted
 * in either window stays so, and a note changed in both keeps the saving window's text.
 */
public final class WorkspaceMerge {
    private WorkspaceMerge() {
    }

    /**
     * @param base   what this window last read or wrote (null if nothing: everything of theirs is kept)
     * @param mine   what this window saves now
     * @param theirs what is in the file now, written by another window
     */
    public static Workspace merge(Workspace base, Workspace mine, Workspace theirs) {
        return mine.withNotes(notes(base == null ? List.of() : base.notes(), mine.notes(), theirs.notes()));
    }

    static List<Note> notes(List<Note> base, List<Note> mine, List<Note> theirs) {
        Map<String, Note> b = byId(base);
        Map<String, Note> m = byId(mine);
        Map<String, Note> t = byId(theirs);
        List<Note> out = new ArrayList<>();
        for (Note n : mine) {
            Note was = b.get(n.id());
            Note other = t.get(n.id());
            if (was != null && other == null && Objects.equals(was, n)) {
                continue; // deleted by the other window, untouched here
            }
            if (was != null && other != null && Objects.equals(was, n) && !Objects.equals(was, other)) {
                out.add(other); // changed only by the other window
            } else {
                out.add(n);
            }
        }
        for (Note n : theirs) {
            if (m.containsKey(n.id())) {
                continue;
            }
            Note was = b.get(n.id());
            if (was == null || !Objects.equals(was, n)) {
                out.add(n); // added there, or changed there after it was deleted here: kept
            }
        }
        return out;
    }

    private static Map<String, Note> byId(List<Note> notes) {
        Map<String, Note> m = new LinkedHashMap<>();
        for (Note n : notes) {
            m.putIfAbsent(n.id(), n);
        }
        return m;
    }
}
