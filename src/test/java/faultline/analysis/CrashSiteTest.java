package faultline.analysis;

import faultline.model.Crash;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The exception and crash site of a failure: its traceback first, then the failure line's words, then inference said so. */
class CrashSiteTest {
    @TempDir
    Path dir;

    static final String ID = "abcdef01-2345-4678-9abc-def012345678";

    private Crash crash(TaskLogs logs) throws Exception {
        TaskSet set = TaskLogs.load(dir, logs);
        return new Analyzer(set).analyse(set.find(ID).orElseThrow()).crash();
    }

    @Test
    void theTracebacksExceptionAndLastOwnFrameAreTheSite() throws Exception {
        Crash c = crash(new TaskLogs(ID)
                .at(1000, "INFO", "GENERATION: Starting generation")
                .at(500, "ERROR", "QUEUE: [TASK_ERROR] Task " + ID + " failed after 3.2s: generation failed")
                .at(100, "ERROR", "QUEUE: [TASK_ERROR] Full traceback:\nTraceback (most recent call last):\n"
                        + "  File \"/workspace/worker/headless_model_management.py\", line 412, in _process_generation\n"
                        + "    result = self._generate(task)\n"
                        + "  File \"/workspace/worker/source/travel.py\", line 88, in resolve\n"
                        + "    value = overrides.get(name)\n"
                        + "  File \"/usr/lib/python3.10/typing.py\", line 300, in inner\n"
                        + "    return func(*args)\n"
                        + "AttributeError: 'NoneType' object has no attribute 'get'"));
        assertEquals("AttributeError", c.exceptionType());
        assertEquals("'NoneType' object has no attribute 'get'", c.message());
        assertEquals("resolve (travel.py:88)", c.site().text());
        assertTrue(c.site().own());
        assertFalse(c.exceptionInferred());
        assertTrue(c.caveats().stream().anyMatch(s -> s.contains("resolve (travel.py:88)")), c.caveats().toString());
    }

    @Test
    void aTracebackOfLibraryFramesOnlyHasNoSiteAndSaysWhereTheLibraryRaised() throws Exception {
        // A pool child killed under celery: billiard reports the loss from its own code, none of the program's.
        Crash c = crash(new TaskLogs(ID)
                .at(1000, "INFO", "Task app.render[" + ID + "] received")
                .at(100, "ERROR", "Task handler raised error: WorkerLostError('Worker exited prematurely: signal 9 (SIGKILL) Job: 3.')\n"
                        + "Traceback (most recent call last):\n"
                        + "  File \"/srv/venv/lib/python3.11/site-packages/billiard/pool.py\", line 1264, in mark_as_worker_lost\n"
                        + "    raise WorkerLostError(\n"
                        + "billiard.exceptions.WorkerLostError: Worker exited prematurely: signal 9 (SIGKILL) Job: 3.\n"
                        + "Task app.render[" + ID + "] raised unexpected: WorkerLostError('Worker exited prematurely')"));
        assertEquals("billiard.exceptions.WorkerLostError", c.exceptionType());
        assertNull(c.site(), "a frame inside billiard is not where the program failed");
        assertTrue(c.caveats().stream().anyMatch(s -> s.contains("mark_as_worker_lost (pool.py:1264)") && s.contains("library")),
                c.caveats().toString());
    }

    @Test
    void withoutATracebackTheFailureLineNamesTheType() throws Exception {
        Crash c = crash(new TaskLogs(ID)
                .at(1000, "INFO", "GENERATION: Starting generation")
                .at(500, "ERROR", "QUEUE: [TASK_ERROR] Task " + ID + " failed after 3.2s: ValueError: guidance_scale must be positive"));
        assertEquals("ValueError", c.exceptionType());
        assertEquals("guidance_scale must be positive", c.message());
        assertNull(c.site(), "no traceback, no site");
        assertTrue(c.caveats().stream().anyMatch(s -> s.contains("No traceback")));
    }

    @Test
    void aCeleryReprNamesTheTypeToo() throws Exception {
        Crash c = crash(new TaskLogs(ID)
                .at(500, "ERROR", "Task app.render[" + ID + "] raised unexpected: WorkerLostError('Worker exited prematurely: signal 9 (SIGKILL) Job: 3.')"));
        assertEquals("WorkerLostError", c.exceptionType());
        assertEquals("Worker exited prematurely: signal 9 (SIGKILL) Job: 3.", c.message());
    }

    @Test
    void aTracebackCutBeforeItsExceptionLineGivesTheSiteAndTheLinesType() throws Exception {
        Crash c = crash(new TaskLogs(ID)
                .at(500, "ERROR", "QUEUE: [TASK_ERROR] Task " + ID + " failed after 1.0s: RuntimeError: CUDA error: device-side assert triggered")
                .at(100, "ERROR", "Traceback (most recent call last):\n"
                        + "  File \"/srv/gen/sample.py\", line 61, in step\n"
                        + "    x = model(x)"));
        assertEquals("RuntimeError", c.exceptionType(), "the traceback lacks its exception line: the failure line's type stands");
        assertEquals("step (sample.py:61)", c.site().text());
        assertTrue(c.caveats().stream().anyMatch(s -> s.contains("ends before its exception line")), c.caveats().toString());
    }

    @Test
    void aTypeInferredFromTheMessageIsMarked() throws Exception {
        Crash c = crash(new TaskLogs(ID)
                .at(500, "ERROR", "GENERATION: Generation failed: CUDA out of memory. Tried to allocate 2.00 GiB"));
        assertEquals("torch.OutOfMemoryError", c.exceptionType());
        assertTrue(c.exceptionInferred());
        assertTrue(c.caveats().stream().anyMatch(s -> s.contains("inferred")));
    }

    @Test
    void failureWordsOfOtherWorkersAreSignals() {
        for (String line : new String[]{
                "Task app.render[5f0c] raised unexpected: ValueError('x')",
                "celery.exceptions.WorkerLostError: Worker exited prematurely: signal 9 (SIGKILL).",
                "default: Job failed (0b4f) — moved to FailedJobRegistry",
                "!!! Exception during processing !!! CUDA out of memory",
                "vllm.v1.engine.exceptions.EngineDeadError: EngineCore encountered an issue.",
                "Engine core proc EngineCore_0 died unexpectedly, shutting down client.",
                "Killed",
                "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.0 GiB"}) {
            assertTrue(FailureSignals.isFailureText(line), line);
        }
        for (String line : new String[]{"Task app.render[5f0c] succeeded in 1.2s: None", "got prompt", "Prompt executed in 3.1 seconds"}) {
            assertFalse(FailureSignals.isFailureText(line), line);
        }
    }
}
