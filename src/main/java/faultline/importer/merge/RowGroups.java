package faultline.importer.merge;

import faultline.model.EventStore;

import java.util.stream.IntStream;

/**
 * The rows of every task, in row order, read in as many stretches of rows as there are cores: a
 * fleet's log is ten million rows, and three passes over them on one core were a second of the import.
 * Each stretch counts its own rows per task, so that the stretches then write their rows into each
 * task's array at their own offsets without sharing a counter.
 */
public final class RowGroups {
    private RowGroups() {
    }

    /** Marks every task reference that some row carries. */
    public static boolean[] usedRefs(EventStore.Builder events, int refs) {
        return usedRefs(events, refs, partsFor(events.size()));
    }

    static boolean[] usedRefs(EventStore.Builder events, int refs, int parts) {
        boolean[] used = new boolean[refs];
        int[][] stretches = stretches(events.size(), parts);
        // Every writer writes true: no row's mark can be lost, and the join makes them visible.
        IntStream.range(0, stretches.length).parallel().forEach(c -> {
            for (int i = stretches[c][0]; i < stretches[c][1]; i++) {
                int r = events.task(i);
                if (r >= 0) {
                    used[r] = true;
                }
            }
        });
        return used;
    }

    /**
     * Rewrites each row's task reference as its task's number and returns each task's rows in row order.
     *
     * @param taskOfRef per task reference, its task's number or -1
     */
    public static int[][] group(EventStore.Builder events, int[] taskOfRef, int taskCount) {
        return group(events, taskOfRef, taskCount, partsFor(events.size()));
    }

    static int[][] group(EventStore.Builder events, int[] taskOfRef, int taskCount, int parts) {
        int[][] stretches = stretches(events.size(), parts);
        int[][] counts = new int[parts][taskCount];
        IntStream.range(0, parts).parallel().forEach(c -> {
            int[] count = counts[c];
            for (int i = stretches[c][0]; i < stretches[c][1]; i++) {
                int r = events.task(i);
                int t = r >= 0 ? taskOfRef[r] : -1;
                events.setTask(i, t);
                if (t >= 0) {
                    count[t]++;
                }
            }
        });
        int[][] rowsOf = new int[taskCount][];
        for (int t = 0; t < taskCount; t++) {
            int total = 0;
            for (int c = 0; c < parts; c++) {
                int n = counts[c][t];
                counts[c][t] = total; // from here on: where stretch c writes its first row of task t
                total += n;
            }
            rowsOf[t] = new int[total];
        }
        IntStream.range(0, parts).parallel().forEach(c -> {
            int[] at = counts[c];
            for (int i = stretches[c][0]; i < stretches[c][1]; i++) {
                int t = events.task(i);
                if (t >= 0) {
                    rowsOf[t][at[t]++] = i;
                }
            }
        });
        return rowsOf;
    }

    /** One stretch per core; one in all for fewer than a million rows, where threads cost more than they save. */
    private static int partsFor(int n) {
        return n < 1_000_000 ? 1 : Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    }

    /** [from, to) of each stretch. */
    private static int[][] stretches(int n, int parts) {
        int[][] out = new int[parts][];
        for (int c = 0; c < parts; c++) {
            out[c] = new int[] {(int) ((long) n * c / parts), (int) ((long) n * (c + 1) / parts)};
        }
        return out;
    }
}
