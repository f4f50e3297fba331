package faultline.importer;

import faultline.importer.merge.TaskIds;
import faultline.model.Level;
import faultline.model.ParseReport.Repair;
import faultline.model.SourceFormat;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;

import static faultline.importer.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsoleReaderTest {
    @TempDir
    Path dir;

    private static final String TASK = "0a1b2c3d-1111-4222-8333-444455556666";

    @Test
    void readsConsoleLinesPythonLoggingPrintsAndTracebacks() throws Exception {
        Path f = write(dir, "worker.log", String.join("\n",
                "2026-03-01 09:59:58,120 [INFO] HeadlessQueue: Task queue initialized with 1 workers",
                "[10:00:01] INFO HEADLESS [Task " + TASK + "] Processing travel_segment task",
                "[10:00:02] DEBUG GENERATION [Task 0a1b2c3d] 🔍 LOOP [1/2]: Processing param='seed'",
                "[PROCESS_TASK_DEBUG] process_single_task called: task_type='travel_segment'",
                "[10:00:03] 🔴 CRITICAL QUEUE [Task " + TASK + "] [TASK_ERROR] Full traceback:",
                "Traceback (most recent call last):",
                "  File \"/w/x.py\", line 3, in f",
                "    g()",
                "KeyError: 'seed'",
                "[10:00:04] ❌ HEADLESS [Task " + TASK + "] Finished task (Success: False)",
                ""));
        TaskSet set = load(f);
        assertEquals(SourceFormat.WORKER_CONSOLE, report(set, 0).format());
        assertEquals("2026-03-01 09:59:58.120", time(set, row(set, "Task queue initialized")));
        int loop = row(set, "LOOP [1/2]");
        assertEquals("2026-03-01 10:00:02", time(set, loop), "the date of a time-only line comes from the dated line before");
        assertEquals("GENERATION: 🔍 LOOP [1/2]: Processing param='seed'", set.store().message(loop));
        assertEquals(Level.DEBUG, set.store().level(loop));
        int tb = row(set, "Full traceback");
        assertTrue(set.store().message(tb).endsWith("KeyError: 'seed'"), "the traceback joins its event");
        assertEquals(Level.CRITICAL, set.store().level(tb));
        assertEquals(4, repairs(set, 0, Repair.CONTINUATION), "the Traceback line and its three lines");
        int print = row(set, "process_single_task called");
        assertTrue(set.store().estimated(print));
        assertEquals(1, set.tasks().size(), "the short id [Task 0a1b2c3d] is the same task");
        assertEquals(set.store().task(loop), set.store().task(print), "a print belongs to the task that logged before it");
        assertEquals(TaskStatus.FAILED, task(set, TASK).status());
        assertEquals("travel_segment", task(set, TASK).type());
    }

    @Test
    void takesTheDateFromTheWorkerIdInTheFileNameAndRollsOverMidnight() throws Exception {
        Path f = write(dir, "gpu-20260301_235500-abcdef01.log", String.join("\n",
                "[23:59:58] INFO HEADLESS Heartbeat",
                "[00:00:01] INFO HEADLESS Heartbeat",
                ""));
        TaskSet set = load(f);
        assertEquals("2026-03-01 23:59:58", time(set, 0));
        assertEquals("2026-03-02 00:00:01", time(set, 1));
        assertEquals(1, repairs(set, 0, Repair.MIDNIGHT_ROLLOVER));
    }

    @Test
    void theUserGivesTheDateZoneAndClockOffset() throws Exception {
        Path f = write(dir, "console.log", "[12:00:00] INFO HEADLESS Heartbeat\n");
        ImportOptions o = ImportOptions.defaults().set(f,
                new ImportOptions.SourceOptions(null, ZoneId.of("Europe/Berlin"), 2_000_000_000L, LocalDate.of(2026, 7, 1)));
        TaskSet set = load(o, f);
        // 12:00 in Berlin in summer is 10:00 UTC, plus a 2 s clock offset.
        assertEquals("2026-07-01 10:00:02", time(set, 0));
    }

    @Test
    void withoutAnyDateItSaysSo() throws Exception {
        Path f = write(dir, "console.log", "[12:00:00] INFO HEADLESS Heartbeat\n");
        TaskSet set = load(f);
        assertTrue(report(set, 0).problems().stream().anyMatch(p -> p.reason().contains("no date found")));
    }

    @Test
    void progressBarOverwritesKeepTheLastState() throws Exception {
        Path f = write(dir, "console.log", "[12:00:00] INFO HEADLESS x\n 33%|###  | 1/3\r 67%|###### | 2/3\n");
        TaskSet set = load(ImportOptions.defaults().defaultsTo(
                new ImportOptions.SourceOptions(null, java.time.ZoneOffset.UTC, 0, LocalDate.of(2026, 1, 1))), f);
        assertEquals(" 67%|###### | 2/3", set.store().message(1));
        assertEquals(1, repairs(set, 0, Repair.CARRIAGE_RETURN));
    }

    @Test
    void aLostTaskIdIsTheTaskJustFound() throws Exception {
        Path f = write(dir, "gpu-20251010_135841-af0f763d.log", String.join("\n",
                "[17:36:10] INFO HEADLESS [Task 11112222-3333-4444-8555-666677778888] Found task of type: join_clips",
                "[17:36:10] INFO HEADLESS [Task unknown_task_1760117770.3518264] Processing join_clips task",
                ""));
        TaskSet set = load(f);
        assertEquals(1, set.tasks().size());
        assertEquals(2, set.tasks().get(0).eventCount());
    }

    @Test
    void aProjectIdIsNotATask() throws Exception {
        Path f = write(dir, "gpu-20251010_135841-af0f763d.log",
                "[17:36:10] INFO HEADLESS Found task of type: join_clips, Project ID: 99998888-7777-4666-8555-444433332222\n");
        assertTrue(load(f).tasks().isEmpty());
        assertFalse(TaskIds.findIn("Project ID: 99998888-7777-4666-8555-444433332222") != null);
    }
}
