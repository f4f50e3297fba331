package faultline.ui;

import faultline.workspace.Workspace;

/**
 * What the timeline shows when a new comparison arrives, handed over with it: the crash windows of
 * newly compared tasks (a fresh history), the crash windows after a change of alignment, the same
 * moment in all lanes, the view as it was (a lane shifted, a note's undo), or a saved view.
 */
public record ViewIntent(Kind kind, Workspace.ViewState view) {
    public enum Kind { FRESH, CRASH_WINDOWS, SAME_MOMENT, KEEP, RESTORE }

    public static final ViewIntent FRESH = new ViewIntent(Kind.FRESH, null);
    public static final ViewIntent CRASH_WINDOWS = new ViewIntent(Kind.CRASH_WINDOWS, null);
    public static final ViewIntent SAME_MOMENT = new ViewIntent(Kind.SAME_MOMENT, null);
    public static final ViewIntent KEEP = new ViewIntent(Kind.KEEP, null);

    /** The saved view, or a fresh start when there is none. */
    public static ViewIntent restore(Workspace.ViewState view) {
        return view == null ? FRESH : new ViewIntent(Kind.RESTORE, view);
    }
}
