package faultline.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class PeerIndexTest {
    private final PeerIndex.OfType tasks = new PeerIndex.OfType(new long[]{10, 20, 30, 40, 100}, new int[]{7, 3, 9, 1, 5});

    @Test
    void nearestInTimeComeFirstOnBothSides() {
        assertArrayEquals(new int[]{9, 1, 3, 7, 5}, tasks.nearest(33, 10));
    }

    @Test
    void theWalkStopsAtTheCap() {
        assertArrayEquals(new int[]{5, 1}, tasks.nearest(1_000, 2));
        assertArrayEquals(new int[]{7, 3}, tasks.nearest(-5, 2));
    }
}
