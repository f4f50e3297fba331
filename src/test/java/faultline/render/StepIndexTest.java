package faultline.render;

import faultline.model.StepKind;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A column of many steps shows and labels its crash point, else its first parameter step, as a walk over its steps would. */
class StepIndexTest {
    @Test
    void nextCrashAndParameterStepMatchAWalk() {
        List<TimelineScene.StepMark> steps = new ArrayList<>();
        StepKind[] kinds = StepKind.values();
        for (int i = 0; i < 500; i++) {
            steps.add(new TimelineScene.StepMark(1_000L * i, kinds[(i * 7) % kinds.length], i, "p" + i, i == 137 || i == 400));
        }
        StepIndex ix = new StepIndex(steps);
        for (int from = 0; from < 500; from += 3) {
            for (int to = from + 1; to <= 500; to += 17) {
                int crash = -1;
                int processing = -1;
                for (int q = from; q < to; q++) {
                    if (crash < 0 && steps.get(q).crashPoint()) {
                        crash = q;
                    }
                    if (processing < 0 && steps.get(q).kind() == StepKind.PROCESSING) {
                        processing = q;
                    }
                }
                assertEquals(crash, ix.nextCrash[from] < to ? ix.nextCrash[from] : -1, "crash in [" + from + ", " + to + ")");
                assertEquals(processing, ix.nextProcessing[from] < to ? ix.nextProcessing[from] : -1, "parameter step in [" + from + ", " + to + ")");
            }
            assertEquals(from, ix.atOrAfter(1_000L * from, 0));
            assertEquals(from + 1, ix.atOrAfter(1_000L * from + 1, from));
        }
    }
}
