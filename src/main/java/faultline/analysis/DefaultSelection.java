package faultline.analysis;

import faultline.model.Task;
import faultline.model.TaskSet;

import java.util.ArrayList;
import java.util.List;

/** The failures compared when nobody chose: those that failed on their own, not by a cascade. */
public final class DefaultSelection {
    static final int MAX = 8;

    private DefaultSelection() {
    }

    /** Failed tasks whose error is not a cascade from another task, in list order (newest first); else all failures. */
    public static List<Task> of(TaskSet set) {
        List<Task> roots = new ArrayList<>();
        for (Task t : set.failed()) {
            if (!t.errorMessage().startsWith("Cascaded failed")) {
                roots.add(t);
            }
        }
        if (roots.isEmpty()) {
            roots.addAll(set.failed());
        }
        return roots.size() > MAX ? List.copyOf(roots.subList(0, MAX)) : List.copyOf(roots);
    }
}
