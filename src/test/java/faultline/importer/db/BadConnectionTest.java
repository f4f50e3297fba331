package faultline.importer.db;

import faultline.importer.ImportMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every bad connection is told with the server and the reason, quickly, and keeps what was fetched. */
class BadConnectionTest {
    static String db;
    static String old;
    static String legacy;

    @BeforeAll
    static void load() throws SQLException {
        db = TestDatabase.create("bad");
        TestDatabase.loadSample(db);
        old = TestDatabase.create("old");
        legacy = TestDatabase.create("legacy");
        try (Connection c = TestDatabase.admin(old); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE system_logs DROP COLUMN task_id");
        }
        // An older schema that still has what a fetch needs: dependant_on one uuid, no cycle_number, no metadata.
        try (Connection c = TestDatabase.admin(legacy); Statement s = c.createStatement()) {
            s.execute("ALTER TABLE system_logs DROP COLUMN cycle_number, DROP COLUMN metadata");
            s.execute("ALTER TABLE tasks DROP COLUMN dependant_on");
            s.execute("ALTER TABLE tasks ADD COLUMN dependant_on uuid");
        }
        TestDatabase.loadSampleWithout(legacy);
    }

    private static DatabaseSource source(String url) {
        return new DatabaseSource(url, TaskQuery.ofTasks("78cd8678"), new Passwords(Map.of(), Path.of("/nonexistent")), null);
    }

    private static DbException failing(String url) {
        long t0 = System.nanoTime();
        DbException e = assertThrows(DbException.class, () -> source(url).listTasks());
        assertTrue(System.nanoTime() - t0 < 10_000_000_000L, "told within 10 s");
        assertTrue(e.getMessage().startsWith(ConnectionSpec.parse(url).server() + ": "), "names the server: " + e.getMessage());
        return e;
    }

