package faultline.importer.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Interns every task id the readers meet (an int per distinct spelling) and the facts rows give about
 * them; then resolves short ids against the full ids and numbers the tasks. Thread-confined.
 */
public final class TaskRegistry {
    private final Map<String, Integer> refs = new HashMap<>();
    private final List<String> ids = new ArrayList<>();
    private final Map<String, TaskDraft> drafts = new LinkedHashMap<>();

    /** The ref of a raw id (tag, column, or id found in text), or -1 if it names no task. */
    public int ref(String raw) {
        // Most ids are met again as they were first written (a task's rows repeat its id): a known
        // spelling is its own canonical form, found without the patterns.
        Integer known = raw == null ? null : refs.get(raw);
        if (known != null) {
            return known;
        }
        String id = TaskIds.canonical(raw);
        if (id == null) {
            return -1;
        }
        Integer r = refs.get(id);
        if (r != null) {
            return r;
        }
        int n = ids.size();
        ids.add(id);
        refs.put(id, n);
        return n;
    }

    public String id(int ref) {
        return ids.get(ref);
    }

    /** The draft of a task, creating it; rows (tasks table, child tasks) fill it. */
    public TaskDraft draft(String raw) {
        String id = TaskIds.canonical(raw);
        if (id == null) {
            return null;
        }
        ref(id);
        return drafts.computeIfAbsent(id, TaskDraft::new);
    }

    /** The ref's draft when something was learnt of the unit, else null. */
    public TaskDraft draftIfAny(int ref) {
        return drafts.get(ids.get(ref));
    }

    public TaskDraft draftOfRef(int ref) {
        return drafts.computeIfAbsent(ids.get(ref), TaskDraft::new);
    }

    /** Resolution of refs to task numbers: short ids that prefix exactly one full id join that task. */
    public record Resolution(int[] taskOfRef, List<TaskDraft> tasks) {
    }

    /**
     * Names a unit anew, keeping what was learnt of it; the old name still finds it. Nothing happens when
     * the new name is another unit's already.
     */
    public void rename(int ref, String raw) {
        String id = TaskIds.canonical(raw);
        String old = ids.get(ref);
        if (id == null || id.equals(old) || refs.containsKey(id)) {
            return;
        }
        ids.set(ref, id);
        refs.put(id, ref);
        TaskDraft was = drafts.remove(old);
        if (was != null) {
            TaskDraft now = new TaskDraft(id);
            now.mergeFrom(was);
            drafts.put(id, now);
        }
    }

    /** Forgets what was learnt of a unit that turned out to be none: it is a task only if events still name it. */
    public void forget(int ref) {
        drafts.remove(ids.get(ref));
    }

    public Resolution resolve(boolean[] refUsed) {
        Map<String, String> canonicalOf = new HashMap<>();
        boolean[] isFull = new boolean[ids.size()];
        List<String> fullIds = new ArrayList<>();
        for (int r = 0; r < ids.size(); r++) {
            isFull[r] = TaskIds.isFull(ids.get(r));
            if (isFull[r]) {
                fullIds.add(ids.get(r));
            }
        }
        // Sorted, the full ids a short one starts are one run: found by a binary search, not by a walk over all of
        // them for each short id (a fleet's failures name their task by its first eight digits: thousands of them).
        String[] full = fullIds.toArray(new String[0]);
        java.util.Arrays.sort(full);
        for (int r = 0; r < ids.size(); r++) {
            String id = ids.get(r);
            String target = id;
            if (!isFull[r]) {
                int at = java.util.Arrays.binarySearch(full, id);
                int first = at >= 0 ? at : -at - 1;
                if (first < full.length && full[first].startsWith(id)
                        && (first + 1 >= full.length || !full[first + 1].startsWith(id))) {
                    target = full[first]; // exactly one full id starts so
                }
            }
            canonicalOf.put(id, target);
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<TaskDraft> tasks = new ArrayList<>();
        int[] taskOfRef = new int[ids.size()];
        for (int r = 0; r < ids.size(); r++) {
            String id = ids.get(r);
            boolean known = drafts.containsKey(id) || (refUsed != null && r < refUsed.length && refUsed[r]);
            if (!known) {
                taskOfRef[r] = -1;
                continue;
            }
            String target = canonicalOf.get(id);
            Integer t = index.get(target);
            if (t == null) {
                t = tasks.size();
                index.put(target, t);
                TaskDraft d = drafts.get(target);
                tasks.add(d != null ? d : new TaskDraft(target));
            }
            taskOfRef[r] = t;
            TaskDraft own = drafts.get(id);
            if (own != null && !id.equals(target)) {
                tasks.get(t).mergeFrom(own);
            }
        }
        // Rows that name a parent by short id: point them at the full id.
        for (TaskDraft d : tasks) {
            if (!d.parentId.isEmpty()) {
                d.parentId = canonicalOf.getOrDefault(d.parentId, d.parentId);
            }
        }
        return new Resolution(taskOfRef, tasks);
    }

    public int size() {
        return ids.size();
    }
}
