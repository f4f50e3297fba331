package faultline.importer;

import faultline.model.EventStore;
import faultline.model.ParseReport;
import faultline.model.ParseReport.Repair;
import faultline.model.SourceFormat;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.row;
import static faultline.importer.Fixtures.task;
import static faultline.importer.Fixtures.time;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * When the real excerpts of the worker system's logs are at hand (../shared/real-logs), each imports
 * into the tasks and times that reading it shows. The excerpts are read in place, never copied.
 */
class RealLogsConformanceTest {
    static final Path DIR = Path.of("..", "shared", "real-logs");

    @BeforeAll
    static void present() {
        assumeTrue(Files.isDirectory(DIR), "no real logs here");
    }

    static TaskSet file(String prefix) throws Exception {
        try (var s = Files.list(DIR)) {
            Path p = s.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst().orElseThrow();
            return load(p);
        }
    }

    static Set<String> ids(TaskSet set) {
        return set.tasks().stream().map(Task::id).collect(Collectors.toSet());
    }

    /** The file holds exactly one task, the one whose id starts so (the fixture is read in place, never quoted). */
    static void assertOneTask(TaskSet set, String idStart) {
        Set<String> ids = ids(set);
        assertEquals(1, ids.size(), ids.toString());
        org.junit.jupiter.api.Assertions.assertTrue(ids.iterator().next().startsWith(idStart + "-"), ids.toString());
    }

    static ParseReport.FileReport report(TaskSet set) {
        return set.report().files().get(0);
    }

    @Test
    void consoleOfTheTravelOrchestratorCrash() throws Exception {
        TaskSet set = file("01_");
        assertEquals(SourceFormat.WORKER_CONSOLE, report(set).format());
        assertOneTask(set, "306199b3");
        Task t = task(set, "306199b3");
        assertEquals("travel_orchestrator", t.type());
        assertEquals(TaskStatus.FAILED, t.status());
        assertEquals("local variable 'Path' referenced before assignment", t.errorMessage());
        assertEquals("gpu-20251007_173620-826a397a", t.workerId());
        assertEquals("2025-10-07 18:02:55", time(set, row(set, "Processing travel_orchestrator task")));
        assertEquals("2025-10-07 18:02:55.652", time(set, row(set, "HTTP Request: GET")));
        assertEquals("2025-10-07 18:03:00.388", time(set, row(set, "Task queue shutdown complete")));
    }

    @Test
    void heartbeatsAndClaimWithSecondOnlyPythonLines() throws Exception {
        TaskSet set = file("02_");
        assertOneTask(set, "306199b3");
        assertEquals("2025-10-07 17:53:45", time(set, row(set, "PATCH /rest/v1/workers")));
        assertEquals("2025-10-07 18:02:55.368", time(set, row(set, "claim-next-task")));
        EventStore s = set.store();
        assertEquals(-1, s.task(row(set, "[HEARTBEAT]")), "a heartbeat is the worker's, not a task's");
    }

    @Test
    void lineNumberedArchive() throws Exception {
        TaskSet set = file("03_");
        assertEquals(6, report(set).repairs().get(Repair.LINE_NUMBER_PREFIX));
        assertEquals("2025-10-07 17:26:31", time(set, row(set, "Found task of type: travel_orchestrator")));
        assertEquals("2025-10-07 17:26:32.048", time(set, row(set, "HTTP Request: GET")));
        assertEquals(12, set.store().line(row(set, "Failed during travel orchestration")), "the file's own line, not the prefix");
        assertEquals(TaskStatus.FAILED, task(set, "306199b3").status());
    }

    @Test
    void printedTaskRowWithOneDigitFraction() throws Exception {
        TaskSet set = file("04_");
        assertEquals(SourceFormat.TASK_REPORT, report(set).format());
        Task t = task(set, "306199b3");
        assertEquals("travel_orchestrator", t.type());
        assertEquals(TaskStatus.IN_PROGRESS, t.status());
        assertEquals("gpu-20251007_171247-3e03e2d1", t.workerId());
        assertEquals(1, t.created().precision());
        assertEquals("2025-10-07 17:26:22.8", time(set, row(set, "Task created")));
        assertEquals("2025-10-07 17:26:31.672859", time(set, row(set, "tasks.generation_started_at")));
    }

