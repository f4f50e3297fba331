package faultline.importer.merge;

import faultline.model.Level;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How the lines of workflow engines, inference servers and task queues beside the fleet start and end their units:
 * a failed workflow activation, a request's tagged calls, an engine's numbered sessions, arq's arrow back, and the
 * lines that only mention a unit (an activity naming its run, a handler waiting for a job) without ending it.
 */
class LifecycleWordsTest {
    private static StatusWords.Says says(String msg, Level level, boolean namesUnit) {
        StatusWords.Says s = StatusWords.of(msg, level);
        return s != null ? s : StatusWords.ofOtherWorkers(msg, level, namesUnit);
    }

    private static UnitVocabulary found(String msg) {
        UnitVocabulary v = new UnitVocabulary();
        byte[] b = msg.getBytes(StandardCharsets.UTF_8);
        assertTrue(v.find(b, 0, b.length), msg);
        return v;
    }

    private static String id(String msg) {
        UnitVocabulary v = found(msg);
        return v.id(msg.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFailedWorkflowActivationFailsItsRun() {
        assertEquals(StatusWords.Says.FAILED, says("Failed activation on workflow RenderBatch with ID batch-7 and run ID "
                + "0196d2c5-1b2c-7d3e-8f4a-5b6c7d8e9f01", Level.WARNING, true));
    }

    @Test
    void anActivitysRecordNamesItsRunOnlyAsTheOwner() {
        String done = "Scene 14 done in 15.5s ({'activity_id': '1', 'attempt': 1, 'workflow_id': 'batch-7', "
                + "'workflow_run_id': '0196d2c4-7a1e-7b3f-9c2d-5e4f6a7b8c9d', 'workflow_type': 'RenderBatch'})";
        assertTrue(OwnerMention.only(done, "0196d2c4-7a1e-7b3f-9c2d-5e4f6a7b8c9d"));
        assertFalse(OwnerMention.only(done, "batch-8"));
        // The workflow's own logger names the run as its own: its words are the run's.
        assertFalse(OwnerMention.only("Workflow done ({'attempt': 1, 'run_id': '0196d2c4-7a1e-7b3f-9c2d-5e4f6a7b8c9d', "
                + "'workflow_id': 'batch-7'})", "0196d2c4-7a1e-7b3f-9c2d-5e4f6a7b8c9d"));
        // Named outside the record too, the line is about the run.
        assertFalse(OwnerMention.only("run 0196d2c4-7a1e-7b3f-9c2d-5e4f6a7b8c9d done ({'activity_id': '1', "
                + "'workflow_run_id': '0196d2c4-7a1e-7b3f-9c2d-5e4f6a7b8c9d'})", "0196d2c4-7a1e-7b3f-9c2d-5e4f6a7b8c9d"));
    }

    @Test
    void aTaggedRequestsCallsStartAndEndIt() {
        String enter = "[request 0b9d4f6e-edc4-11ef-a1c7-0242ac120004] Enter chat, args: <ModelActor>, kwargs: ";
        String leave = "[request 0b9d4f6e-edc4-11ef-a1c7-0242ac120004] Leave chat, elapsed time: 3 s";
        String error = "[request 0b9d4f6e-edc4-11ef-a1c7-0242ac120004] Leave chat, error: CUDA out of memory, elapsed time: 0 s";
        assertEquals(UnitVocabulary.REQUEST, found(enter).kind);
        assertEquals(UnitVocabulary.Step.CLAIM, step(enter));
        assertEquals(UnitVocabulary.Step.END, step(leave));
        assertEquals(StatusWords.Says.COMPLETE, says(leave, Level.DEBUG, true));
        assertEquals(StatusWords.Says.FAILED, says(error, Level.ERROR, true));
        // An untagged call is no request's: it says nothing of the one in hand.
        assertNull(says("Leave describe_model, elapsed time: 0 s", Level.DEBUG, false));
    }

    private static UnitVocabulary.Step step(String msg) {
        UnitVocabulary v = found(msg);
        byte[] b = msg.getBytes(StandardCharsets.UTF_8);
        return v.stepOf(b, UnitVocabulary.body(b, 0, b.length), b.length, true);
    }

    @Test
    void anEnginesSessionIsARequestWhereTheLineSaysWhatBecameOfIt() {
        assertEquals("session 3", id("[async_stream_infer] session 3 start"));
        assertEquals("session 3", id("session 3 finished, reason \"error\""));
        assertEquals(StatusWords.Says.FAILED, says("session 3 finished, reason \"error\"", Level.ERROR, true));
        assertEquals(StatusWords.Says.COMPLETE, says("session 3 finished, reason \"stop\", input_tokens 38, output_tokens 121",
                Level.INFO, true));
        // A login's session is no unit of work.
        UnitVocabulary v = new UnitVocabulary();
        byte[] b = "New session 42 of user root.".getBytes(StandardCharsets.UTF_8);
        assertFalse(v.find(b, 0, b.length));
        b = "Removed session 42.".getBytes(StandardCharsets.UTF_8);
        assertFalse(v.find(b, 0, b.length));
    }

    @Test
    void arqsArrowBackEndsTheJobWell() {
        UnitVocabulary v = found("  2.37s \u2190 3b9e0c7d51f24a6e8d2c1f0a9b8e7d6c:render_thumbnail \u25cf 'thumbs/1207.webp'");
        assertTrue(v.formSaysSuccess());
        assertFalse(found("  0.41s \u2192 3b9e0c7d51f24a6e8d2c1f0a9b8e7d6c:render_thumbnail(1207)").formSaysSuccess());
    }

    @Test
    void aWaitForAJobNeitherEndsNorFinishesIt() {
        String wait = "[Task Queue] Waiting for task finished, job_id=e05c6a9b-1f3d-4b28-8a7e-9d2c4f6b1e37";
        assertNull(says(wait, Level.PRINT, true));
        byte[] b = wait.getBytes(StandardCharsets.UTF_8);
        assertEquals(UnitVocabulary.Step.NONE, new UnitVocabulary().wordStepNoting(b, 0, b.length));
        assertTrue(Awaited.in(b, 0, b.length));
        // Words before the wait still count: "job 7 done, waiting for job 8".
        assertEquals(StatusWords.Says.COMPLETE, says("job 7 done, waiting for job 8 to finish", Level.INFO, true));
    }
}
