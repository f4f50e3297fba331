package faultline.workspace;

import faultline.OwnDataFolder;
import faultline.model.Note;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which workspace comes back when files are opened, where changes go, and what is asked first. */
class WorkspaceLookupTest {
    @TempDir
    Path dir;
    @RegisterExtension
    final OwnDataFolder data = new OwnDataFolder();

    private Path log(String name) throws Exception {
        return Files.writeString(dir.resolve(name), "[INFO] 2026-03-02T08:00:00.1: " + name + "\n");
    }

    @Test
    void theAutosaveOfTheseFilesComesBackAndASharedOneBesideThemWhenThereIsNone() throws Exception {
        Path log = log("worker.log");
        WorkspaceLookup.Found none = WorkspaceLookup.forLogs(List.of(log));
        assertNull(none.restore());
        assertEquals(WorkspaceStore.locationFor(List.of(log)), none.saveTo());

        Workspace shared = WorkspaceStoreTest.sample(log);
        WorkspaceStore.saveShareable(WorkspaceStore.besideLocation(List.of(log)), shared, null, null);
        WorkspaceLookup.Found beside = WorkspaceLookup.forLogs(List.of(log));
        assertEquals(shared.notes(), beside.restore().notes(), "a workspace beside the logs is restored as before");
        assertEquals(WorkspaceStore.locationFor(List.of(log)), beside.saveTo(), "but changes go to the data folder");

        Workspace own = shared.withNotes(List.of(new Note("mine", "t", 1, 1, "own")));
        WorkspaceStore.save(beside.saveTo(), own, null, null);
        Files.setLastModifiedTime(beside.saveTo(), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        WorkspaceLookup.Found both = WorkspaceLookup.forLogs(List.of(log));
        assertEquals(own.notes(), both.restore().notes(), "the user's own workspace first");
        assertNotNull(both.offer(), "a shared workspace saved later is offered");
        assertEquals(WorkspaceStore.besideLocation(List.of(log)), both.offer().workspace());
    }

    @Test
    void aDamagedWorkspaceIsLeftAloneChangesGoToARecoveredCopyWhichIsOfferedNextTime() throws Exception {
        Path log = log("worker.log");
        Path auto = WorkspaceStore.locationFor(List.of(log));
        Files.createDirectories(auto.getParent());
        Files.writeString(auto, "{ damaged");
        WorkspaceLookup.Found first = WorkspaceLookup.forLogs(List.of(log));
        assertTrue(first.warnings().get(0).contains("is damaged"), first.warnings().toString());
        assertEquals(WorkspaceStore.recoveredOf(auto), first.saveTo());
        assertNull(first.offer(), "nothing recovered yet");
        WorkspaceSession s = new WorkspaceSession(first);
        s.autosave(WorkspaceStoreTest.sample(log));
        assertEquals("{ damaged", Files.readString(auto), "the damaged file is left as it was");

        WorkspaceLookup.Found next = WorkspaceLookup.forLogs(List.of(log));
        assertNotNull(next.offer(), "the recovered copy is offered on the next open");
        assertEquals(first.saveTo(), next.offer().workspace());
        WorkspaceLookup.Found taken = WorkspaceLookup.forFile(next.offer().workspace());
        assertEquals(WorkspaceStoreTest.sample(log).notes(), taken.restore().notes());
        assertEquals(List.of(), taken.outside(), "Faultline's own copy needs no confirmation");
        assertEquals(first.saveTo(), taken.saveTo(), "and keeps being saved there");
    }

    @Test
    void aWorkspaceFileResolvesItsSourcesInItsFolderAndListsTheOnesOutsideIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("shared"));
        Path inside = Files.writeString(folder.resolve("worker.log"), "x");
        Path escape = Files.createSymbolicLink(folder.resolve("innocent.log"), Path.of("/etc/passwd"));
        Path ws = folder.resolve("case.faultline.json");
        Files.writeString(ws, "{\"version\": 1, \"sources\": [{\"path\": \"worker.log\"}, {\"path\": \"../../../../../../etc/passwd\"},"
                + " {\"path\": \"/etc/shadow\"}, {\"path\": \"innocent.log\"}]}");
        WorkspaceLookup.Found f = WorkspaceLookup.forFile(ws);
        assertEquals(List.of(inside, Path.of("/etc/passwd"), Path.of("/etc/shadow"), escape), f.restore().files(),
                "relative paths are relative to the workspace's folder");
        assertEquals(List.of(Path.of("/etc/passwd"), Path.of("/etc/shadow"), escape), f.outside(),
                "everything outside its folder is listed for the user to confirm, a link that leads out too");
        assertEquals(ws, f.shared(), "Save Workspace writes back to it");
        assertTrue(UserFolders.isOwn(f.saveTo()), "changes are autosaved in the data folder");
    }
}
