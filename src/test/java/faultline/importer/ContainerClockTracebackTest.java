package faultline.importer;

import faultline.analysis.Analyzer;
import faultline.model.Crash;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.row;
import static faultline.importer.Fixtures.task;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * {@code docker logs -t} and {@code kubectl logs --timestamps} stamp every line a worker prints, each line of a
 * traceback too: the traceback is still one event of the unit it ended, with its exception and crash site.
 */
class ContainerClockTracebackTest {
    @TempDir
    Path dir;

    @Test
    void aPrintingWorkersTaggedProcessesKeepTheirTracebacksUnderTheContainersClock() throws Exception {
        Path f = write(dir, "render.log", renderLog(""));
        TaskSet set = load(f);
        Task failed = task(set, "job 3302");
        assertEquals(TaskStatus.FAILED, failed.status());
        Crash c = new Analyzer(set).analyse(failed).crash();
        assertEquals("RuntimeError", c.exceptionType(), "the exception line under the tag ends the traceback");
        assertEquals("step (sched.py:71)", c.site().text(), "a source line ending in [0] is code, not a program's pid");
        assertEquals(TaskStatus.COMPLETE, task(set, "job 3301").status(), "the other process's job is its own");
    }

    @Test
    void aSourceLineThatIndexesIsNoProgramTokenUnderAContainersClock() throws Exception {
        Path f = write(dir, "rqworker.log", """
                2025-03-11T14:02:51.100000000Z 14:02:51 default: media.jobs.transcode('clip_18.mov') (591e8c23-08bb-4028-8d8d-4c489635f071)
                2025-03-11T14:02:58.200000000Z 14:02:58 [Job 591e8c23-08bb-4028-8d8d-4c489635f071]: exception raised while executing (media.jobs.transcode)
                2025-03-11T14:02:58.200001000Z Traceback (most recent call last):
                2025-03-11T14:02:58.200002000Z   File "/srv/media/media/probe.py", line 19, in ffprobe
                2025-03-11T14:02:58.200003000Z     return json.loads(out)["streams"][0]
                2025-03-11T14:02:58.200004000Z            ~~~~~~~~~~~~~~~~~~~~~~~~~~^^^
                2025-03-11T14:02:58.200005000Z IndexError: list index out of range
                2025-03-11T14:02:58.300000000Z 14:02:58 Sent heartbeat to prevent worker timeout.
                """);
        TaskSet set = load(f);
        Crash c = new Analyzer(set).analyse(task(set, "591e8c23-08bb-4028-8d8d-4c489635f071")).crash();
        assertEquals("IndexError", c.exceptionType());
        assertEquals("ffprobe (probe.py:19)", c.site().text());
    }
    @Test
    void aChainedTracebackWhoseBlankLinesTheContainerStampedIsOneEventOfTheWorkersCrash() throws Exception {
        Path f = write(dir, "startup.log", """
                2025-03-05T08:15:30.000100000Z Worker ID: gpu-20250305_081530-4e9b1f07
                2025-03-05T08:15:31.200000000Z Traceback (most recent call last):
                2025-03-05T08:15:31.200002000Z   File "/srv/worker/patches.py", line 41, in apply_patches
                2025-03-05T08:15:31.200004000Z     import flash_attn
                2025-03-05T08:15:31.200006000Z ModuleNotFoundError: No module named 'flash_attn'
                2025-03-05T08:15:31.200008000Z\s
                2025-03-05T08:15:31.200010000Z During handling of the above exception, another exception occurred:
                2025-03-05T08:15:31.200012000Z\s
                2025-03-05T08:15:31.200014000Z Traceback (most recent call last):
                2025-03-05T08:15:31.200016000Z   File "/srv/worker/worker.py", line 1288, in <module>
                2025-03-05T08:15:31.200018000Z     main()
                2025-03-05T08:15:31.200020000Z   File "/srv/worker/patches.py", line 44, in apply_patches
                2025-03-05T08:15:31.200022000Z     raise RuntimeError("attention backend unavailable")
                2025-03-05T08:15:31.200024000Z RuntimeError: attention backend unavailable
                2025-03-05T08:15:31.500000000Z Stopping heartbeat thread...
                """);
        TaskSet set = load(f);
        Task worker = task(set, "gpu-20250305_081530-4e9b1f07");
        assertEquals(TaskStatus.FAILED, worker.status(), "the worker died before it claimed anything");
        Crash c = new Analyzer(set).analyse(worker).crash();
        assertEquals("RuntimeError", c.exceptionType(), "the chain's last part is the failure, its second header kept whole");
        assertEquals("apply_patches (patches.py:44)", c.site().text());
    }
    @Test
    void anotherProcesssLineInsideATracebackLeavesItTheExceptionAndTheMessagesTheirTags() throws Exception {
        Path f = write(dir, "render.log", renderLog("2025-05-06T09:14:49.120047002Z [p0]  40%|████      | 12/30 [00:17<00:26,  1.45s/it]\n"));
        TaskSet set = load(f);
        Task failed = task(set, "job 3302");
        assertEquals(TaskStatus.FAILED, failed.status());
        assertEquals("RuntimeError", new Analyzer(set).analyse(failed).crash().exceptionType(),
                "the traceback's parts on either side of the other process's line are read as its");
        assertEquals(">>> picked up job 3301 (i2v, 49 frames)", set.store().message(row(set, "picked up job 3301")), "the process's tag names the writer, as at a line's start");
        assertEquals(TaskStatus.COMPLETE, task(set, "job 3301").status());
    }
    /** Two processes' lines under a container's clock, p1's traceback with {@code between} (another process's line, or none) inside it. */
    private static String renderLog(String between) {
        return """
                2025-05-06T09:14:00.102334101Z spawning 2 render processes
                2025-05-06T09:14:31.554101230Z [p0] >>> picked up job 3301 (i2v, 49 frames)
                2025-05-06T09:14:31.901442018Z [p1] >>> picked up job 3302 (t2v, 81 frames)
                2025-05-06T09:14:49.120034551Z [p1] Traceback (most recent call last):
                2025-05-06T09:14:49.120041200Z [p1]   File "/opt/render/proc.py", line 58, in run_one
                2025-05-06T09:14:49.120044981Z [p1]     out = pipe(**args)
                """ + between + """
                2025-05-06T09:14:49.120049310Z [p1]   File "/opt/render/sched.py", line 71, in step
                2025-05-06T09:14:49.120051877Z [p1]     return latents[idx] - sigma * self._delta(noise)[0]
                2025-05-06T09:14:49.120053120Z [p1] RuntimeError: The size of tensor a (21) must match the size of tensor b (20)
                2025-05-06T09:14:49.125000000Z [p1] <<< job 3302 FAILED after 17.2s
                2025-05-06T09:15:12.700000000Z [p0] <<< job 3301 ok in 41.1s
                """;
    }
}
