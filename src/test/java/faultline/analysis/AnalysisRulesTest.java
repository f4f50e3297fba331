package faultline.analysis;

import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.Crash;
import faultline.model.DurationText;
import faultline.model.LoopParam;
import faultline.model.ParamStatus;
import faultline.model.Phase;
import faultline.model.PhaseKind;
import faultline.model.Provenance.Origin;
import faultline.model.StepKind;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalysisRulesTest {
    @TempDir
    Path dir;

    static final String A = "aaaaaaaa-1111-4222-8333-444455556666";
    static final String B = "bbbbbbbb-1111-4222-8333-444455556666";
    static final String C = "cccccccc-1111-4222-8333-444455556666";

    /** A task that loads a model, downloads LoRAs, runs two loop iterations and fails in the third. */
    static TaskLogs failing(String id) {
        return new TaskLogs(id)
                .param("guidance_scale", "1")
                .at(0, "INFO", "HEADLESS: [CLAIM] ✅ Claimed task " + id + " (type=travel_segment, segment_index=0)")
                .at(1_000_000, "INFO", "HEADLESS: Processing travel_segment task")
                .at(100_000, "INFO", "MODEL: 🔄 MODEL SWITCH: switching from (current: none) to m")
                .at(12_000_000, "INFO", "MODEL: [TASK_PROCESSING] Phase 1 complete - Model switch took 12.0s")
                .at(5_000, "INFO", "QUEUE: [LORA_PROCESS] Task " + id + ": 2 LoRAs need downloading")
                .at(10_000, "INFO", "QUEUE: [LORA_DOWNLOAD] Task " + id + ": Downloaded a.safetensors")
                .at(10_000, "INFO", "QUEUE: [LORA_DOWNLOAD] Task " + id + ": Downloaded b.safetensors")
                .at(1_000, "INFO", "HEADLESS: phase_config overriding num_inference_steps: 6 (from steps_per_phase [2, 2, 2])")
                .at(500, "INFO", "GENERATION: 🔍 DIAGNOSTIC: model_defaults has 3 parameters | keys: ['num_inference_steps', 'seed', 'guidance_scale'] | is type: <class 'dict'> | id: 1")
                .iteration(1, 3, "num_inference_steps", "int", "25")
                .at(300, "INFO", "GENERATION: 🔍 LOOP [2/3]: Processing param='seed'")
                .at(200, "INFO", "GENERATION: ⏭️  LOOP [2]: Skipped 'seed' - model default is None (invalid)")
                .at(300, "INFO", "GENERATION: 🔍 LOOP [3/3]: Processing param='guidance_scale', value_type=int")
                .at(200, "DEBUG", "GENERATION: 🔍 LOOP [3]: Getting old value for 'guidance_scale'")
                .at(400, "ERROR", "QUEUE: [TASK_ERROR] Task " + id + " failed after 13.1s: KeyError: 'guidance'")
                .meta(1_000_000, "INFO", "Processing status update", "{\"status\": \"Failed\"}")
                .meta(200_000, "INFO", "Task status updated successfully", "{\"status\": \"Failed\"}");
    }

    static TaskLogs completing(String id) {
        TaskLogs t = new TaskLogs(id).status("Complete").param("guidance_scale", "1")
                .at(0, "INFO", "HEADLESS: Processing travel_segment task")
                .at(500, "INFO", "GENERATION: 🔍 DIAGNOSTIC: model_defaults has 3 parameters | keys: ['num_inference_steps', 'seed', 'guidance_scale'] | is type: <class 'dict'> | id: 2")
                .iteration(1, 3, "num_inference_steps", "int", "25")
                .at(300, "INFO", "GENERATION: 🔍 LOOP [2/3]: Processing param='seed'")
                .at(200, "INFO", "GENERATION: ⏭️  LOOP [2]: Skipped 'seed' - model default is None (invalid)")
                .iteration(3, 3, "guidance_scale", "int", "7.5")
                .at(300, "INFO", "GENERATION: ✅ DIAGNOSTIC: Loop completed successfully, processed 3 items")
                .at(300, "INFO", "GENERATION: Task override guidance_scale: 7.5 → 1")
                .at(300, "INFO", "GENERATION: [FINAL_PARAMS] guidance_scale: 1")
                .at(3_000, "INFO", "GENERATION: [TASK_PROCESSING] Task " + id + ": Phase 3 - Starting generation")
                .at(60_000_000, "INFO", "GENERATION: Generation completed in 60.0s")
                .at(1_000_000, "INFO", "HEADLESS: Task completed successfully: /out/x.mp4")
                .at(1_000, "INFO", "HEADLESS: Finished task (Success: True)");
        return t;
    }

    @Test
    void phasesComeFromTheRulesAndAreNeverInvented() throws Exception {
        TaskSet set = TaskLogs.load(dir, failing(A));
        TaskAnalysis a = new Analyzer(set).analyse(set.find(A).orElseThrow());
        Phase load = a.phase(PhaseKind.MODEL_LOADING);
        assertEquals("12 s", DurationText.seconds(load.duration()));
        assertEquals("2 LoRAs", a.phase(PhaseKind.LORA_DOWNLOAD).detail());
        assertEquals(20_000_000L, a.phase(PhaseKind.LORA_DOWNLOAD).duration(), "ends at the last download");
        Phase params = a.phase(PhaseKind.PARAMETER_RESOLUTION);
        assertTrue(params.endsAtFailure(), "no 'Loop completed': it ends at the failure");
        assertFalse(a.phase(PhaseKind.SAMPLING).logged(), "not logged, not invented");
        assertTrue(a.phase(PhaseKind.STATUS_UPDATE).logged());
        assertFalse(a.phase(PhaseKind.CASCADE).logged());
        assertEquals(1_000_000_000L, a.phase(PhaseKind.WAITING).duration(), "claimed → processing");
    }

    @Test
    void theLoopKnowsEveryStepTypeAndWhereValuesCameFrom() throws Exception {
        TaskSet set = TaskLogs.load(dir, failing(A), completing(B));
        Analyzer an = new Analyzer(set);
        TaskAnalysis a = an.analyse(set.find(A).orElseThrow());
        TaskAnalysis b = an.analyse(set.find(B).orElseThrow());
        LoopParam steps = a.loop().param("num_inference_steps");
        assertEquals(List.of(StepKind.PROCESSING, StepKind.GETTING_OLD_VALUE, StepKind.ASSIGNING, StepKind.LOGGING_CHANGE,
                StepKind.CHANGE, StepKind.COMPLETED), steps.steps().stream().map(s -> s.kind()).toList());
        assertEquals("num_inference_steps: NOT_SET → 25", steps.changeLine());
        assertEquals(List.of(Origin.MODEL_DEFAULT, Origin.PHASE_CONFIG), steps.provenance().stream().map(p -> p.origin()).toList());
        assertEquals("6", steps.provenance().get(1).value().text());
        LoopParam seed = a.loop().param("seed");
        assertEquals(ParamStatus.SKIPPED, seed.status());
        assertEquals("model default is None (invalid)", seed.skipReason());

        LoopParam crash = a.loop().param("guidance_scale");
        assertEquals(ParamStatus.CRASH_POINT, crash.status());
        assertEquals("7.5", crash.value().text(), "the model default, learned from a task of the same model");
        assertTrue(crash.provenance().get(0).where().contains(B.substring(0, 8)));
        assertEquals("1", crash.provenance().get(1).value().text(), "the task parameter");
        assertTrue(crash.typeMismatch(), "value_type=int for 7.5");

        LoopParam done = b.loop().param("guidance_scale");
        assertEquals(List.of(Origin.MODEL_DEFAULT, Origin.TASK_PARAMETER, Origin.OVERRIDE, Origin.FINAL),
                done.provenance().stream().map(p -> p.origin()).toList());
        assertTrue(b.loop().completed());
        assertNull(b.crash());
    }

    @Test
    void theCrashPointIsAfterTheLastStepAndBeforeTheLearnedNextOne() throws Exception {
        TaskSet set = TaskLogs.load(dir, failing(A));
        Crash c = new Analyzer(set).analyse(set.find(A).orElseThrow()).crash();
        assertEquals("guidance_scale", c.crashParam().name());
        assertEquals(StepKind.GETTING_OLD_VALUE, c.lastStep());
        assertEquals(StepKind.ASSIGNING, c.expectedNext(), "learned from LOOP [1]");
        assertEquals("KeyError", c.exceptionType());
        assertEquals("'guidance'", c.message());
        assertEquals(PhaseKind.PARAMETER_RESOLUTION, c.phase());
        assertEquals(400_000L, c.signalEarliest() - set.store().nanos(c.lastEvidence()));
        assertTrue(c.caveats().stream().anyMatch(s -> s.startsWith("No traceback")));
        assertFalse(c.caveats().stream().anyMatch(s -> s.contains("rows may be missing")), "0.4 ms is no gap");
    }

    @Test
    void aLongSilenceBeforeTheFailureSaysRowsMayBeMissing() throws Exception {
        TaskLogs t = new TaskLogs(C)
                .at(0, "INFO", "HEADLESS: Processing travel_segment task")
                .at(300, "INFO", "GENERATION: 🔍 LOOP [1/2]: Processing param='p'")
                .meta(1_500_000, "INFO", "Processing status update", "{\"status\": \"Failed\"}");
        TaskSet set = TaskLogs.load(dir, t);
        Crash c = new Analyzer(set).analyse(set.find(C).orElseThrow()).crash();
        assertTrue(c.caveats().stream().anyMatch(s -> s.contains("(1.500 s): rows may be missing")), c.caveats().toString());
        assertEquals(StepKind.PROCESSING, c.lastStep());
        assertNull(c.expectedNext(), "nothing to learn from: no finished iteration anywhere");
    }

    @Test
    void sameSignatureIsOnePattern() throws Exception {
        TaskSet set = TaskLogs.load(dir, failing(A), failing(B), new TaskLogs(C)
                .at(0, "INFO", "HEADLESS: Processing travel_segment task")
                .at(500, "ERROR", "QUEUE: [TASK_ERROR] Task " + C + " failed after 0.1s: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB"));
        Analyzer an = new Analyzer(set);
        List<TaskAnalysis> all = an.analyse(set.failed());
        List<PatternGroups.Group> groups = PatternGroups.of(all, set.store());
        assertEquals(2, groups.size());
        PatternGroups.Group same = groups.stream().filter(PatternGroups.Group::identical).findFirst().orElseThrow();
        assertEquals(2, same.taskIds().size());
        assertEquals("torch.OutOfMemoryError", an.analyse(set.find(C).orElseThrow()).crash().exceptionType());
        assertEquals("CUDA out of memory. Tried to allocate <n> GiB", CrashAnalyzer.normalise("CUDA out of memory. Tried to allocate 2.00 GiB"));
    }

    @Test
    void alignmentPutsEachAnchorAtZeroAndKeepsHandShifts() throws Exception {
        TaskSet set = TaskLogs.load(dir, failing(A), failing(B));
        Analyzer an = new Analyzer(set);
        List<TaskAnalysis> two = an.analyse(List.of(set.find(A).orElseThrow(), set.find(B).orElseThrow()));
        Comparison crash = Alignment.align(two, Anchor.CRASH, List.of(0L, 250_000L), set);
        for (int lane = 0; lane < 2; lane++) {
            // The failure line has a time of its own: it is T, whatever came before it.
            long failure = set.store().nanos(two.get(lane).crash().firstSignal());
            assertEquals(lane == 0 ? 0 : 250_000L, crash.aligned(lane, failure));
            assertEquals(faultline.model.LaneAnchor.Kind.FAILURE, crash.laneAnchors().get(lane).kind());
        }
        Comparison loop = Alignment.align(two, Anchor.LOOP_START, List.of(), set);
        assertEquals(0, loop.aligned(0, two.get(0).loop().params().get(0).first().nanos()));
        Comparison wall = Alignment.align(two, Anchor.WALL_CLOCK, List.of(), set);
        assertEquals(wall.anchors().get(0), wall.anchors().get(1), "wall clock: one reference for all lanes");
        Comparison claimed = Alignment.align(two, Anchor.CLAIMED, List.of(), set);
        assertEquals(0, claimed.aligned(1, two.get(1).milestone(faultline.model.Milestone.Kind.CLAIMED).nanos()));
    }

    @Test
    void whatChangedBetweenTwoIterations() throws Exception {
        TaskSet set = TaskLogs.load(dir, failing(A), completing(B));
        Analyzer an = new Analyzer(set);
        TaskAnalysis a = an.analyse(set.find(A).orElseThrow());
        LoopChange ch = LoopChange.between(a.loop().param("num_inference_steps"), a.loop().param("guidance_scale"));
        assertTrue(ch.changes().contains("logged type no longer fits the value: value_type=int for 7.5"), ch.changes().toString());
        assertTrue(ch.changes().contains("outcome: completed → crash point"));
        assertTrue(ch.unchanged().contains("logged value_type: int"));
        assertEquals(800_000L, ch.gapNanos(), "from LOOP [1]'s last line to LOOP [3]'s first, across the skipped LOOP [2]");
    }
}
