package faultline.importer.merge;

import faultline.model.Level;
import faultline.model.WordGate;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * The status a line states is the same whether the rules' words were found in its decoded message or by
 * a gate over its bytes, and a line that holds an ending's word but names no unit is passed over undecoded.
 */
class StatusWordsGateTest {
    private static final WordGate GATE = new WordGate(StatusWords.hintGroups());

    private static final List<String> LINES = List.of(
            "Generation completed in 25.4s",
            "temporalio.worker._workflow_instance Failed activation on workflow RenderBatch with ID batch-7 and run ID 0196d2c5-1b2c-7d3e-8f4a-5b6c7d8e9f01",
            "[request 0b9d4f6e-edc4-11ef-a1c7-0242ac120004] Leave chat, elapsed time: 3 s",
            "[request 1c2e7a90-edc4-11ef-b2d8-0242ac120004] Leave chat, error: CUDA out of memory, elapsed time: 0 s",
            "async_engine.py:782 - session 2 finished, reason \"error\"",
            "[Task Queue] Waiting for task finished, job_id=e05c6a9b-1f3d-4b28-8a7e-9d2c4f6b1e37",
            "✅ DIAGNOSTIC: Loop completed successfully, processed 20 items",
            "[TASK_PROCESSING] Phase 2 complete - Model switch took 3.1s",
            "Task 12 finished in 3.1s",
            "job 7f3a9c failed: CUDA error",
            "Job\tj-42 crashed",
            "request r-9 done",
            "Prompt 4411 completed",
            "Generation failed.",
            "Prediction succeeded",
            "inference failed",
            "HEADLESS: Finished task 5867477e-a70c-4c0c-a3c5-4166cdbd788e (Success: True)",
            "Task app.render[8c1d] succeeded in 1.2s: None",
            "Task app.render[8c1d] raised unexpected: ValueError('x')",
            "Retrying task 12 in 5s",
            "Worker lost: signal 9 (SIGKILL)",
            "Killed",
            "🔍 LOOP [3]: Processing param='steps', value_type=int",
            "Prompt executed in 12.03 seconds",
            "!!! Exception during processing !!! CUDA out of memory",
            "Traceback (most recent call last):\n  File \"w.py\", line 3, in run\nValueError: bad",
            "Exception in task 8.0 in stage 2.0 (TID 17)\n\tat org.apache.spark.Executor.run(Executor.java:12)",
            "Aborted request cmpl-77",
            "work-horse terminated unexpectedly; waitpid returned 9",
            "ingest finished without a unit",
            "");

    @Test
    void theGateOverBytesStatesWhatTheMessageStates() {
        for (Level level : new Level[] {Level.INFO, Level.WARNING, Level.ERROR, Level.CRITICAL}) {
            for (String line : LINES) {
                byte[] b = line.getBytes(StandardCharsets.UTF_8);
                long groups = GATE.groups(b, 0, b.length);
                assertEquals(StatusWords.of(line, level), StatusWords.of(line, level, groups), "first rules: " + line);
                for (boolean named : new boolean[] {false, true}) {
                    assertEquals(StatusWords.ofOtherWorkers(line, level, named),
                            StatusWords.ofOtherWorkers(line, level, named, groups), "other workers' rules: " + line);
                }
                if (StatusWords.of(line, level) != null || StatusWords.ofOtherWorkers(line, level, false) != null) {
                    assertNotEquals(0, StatusWords.viable(groups), "a line that says a status is a candidate: " + line);
                }
            }
        }
    }

    @Test
    void anEndingsWordWithoutAUnitIsNoCandidate() {
        for (String line : List.of("✅ DIAGNOSTIC: Loop completed successfully, processed 20 items",
                "[TASK_PROCESSING] Phase 2 complete - Model switch took 3.1s", "ingest finished without a unit")) {
            byte[] b = line.getBytes(StandardCharsets.UTF_8);
            assertEquals(0, StatusWords.viable(GATE.groups(b, 0, b.length)), line);
        }
        byte[] named = "Task 12 finished in 3.1s".getBytes(StandardCharsets.UTF_8);
        assertEquals(StatusWords.Says.COMPLETE, StatusWords.of("Task 12 finished in 3.1s", Level.INFO, GATE.groups(named, 0, named.length)));
    }
}
