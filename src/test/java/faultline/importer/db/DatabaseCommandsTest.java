package faultline.importer.db;

import faultline.cli.Cli;
import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headless commands against a real database: fetch to a snapshot, report and export from --db. */
class DatabaseCommandsTest {
    static String db;

    @BeforeAll
    static void load() throws SQLException {
        db = TestDatabase.create("cli");
        TestDatabase.loadSample(db);
    }

    private record Run(int code, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void fetchWritesASnapshotOfTheTasksAndTheirRows(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("evidence.jsonl");
        Run r = run("fetch", "--db", TestDatabase.url("postgres", db), "--task", "78cd8678", "e040ae48", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("wrote " + out), r.out());
        assertTrue(r.err().contains("rows of 6 tasks from 127.0.0.1:" + TestDatabase.port()), r.err());
        TaskSet set = new Importer().importFiles(List.of(out), ImportMonitor.NONE);
        assertEquals(TaskStatus.FAILED, set.find("78cd8678").orElseThrow().status());
        assertEquals(TaskStatus.FAILED, set.find("e040ae48").orElseThrow().status());
        assertEquals(164, set.find("e040ae48").orElseThrow().eventCount());
    }

    @Test
    void reportReadsTheDatabaseInPlaceOfFiles() {
        Run r = run("report", "--db", TestDatabase.url("postgres", db), "--worker", "gpu-20260224_140402-5c1e7a9d", "--format", "json");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("78cd8678-9fa3-4d06-a081-dd8fc90ff35f") && r.out().contains("e040ae48-4fa8-4af6-8a57-028277e54ba9"));
        assertTrue(r.out().contains("system_logs@127.0.0.1"), "the report names the database as a source");
    }

    @Test
    void tasksAndEventsListTheDatabasesRows() {
        Run tasks = run("tasks", "--db", TestDatabase.url("postgres", db), "--task", "78cd8678", "--no-cascade", "--format", "csv");
        assertEquals(0, tasks.code(), tasks.err());
        List<String> rows = tasks.out().lines().toList();
        assertTrue(rows.get(0).startsWith("id,shortId,type,status"), rows.get(0));
        assertTrue(rows.stream().anyMatch(l -> l.startsWith("78cd8678-9fa3-4d06-a081-dd8fc90ff35f,") && l.contains(",FAILED,")), tasks.out());
        Run events = run("events", "--db", TestDatabase.url("postgres", db), "--task", "78cd8678");
        assertEquals(0, events.code(), events.err());
        List<String> lines = events.out().lines().toList();
        assertTrue(lines.size() > 10, events.out());
        assertTrue(lines.stream().allMatch(l -> l.contains("\"task\":\"78cd8678-9fa3-4d06-a081-dd8fc90ff35f\"")), lines.get(0));
    }

    @Test
    void exportDrawsTheDatabasesFailures(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("crash.png");
        Run r = run("export", "--db", TestDatabase.url("postgres", db), "--task", "78cd8678", "--png", png.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(Files.size(png) > 1000);
    }

    @Test
    void aBadConnectionIsOneLineAndExitCodeOne() {
        Run r = run("fetch", "--db", TestDatabase.url("no_grants", db), "--task", "78cd8678", "--out", "/tmp/never-written.jsonl");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("permission denied"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        assertFalse(Files.exists(Path.of("/tmp/never-written.jsonl")));
    }

    @Test
    void fetchWithoutAQuerySaysWhatToWrite() {
        Run r = run("fetch", "--db", TestDatabase.url("postgres", db), "--out", "x.jsonl");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("say what to fetch"), r.err());
    }
}
