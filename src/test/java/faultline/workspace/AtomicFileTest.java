package faultline.workspace;

import faultline.importer.ReadFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Outputs never replace inputs or things that are not files, and leave no half file or stray temporary behind. */
class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void aLogThatWasReadIsNeverReplacedUnderAnyNameOrLink() throws Exception {
        Path log = Files.writeString(dir.resolve("seed.txt"), "a log");
        ReadFiles.add(log);
        Path link = Files.createSymbolicLink(dir.resolve("picture.svg"), log);
        Path hard = Files.createLink(dir.resolve("hard.svg"), log);
        for (Path target : List.of(log, link, hard, dir.resolve("sub/../seed.txt"))) {
            RefusedWriteException e = assertThrows(RefusedWriteException.class, () -> AtomicFile.write(target, new byte[]{1}));
            assertTrue(e.getMessage().contains("one of the logs that are open; Faultline never writes over a log"), e.getMessage());
        }
        assertEquals("a log", Files.readString(log));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals(List.of("hard.svg", "picture.svg", "seed.txt"), names());
    }

    @Test
    void devicesPipesAndLinksToThemAreRefusedBeforeAnythingIsWritten() throws Exception {
        Path toNull = Files.createSymbolicLink(dir.resolve("out.png"), Path.of("/dev/null"));
        RefusedWriteException e = assertThrows(RefusedWriteException.class, () -> AtomicFile.write(toNull, new byte[]{1}));
        assertTrue(e.getMessage().contains("links to /dev/null, which is a device, not a file"), e.getMessage());
        assertTrue(Files.isSymbolicLink(toNull) && !Files.isRegularFile(Path.of("/dev/null")), "the link and the device stay");
        e = assertThrows(RefusedWriteException.class, () -> AtomicFile.write(Path.of("/dev/full"), new byte[]{1}));
        assertTrue(e.getMessage().startsWith("/dev/full is a device, not a file"), e.getMessage());
        Path fifo = dir.resolve("pipe.svg");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS) && Files.exists(fifo));
        e = assertThrows(RefusedWriteException.class, () -> AtomicFile.write(fifo, new byte[]{1}));
        assertTrue(e.getMessage().contains("is a named pipe, not a file"), e.getMessage());
        assertEquals(List.of("out.png", "pipe.svg"), names(), "no temporary file");
    }

    @Test
    void aFolderThatDoesNotExistIsNotCreated() {
        Path target = dir.resolve("new/folder/x.png");
        RefusedWriteException e = assertThrows(RefusedWriteException.class, () -> AtomicFile.write(target, new byte[]{1}));
        assertTrue(e.getMessage().contains("the folder " + dir.resolve("new/folder") + " does not exist"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("new")));
    }

    @Test
    void aLinkToAFileIsKeptAndTheFileItLeadsToReplaced() throws Exception {
        Path real = Files.writeString(Files.createDirectory(dir.resolve("pictures")).resolve("old.svg"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("latest.svg"), real);
        AtomicFile.write(link, "new".getBytes());
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void aFailedWriteNamesTheTargetLeavesTheOldFileAndNoTemporary() throws Exception {
        Path target = Files.writeString(dir.resolve("report.png"), "old picture");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            out.write(new byte[1000]);
            throw new IOException("No space left on device");
        }));
        assertEquals("cannot write report.png: No space left on device", e.getMessage());
        assertEquals("old picture", Files.readString(target));
        assertEquals(List.of("report.png"), names());
    }

    @Test
    void temporariesOfAWriterThatWasKilledAreRemovedByTheNextSave() throws Exception {
        long dead = deadPid();
        Path target = dir.resolve("w.faultline.json");
        Path stale = Files.writeString(dir.resolve(".w.faultline.json." + dead + "-1a2b.part"), "half");
        Path old = Files.writeString(dir.resolve(".w.faultline.json.3f4e5d.part"), "from an older version");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path live = Files.writeString(dir.resolve(".w.faultline.json." + ProcessHandle.current().pid() + "-9c.part"), "being written");
        Path other = Files.writeString(dir.resolve(".other.json." + dead + "-1.part"), "not this file's");
        AtomicFile.write(target, "{}".getBytes());
        assertFalse(Files.exists(stale));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(live), "a write of a running process is left alone");
        assertTrue(Files.exists(other), "only the target's own temporaries");
    }

    /** A process id that no process has now. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor(10, TimeUnit.SECONDS);
        long pid = p.pid();
        assumeTrue(ProcessHandle.of(pid).isEmpty());
        return pid;
    }

    private List<String> names() throws IOException {
        try (var s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
