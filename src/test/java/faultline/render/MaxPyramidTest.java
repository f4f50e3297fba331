package faultline.render;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The summaries a frame reads give exactly what reading every event would, for any range. */
class MaxPyramidTest {
    @Test
    void levelAndWindowMaximaAreExactForEveryRange() {
        Random rnd = new Random(7);
        for (int n : new int[]{1, 15, 16, 17, 255, 256, 257, 5000, 70_000}) {
            long[] t = new long[n];
            long[] latest = new long[n];
            byte[] lv = new byte[n];
            long now = 0;
            for (int i = 0; i < n; i++) {
                now += rnd.nextInt(50);
                t[i] = now;
                latest[i] = now + (rnd.nextInt(200) == 0 ? rnd.nextInt(1_000_000) : 0);
                lv[i] = (byte) (rnd.nextInt(500) == 0 ? 4 : rnd.nextInt(3));
            }
            TimelineScene.Marks m = TimelineScene.Marks.of(t, latest, lv, new int[n]);
            for (int q = 0; q < 2000; q++) {
                int a = rnd.nextInt(n);
                int b = a + rnd.nextInt(n - a + 1);
                int level = -1;
                long window = 0;
                for (int i = a; i < b; i++) {
                    level = Math.max(level, lv[i]);
                    window = Math.max(window, latest[i] - t[i]);
                }
                assertEquals(level, m.maxLevel(a, b), "level of [" + a + ", " + b + ") of " + n);
                assertEquals(window, m.maxWindow(a, b), "window of [" + a + ", " + b + ") of " + n);
            }
        }
    }

    @Test
    void theForwardSearchFindsWhatABinarySearchFinds() {
        Random rnd = new Random(11);
        int n = 100_000;
        long[] t = new long[n];
        long now = 0;
        for (int i = 0; i < n; i++) {
            now += rnd.nextInt(4); // ties included
            t[i] = now;
        }
        TimelineScene.Marks m = TimelineScene.Marks.of(t, t.clone(), new byte[n], new int[n]);
        for (int q = 0; q < 5000; q++) {
            int from = rnd.nextInt(n);
            long target = t[from] + rnd.nextInt(1000) - 10;
            assertEquals(m.firstAtOrAfter(target, from), m.nextAtOrAfter(target, from), "from " + from + " to " + target);
        }
    }
}
