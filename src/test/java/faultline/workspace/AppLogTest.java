package faultline.workspace;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application's own log: in the state folder, bounded in size, and never a reason to fail. */
class AppLogTest {
    @TempDir
    Path tmp;

    @Test
    void theLogIsInTheStateFolderWhichTestsAndTrainingMoveWithTheDataFolder() {
        // The tests set faultline.data.dir, as the class-data sharing training does: neither writes the user's folders.
        String data = System.getProperty("faultline.data.dir");
        assertEquals(Path.of(data, "state"), UserFolders.state());
        assertEquals(UserFolders.state().resolve("faultline.log"), AppLog.file());
    }

    @Test
    void linesAreAppendedAndAFullLogMakesRoomForTheNextOne() throws IOException {
        Path log = tmp.resolve("state/faultline.log");
        assertTrue(AppLog.write(log, "first\n"), "the folder is made");
        assertTrue(AppLog.write(log, "second\n"));
        assertEquals("first\nsecond\n", Files.readString(log));

        Files.writeString(log, "x".repeat((int) AppLog.LIMIT + 1));
        assertTrue(AppLog.write(log, "after the limit\n"));
        assertEquals("after the limit\n", Files.readString(log), "a new log is begun");
        assertEquals(AppLog.LIMIT + 1, Files.size(log.resolveSibling("faultline.log.1")), "the full one is kept once");
    }

    @Test
    void aLogThatCannotBeWrittenIsReportedNotThrown() throws IOException {
        Path notAFolder = tmp.resolve("state");
        Files.writeString(notAFolder, "a file where the folder should be");
        assertFalse(AppLog.write(notAFolder.resolve("faultline.log"), "lost\n"));
    }

    @Test
    void anUnexpectedProblemIsLoggedWithWhereItHappened() throws IOException {
        assertTrue(AppLog.unexpected("test problem", new IllegalStateException("the cause")));
        String text = Files.readString(AppLog.file());
        assertTrue(text.contains("test problem: java.lang.IllegalStateException: the cause"), text);
        assertTrue(text.contains("at faultline.workspace.AppLogTest."), "with its stack trace");
    }
}
