package faultline.importer.follow;

import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Following a growing log: appended lines are read, truncation and rotation are said, nothing read is lost. */
class FollowFilesTest {
    static final String A = "3c5d7e9f-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
    static final String B = "4d6e8f0a-2b3c-4d4e-9f5a-6b7c8d9e0f1a";

    @TempDir
    Path dir;

    private static String lines(String task, int from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < from + n; i++) {
            sb.append(String.format("[INFO] 2026-03-02T10:11:%02d.%06d: GENERATION: step %d of task %s%n", i / 10, i * 7 % 1_000_000, i, task));
        }
        return sb.toString();
    }

    private static TaskSet read(List<Path> files) {
        return new Importer().importFiles(files, ImportMonitor.NONE);
    }

    private static List<Path> with(Path log, Follower f) {
        List<Path> all = new ArrayList<>(f.rotatedFiles());
        all.add(log);
        return all;
    }

    @Test
    void followSeesLinesAppendedToAFile() throws Exception {
        Path log = Files.writeString(dir.resolve("worker.log"), lines(A, 0, 20), StandardCharsets.UTF_8);
        Follower f = new Follower(List.of(log), null);
        assertEquals(20, read(List.of(log)).find(A).orElseThrow().eventCount());
        assertFalse(f.step(false).reread(), "nothing changed");
        Files.writeString(log, lines(A, 20, 5) + lines(B, 25, 3), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Follower.Step s = f.step(false);
        assertTrue(s.reread());
        assertTrue(s.messages().isEmpty(), "growing is not news: " + s.messages());
        TaskSet after = read(with(log, f));
        assertEquals(25, after.find(A).orElseThrow().eventCount());
        assertEquals(3, after.find(B).orElseThrow().eventCount(), "a task that appeared while following is listed");
        assertFalse(f.step(false).reread());
    }

    @Test
    void truncationIsReportedAndACopyMadeBeforeItKeepsTheEarlierLines() throws Exception {
        Path log = Files.writeString(dir.resolve("worker.log"), lines(A, 0, 30), StandardCharsets.UTF_8);
        Follower f = new Follower(List.of(log), null);
        // copytruncate: the content is copied away, then the file is emptied and written on.
        Files.copy(log, dir.resolve("worker.log.1"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.writeString(log, lines(B, 40, 4), StandardCharsets.UTF_8);
        Follower.Step s = f.step(false);
        assertTrue(s.reread());
        assertEquals(1, s.messages().size());
        assertTrue(s.messages().get(0).startsWith("worker.log was truncated"), s.messages().get(0));
        assertTrue(s.messages().get(0).contains("worker.log.1"), s.messages().get(0));
        TaskSet after = read(with(log, f));
        assertEquals(30, after.find(A).orElseThrow().eventCount(), "the lines before the truncation are still read");
        assertEquals(4, after.find(B).orElseThrow().eventCount());
    }

    @Test
    void truncationWithoutACopySaysTheEarlierLinesAreGoneFromTheFile() throws Exception {
        Path log = Files.writeString(dir.resolve("worker.log"), lines(A, 0, 30), StandardCharsets.UTF_8);
        Follower f = new Follower(List.of(log), null);
        Files.writeString(log, lines(A, 0, 2), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        Follower.Step s = f.step(false);
        assertTrue(s.reread());
        assertTrue(s.messages().get(0).contains("was truncated") && s.messages().get(0).contains("no copy"), s.messages().get(0));
        assertTrue(f.rotatedFiles().isEmpty());
    }

    @Test
    void aRenamedLogIsFollowedIntoItsNewFile() throws Exception {
        Path log = Files.writeString(dir.resolve("worker.log"), lines(A, 0, 12), StandardCharsets.UTF_8);
        Follower f = new Follower(List.of(log), null);
        Files.move(log, dir.resolve("worker.log.2026-03-02"));
        Files.writeString(log, lines(B, 50, 6), StandardCharsets.UTF_8);
        Follower.Step s = f.step(false);
        assertTrue(s.reread());
        assertTrue(s.messages().get(0).startsWith("worker.log was rotated"), s.messages().get(0));
        assertEquals(List.of(dir.resolve("worker.log.2026-03-02").toAbsolutePath().normalize()), s.rotatedFiles());
        TaskSet after = read(with(log, f));
        assertEquals(12, after.find(A).orElseThrow().eventCount());
        assertEquals(6, after.find(B).orElseThrow().eventCount());
    }
}
