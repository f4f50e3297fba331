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

    @Test
    void positionsComeInTimeOrderWithTiesInPositionOrderAtAnySpan() {
        java.util.Random r = new java.util.Random(7);
        for (long span : new long[] {0, 10, 1L << 40, 1L << 62, Long.MAX_VALUE}) {
            for (int n : new int[] {1, 2, 17, 3000}) {
                long[] times = new long[n];
                long base = span == Long.MAX_VALUE ? Long.MIN_VALUE / 2 : 1_700_000_000_000_000_000L;
                for (int i = 0; i < n; i++) {
                    times[i] = span == 0 ? base : base + (long) (r.nextDouble() * (span / 2.0)) * (r.nextInt(5) == 0 ? 0 : 1);
                }
                Integer[] want = new Integer[n];
                for (int i = 0; i < n; i++) {
                    want[i] = i;
                }
                java.util.Arrays.sort(want, (a, b) -> Long.compare(times[a], times[b]));
                int[] got = PeerIndex.byTime(times);
                assertArrayEquals(java.util.Arrays.stream(want).mapToInt(Integer::intValue).toArray(), got, "span " + span + ", " + n + " tasks");
            }
        }
    }
}
