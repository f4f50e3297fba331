package faultline.render;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The search from a guess finds what the search from the start finds, however far off the guess is. */
class MarksSearchTest {
    @Test
    void aGuessNeverChangesTheAnswer() {
        Random random = new Random(7);
        int n = 20_000;
        long[] times = new long[n];
        for (int i = 1; i < n; i++) {
            times[i] = times[i - 1] + (random.nextInt(10) == 0 ? random.nextInt(5_000) : random.nextInt(3)); // bursts and repeats
        }
        long[] latest = times.clone();
        byte[] levels = new byte[n];
        int[] rows = new int[n];
        Arrays.setAll(rows, i -> i);
        TimelineScene.Marks m = TimelineScene.Marks.of(times, latest, levels, rows);
        for (int q = 0; q < 5_000; q++) {
            int from = random.nextInt(n);
            long t = times[0] + (long) (random.nextDouble() * (times[n - 1] - times[0] + 10));
            int guess = random.nextInt(n + 10) - 5;
            int first = from;
            while (first < n && times[first] < t) {
                first++;
            }
            assertEquals(first, m.nextAtOrAfter(t, from), "t " + t + " from " + from);
            assertEquals(first, m.nextAtOrAfter(t, from, guess), "t " + t + " from " + from + " guess " + guess);
        }
    }
}
