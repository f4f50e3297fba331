package faultline.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Axis ticks from hours down to nanoseconds: the smallest step of the 1-2-5 series (and 10 s, 30 s,
 * 1-30 min, 1-12 h for clock units) that leaves at least minPixels between ticks.
 */
public final class Ticks {
    private static final long[] STEPS = buildSteps();

    private Ticks() {
    }

    private static long[] buildSteps() {
        List<Long> s = new ArrayList<>();
        for (long u = 1; u <= 1_000_000_000L; u *= 10) {
            s.add(u);
            s.add(2 * u);
            s.add(5 * u);
        }
        long sec = 1_000_000_000L;
        for (long v : new long[]{10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400}) {
            s.add(v * sec);
        }
        s.sort(Long::compare);
        long[] a = new long[s.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = s.get(i);
        }
        return a;
    }

    /** Step in ns for a view. */
    public static long step(TimeScale v, double minPixels) {
        double npp = v.nanosPerPixel();
        for (long s : STEPS) {
            if (s / npp >= minPixels) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1] * Math.max(1, (long) Math.ceil(minPixels * npp / STEPS[STEPS.length - 1]));
    }

    /** Tick times (aligned ns) inside the view's unfolded stretches, multiples of step. */
    public static long[] positions(TimeScale v, long step) {
        java.util.List<Long> out = new java.util.ArrayList<>();
        for (long[] seg : v.segments()) {
            long first = Math.floorDiv(seg[0], step) * step;
            if (first < seg[0]) {
                first += step;
            }
            for (long t = first; t <= seg[1] && out.size() < 10_000; t += step) {
                out.add(t);
            }
        }
        long[] a = new long[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    /** Digits after the seconds' point that a label at this step needs: 0 for ≥ 1 s, 3 for ms, 6 for µs, 9 for ns. */
    public static int fractionDigits(long step) {
        int d = 0;
        long s = step;
        while (s < 1_000_000_000L && d < 9) {
            s *= 10;
            d++;
        }
        return d;
    }
}
