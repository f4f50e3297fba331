package faultline.importer.merge;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short ids (a failure's "Task 84b03439") join the one full id they start; an id two full ids start stays its own. */
class TaskRegistryTest {
    @Test
    void aShortIdJoinsTheOneFullIdItStarts() {
        TaskRegistry r = new TaskRegistry();
        int full = r.ref("c0ffee12-3a4b-4c5d-8e9f-0a1b2c3d4e5f");
        int twinA = r.ref("84b03439-1e67-48c2-ae11-c398c32c78a6");
        int twinB = r.ref("84b03439-9999-48c2-ae11-c398c32c78a6");
        int other = r.ref("84b0343a-1e67-48c2-ae11-c398c32c78a6");
        int shortOne = r.ref("C0FFEE12");
        int shortTwin = r.ref("84b03439");
        int alone = r.ref("deadbeef");
        boolean[] used = new boolean[r.size()];
        Arrays.fill(used, true);
        TaskRegistry.Resolution res = r.resolve(used);
        int[] t = res.taskOfRef();
        assertEquals(t[full], t[shortOne], "one full id starts with c0ffee12 (in any case)");
        assertNotEquals(t[twinA], t[shortTwin], "two full ids start with 84b03439: the short id is neither");
        assertNotEquals(t[twinB], t[shortTwin]);
        assertNotEquals(t[other], t[twinA]);
        assertEquals("deadbeef", res.tasks().get(t[alone]).id, "a short id no full id starts is a task of its own");
        assertEquals(6, res.tasks().size());
    }

    @Test
    void manyShortIdsEachFindTheirOwnTask() {
        TaskRegistry r = new TaskRegistry();
        int n = 5000;
        int[] fullRefs = new int[n];
        int[] shortRefs = new int[n];
        for (int i = 0; i < n; i++) {
            fullRefs[i] = r.ref(String.format("%08x-aaaa-4bbb-8ccc-%012x", i * 7919, i));
        }
        for (int i = 0; i < n; i++) {
            shortRefs[i] = r.ref(String.format("%08x", i * 7919));
        }
        boolean[] used = new boolean[r.size()];
        Arrays.fill(used, true);
        int[] t = r.resolve(used).taskOfRef();
        for (int i = 0; i < n; i++) {
            assertEquals(t[fullRefs[i]], t[shortRefs[i]], "short id " + i);
        }
    }

    @Test
    void aFullIdIsAUuidAndNothingElse() {
        assertTrue(TaskIds.isFull("84b03439-1e67-48c2-ae11-c398c32c78a6"));
        assertTrue(TaskIds.isFull("84B03439-1E67-48C2-AE11-C398C32C78A6"));
        assertFalse(TaskIds.isFull("84b03439-1e67-48c2-ae11-c398c32c78a"));
        assertFalse(TaskIds.isFull("84b03439-1e67-48c2-ae11-c398c32c78a6 "));
        assertFalse(TaskIds.isFull("84b03439x1e67-48c2-ae11-c398c32c78a6"));
        assertFalse(TaskIds.isFull("84b03439-1e67-48c2-ae11-c398c32c78g6"));
        assertFalse(TaskIds.isFull(null));
    }
}
