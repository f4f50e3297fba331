package faultline.analysis;

import faultline.model.Crash;
import faultline.model.EventStore;
import faultline.model.TaskAnalysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Failures grouped by signature: tasks that failed with the same exception, in the same phase, after
 * the same loop step follow the same code path, and are reported as one pattern.
 */
public final class PatternGroups {

    /**
     * @param taskIds      the tasks of the pattern
     * @param windows      per task, from the last evidence to the latest time of the first failure signal
     * @param fastestNanos the shortest of those windows
     * @param slowestNanos the longest
     */
    public record Group(faultline.model.Signature signature, List<String> taskIds, List<Long> windows, long fastestNanos,
                        long slowestNanos) {
        public boolean identical() {
            return taskIds.size() > 1;
        }
    }

    private PatternGroups() {
    }

    public static List<Group> of(List<TaskAnalysis> tasks, EventStore store) {
        Map<String, List<TaskAnalysis>> byKey = new LinkedHashMap<>();
        for (TaskAnalysis a : tasks) {
            if (a.crash() != null) {
                byKey.computeIfAbsent(a.crash().signature().key(), k -> new ArrayList<>()).add(a);
            }
        }
        List<Group> out = new ArrayList<>();
        for (List<TaskAnalysis> g : byKey.values()) {
            List<String> ids = new ArrayList<>();
            List<Long> windows = new ArrayList<>();
            long min = Long.MAX_VALUE;
            long max = Long.MIN_VALUE;
            for (TaskAnalysis a : g) {
                ids.add(a.task().id());
                long w = window(a.crash(), store);
                windows.add(w);
                if (w >= 0) {
                    min = Math.min(min, w);
                    max = Math.max(max, w);
                }
            }
            out.add(new Group(g.get(0).crash().signature(), List.copyOf(ids), List.copyOf(windows),
                    min == Long.MAX_VALUE ? -1 : min, max == Long.MIN_VALUE ? -1 : max));
        }
        return out;
    }

    /** Last evidence to the latest moment the first failure signal can have happened, or -1. */
    public static long window(Crash c, EventStore store) {
        if (c == null || c.lastEvidence() < 0 || c.firstSignal() < 0) {
            return -1;
        }
        return c.signalLatest() - store.nanos(c.lastEvidence());
    }
}
