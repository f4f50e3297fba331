package faultline.render;

import faultline.model.Level;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Viewport arithmetic, ticks, folding, reduction to pixel columns and view history: no toolkit needed. */
class TimelineMathTest {
    static final long NOW = 1_771_943_513_553_060_000L; // 2026-02-24T14:31:53.553060Z

    @Test
    void aMicrosecondViewAtTodaysEpochKeepsEveryNanosecond() {
        Viewport v = new Viewport(NOW, 1_000, 1000);
        for (long d = 0; d <= 1000; d += 37) {
            assertEquals(d, v.x(NOW + d), 1e-9);
            assertEquals(NOW + d, v.time(v.x(NOW + d)));
        }
        assertEquals(1.0, v.nanosPerPixel());
    }

    @Test
    void aDayViewAtTodaysEpochMapsBackWithinHalfAPixel() {
        long day = 86_400_000_000_000L;
        Viewport v = new Viewport(NOW - day / 2, day, 2000);
        for (long t = NOW - day / 2; t <= NOW + day / 2; t += day / 97) {
            long back = v.time(v.x(t));
            assertTrue(Math.abs(back - t) <= v.nanosPerPixel() / 2 + 1, "round trip at " + t);
        }
        assertEquals(1000.0, v.x(NOW), 1e-6);
    }

    @Test
    void zoomKeepsTheTimeUnderTheCursor() {
        Viewport v = new Viewport(0, 1_000_000_000L, 1000);
        long under = v.time(250);
        Viewport z = v.zoom(0.5, 250);
        assertEquals(under, z.time(250));
        assertEquals(500_000_000L, z.span());
        assertEquals(Viewport.MIN_SPAN, v.zoom(1e-12, 0).span(), "never narrower than the smallest span");
    }

    @Test
    void ticksFromHoursToNanoseconds() {
        assertEquals(200, Ticks.step(new Viewport(NOW, 1_000, 1000), 110), "1 µs across 1000 px: 200 ns ticks");
        assertEquals(10_800_000_000_000L, Ticks.step(new Viewport(NOW, 86_400_000_000_000L, 1000), 110), "a day: 3 h ticks");
        assertEquals(1_000_000L, Ticks.step(new Viewport(0, 5_000_000L, 600), 110), "5 ms across 600 px: 1 ms ticks");
        assertEquals(3, Ticks.fractionDigits(1_000_000L));
        assertEquals(6, Ticks.fractionDigits(2_000L));
        assertEquals(0, Ticks.fractionDigits(10_000_000_000L));
        long[] p = Ticks.positions(new Viewport(150, 1000, 1000), 200);
        assertEquals(List.of(200L, 400L, 600L, 800L, 1000L), java.util.Arrays.stream(p).boxed().toList());
    }

    @Test
    void foldingShrinksIdleGapsAndMapsBack() {
        long[] times = {0, 10, 20, 1_000_000, 1_000_010, 5_000_000};
        Folding f = Folding.of(times, 100_000, 1_000);
        assertEquals(2, f.size());
        long last = Long.MIN_VALUE;
        for (long t = 0; t <= 5_000_000; t += 1_234) {
            long c = f.compress(t);
            assertTrue(c >= last, "compression keeps order");
            last = c;
        }
        for (long t : times) {
            assertEquals(t, f.expand(f.compress(t)), "unfolded times map back exactly");
        }
        assertTrue(f.compress(5_000_000) < 20_000, "four seconds of silence take a few µs of axis");
        FoldedScale s = new FoldedScale(Viewport.fit(f.compress(0), f.compress(5_000_000), 1000, 0), f);
        assertEquals(2, s.folds().size());
        assertEquals(3, s.segments().size(), "ticks go on the three stretches between the folds");
        assertEquals(0, s.x(0), 1e-6);
        assertEquals(1000, s.x(5_000_000), 1e-6);
    }

    @Test
    void blockSummariesGiveTheSameAnswerAsEveryEvent() {
        Random r = new Random(7);
        int n = 10_000;
        long[] t = new long[n];
        long[] latest = new long[n];
        byte[] lv = new byte[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 10L;
            latest[i] = t[i] + (r.nextInt(50) == 0 ? 5_000 : 0);
            lv[i] = (byte) (r.nextInt(100) == 0 ? Level.ERROR.ordinal() : r.nextInt(3));
        }
        TimelineScene.Marks m = TimelineScene.Marks.of(t, latest, lv, new int[n]);
        for (int k = 0; k < 300; k++) {
            int a = r.nextInt(n);
            int b = a + r.nextInt(n - a + 1);
            int max = -1;
            long wide = 0;
            for (int i = a; i < b; i++) {
                max = Math.max(max, lv[i]);
                wide = Math.max(wide, latest[i] - t[i]);
            }
            assertEquals(max, m.maxLevel(a, b));
            assertEquals(wide, m.maxWindow(a, b));
        }
    }

    @Test
    void atMostOneMarkPerPixelColumnPerLane() {
        int n = 200_000;
        long[] t = new long[n];
        byte[] lv = new byte[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * 1_000L;
            lv[i] = (byte) (i == 123_456 ? Level.CRITICAL.ordinal() : Level.DEBUG.ordinal());
        }
        TimelineScene.Lane lane = new TimelineScene.Lane(0, "lane", "", 0, 0, List.of(),
                TimelineScene.Marks.of(t, t.clone(), lv, new int[n]), List.of(), null, 0, t[n - 1]);
        TimelineScene scene = new TimelineScene(List.of(lane), "crash");
        RecordingSurface s = new RecordingSurface(500, 200);
        TimelineStyle style = TimelineStyle.light();
        new TimelineRenderer().render(s, scene, Viewport.fit(0, t[n - 1], 500, 0), style);
        double top = TimelineLayout.of(scene).eventTop(0);
        List<RecordingSurface.Rect> marks = s.rects.stream()
                .filter(x -> x.y() >= top && x.y() < top + TimelineLayout.EVENT_ROW && x.w() == 1).toList();
        assertTrue(marks.size() <= 501, "marks: " + marks.size());
        assertTrue(marks.stream().anyMatch(x -> x.c().equals(style.get(StyleKey.LEVEL_CRITICAL))),
                "the one critical event among 400 per column still shows");
        long distinct = marks.stream().mapToDouble(RecordingSurface.Rect::x).distinct().count();
        assertEquals(marks.size(), distinct, "no column drawn twice");
    }

    @Test
    void historyGoesBackAndForward() {
        ViewHistory<Integer> h = new ViewHistory<>();
        h.push(1);
        h.push(2);
        h.push(3);
        assertEquals(2, h.back());
        assertEquals(1, h.back());
        assertFalse(h.canGoBack());
        assertEquals(2, h.forward());
        h.push(9);
        assertFalse(h.canGoForward(), "a new view drops the forward history");
        assertEquals(2, h.back());
    }
}