    @Test
    void aClosedPortIsRefused() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        DbException e = failing("postgresql://postgres@127.0.0.1:" + port + "/x");
        assertEquals(DbException.Kind.REFUSED, e.kind());
        assertTrue(e.getMessage().contains("connection refused"));
    }

    @Test
    void anUnknownHostIsNamed() {
        DbException e = failing("postgresql://postgres@no-such-host.invalid:5432/x?sslmode=disable");
        assertEquals(DbException.Kind.UNKNOWN_HOST, e.kind());
        assertTrue(e.getMessage().contains("does not resolve"));
    }

    @Test
    void aHostThatNeverAnswersIsUnreachableWithinTheConnectTimeout() {
        // TEST-NET-1: routed nowhere; depending on the network the connection is rejected at once or times out after 5 s.
        DbException e = failing("postgresql://postgres@192.0.2.1:5432/x?sslmode=disable");
        assertTrue(e.kind() == DbException.Kind.UNREACHABLE || e.kind() == DbException.Kind.REFUSED, e.getMessage());
    }

    @Test
    void aWrongPasswordIsToldAndAPromptIsOfferedWhenNoneWasFound() throws DbException {
        String url = TestDatabase.url(TestDatabase.SECRET_USER, db);
        DbException wrong = assertThrows(DbException.class, () -> new DatabaseSource(url, TaskQuery.ofTasks("78cd8678"),
                new Passwords(Map.of("PGPASSWORD", "wrong"), Path.of("/nonexistent")), null).listTasks());
        assertEquals(DbException.Kind.WRONG_PASSWORD, wrong.kind());
        assertTrue(wrong.getMessage().contains("wrong password for user " + TestDatabase.SECRET_USER), wrong.getMessage());

        DbException none = failing(url);
        assertEquals(DbException.Kind.PASSWORD_NEEDED, none.kind(), none.getMessage());

        AtomicInteger asked = new AtomicInteger();
        DatabaseSource prompted = new DatabaseSource(url, TaskQuery.ofTasks("78cd8678"), new Passwords(Map.of(), Path.of("/nonexistent")),
                (spec, why) -> {
                    asked.incrementAndGet();
                    assertTrue(why.contains("asks for a password"), why);
                    return Optional.of(TestDatabase.SECRET_PASSWORD);
                });
        assertTrue(prompted.listTasks().size() > 1);
        prompted.fetch(prompted.listTasks(), ImportMonitor.NONE);
        assertEquals(1, asked.get(), "asked once, then remembered for the session");
    }

    @Test
    void aServerThatWantsTlsSaysSo() {
        DbException e = failing(TestDatabase.url(TestDatabase.TLS_USER, db));
        assertEquals(DbException.Kind.TLS_REQUIRED, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("only TLS"));
        DbException offered = failing(TestDatabase.url("postgres", db) + "?sslmode=require");
        assertEquals(DbException.Kind.TLS_UNAVAILABLE, offered.kind(), offered.getMessage());
        assertTrue(offered.getMessage().contains("does not offer it"));
    }

    @Test
    void aRemoteHostDefaultsToTls() {
        assertEquals("require", ConnectionSpec.parse("postgresql://ops@db.example.com/reigh").effectiveSslMode());
        assertEquals("prefer", ConnectionSpec.parse("postgresql://ops@localhost/reigh").effectiveSslMode());
        assertEquals("disable", ConnectionSpec.parse("postgresql://ops@db.example.com/reigh?sslmode=disable").effectiveSslMode());
    }

    @Test
    void aMissingDatabaseTableOrColumnIsNamed() throws SQLException {
        DbException nodb = failing(TestDatabase.url("postgres", "no_such_db"));
        assertEquals(DbException.Kind.NO_DATABASE, nodb.kind());
        DbException column = failing(TestDatabase.url("postgres", old));
        assertEquals(DbException.Kind.MISSING_COLUMN, column.kind());
        assertTrue(column.getMessage().contains("system_logs.task_id") && column.getMessage().contains("older schema"), column.getMessage());
        String empty = TestDatabase.create("empty");
        try (Connection c = TestDatabase.admin(empty); Statement s = c.createStatement()) {
            s.execute("DROP TABLE system_logs");
        }
        DbException table = failing(TestDatabase.url("postgres", empty));
        assertEquals(DbException.Kind.MISSING_TABLE, table.kind());
        assertTrue(table.getMessage().contains("no table system_logs"));
    }

    @Test
    void anOlderSchemaWithWhatIsNeededStillFetches() throws DbException {
        DatabaseSource src = source(TestDatabase.url("postgres", legacy));
        List<TaskRow> listed = src.listTasks();
        assertTrue(listed.size() > 1, "the cascade is found without an array dependant_on");
        DatabaseSource.Fetched f = src.fetch(listed, ImportMonitor.NONE);
        assertEquals(null, f.problem());
        assertTrue(f.rows() > 50);
    }

    @Test
    void aUserWithoutSelectIsDeniedByName() {
        DbException e = failing(TestDatabase.url(TestDatabase.NO_GRANTS_USER, db));
        assertEquals(DbException.Kind.PERMISSION_DENIED, e.kind());
        assertTrue(e.getMessage().contains("may not read table tasks"), e.getMessage());
    }

    @Test
    void aQueryCancelledByTheServerKeepsWhatCameAndSaysWhy() throws Exception {
        DatabaseSource src = new DatabaseSource(TestDatabase.url(TestDatabase.HASTY_USER, db), TaskQuery.ofTasks("78cd8678"),
                new Passwords(Map.of(), Path.of("/nonexistent")), null);
        List<TaskRow> listed = src.listTasks();
        try (Connection lock = TestDatabase.admin(db); Statement s = lock.createStatement()) {
            lock.setAutoCommit(false);
            s.execute("LOCK TABLE system_logs IN ACCESS EXCLUSIVE MODE");
            long t0 = System.nanoTime();
            DatabaseSource.Fetched f = src.fetch(listed, ImportMonitor.NONE);
            assertTrue(System.nanoTime() - t0 < 10_000_000_000L);
            assertNotNull(f.problem());
            assertTrue(f.problem().contains("cancelled") && f.problem().contains("statement_timeout"), f.problem());
            assertTrue(f.problem().startsWith("127.0.0.1:" + TestDatabase.port()), f.problem());
            lock.rollback();
        }
        assertEquals(listed.size(), src.store().taskCount(), "the tasks listed are kept");
    }

    @Test
    void aFetchCancelledByTheUserKeepsTheRowsSoFar() throws Exception {
        String big = TestDatabase.create("big");
        String task = "5f0c1d2e-3a4b-4c5d-8e9f-0a1b2c3d4e5f";
        try (Connection c = TestDatabase.admin(big); Statement s = c.createStatement()) {
            s.execute("INSERT INTO tasks (id, task_type, status, created_at, updated_at, worker_id) VALUES ('" + task
                    + "', 'travel_segment', 'Failed', now(), now(), 'gpu-20260101_000000-00000000')");
            s.execute("INSERT INTO system_logs (timestamp, source_type, source_id, log_level, message, task_id, worker_id)"
                    + " SELECT now() + g * interval '1 microsecond', 'worker', 'w', 'INFO', 'GENERATION: step ' || g, '" + task
                    + "', 'gpu-20260101_000000-00000000' FROM generate_series(1, 20000) g");
        }
        DatabaseSource src = TestDatabase.source(big, TaskQuery.ofTasks(task));
        AtomicInteger calls = new AtomicInteger();
        DatabaseSource.Fetched f = src.fetch(src.listTasks(), new ImportMonitor() {
            @Override
            public boolean isCancelled() {
                return calls.incrementAndGet() > 3;
            }
        });
        assertNotNull(f.problem());
        assertTrue(f.problem().contains("cancelled after"), f.problem());
        assertTrue(f.rows() > 0 && f.rows() < 20000, "rows so far: " + f.rows());
        assertEquals(f.rows(), src.store().size());
    }
}
