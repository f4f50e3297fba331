package faultline.analysis;

import faultline.model.Task;
import faultline.model.TaskSet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Tasks with events, per task type, sorted by their first event: the peers of a task are found by a
 * binary search and a walk outwards, not by sorting the whole set for every failure.
 */
final class PeerIndex {
    private final Map<String, OfType> byType;

    private PeerIndex(Map<String, OfType> byType) {
        this.byType = byType;
    }

    static PeerIndex of(TaskSet set) {
        Map<String, List<Task>> groups = new HashMap<>();
        for (Task t : set.tasks()) {
            if (t.eventCount() > 0) {
                groups.computeIfAbsent(t.type(), k -> new ArrayList<>()).add(t);
            }
        }
        Map<String, OfType> out = new HashMap<>();
        groups.forEach((type, tasks) -> {
            long[] first = new long[tasks.size()];
            Integer[] order = new Integer[tasks.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
                first[i] = set.store().nanos(tasks.get(i).events()[0]);
            }
            Arrays.sort(order, (a, b) -> Long.compare(first[a], first[b]));
            long[] starts = new long[order.length];
            int[] index = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                starts[i] = first[order[i]];
                index[i] = tasks.get(order[i]).index();
            }
            out.put(type, new OfType(starts, index));
        });
        return new PeerIndex(out);
    }

    OfType of(String type) {
        return byType.get(type);
    }

    /** Tasks of one type: first-event times ascending, and the task index of each. */
    record OfType(long[] starts, int[] tasks) {
        /** Up to `limit` task indices, nearest first to `at` by first-event time. */
        int[] nearest(long at, int limit) {
            int n = starts.length;
            int hi = Arrays.binarySearch(starts, at);
            if (hi < 0) {
                hi = -hi - 1;
            }
            int lo = hi - 1;
            int[] out = new int[Math.min(limit, n)];
            int k = 0;
            while (k < out.length) {
                boolean left = lo >= 0;
                boolean right = hi < n;
                if (left && (!right || at - starts[lo] <= starts[hi] - at)) {
                    out[k++] = tasks[lo--];
                } else {
                    out[k++] = tasks[hi++];
                }
            }
            return out;
        }
    }
}
