package faultline.importer.merge;

import faultline.model.EventStore;

import java.util.stream.IntStream;

/**
 * The rows of every task, in row order, read in as many stretches of rows as there are cores: a
 * fleet's log is ten million rows, and each pass over them costs. Two passes in all: the first counts
 * each stretch's rows per task reference (which also says which references any row carries, before
 * they are resolved into tasks); the second, once references are tasks, rewrites each row's reference
 * as its task's number and writes the row into its task's array at the stretch's own offset, so that
 * the stretches share no counter.
 */
public final class RowGroups {
    private final EventStore.Builder events;
    private final int[][] stretches;
    /** Per stretch, rows per task reference. */
    private final int[][] refCounts;

    private RowGroups(EventStore.Builder events, int refs, int parts) {
        this.events = events;
        this.stretches = stretches(events.size(), parts);
        this.refCounts = new int[stretches.length][refs];
        IntStream.range(0, stretches.length).parallel().forEach(c -> count(stretches[c][0], stretches[c][1], refCounts[c]));
    }

    /** Counts the rows of every task reference: the first pass. */
    public static RowGroups count(EventStore.Builder events, int refs) {
        return new RowGroups(events, refs, partsFor(events.size()));
    }

    static RowGroups count(EventStore.Builder events, int refs, int parts) {
        return new RowGroups(events, refs, parts);
    }

    private void count(int from, int to, int[] counts) {
        for (int i = from; i < to; i++) {
            int r = events.task(i);
            if (r >= 0) {
                counts[r]++;
            }
        }
    }

    /** Every task reference that some row carries. */
    public boolean[] usedRefs() {
        int refs = refCounts.length == 0 ? 0 : refCounts[0].length;
        boolean[] used = new boolean[refs];
        for (int[] counts : refCounts) {
            for (int r = 0; r < refs; r++) {
                used[r] |= counts[r] > 0;
            }
        }
        return used;
    }

    /**
     * Rewrites each row's task reference as its task's number and returns each task's rows in row order:
     * the second pass.
     *
     * @param taskOfRef per task reference, its task's number or -1
     */
    public int[][] group(int[] taskOfRef, int taskCount) {
        int parts = stretches.length;
        // Per stretch, where it writes its first row of each task: the rows of the stretches before it come first.
        int[][] at = new int[parts][taskCount];
        int[] total = new int[taskCount];
        for (int c = 0; c < parts; c++) {
            int[] counts = refCounts[c];
            for (int r = 0; r < counts.length; r++) {
                int t = taskOfRef[r];
                if (t >= 0) {
                    at[c][t] += counts[r];
                }
            }
            for (int t = 0; t < taskCount; t++) {
                int n = at[c][t];
                at[c][t] = total[t];
                total[t] += n;
            }
        }
        int[][] rowsOf = new int[taskCount][];
        for (int t = 0; t < taskCount; t++) {
            rowsOf[t] = new int[total[t]];
        }
        IntStream.range(0, parts).parallel().forEach(c -> place(stretches[c][0], stretches[c][1], taskOfRef, at[c], rowsOf));
        return rowsOf;
    }

    private void place(int from, int to, int[] taskOfRef, int[] at, int[][] rowsOf) {
        for (int i = from; i < to; i++) {
            int r = events.task(i);
            int t = r >= 0 ? taskOfRef[r] : -1;
            events.setTask(i, t);
            if (t >= 0) {
                rowsOf[t][at[t]++] = i;
            }
        }
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
