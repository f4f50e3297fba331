package faultline.importer.db;

import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.TaskSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A snapshot of fetched rows reopens as the same tasks and events, times with their precision. */
class SnapshotRoundTripTest {
    static String db;

    @BeforeAll
    static void load() throws SQLException {
        db = TestDatabase.create("snapshot");
        TestDatabase.loadSample(db);
        try (Connection c = TestDatabase.admin(db); Statement s = c.createStatement()) {
            // Times whose fraction ends in zeros, or has none, and a row with metadata but no task id.
            s.execute("INSERT INTO system_logs (timestamp, source_type, source_id, log_level, message, task_id, worker_id, metadata) VALUES"
                    + " ('2026-02-24 14:31:53.5500+00', 'worker', 'gpu-20260224_140402-5c1e7a9d', 'WARNING', 'GENERATION: slow step',"
                    + "  '78cd8678-9fa3-4d06-a081-dd8fc90ff35f', 'gpu-20260224_140402-5c1e7a9d', '{}'),"
                    + " ('2026-02-24 14:31:54+00', 'worker', 'gpu-20260224_140402-5c1e7a9d', 'INFO', 'Processing status update', NULL,"
                    + " 'gpu-20260224_140402-5c1e7a9d',"
                    + "  '{\"task_id\": \"78cd8678-9fa3-4d06-a081-dd8fc90ff35f\", \"new_status\": \"Failed\"}')");
        }
    }

    @Test
    void aSnapshotReopensAsTheSameTasksAndEvents(@TempDir Path dir) throws Exception {
        DatabaseSource src = TestDatabase.source(db, TaskQuery.ofTasks("78cd8678", "e040ae48"));
        src.fetch(src.listTasks(), ImportMonitor.NONE);
        TaskSet fetched = new Importer().importSources(List.of(), List.of(src.rows()), ImportMonitor.NONE);
        Path snapshot = dir.resolve("failures.jsonl");
        try (OutputStream out = Files.newOutputStream(snapshot)) {
            src.writeSnapshot(out);
        }
        TaskSet reopened = new Importer().importFiles(List.of(snapshot), ImportMonitor.NONE);
        assertEquals(TaskSets.tasks(fetched), TaskSets.tasks(reopened));
        assertEquals(TaskSets.events(fetched), TaskSets.events(reopened));
        for (int i = 0; i < fetched.store().size(); i++) {
            assertEquals(fetched.store().raw(i), reopened.store().raw(i), "the log pane shows the same line");
        }
        List<String> lines = Files.readAllLines(snapshot);
        assertEquals(src.store().taskCount() + src.store().size(), lines.size(), "one line per row");
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"timestamp\":\"2026-02-24T14:31:53.55+00:00\"")),
                "a fraction keeps the digits the database gave: " + lines.stream().filter(l -> l.contains("slow step")).toList());
        assertTrue(lines.stream().anyMatch(l -> l.contains("\"timestamp\":\"2026-02-24T14:31:54+00:00\"")));
        int ref = fetched.find("78cd8678").orElseThrow().index();
        assertTrue(java.util.stream.IntStream.range(0, fetched.store().size())
                        .anyMatch(i -> fetched.store().task(i) == ref && fetched.store().message(i).equals("Processing status update")
                                && fetched.store().precision(i) == 0),
                "a row without a task id is the task of its metadata");
    }
}
