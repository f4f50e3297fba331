package faultline.analysis;

import faultline.Samples;
import faultline.model.Crash;
import faultline.model.DurationText;
import faultline.model.LoopParam;
import faultline.model.Milestone;
import faultline.model.ParamStatus;
import faultline.model.ParamStep;
import faultline.model.Phase;
import faultline.model.PhaseKind;
import faultline.model.StepKind;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;
import faultline.model.TimeText;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the seed states by hand, computed from the bundled sample — and corrected where the seed is wrong. */
class SeedExpectationsTest {
    static TaskSet set;
    static TaskAnalysis current;
    static TaskAnalysis previous;

    @BeforeAll
    static void analyse() {
        set = Samples.importSample();
        Analyzer a = new Analyzer(set);
        current = a.analyse(set.find(Samples.CURRENT).orElseThrow());
        previous = a.analyse(set.find(Samples.PREVIOUS).orElseThrow());
    }

    @Test
    void crashPointsAreTheSeedsParameters() {
        assertEquals("guidance_scale", current.loop().crashPoint().name());
        assertEquals(9, current.loop().crashPoint().index());
        assertEquals(32, current.loop().crashPoint().total());
        assertEquals("guidance_phases", previous.loop().crashPoint().name());
        assertEquals(26, previous.loop().crashPoint().index());
    }

    @Test
    void crashIsAfterGettingOldValueBeforeAssigning() {
        for (TaskAnalysis a : new TaskAnalysis[]{current, previous}) {
            Crash c = a.crash();
            assertEquals(StepKind.GETTING_OLD_VALUE, c.lastStep());
            assertEquals(StepKind.ASSIGNING, c.expectedNext(), "learned from the loop's earlier iterations");
            assertEquals("AttributeError", c.exceptionType());
            assertEquals("'NoneType' object has no attribute 'get'", c.message());
            assertEquals(PhaseKind.PARAMETER_RESOLUTION, c.phase());
        }
        assertEquals(current.crash().signature(), previous.crash().signature(), "the identical pattern");
    }

    @Test
    void previousModelLoadTook248Seconds() {
        Phase load = previous.phase(PhaseKind.MODEL_LOADING);
        assertTrue(load.logged());
        assertEquals("14:10:35", TimeText.clock(load.start(), 0));
        assertEquals("14:14:43", TimeText.clock(load.end(), 0));
        assertEquals("248 s", DurationText.seconds(load.duration()));
        assertFalse(current.phase(PhaseKind.MODEL_LOADING).logged(), "the current model load is not logged, not invented");
    }

    @Test
    void loraDownloadsAreCounted() {
        assertEquals("3 LoRAs", current.phase(PhaseKind.LORA_DOWNLOAD).detail());
        assertEquals("2 LoRAs", previous.phase(PhaseKind.LORA_DOWNLOAD).detail());
    }

    @Test
    void milestonesMatchTheSeedsLifecycle() {
        assertEquals("14:23:21", clock(current, Milestone.Kind.CREATED));
        assertEquals("14:23:26", clock(current, Milestone.Kind.CLAIMED));
        assertEquals("14:31:53", clock(current, Milestone.Kind.GENERATION_START));
        assertEquals("14:31:54", clock(current, Milestone.Kind.STATUS_UPDATE));
        assertEquals("14:31:54", clock(current, Milestone.Kind.CASCADE));
        assertEquals("14:06:15", clock(previous, Milestone.Kind.CREATED));
        assertEquals("14:06:16", clock(previous, Milestone.Kind.RETURNED));
        assertEquals("14:10:34", clock(previous, Milestone.Kind.CLAIMED));
        assertEquals("14:10:35", clock(previous, Milestone.Kind.GENERATION_START));
        assertEquals("14:14:45", clock(previous, Milestone.Kind.STATUS_UPDATE));
        assertEquals("14:14:46", clock(previous, Milestone.Kind.CASCADE));
        assertEquals("14:31:54.583", TimeText.clock(current.milestone(Milestone.Kind.STATUS_UPDATE).nanos(), 3));
        assertEquals("14:14:45.583", TimeText.clock(previous.milestone(Milestone.Kind.STATUS_UPDATE).nanos(), 3));
    }

    @Test
    void gapBetweenLoop8AndLoop9IsSixHundredThirtySixMicroseconds() {
        // The seed says "approximately 0.9 seconds later"; the rows are 0.636 ms apart.
        LoopParam eight = current.loop().param("multi_images_gen_type");
        LoopParam nine = current.loop().param("guidance_scale");
        ParamStep last8 = eight.lastStep();
        ParamStep first9 = nine.first();
        assertEquals(636_000L, first9.nanos() - last8.nanos());
        assertEquals("0.636 ms", DurationText.of(first9.nanos() - last8.nanos()));
        assertEquals("14:31:53.553060", TimeText.clock(first9.nanos(), 6));
    }

    @Test
    void guidanceScaleLoggedIntFor7Point5IsFlagged() {
        LoopParam p = current.loop().param("guidance_scale");
        assertEquals("int", p.loggedType());
        assertNotNull(p.value());
        assertEquals("7.5", p.value().text());
        assertTrue(p.typeMismatch());
        assertFalse(previous.loop().param("guidance_phases").typeMismatch(), "2 is an int: nothing to flag");
    }

    @Test
    void parametersAfterTheCrashAreNotReached() {
        assertEquals(ParamStatus.NOT_REACHED, current.loop().param("guidance2_scale").status());
        assertEquals(ParamStatus.COMPLETED, current.loop().param("multi_images_gen_type").status());
        assertEquals(32, current.loop().params().size());
    }

    private static String clock(TaskAnalysis a, Milestone.Kind k) {
        Milestone m = a.milestone(k);
        assertNotNull(m, k.name());
        return TimeText.clock(m.nanos(), 0);
    }
}
