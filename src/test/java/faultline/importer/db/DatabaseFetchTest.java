package faultline.importer.db;

import faultline.Samples;
import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fetching the bundled sample's failures from a real database: by id prefix, worker, time window and recent failure. */
class DatabaseFetchTest {
    static final String WORKER = "gpu-20260224_140402-5c1e7a9d";
    static final String ORCHESTRATOR = "c2d9f4a6-1e7b-4c3a-9d52-8f0a6b3e7c14";
    static String db;

    @BeforeAll
    static void load() throws SQLException {
        db = TestDatabase.create("fetch");
        TestDatabase.loadSample(db);
    }

    private static TaskSet imported(DatabaseSource source) {
        return new Importer().importSources(List.of(), List.of(source.rows()), ImportMonitor.NONE);
    }

    @Test
    void anIdPrefixBringsItsOrchestratorAndTheSiblingsOfTheCascade() throws DbException {
        DatabaseSource src = TestDatabase.source(db, TaskQuery.ofTasks("78cd8678"));
        List<TaskRow> listed = src.listTasks();
        Map<String, String> relation = listed.stream().collect(Collectors.toMap(t -> t.id().substring(0, 8), TaskRow::relation));
        assertEquals("matched", relation.get("78cd8678"));
        assertEquals("orchestrator", relation.get("c2d9f4a6"));
        assertEquals("sibling", relation.get("9b1e5d2c"));
        assertEquals("dependant", relation.get("e6a3b1f9"), "the stitch waits for a sibling");
        assertFalse(relation.containsKey("e040ae48"), "a failure of another run is not in this cascade");
        TaskRow failed = listed.stream().filter(t -> t.id().startsWith("78cd8678")).findFirst().orElseThrow();
        assertEquals("Failed", failed.status());
        assertEquals(WORKER, failed.workerId());
        assertTrue(failed.errorMessage().contains("'NoneType' object has no attribute 'get'"));
        assertEquals("2026-02-24T14:31:53.31847+00:00", failed.generationStartedAt(), "times keep the digits the database gave");

        DatabaseSource.Fetched f = src.fetch(listed.stream().filter(t -> !t.id().startsWith("9b1e") ).toList(), ImportMonitor.NONE);
        assertNull(f.problem());
        TaskSet set = imported(src);
        assertEquals(TaskStatus.FAILED, set.find("78cd8678").orElseThrow().status());
        assertEquals(TaskStatus.FAILED, set.find(ORCHESTRATOR).orElseThrow().status());
        assertEquals(ORCHESTRATOR, set.find("78cd8678").orElseThrow().parentId());
        // The same rows read from the sample's JSON files give the same events.
        TaskSet files = new Importer().importFiles(List.of(Samples.DIR.resolve("task_78cd8678.json"), Samples.DIR.resolve("task_c2d9f4a6.json")),
                ImportMonitor.NONE);
        assertEquals(TaskSets.eventsAnywhere(files), TaskSets.eventsAnywhere(set));
        assertEquals(files.find("78cd8678").orElseThrow().params(), set.find("78cd8678").orElseThrow().params());
    }

    @Test
    void aWorkerBringsEveryTaskItRan() throws DbException {
        DatabaseSource src = TestDatabase.source(db, new TaskQuery(List.of(), WORKER, null, null, null, true));
        List<TaskRow> listed = src.listTasks();
        assertTrue(listed.stream().allMatch(t -> WORKER.equals(t.workerId())));
        assertTrue(listed.stream().anyMatch(t -> t.id().startsWith("e040ae48")));
        assertTrue(listed.stream().anyMatch(t -> t.id().startsWith("78cd8678")));
        src.fetch(listed, ImportMonitor.NONE);
        TaskSet set = imported(src);
        assertEquals(TaskStatus.FAILED, set.find(Samples.PREVIOUS).orElseThrow().status());
        assertEquals(TaskStatus.FAILED, set.find(Samples.CURRENT).orElseThrow().status());
        assertTrue(set.find(Samples.PREVIOUS).orElseThrow().eventCount() > 100);
    }

    @Test
    void aTimeWindowNarrowsTasksAndRows() throws DbException {
        TaskQuery q = new TaskQuery(List.of(), WORKER, null, "2026-02-24T14:20:00Z", "2026-02-24T14:35:00Z", true);
        DatabaseSource src = TestDatabase.source(db, q);
        List<TaskRow> listed = src.listTasks();
        assertFalse(listed.stream().anyMatch(t -> t.id().startsWith("e040ae48")), "the earlier failure ended before the window");
        assertTrue(listed.stream().anyMatch(t -> t.id().startsWith("78cd8678")));
        src.fetch(listed, ImportMonitor.NONE);
        RowStore rows = src.store();
        assertTrue(rows.size() > 0);
        long from = java.time.Instant.parse("2026-02-24T14:20:00Z").getEpochSecond() * 1_000_000_000L;
        long to = java.time.Instant.parse("2026-02-24T14:35:00Z").getEpochSecond() * 1_000_000_000L;
        for (int i = 0; i < rows.size(); i++) {
            long t = rows.row(i).nanos();
            assertTrue(t >= from && t <= to, "row outside the window: " + rows.timestamp(i));
        }
    }

