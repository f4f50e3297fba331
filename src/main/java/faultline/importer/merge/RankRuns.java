package faultline.importer.merge;

import faultline.model.EventStore;
import faultline.model.TaskStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ranks of a distributed run (torchrun, DeepSpeed, Ray Train, a sharded inference server) are parts
 * of one run: when one of them fails, the others that did not say how they ended were stopped with it.
 */
public final class RankRuns {
    private RankRuns() {
    }

    /**
     * Marks the ranks of each file that have no end of their own as cancelled where a rank of the same file
     * failed. rowsOf: each task's rows, to tell which file its ranks come from.
     */
    public static void stopWithFailedSibling(List<TaskDraft> tasks, int[][] rowsOf, EventStore.Builder events) {
        Map<Integer, Boolean> failedIn = new HashMap<>();
        for (int t = 0; t < tasks.size(); t++) {
            TaskDraft d = tasks.get(t);
            if (isRank(d) && d.status == TaskStatus.FAILED && rowsOf[t].length > 0) {
                failedIn.put(events.source(rowsOf[t][0]), true);
            }
        }
        if (failedIn.isEmpty()) {
            return;
        }
        for (int t = 0; t < tasks.size(); t++) {
            TaskDraft d = tasks.get(t);
            if (isRank(d) && !StatusEvidence.ends(d.status) && rowsOf[t].length > 0
                    && failedIn.containsKey(events.source(rowsOf[t][0]))) {
                d.status = TaskStatus.CANCELLED;
            }
        }
    }

    private static boolean isRank(TaskDraft d) {
        return d.type.equals(UnitVocabulary.RANK);
    }
}
