package faultline.ui.app;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The starting sizes of the window's panes, without a toolkit. */
class PaneSizesTest {
    @Test
    void sidePanesStartWideEnoughForWhatTheyMustShow() {
        for (double w : new double[]{1280, 1440, 1600, 1920}) {
            double[] d = PaneSizes.dividers(w);
            double tasks = d[0] * w;
            double inspector = (1 - d[1]) * w;
            assertTrue(tasks >= PaneSizes.TASKS_MIN - 1e-6, w + ": the task list shows its status column: " + tasks);
            assertTrue(inspector >= PaneSizes.INSPECTOR_MIN - 1e-6, w + ": two full task columns: " + inspector);
            assertTrue(w - tasks - inspector >= PaneSizes.TIMELINE_MIN - 1e-6, w + ": the timeline keeps its room");
        }
        double[] narrow = PaneSizes.dividers(1000);
        assertTrue(1000 - narrow[0] * 1000 - (1 - narrow[1]) * 1000 >= PaneSizes.TIMELINE_MIN - 1e-6, "a narrow window shrinks the sides");
        assertEquals(0.5, PaneSizes.timelineShare(200, 800), 1e-9, "two short lanes still leave the side panes their height");
        assertEquals(0.76, PaneSizes.timelineShare(2000, 800), 1e-9, "eight lanes scroll rather than squeeze the log away");
    }
}
