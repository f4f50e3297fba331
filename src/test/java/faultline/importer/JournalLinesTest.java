package faultline.importer;

import faultline.analysis.Analyzer;
import faultline.model.Crash;
import faultline.model.Level;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.row;
import static faultline.importer.Fixtures.task;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lines of a program as journald or syslog writes them: its clock with an offset, the host and the program
 * before the program's own text. A traceback printed through that header is one error event with its frames,
 * and the program's own clock inside it is in the offset journald writes.
 */
class JournalLinesTest {
    @TempDir
    Path dir;

    private static final String TASK = "ae1837ad-8a0e-4dfb-aec7-52569069aef3";

    @Test
    void aTracebackThroughTheHostAndProgramIsOneErrorWithItsFrames() throws Exception {
        Path f = write(dir, "worker.journal.log", """
                2025-03-18T10:11:02+01:00 gpu-box-11 systemd[1]: Started worker.service.
                2025-03-18T10:14:16+01:00 gpu-box-11 python[2201]: Claimed task %1$s
                2025-03-18T10:15:32+01:00 gpu-box-11 python[2201]: Traceback (most recent call last):
                2025-03-18T10:15:32+01:00 gpu-box-11 python[2201]:   File "/srv/worker/queue.py", line 412, in process
                2025-03-18T10:15:32+01:00 gpu-box-11 python[2201]:     result = run(task)
                2025-03-18T10:15:32+01:00 gpu-box-11 python[2201]: ZeroDivisionError: division by zero
                2025-03-18T10:15:34+01:00 gpu-box-11 systemd[1]: worker.service: Main process exited, code=exited, status=1/FAILURE
                """.formatted(TASK));
        TaskSet set = load(f);
        int tb = row(set, "Traceback (most recent call last)");
        assertEquals(Level.ERROR, set.store().level(tb));
        assertTrue(set.store().message(tb).contains("\n  File \"/srv/worker/queue.py\", line 412, in process\n"),
                "the frames without the header, their indentation kept: " + set.store().message(tb));
        Task t = task(set, TASK);
        assertEquals(TaskStatus.FAILED, t.status());
        Crash c = new Analyzer(set).crashOf(t);
        assertNotNull(c);
        assertEquals("ZeroDivisionError", c.exceptionType());
        assertEquals("process (queue.py:412)", c.site().text());
    }

    @Test
    void theProgramsOwnClockIsInJournaldsOffset() throws Exception {
        Path f = write(dir, "journal.log", """
                2025-03-18T10:11:02+01:00 gpu-box-11 systemd[1]: Started worker.service.
                2025-03-18T10:11:09+01:00 gpu-box-11 python[2201]: [10:11:09] INFO HEADLESS worker up
                2025-03-18T10:12:41+01:00 gpu-box-11 python[2201]: [10:12:41] INFO HEADLESS [CLAIM] Claimed task %1$s
                2025-03-18T10:12:42+01:00 gpu-box-11 python[2201]: Loading model
                2025-03-18T10:14:05+01:00 gpu-box-11 python[2201]: [10:14:05] INFO HEADLESS Task complete
                """.formatted(TASK));
        TaskSet set = load(f);
        long up = set.store().nanos(row(set, "worker up"));
        assertEquals(Instant.parse("2025-03-18T09:11:09Z"), Instant.ofEpochSecond(0, up), "10:11:09 at +01:00, as journald's clock beside it");
        long claimed = set.store().nanos(row(set, "Claimed task"));
        long loading = set.store().nanos(row(set, "Loading model"));
        assertEquals(1_000_000_000L, loading - claimed, "a line with journald's clock alone is a second after the claim, not an hour");
    }
}