    @Test
    void stitchFailureWithPaddedLineNumber() throws Exception {
        TaskSet set = file("05_");
        assertEquals(Set.of("47094e1b-1286-4118-9223-cf01813096a7", "3d3afcd9-b039-4df4-904b-70b62b574924"), ids(set));
        Task stitch = task(set, "3d3afcd9");
        assertEquals("travel_stitch", stitch.type());
        assertEquals(TaskStatus.FAILED, stitch.status());
        assertTrue(stitch.errorMessage().startsWith("Stitch task failed"));
        assertEquals("2025-09-21 18:41:16.370", time(set, row(set, "dependant_on")));
        assertEquals("2025-09-21 18:57:32", time(set, row(set, "Task failed. Output")));
    }

    @Test
    void startupCrashBeforeAnyTaskIsTheWorkersFailure() throws Exception {
        TaskSet set = file("06_");
        assertEquals(1, set.tasks().size(), "the crashed worker is the one failed unit");
        Task worker = set.tasks().get(0);
        assertTrue(worker.id().startsWith("gpu-2025"), worker.id());
        assertEquals("worker", worker.type());
        assertEquals(TaskStatus.FAILED, worker.status());
        assertEquals(worker.index(), set.store().task(row(set, "Traceback (most recent call last)")));
        assertEquals("2025-09-19 15:48:44", time(set, row(set, "output will be saved to")), "the date comes from the worker id");
        int tb = row(set, "Exception ignored in");
        assertTrue(set.store().message(row(set, "Traceback (most recent call last)")).contains("ValueError: I/O operation on closed file."));
        assertTrue(tb >= 0);
    }

    @Test
    void joinClipsWithLostTaskIds() throws Exception {
        TaskSet set = file("07_");
        assertEquals(Set.of("4ef4789d-04c7-47f2-a2d2-751402f64657", "5ccd7908"), ids(set));
        Task t = task(set, "4ef4789d");
        assertEquals("join_clips", t.type());
        assertEquals("2025-10-10 17:36:10", time(set, row(set, "Processing join_clips task")));
        assertEquals(t.index(), set.store().task(row(set, "Processing join_clips task")), "unknown_task_… is the task just found");
        assertEquals("2025-10-10 17:40:35.871", time(set, row(set, "update-task-status")));
    }

    @Test
    void garbledTimestampsAreEstimatedAndSaidSo() throws Exception {
        TaskSet set = file("08_");
        assertEquals(SourceFormat.SYSTEM_LOGS_TEXT, report(set).format());
        assertEquals(20, set.store().size());
        for (int i = 0; i < set.store().size(); i++) {
            assertTrue(set.store().estimated(i));
        }
        assertTrue(set.tasks().isEmpty(), "the Project ID is not a task id");
        assertTrue(report(set).problems().stream().anyMatch(p -> p.reason().contains("no line of this file carries a usable time")));
    }

    @Test
    void failureReportWithTwoThreeFiveAndSixDigitFractions() throws Exception {
        TaskSet set = file("09_");
        assertEquals(4, set.tasks().size());
        for (Task t : set.tasks()) {
            assertEquals(TaskStatus.FAILED, t.status(), t.id());
        }
        assertEquals(6, task(set, "47bd96fa").created().precision());
        assertEquals(2, task(set, "ed46c8b2").created().precision());
        assertEquals(5, task(set, "c9aba692").created().precision());
        assertEquals(3, task(set, "5d8c1243").created().precision());
        assertEquals("Cascaded failed from related task ed46c8b2-5bbc-43b1-b436-dad3a2376bb9", task(set, "47bd96fa").errorMessage());
        assertEquals("gpu-20250821_234833-8a8e8035", task(set, "5d8c1243").workerId());
        int done = Fixtures.rowRaw(set, "[Task ed46c8b2-5bbc-43b1-b436-dad3a2376bb9] Task completed");
        assertEquals("2025-08-21 22:09:01", time(set, done), "a quoted console line is dated by its task's creation");
        assertEquals(task(set, "ed46c8b2").index(), set.store().task(done));
    }