    @Test
    void failedInTheLastHoursIsCountedOnTheDatabaseClock() throws Exception {
        String recent = "0b5e2d1a-7c3f-4e8b-9a6d-2f1c0e9b8a77";
        try (Connection c = TestDatabase.admin(db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO tasks (id, task_type, status, created_at, updated_at, worker_id, error_message) VALUES ('" + recent
                    + "', 'magic_edit', 'Failed', now() - interval '2 hours', now() - interval '1 hour', 'gpu-20991231_000000-0a0b0c0d',"
                    + " 'CUDA error: out of memory')");
            s.execute("INSERT INTO system_logs (timestamp, source_type, source_id, log_level, message, task_id, worker_id) VALUES"
                    + " (now() - interval '70 minutes', 'worker', 'w', 'ERROR', 'QUEUE: [TASK_ERROR] Task " + recent
                    + " failed after 3.2s: RuntimeError: CUDA error: out of memory', '" + recent + "', 'gpu-20991231_000000-0a0b0c0d')");
        }
        DatabaseSource src = TestDatabase.source(db, new TaskQuery(List.of(), null, "6h", null, null, true));
        List<TaskRow> listed = src.listTasks();
        assertEquals(List.of(recent), listed.stream().map(TaskRow::id).toList(), "the sample's failures are older than 6 h");
        src.fetch(listed, ImportMonitor.NONE);
        assertEquals(1, src.store().size());
        assertEquals(TaskStatus.FAILED, imported(src).find(recent).orElseThrow().status());
    }

    @Test
    void rowsMergeWithTheConsoleLogLikeTheJsonExportsDo() throws DbException {
        DatabaseSource src = TestDatabase.source(db, TaskQuery.ofTasks("78cd8678", "e040ae48"));
        src.fetch(src.listTasks(), ImportMonitor.NONE);
        java.nio.file.Path console = Samples.DIR.resolve("gpu-20260224_140402-5c1e7a9d.log");
        TaskSet withDb = new Importer().importSources(List.of(console), List.of(src.rows()), ImportMonitor.NONE);
        TaskSet withFiles = Samples.importSample();
        dumpDiff(TaskSets.eventsAnywhere(withFiles), TaskSets.eventsAnywhere(withDb));
        assertEquals(TaskSets.eventsAnywhere(withFiles), TaskSets.eventsAnywhere(withDb));
        long dupFiles = withFiles.report().files().stream().mapToLong(r -> r.repairs().getOrDefault(faultline.model.ParseReport.Repair.DUPLICATE_MERGED, 0L)).sum();
        long dupDb = withDb.report().files().stream().mapToLong(r -> r.repairs().getOrDefault(faultline.model.ParseReport.Repair.DUPLICATE_MERGED, 0L)).sum();
        assertTrue(dupDb > 0, "console lines and database rows of the same log call are kept once");
        assertEquals(dupFiles, dupDb);
        assertEquals("system_logs@127.0.0.1", withDb.sources().get(1).name());
    }

    @Test
    void everyTransactionIsReadOnly() throws Exception {
        ConnectionSpec spec = ConnectionSpec.parse(TestDatabase.url("postgres", db));
        try (Connection c = DbConnector.open(spec, null); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SHOW transaction_read_only")) {
                rs.next();
                assertEquals("on", rs.getString(1));
            }
            SQLException e = assertThrows(SQLException.class, () -> s.execute("DELETE FROM system_logs"));
            assertEquals("25006", e.getSQLState(), "read-only transaction");
        }
    }

    @Test
    void aQueryWithNothingToFetchIsRefusedWithWhatToWrite() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestDatabase.source(db, new TaskQuery(List.of(), null, null, null, null, true)));
        assertTrue(e.getMessage().contains("say what to fetch"));
        assertThrows(IllegalArgumentException.class, () -> TestDatabase.source(db, TaskQuery.ofTasks("zz-not-hex")));
        assertThrows(IllegalArgumentException.class, () -> TestDatabase.source(db, new TaskQuery(List.of(), null, "soon", null, null, true)));
    }

    static void dumpDiff(List<String> a, List<String> b) {
        try {
            java.nio.file.Files.write(java.nio.file.Path.of("target/diff-a.txt"), a);
            java.nio.file.Files.write(java.nio.file.Path.of("target/diff-b.txt"), b);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
