package faultline.importer.merge;

import faultline.model.EventStore;
import faultline.model.TaskStatus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ranks of a distributed run (torchrun, DeepSpeed, Ray Train, a sharded inference server) are parts
 * of one run: when one of them fails, the others that did not say how they ended were stopped with it. A launch
 * of the worker group that an elastic agent restarted ({@link RankLaunch}) is a run of its own: its ranks were
 * started after the failure, not stopped by it.
 */
public final class RankRuns {
    private RankRuns() {
    }

    /**
     * Marks the ranks of each file and launch that have no end of their own as cancelled where a rank of the same
     * file and launch failed. rowsOf: each task's rows, to tell which file its ranks come from.
     */
    public static void stopWithFailedSibling(List<TaskDraft> tasks, int[][] rowsOf, EventStore.Builder events) {
        Set<Long> failedIn = new HashSet<>();
        for (int t = 0; t < tasks.size(); t++) {
            TaskDraft d = tasks.get(t);
            if (isRank(d) && d.status == TaskStatus.FAILED && rowsOf[t].length > 0) {
                failedIn.add(run(events.source(rowsOf[t][0]), d));
            }
        }
        if (failedIn.isEmpty()) {
            return;
        }
        for (int t = 0; t < tasks.size(); t++) {
            TaskDraft d = tasks.get(t);
            if (isRank(d) && !StatusEvidence.ends(d.status) && rowsOf[t].length > 0
                    && failedIn.contains(run(events.source(rowsOf[t][0]), d))) {
                d.status = TaskStatus.CANCELLED;
            }
        }
    }

    /** The run a rank is part of: its file and the launch of its worker group. */
    private static long run(int source, TaskDraft d) {
        return (long) source << 32 | RankLaunch.of(d.id);
    }

    private static boolean isRank(TaskDraft d) {
        return d.type.equals(UnitVocabulary.RANK);
    }
}
