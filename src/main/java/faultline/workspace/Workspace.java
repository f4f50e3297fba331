package faultline.workspace;

import faultline.model.Note;

import java.util.List;
import java.util.Map;

/**
 * Everything needed to reopen a comparison as it was: the sources (with how to read them), the
 * compared tasks, the alignment and hand-set shifts, the view, and the notes. Saved as
 * {@code <name>.faultline.json} next to the logs; the logs themselves are never written.
 *
 * @param version  {@link #VERSION} when written by this Faultline
 * @param sources  the files, with their size and hash at save time
 * @param compared full ids of the compared tasks, in lane order
 * @param anchor   Anchor name
 * @param shifts   task id → hand-set shift, ns
 * @param view     the timeline's view, or null
 * @param notes    the notes
 */
public record Workspace(int version, List<SourceRef> sources, List<String> compared, String anchor, Map<String, Long> shifts,
                        ViewState view, List<Note> notes) {
    public static final int VERSION = 1;

    /**
     * @param format null to detect
     * @param zone   zone id of times without one
     * @param date   ISO date for time-only lines, or null
     */
    public record SourceRef(String path, long size, String sha256, String format, String zone, long offsetNanos, String date) {
    }

    /** The viewport over aligned (or, when folded, compressed) time. */
    public record ViewState(long start, long span, boolean folded) {
    }

    public Workspace {
        sources = sources == null ? List.of() : List.copyOf(sources);
        compared = compared == null ? List.of() : List.copyOf(compared);
        shifts = shifts == null ? Map.of() : Map.copyOf(shifts);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }
}
