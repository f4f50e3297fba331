package faultline.workspace;

import faultline.importer.db.ConnectionSpec;
import faultline.importer.db.TaskQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A workspace remembers the database and the query (never a password); older workspaces still read. */
class WorkspaceDatabaseTest {
    @TempDir
    Path dir;

    @Test
    void theConnectionAndTheQueryComeBackWithoutThePassword() throws Exception {
        String typed = "postgresql://ops:hunter2@db.example.com:6543/reigh?sslmode=verify-full";
        String url = ConnectionSpec.parse(typed).url();
        assertEquals("postgresql://ops@db.example.com:6543/reigh?sslmode=verify-full", url);
        assertEquals("hunter2", ConnectionSpec.passwordIn(typed));
        TaskQuery q = new TaskQuery(List.of("78cd8678"), null, "6h", "2026-02-24T14:00:00Z", null, true);
        Workspace w = new Workspace(Workspace.VERSION, List.of(), List.of("78cd8678-9fa3-4d06-a081-dd8fc90ff35f"), "CRASH",
                java.util.Map.of(), null, List.of(), new Workspace.DatabaseRef(url, q, List.of("78cd8678-9fa3-4d06-a081-dd8fc90ff35f")));
        Path ws = dir.resolve("failures.faultline.json");
        WorkspaceStore.write(ws, w);
        assertEquals(w, WorkspaceStore.read(ws).orElseThrow());
        assertFalse(Files.readString(ws).contains("hunter2"));
    }

    @Test
    void aWorkspaceWithoutADatabaseStillReads() throws Exception {
        Path ws = Files.writeString(dir.resolve("old.faultline.json"), "{\"version\": 1, \"sources\": [], \"compared\": [\"a\"],"
                + " \"anchor\": \"CRASH\", \"shifts\": {}, \"notes\": []}");
        Workspace w = WorkspaceStore.read(ws).orElseThrow();
        assertNull(w.database());
        assertEquals(List.of("a"), w.compared());
    }
}
