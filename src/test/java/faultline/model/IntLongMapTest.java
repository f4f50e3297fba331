package faultline.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sparse columns' map keeps every row's value through growth, copies and cuts, for rows in file order and scattered ones. */
class IntLongMapTest {
    @Test
    void keepsEveryValueThroughGrowthCopyAndCut() {
        IntLongMap m = new IntLongMap();
        int n = 300_000;
        for (int k = 0; k < n; k++) {
            m.put(k, k * 3L);
        }
        for (int k = 0; k < n; k += 7) {
            m.put(k * 1_000 + 1, -k);
        }
        assertEquals(3L * (n - 1), m.get(n - 1, -1));
        assertEquals(-1, m.get(n, -1));
        IntLongMap c = m.copy();
        m.removeFrom(1_000);
        assertTrue(m.containsKey(999));
        assertFalse(m.containsKey(1_001));
        assertEquals(1_000, m.size(), "rows 0..999 below the cut");
        assertEquals(0, m.get(1, -1), "row 1 took the later value");
        assertEquals(-7L * 3, c.get(21_001, 1), "a scattered row kept its value through growth");
        assertEquals(3L * 200_000, c.get(200_000, -1), "the copy keeps what the cut dropped");
        int[] seen = new int[1];
        m.forEach((k, v) -> seen[0]++);
        assertEquals(m.size(), seen[0]);
    }
}
