package faultline.model;

/**
 * A note the user wrote on the picture: at a point or over a range of a task's lane. Times are epoch
 * ns so that a note stays on its moment whatever the lanes are aligned on.
 *
 * @param id     stable id (for moving, editing, deleting)
 * @param taskId full id of the task whose lane carries the note
 * @param start  epoch ns
 * @param end    epoch ns; equal to start for a point note
 * @param text   what the user wrote
 */
public record Note(String id, String taskId, long start, long end, String text) {
    public Note {
        if (end < start) {
            long t = start;
            start = end;
            end = t;
        }
        text = text == null ? "" : text;
    }

    public boolean isRange() {
        return end > start;
    }

    public Note moved(long by) {
        return new Note(id, taskId, start + by, end + by, text);
    }

    public Note withText(String newText) {
        return new Note(id, taskId, start, end, newText);
    }

    public static Note point(String taskId, long at, String text) {
        return new Note(java.util.UUID.randomUUID().toString(), taskId, at, at, text);
    }

    public static Note range(String taskId, long from, long to, String text) {
        return new Note(java.util.UUID.randomUUID().toString(), taskId, from, to, text);
    }
}
