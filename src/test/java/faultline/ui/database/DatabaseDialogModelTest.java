package faultline.ui.database;

import faultline.importer.db.Passwords;
import faultline.importer.db.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Open Database dialog's state: list, choose, fetch, and errors told in the dialog. Runs without a window. */
class DatabaseDialogModelTest {
    static String db;

    @BeforeAll
    static void load() throws Exception {
        db = TestDatabase.create("dialog");
        TestDatabase.loadSample(db);
    }

    private static DatabaseDialogModel model() {
        return new DatabaseDialogModel(faultline.ui.background.ManualJobs.direct(), new Passwords(Map.of(), Path.of("/nonexistent")), null);
    }

    @Test
    void listsTheMatchingTasksThenFetchesOnlyTheCheckedOnes() {
        DatabaseDialogModel m = model();
        m.url.set(TestDatabase.url("postgres", db));
        m.tasks.set("78cd8678, e040ae48");
        m.list();
        assertFalse(m.failed.get(), m.message.get());
        assertEquals(6, m.listed.size());
        assertTrue(m.message.get().startsWith("6 tasks (4 failed)"), m.message.get());
        m.listed.stream().filter(i -> !i.row.failed()).forEach(i -> i.chosen.set(false));
        m.fetch();
        assertFalse(m.busy.get());
        assertNotNull(m.fetched.get(), m.message.get());
        assertEquals(4, m.fetched.get().store().taskCount(), "only the checked tasks");
        assertTrue(m.message.get().startsWith("Fetched "), m.message.get());
    }

    @Test
    void errorsStayInTheDialog() throws Exception {
        DatabaseDialogModel m = model();
        m.url.set("mysql://nope");
        m.tasks.set("78cd8678");
        m.list();
        assertTrue(m.failed.get());
        assertTrue(m.message.get().contains("not a Postgres URL"));
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        m.url.set("postgresql://postgres@127.0.0.1:" + port + "/reigh");
        m.list();
        assertTrue(m.failed.get());
        assertTrue(m.message.get().startsWith("127.0.0.1:" + port + ": connection refused"), m.message.get());
        assertNull(m.fetched.get());
        m.url.set(TestDatabase.url("postgres", db));
        m.tasks.set("");
        m.list();
        assertTrue(m.message.get().contains("say what to fetch"));
    }
}
