package faultline.importer.merge;

import faultline.model.EventStore;
import faultline.model.Level;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Rows grouped in several stretches come out as one pass would give them: every task's rows, in row order. */
class RowGroupsTest {
    @Test
    void severalStretchesGroupLikeOne() {
        int refs = 40;
        int[] taskOfRef = new int[refs];
        for (int r = 0; r < refs; r++) {
            taskOfRef[r] = r % 7 == 3 ? -1 : r / 2; // two spellings per task, some refs unused as tasks
        }
        int tasks = refs / 2;
        for (int parts : new int[] {1, 2, 3, 8}) {
            EventStore.Builder b = rows(5_000, refs, 11);
            EventStore.Builder expected = rows(5_000, refs, 11);
            RowGroups groups = RowGroups.count(b, refs, parts);
            boolean[] used = groups.usedRefs();
            int[][] got = groups.group(taskOfRef, tasks);
            List<List<Integer>> want = new ArrayList<>();
            for (int t = 0; t < tasks; t++) {
                want.add(new ArrayList<>());
            }
            boolean[] wantUsed = new boolean[refs];
            for (int i = 0; i < expected.size(); i++) {
                int r = expected.task(i);
                if (r >= 0) {
                    wantUsed[r] = true;
                }
                int t = r >= 0 ? taskOfRef[r] : -1;
                assertEquals(t, b.task(i), "row " + i + " carries its task's number (" + parts + " stretches)");
                if (t >= 0) {
                    want.get(t).add(i);
                }
            }
            assertArrayEquals(wantUsed, used);
            for (int t = 0; t < tasks; t++) {
                assertArrayEquals(want.get(t).stream().mapToInt(Integer::intValue).toArray(), got[t], "task " + t + ", " + parts + " stretches");
            }
        }
    }

    private static EventStore.Builder rows(int n, int refs, long seed) {
        Random random = new Random(seed);
        EventStore.Builder b = EventStore.builder(n);
        for (int i = 0; i < n; i++) {
            int ref = random.nextInt(refs + 5) - 5; // some rows belong to no task
            b.add(1_000L * i, 6, false, Level.INFO, Math.max(-1, ref), 0, i);
        }
        return b;
    }
}
