package faultline.ui.timeline;

import faultline.model.EventStore;
import faultline.model.Level;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline's plain rules, without a toolkit: where the hover tip goes, a measurement's words. */
class TimelineRulesTest {
    @Test
    void theHoverTipStaysInsideTheWindow() {
        double[] inside = TipPlacement.place(100, 100, 200, 60, 1280, 720);
        assertEquals(100 + TipPlacement.DX, inside[0]);
        double[] right = TipPlacement.place(1200, 100, 200, 60, 1280, 720);
        assertTrue(right[0] + 200 <= 1280 && right[0] < 1200, "flipped to the left of the mouse");
        double[] bottom = TipPlacement.place(100, 700, 200, 60, 1280, 720);
        assertTrue(bottom[1] + 60 <= 720 && bottom[1] < 700, "flipped above the mouse");
        double[] huge = TipPlacement.place(600, 300, 1400, 900, 1280, 720);
        assertEquals(0, huge[0]);
        assertEquals(0, huge[1]);
    }

    @Test
    void aMeasurementIsExactToTheDigitsBothTimesHave() {
        assertEquals("+0.636 ms", MeasureText.exact(636_000, 6));
        assertEquals("+1.234567 ms", MeasureText.exact(1_234_567, 9), "never rounded to three significant digits");
        assertEquals("−2.000 s", MeasureText.exact(-2_000_000_000L, 3));
        assertEquals("+17 min 9.006018 s", MeasureText.exact(1_029_006_018_000L, 6));
        EventStore.Builder b = EventStore.builder(4);
        int a = b.add(1_771_943_513_552_424_000L, 6, false, Level.DEBUG, 0, 0, 0);
        int c = b.add(1_771_943_513_553_060_000L, 6, false, Level.INFO, 0, 0, 0);
        EventStore s = b.build(List.of());
        assertEquals("Δ +0.636 ms · 14:31:53.552424 → 14:31:53.553060", MeasureText.of(s, a, c, 636_000, "", "", false));
        String across = MeasureText.of(s, a, c, 100_000, "78cd8678", "e040ae48", false);
        assertTrue(across.startsWith("Δ +0.100 ms · 78cd8678 14:31:53.552424 → e040ae48 14:31:53.553060 (aligned; wall clock +0.636 ms)"), across);
    }
}
