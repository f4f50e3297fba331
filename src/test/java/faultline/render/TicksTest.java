package faultline.render;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.ToDoubleFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The axis over many spans, widths and positions, linear and folded: labels are distinct, written
 * in one unit, fit between their ticks, and the first clock label is written in full.
 */
class TicksTest {
    static final long NOW = 1_771_943_513_553_060_000L;
    /** A sans font of 10 px measures about this much per character; digits are the widest. */
    static final ToDoubleFunction<String> WIDTH = s -> s.length() * 6.2;

    private static void check(TimeScale v, boolean wall, String what) {
        Ticks.TickSet t = Ticks.of(v, wall, x -> NOW + x, WIDTH, 14);
        assertTrue(t.size() >= 1 || v.segments().isEmpty(), what + ": at least one tick");
        Set<String> rel = new HashSet<>();
        Set<String> clock = new HashSet<>();
        String unit = null;
        for (int i = 0; i < t.size(); i++) {
            String r = t.relative()[i];
            if (!wall) {
                assertTrue(rel.add(r), what + ": label " + r + " repeats in " + List.of(t.relative()));
                String u = unitOf(r);
                if (!r.equals("T")) {
                    assertTrue(unit == null || unit.equals(u), what + ": units mixed: " + List.of(t.relative()));
                    unit = u;
                }
            }
        }
        // A clock label names only what changed (the date where it changes, the hour and minute where
        // they change): read with what the labels before it named, each is a different moment.
        String date = "";
        String hourMinute = "";
        for (int i = 0; i < t.size(); i++) {
            String c = t.clock()[i];
            if (c.matches("\\d\\d-\\d\\d .*")) {
                date = c.substring(0, 5);
                c = c.substring(6);
            }
            if (c.startsWith(":")) {
                c = hourMinute + c;
            }
            hourMinute = c.substring(0, 5);
            assertTrue(clock.add(date + " " + c), what + ": clock label " + t.clock()[i] + " repeats in " + List.of(t.clock()));
        }
        if (t.size() > 0) {
            assertTrue(t.clock()[0].matches("(\\d\\d-\\d\\d )?\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?"), what + ": the first tick in full: " + t.clock()[0]);
        }
        // Ticks a step apart leave room for the widest label (only a fold can bring two closer).
        if (v.folds().isEmpty() && t.size() > 1) {
            double room = t.step() / v.nanosPerPixel();
            double widest = 0;
            for (int i = 0; i < t.size(); i++) {
                widest = Math.max(widest, Math.max(WIDTH.applyAsDouble(t.relative()[i]), WIDTH.applyAsDouble(t.clock()[i])));
            }
            assertTrue(widest + 14 <= room + 1e-9, what + ": labels of " + widest + " px in " + room + " px");
        }
    }

    /** "ms" of "T−1.5 ms"; "m:ss" of "T+12:30". */
    private static String unitOf(String label) {
        int sp = label.lastIndexOf(' ');
        return sp < 0 ? "m:ss" : label.substring(sp + 1);
    }

    @Test
    void everySpanFromNanosecondsToWeeksReadsInOneUnitWithDistinctLabels() {
        Random r = new Random(20260301);
        for (int k = 0; k < 3000; k++) {
            double logSpan = Math.log(Viewport.MIN_SPAN) + r.nextDouble() * (Math.log(14 * 86_400e9) - Math.log(Viewport.MIN_SPAN));
            long span = Math.max(Viewport.MIN_SPAN, (long) Math.exp(logSpan));
            double width = 200 + r.nextInt(3800);
            long start = switch (k % 3) {
                case 0 -> -span / 2 + r.nextInt(1000);
                case 1 -> -(long) (r.nextDouble() * 3_600e9);
                default -> (long) (r.nextDouble() * 86_400e9) - span;
            };
            Viewport v = new Viewport(start, span, width);
            check(v, false, "span " + span + " ns over " + width + " px from " + start);
            if (k % 10 == 0) {
                check(v, true, "wall clock, span " + span);
            }
        }
    }

    @Test
    void zoomingStepByStepNeverRepeatsALabel() {
        Viewport v = new Viewport(-250_000_000_000L, 2_000_000, 685);
        for (int i = 0; i < 60; i++) {
            check(v, false, "zoom step " + i + " (span " + v.span() + ")");
            v = v.zoom(1.5, 300);
        }
    }

    @Test
    void theCasesThatUsedToRepeatOrMixUnits() {
        // Six ticks at 0.5 ms spacing, 250 s before T: each reads on its own.
        Ticks.TickSet a = Ticks.of(new Viewport(-250_001_500_000L, 3_000_000, 685), false, x -> NOW + x, WIDTH, 14);
        assertEquals("T−250.0015 s", a.relative()[0]);
        assertEquals("T−250.0010 s", a.relative()[1]);
        assertEquals(Ticks.Unit.S, a.unit());
        // Around T+510 s at a second's resolution.
        Ticks.TickSet b = Ticks.of(new Viewport(509_000_000_000L, 4_000_000_000L, 685), false, x -> NOW + x, WIDTH, 14);
        assertEquals(new HashSet<>(List.of(b.relative())).size(), b.size());
        // Quarter of an hour before T: minutes and seconds, not "15 min 0 s" beside "300 s".
        Ticks.TickSet c = Ticks.of(new Viewport(-1_000_000_000_000L, 1_100_000_000_000L, 685), false, x -> NOW + x, WIDTH, 14);
        assertEquals(Ticks.Unit.MIN_S, c.unit());
        assertTrue(List.of(c.relative()).contains("T−15:00") || List.of(c.relative()).contains("T−10:00"), List.of(c.relative()).toString());
        assertEquals("0.5 ms", Ticks.of(new Viewport(0, 5_000_000, 1200), false, x -> x, WIDTH, 14).stepText());
    }

    @Test
    void foldedAxesKeepDistinctLabelsOnEveryStretch() {
        long[] times = {0, 10_000, 20_000, 5_000_000_000L, 5_000_010_000L, 900_000_000_000L, 900_000_050_000L};
        Folding f = Folding.of(times, 100_000_000L, 1_000_000);
        for (double w : new double[]{300, 800, 2400}) {
            FoldedScale s = new FoldedScale(Viewport.fit(f.compress(0), f.compress(900_000_050_000L), w, 0.02), f);
            check(s, false, "folded over " + w + " px");
        }
    }
}
