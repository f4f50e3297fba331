package faultline.workspace;

import faultline.model.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceStoreTest {
    @TempDir
    Path dir;

    static Workspace sample(Path log) {
        return new Workspace(Workspace.VERSION,
                List.of(new Workspace.SourceRef(log.toString(), 12, "ab".repeat(32), "WORKER_CONSOLE", "Europe/Berlin", 250_000_000L, "2026-02-24")),
                List.of("78cd8678-9fa3-4d06-a081-dd8fc90ff35f", "e040ae48-4fa8-4af6-8a57-028277e54ba9"), "CRASH",
                Map.of("e040ae48-4fa8-4af6-8a57-028277e54ba9", 1_500L),
                new Workspace.ViewState(-1_234_567L, 3_000_001L, true),
                List.of(new Note("n1", "78cd8678-9fa3-4d06-a081-dd8fc90ff35f", 1_771_943_513_553_318_000L, 1_771_943_513_553_318_000L, "here ✗"),
                        new Note("n2", "e040ae48-4fa8-4af6-8a57-028277e54ba9", 1L, 9L, "range")));
    }

    @Test
    void roundTripIsExact() throws Exception {
        Path log = Files.writeString(dir.resolve("worker.log"), "x");
        Path ws = WorkspaceStore.locationFor(List.of(log));
        assertEquals(dir.resolve("worker.faultline.json"), ws, "next to the logs, named after the first");
        Workspace w = sample(log);
        WorkspaceStore.write(ws, w);
        assertEquals(w, WorkspaceStore.read(ws).orElseThrow());
        assertTrue(Files.readString(ws).contains("\"version\" : 1"));
        assertEquals("x", Files.readString(log), "the log is never written");
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "no temporary file left behind");
        }
        assertEquals(Files.getPosixFilePermissions(log), Files.getPosixFilePermissions(ws),
                "as readable as any file the user saves, not private like a temporary file");
    }

    @Test
    void aDamagedWorkspaceIsReportedAndNeverOverwritten() throws Exception {
        Path ws = dir.resolve("worker.faultline.json");
        Files.writeString(ws, "{\"version\": 1, \"sources\": [ {\"path\": ");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceStore.read(ws));
        assertTrue(e.getMessage().startsWith("worker.faultline.json is damaged"), e.getMessage());
        assertTrue(e.getMessage().contains("will not be overwritten"));
        assertThrows(WorkspaceException.class, () -> WorkspaceStore.write(ws, sample(dir.resolve("worker.log"))));
        assertEquals("{\"version\": 1, \"sources\": [ {\"path\": ", Files.readString(ws), "left as it was");
    }

    @Test
    void aNewerWorkspaceIsLeftAlone() throws Exception {
        Path ws = dir.resolve("worker.faultline.json");
        Files.writeString(ws, "{\"version\": 7, \"somethingNew\": true}");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceStore.read(ws));
        assertTrue(e.getMessage().contains("newer Faultline (workspace version 7"), e.getMessage());
        assertThrows(WorkspaceException.class, () -> WorkspaceStore.write(ws, sample(dir.resolve("worker.log"))));
    }

    @Test
    void aReadOnlyFolderOfLogsKeepsItsWorkspaceInTheUsersFolder() throws Exception {
        Path ro = Files.createDirectory(dir.resolve("ro"));
        Path log = Files.writeString(ro.resolve("worker.log"), "x");
        assertTrue(ro.toFile().setWritable(false));
        try {
            Path ws = WorkspaceStore.locationFor(List.of(log));
            if (!Files.isWritable(ro)) {
                assertTrue(ws.toString().contains(".local/share/faultline/workspaces/worker-"), ws.toString());
            }
        } finally {
            assertTrue(ro.toFile().setWritable(true));
        }
    }
}
