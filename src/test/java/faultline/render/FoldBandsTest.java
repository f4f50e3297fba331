package faultline.render;

import faultline.model.Level;
import faultline.model.PhaseKind;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A folded gap is a band on each lane's background, in the opaque colour the grid's tint makes there,
 * drawn before what the lane shows: a phase that runs across the gap stays on top of it.
 */
class FoldBandsTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void aFoldIsABandUnderTheLanesContent() {
        // Events for a minute, an idle hour, events for another minute; a phase across all of it.
        int n = 240;
        long[] t = new long[n];
        byte[] lv = new byte[n];
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i * SECOND / 2 + (i >= n / 2 ? 3600 * SECOND : 0);
            lv[i] = (byte) Level.INFO.ordinal();
            rows[i] = i;
        }
        List<TimelineScene.PhaseBar> phases = List.of(new TimelineScene.PhaseBar(PhaseKind.PARAMETER_RESOLUTION, t[0], t[n - 1], false, ""));
        TimelineScene.Lane lane = new TimelineScene.Lane(0, "lane", "", 0, 0, phases, TimelineScene.Marks.of(t, t.clone(), lv, rows),
                List.of(), null, t[0], t[n - 1]);
        TimelineScene scene = new TimelineScene(List.of(lane), "crash");
        Folding folding = Folding.of(scene);
        FoldedScale v = new FoldedScale(Viewport.fit(folding.compress(scene.first()), folding.compress(scene.last()), 800, 0.02), folding);
        assertEquals(1, v.folds().size(), "the idle hour is folded");

        TimelineStyle style = TimelineStyle.light();
        TimelineLayout layout = TimelineLayout.of(scene);
        RecordingSurface s = new RecordingSurface(800, layout.height());
        new TimelineRenderer().render(s, scene, layout, 0, v, style);

        Rgba background = style.get(StyleKey.LANE_BACKGROUND);
        Rgba band = style.get(StyleKey.GRID).withAlpha(0.35).over(background);
        int bandAt = indexOf(s, r -> r.c().equals(band));
        assertTrue(bandAt >= 0, "the fold's band is drawn on the lane: " + s.rects);
        RecordingSurface.Rect b = s.rects.get(bandAt);
        assertEquals(1.0, b.c().a(), "opaque");
        assertEquals(Math.floor(b.x()), b.x(), "on whole pixels");
        double foldX = v.x(v.folds().get(0).from());
        assertTrue(b.x() <= foldX && b.x() + b.w() >= foldX, "where the gap is: " + b + " at " + foldX);
        assertTrue(b.y() <= layout.eventTop(0) && b.y() + b.h() >= layout.eventTop(0) + TimelineLayout.EVENT_ROW, "the lane's height");
        int backgroundAt = indexOf(s, r -> r.c().equals(background));
        int phaseAt = indexOf(s, r -> r.c().equals(style.get(StyleKey.PHASE_PARAMETER_RESOLUTION)));
        assertTrue(backgroundAt < bandAt, "the band lies on the lane's background");
        assertTrue(phaseAt > bandAt, "and under the phase that crosses the gap");
        assertFalse(s.rects.stream().anyMatch(r -> r.c().a() < 1 && r.h() >= layout.height() - TimelineLayout.AXIS_HEIGHT - 1),
                "no translucent band over every lane");
    }

    private static int indexOf(RecordingSurface s, java.util.function.Predicate<RecordingSurface.Rect> p) {
        for (int i = 0; i < s.rects.size(); i++) {
            if (p.test(s.rects.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
