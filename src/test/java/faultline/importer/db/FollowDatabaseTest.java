package faultline.importer.db;

import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.importer.follow.Follower;
import faultline.model.TaskSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Following the database: rows inserted while it runs are read, late rows are not read twice, a new failure is told. */
class FollowDatabaseTest {
    static final String WORKER = "gpu-20260302_090000-1a2b3c4d";
    static final String RUNNING = "6f7a8b9c-0d1e-4f2a-8b3c-4d5e6f7a8b9c";
    static final String LATER = "7a8b9c0d-1e2f-4a3b-9c4d-5e6f7a8b9c0d";
    static String db;

    @BeforeAll
    static void load() throws SQLException {
        db = TestDatabase.create("follow");
        exec("INSERT INTO tasks (id, task_type, status, created_at, updated_at, worker_id) VALUES ('" + RUNNING
                + "', 'travel_segment', 'In Progress', now() - interval '10 minutes', now() - interval '5 minutes', '" + WORKER + "')");
        insertRows(RUNNING, 0, 10, "now() - interval '4 minutes'");
    }

    static void exec(String sql) throws SQLException {
        try (Connection c = TestDatabase.admin(db); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static void insertRows(String task, int from, int n, String when) throws SQLException {
        exec("INSERT INTO system_logs (timestamp, source_type, source_id, log_level, message, task_id, worker_id)"
                + " SELECT " + when + " + g * interval '1 millisecond', 'worker', '" + WORKER + "', 'INFO', 'GENERATION: step ' || g, '"
                + task + "', '" + WORKER + "' FROM generate_series(" + from + ", " + (from + n - 1) + ") g");
    }

    private static int events(DatabaseSource src, String task) {
        TaskSet set = new Importer().importSources(List.of(), List.of(src.rows()), ImportMonitor.NONE);
        return set.find(task).map(t -> t.eventCount()).orElse(0);
    }

    @Test
    void followSeesRowsInsertedWhileItRunsAndNewFailures() throws Exception {
        DatabaseSource src = TestDatabase.source(db, new TaskQuery(List.of(), WORKER, null, null, null, true));
        src.fetch(src.listTasks(), ImportMonitor.NONE);
        assertEquals(10, events(src, RUNNING));
        Follower follower = new Follower(List.of(), src);
        follower.start();
        assertFalse(follower.step(true).reread(), "nothing new yet");

        // The worker ships a batch late: its rows are older than the newest row already read.
        insertRows(RUNNING, 10, 5, "now() - interval '4 minutes' + interval '5 milliseconds'");
        insertRows(RUNNING, 100, 3, "now()");
        Follower.Step s = follower.step(true);
        assertTrue(s.reread());
        assertEquals(18, events(src, RUNNING), "late rows and new rows, each once");
        assertFalse(follower.step(true).reread(), "the look-back does not read a row twice");

        exec("UPDATE tasks SET status = 'Failed', updated_at = now(), error_message = 'CUDA error: out of memory' WHERE id = '" + RUNNING + "'");
        exec("INSERT INTO tasks (id, task_type, status, created_at, updated_at, worker_id, error_message) VALUES ('" + LATER
                + "', 'magic_edit', 'Failed', now(), now(), '" + WORKER + "', 'Failed to load model')");
        insertRows(LATER, 0, 4, "now()");
        Follower.Step failed = follower.step(true);
        assertTrue(failed.reread());
        assertEquals(List.of(RUNNING, LATER), failed.newFailures().stream().map(TaskRow::id).sorted().toList());
        TaskSet set = new Importer().importSources(List.of(), List.of(src.rows()), ImportMonitor.NONE);
        assertEquals(faultline.model.TaskStatus.FAILED, set.find(RUNNING).orElseThrow().status());
        assertEquals(4, set.find(LATER).orElseThrow().eventCount(), "a failure that came while following is fetched");
    }

    @Test
    void aDatabaseThatGoesAwayIsSaidAndTheRowsStay() throws Exception {
        DatabaseSource src = TestDatabase.source(db, TaskQuery.ofTasks(RUNNING));
        src.fetch(src.listTasks(), ImportMonitor.NONE);
        int before = src.store().size();
        exec("REVOKE CONNECT ON DATABASE " + db + " FROM PUBLIC");
        try {
            DatabaseSource other = new DatabaseSource(TestDatabase.url(TestDatabase.HASTY_USER, db), TaskQuery.ofTasks(RUNNING),
                    new Passwords(java.util.Map.of(), java.nio.file.Path.of("/nonexistent")), null);
            Follower f = new Follower(List.of(), other);
            Follower.Step s = f.step(true);
            assertTrue(s.databaseProblem() != null && s.databaseProblem().contains("following goes on"), String.valueOf(s.databaseProblem()));
        } finally {
            exec("GRANT CONNECT ON DATABASE " + db + " TO PUBLIC");
        }
        assertEquals(before, src.store().size());
    }
}