    @Test
    void consoleWithoutDateSaysSo() throws Exception {
        TaskSet set = file("10_");
        assertEquals(Set.of("ad02fd98-2c1a-4ec8-802d-89529b275257", "7b97a7dd-b5e2-449d-ab6d-dec8e30bec9e"), ids(set));
        assertTrue(report(set).problems().stream().anyMatch(p -> p.reason().contains("no date found")));
        assertEquals("1970-01-01 17:16:01", time(set, row(set, "Orchestrator start")));
    }

    @Test
    void shortIdsAndAWrappedMessage() throws Exception {
        TaskSet set = file("11_");
        assertEquals(Set.of("415b7199", "5b52c2bc"), ids(set));
        assertTrue(set.store().message(row(set, "Keys in full_orchestrator_payload")).contains("'openai_api_key']"));
    }

    @Test
    void theSameIncidentRenderedWithoutFractions() throws Exception {
        TaskSet set = file("12_");
        assertEquals(17, set.store().size());
        int nine = row(set, "LOOP [9/32]");
        assertEquals("2026-02-24 14:31:53", time(set, nine));
        assertEquals(0, set.store().precision(nine));
        assertEquals("2026-02-24 14:14:46", time(set, row(set, "Cascade complete")));
    }

    @Test
    void programOutputAndTemplatesOpenAsUntimedText() throws Exception {
        for (String f : new String[]{"13_", "14_"}) {
            TaskSet set = file(f);
            ParseReport.FileReport r = report(set);
            assertNull(r.fatal(), f);
            assertEquals(SourceFormat.TEXT_LOG, r.format(), f);
            assertTrue(set.sources().get(0).untimed(), f);
            assertTrue(r.events() > 10, f);
            assertEquals(r.events(), r.unparsed(), f + ": every event is a line no layout explains");
        }
    }

    @Test
    void everyFileIsReadOrRefusedWithAReason() throws Exception {
        try (var s = Files.list(DIR)) {
            for (Path p : s.sorted().toList()) {
                ParseReport.FileReport r = load(p).report().files().get(0);
                assertFalse(r.fatal() == null && r.events() == 0 && r.incomplete() == null, p + " gave nothing and said nothing");
                if (r.fatal() != null) {
                    assertTrue(r.fatal().startsWith(p.getFileName().toString()), r.fatal());
                } else {
                    assertNull(r.incomplete(), p.toString());
                }
            }
        }
    }

    @Test
    void aTaskThatEndedInOneFileKeepsThatEndWhenEveryFileIsOpened() throws Exception {
        java.util.List<Path> all;
        try (var s = Files.list(DIR)) {
            all = new java.util.ArrayList<>(s.sorted().toList());
        }
        TaskSet together = load(all.toArray(new Path[0]));
        int compared = 0;
        for (Path p : all) {
            TaskSet alone = load(p);
            for (Task t : alone.tasks()) {
                TaskStatus s = t.status();
                if (s == TaskStatus.FAILED || s == TaskStatus.COMPLETE || s == TaskStatus.CANCELLED) {
                    assertEquals(s, task(together, t.id()).status(), t.shortId() + " is " + s.label() + " in " + p.getFileName() + " alone");
                    compared++;
                }
            }
        }
        assertTrue(compared >= 7, "tasks compared: " + compared);
        Task crashed = task(together, "306199b3");
        assertEquals(TaskStatus.FAILED, crashed.status(), "the row printed In Progress before the worker's later failure");
        assertEquals("gpu-20251007_173620-826a397a", crashed.workerId(), "the worker of the latest failure ran it last");
        java.util.Collections.reverse(all);
        TaskSet reversed = load(all.toArray(new Path[0]));
        for (Task t : together.tasks()) {
            assertEquals(t.status(), task(reversed, t.id()).status(), t.shortId() + ": the order of the files does not matter");
        }
    }
}
