package faultline.render;

import java.util.List;

/**
 * A lane's loop steps laid out for drawing a column at a time: their times in one array, and for each
 * step the next crash point and the next parameter step at or after it. A column then finds the step it
 * shows and the one it labels in constant time, however many steps it covers (a loop of 20,000 steps
 * in a window of 1,600 columns was walked step by step in every frame).
 */
final class StepIndex {
    final long[] times;
    /** Per step, the first crash point at or after it, or the step count. */
    final int[] nextCrash;
    /** Per step, the first step at or after it that starts a parameter, or the step count. */
    final int[] nextProcessing;

    StepIndex(List<TimelineScene.StepMark> steps) {
        int n = steps.size();
        times = new long[n];
        nextCrash = new int[n];
        nextProcessing = new int[n];
        int crash = n;
        int processing = n;
        for (int i = n - 1; i >= 0; i--) {
            TimelineScene.StepMark s = steps.get(i);
            times[i] = s.t();
            if (s.crashPoint()) {
                crash = i;
            }
            if (s.kind() == faultline.model.StepKind.PROCESSING) {
                processing = i;
            }
            nextCrash[i] = crash;
            nextProcessing[i] = processing;
        }
    }

    int size() {
        return times.length;
    }

    /** The first step at or after t, looked for from `from` on by doubling strides: the next column's steps are near. */
    int atOrAfter(long t, int from) {
        return TimeSearch.outward(times, t, from, from);
    }
}
