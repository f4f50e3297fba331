package faultline.workspace;

import faultline.OwnDataFolder;
import faultline.model.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class WorkspaceStoreTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final OwnDataFolder data = new OwnDataFolder();

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
    void roundTripIsExactAndLivesInTheDataFolderNotBesideTheLog() throws Exception {
        Path log = Files.writeString(dir.resolve("worker.log"), "x");
        Path ws = WorkspaceStore.locationFor(List.of(log));
        assertEquals(data.path().resolve("workspaces"), ws.getParent(), "in the user's data folder");
        assertTrue(ws.getFileName().toString().startsWith("worker-") && ws.getFileName().toString().endsWith(".faultline.json"), ws.toString());
        Workspace w = sample(log);
        WorkspaceStore.write(ws, w);
        assertEquals(w, WorkspaceStore.read(ws).orElseThrow());
        assertTrue(Files.readString(ws).contains("\"version\" : 1"));
        assertEquals("x", Files.readString(log), "the log is never written");
        try (var s = Files.list(dir)) {
            assertEquals(List.of(log), s.toList(), "nothing is written beside the log");
        }
        try (var s = Files.list(ws.getParent())) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
        assertEquals(Files.getPosixFilePermissions(log), Files.getPosixFilePermissions(ws),
                "as readable as any file the user saves, not private like a temporary file");
    }

    @Test
    void eachSetOfFilesHasItsOwnWorkspaceNamedByPathsAndContent() throws Exception {
        Path a = Files.writeString(dir.resolve("a.log"), "first log");
        Path b = Files.writeString(dir.resolve("b.log"), "second log");
        assertEquals(WorkspaceStore.locationFor(List.of(a, b)), WorkspaceStore.locationFor(List.of(b, a)), "the order does not matter");
        assertNotEquals(WorkspaceStore.locationFor(List.of(a)), WorkspaceStore.locationFor(List.of(a, b)));
        Path alone = WorkspaceStore.locationFor(List.of(a));
        Files.writeString(a, "another log under the same name");
        assertNotEquals(alone, WorkspaceStore.locationFor(List.of(a)), "other content under the same path is another workspace");

        Path ws = WorkspaceStore.locationFor(List.of(b));
        WorkspaceStore.write(ws, sample(a));
        WorkspaceException e = assertThrows(WorkspaceException.class,
                () -> WorkspaceStore.save(ws, sample(b), null, null), "never over another set's workspace");
        assertTrue(e.getMessage().contains("other files (a.log)"), e.getMessage());
        assertEquals(List.of(a.toString()), WorkspaceStore.read(ws).orElseThrow().sources().stream().map(Workspace.SourceRef::path).toList());
    }

    @Test
    void aDamagedWorkspaceIsReportedAndNeverOverwritten() throws Exception {
        Path ws = dir.resolve("worker.faultline.json");
        Files.writeString(ws, "{\"version\": 1, \"sources\": [ {\"path\": ");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceStore.read(ws));
        assertTrue(e.getMessage().startsWith("worker.faultline.json is damaged"), e.getMessage());
        assertTrue(e.getMessage().contains("will not be overwritten"));
        assertThrows(WorkspaceException.class, () -> WorkspaceStore.write(ws, sample(dir.resolve("worker.log"))));
        assertThrows(WorkspaceException.class, () -> WorkspaceStore.save(ws, sample(dir.resolve("worker.log")), null, Stamp.of(ws)));
        assertEquals("{\"version\": 1, \"sources\": [ {\"path\": ", Files.readString(ws), "left as it was");
    }

    @Test
    void aNewerWorkspaceIsLeftAloneAndItsVersionToldAsWritten() throws Exception {
        Path ws = dir.resolve("worker.faultline.json");
        Files.writeString(ws, "{\"version\": 7, \"somethingNew\": true}");
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceStore.read(ws));
        assertTrue(e.getMessage().contains("newer Faultline (workspace version 7"), e.getMessage());
        assertThrows(WorkspaceException.class, () -> WorkspaceStore.write(ws, sample(dir.resolve("worker.log"))));

        Files.writeString(ws, "{\"version\": 1000000000000000000000000000000}");
        e = assertThrows(WorkspaceException.class, () -> WorkspaceStore.read(ws));
        assertTrue(e.getMessage().contains("workspace version 1000000000000000000000000000000,"), e.getMessage());
        Files.writeString(ws, "{\"version\": 1.5}");
        e = assertThrows(WorkspaceException.class, () -> WorkspaceStore.read(ws));
        assertTrue(e.getMessage().contains("unknown workspace version 1.5"), e.getMessage());
    }

    @Test
    void onlyRegularFilesOfABoundedSizeAreRead() throws Exception {
        Path big = dir.resolve("big.faultline.json");
        try (var ch = java.nio.channels.FileChannel.open(big, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(new byte[]{'{'}), WorkspaceStore.MAX_BYTES + 10); // sparse: no disk used
        }
        WorkspaceException e = assertThrows(WorkspaceException.class, () -> WorkspaceStore.read(big));
        assertTrue(e.getMessage().contains("too large for a workspace"), e.getMessage());

        Path zero = dir.resolve("zero.faultline.json");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        e = assertThrows(WorkspaceException.class, () -> WorkspaceStore.read(zero));
        assertTrue(e.getMessage().contains("links to /dev/zero, which is a device, not a file"), e.getMessage());

        Path fifo = dir.resolve("fifo.faultline.json");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS));
        assumeTrue(Files.exists(fifo));
        e = assertThrows(WorkspaceException.class, () -> WorkspaceStore.read(fifo), "refused before it is opened: no wait for a writer");
        assertTrue(e.getMessage().contains("is a named pipe, not a file"), e.getMessage());
    }

    @Test
    void anotherWindowsSaveIsNoticedAndItsNotesMerged() throws Exception {
        Path log = Files.writeString(dir.resolve("worker.log"), "x");
        Path ws = WorkspaceStore.locationFor(List.of(log));
        Workspace start = sample(log);
        WorkspaceStore.Saved first = WorkspaceStore.save(ws, start, null, null);
        // Two windows read the same version; the second saves a new note first.
        Note theirs = new Note("n3", "78cd8678-9fa3-4d06-a081-dd8fc90ff35f", 5L, 5L, "from the other window");
        WorkspaceStore.Saved other = WorkspaceStore.save(ws, start.withNotes(List.of(start.notes().get(0), start.notes().get(1), theirs)),
                first.workspace(), first.stamp());
        assertTrue(!other.merged());
        Note mine = new Note("n4", "78cd8678-9fa3-4d06-a081-dd8fc90ff35f", 6L, 6L, "from this window");
        // This window deleted n2 and added n4, and saves with the stamp it knew.
        WorkspaceStore.Saved s = WorkspaceStore.save(ws, start.withNotes(List.of(start.notes().get(0), mine)), first.workspace(), first.stamp());
        assertTrue(s.merged(), "the change on disk was noticed");
        assertEquals(List.of("n1", "n4", "n3"), s.workspace().notes().stream().map(Note::id).toList(),
                "this window's deletion and addition, and the other window's note");
        assertEquals(s.workspace(), WorkspaceStore.read(ws).orElseThrow());
        assertEquals(s.stamp(), Stamp.of(ws));
    }

    @Test
    void aSharedWorkspaceKeepsSourcesRelativeToItsFolderAndResolvesThemThere() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("case-17"));
        Path log = Files.writeString(logs.resolve("worker.log"), "x");
        Path ws = logs.resolve("case.faultline.json");
        WorkspaceStore.saveShareable(ws, sample(log), null, null);
        String text = Files.readString(ws);
        assertTrue(text.contains("\"path\" : \"worker.log\""), text);
        assertTrue(text.contains("\"sha256\" : \"2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881\""), "the full hash for the receiver");
        Path moved = dir.resolve("elsewhere");
        Files.move(logs, moved);
        Workspace w = WorkspaceStore.read(moved.resolve("case.faultline.json")).orElseThrow();
        assertEquals(List.of(moved.resolve("worker.log")), w.files(), "relative to the workspace's folder, not to the current folder");
    }
}
