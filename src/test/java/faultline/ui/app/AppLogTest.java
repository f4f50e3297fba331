package faultline.ui.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's own log: the detail of what went wrong is kept there, the user is told it plainly. */
class AppLogTest {
    @TempDir
    Path dir;
    private String before;

    @BeforeEach
    void toATempFolder() {
        before = System.getProperty("faultline.log.dir");
        System.setProperty("faultline.log.dir", dir.toString());
        assertTrue(AppLog.install());
    }

    @AfterEach
    void back() {
        if (before == null) {
            System.clearProperty("faultline.log.dir");
        } else {
            System.setProperty("faultline.log.dir", before);
        }
    }

    @Test
    void anUnexpectedErrorKeepsItsStackTraceInTheLogAndTheUserReadsOnlyWhatHappenedAndWhere() throws IOException {
        IllegalStateException e = new IllegalStateException("the lane index 9 is out of range");
        System.getLogger("faultline.ui.test").log(System.Logger.Level.ERROR, "unexpected error on faultline-compute", e);
        String log = Files.readString(AppLog.current());
        assertTrue(AppLog.current().startsWith(dir), AppLog.current().toString());
        assertTrue(log.contains("ERROR   faultline.ui.test  unexpected error on faultline-compute"), log);
        assertTrue(log.contains("java.lang.IllegalStateException: the lane index 9 is out of range"), log);
        assertTrue(log.contains("\tat faultline.ui.app.AppLogTest."), "with the stack trace: " + log);

        String told = UnexpectedProblem.message(e);
        assertTrue(told.startsWith("the lane index 9 is out of range"), told);
        assertTrue(told.contains(AppLog.current().toString()), "says where the details are: " + told);
        assertFalse(told.contains("\tat ") || told.contains("Exception"), "no stack trace in the user's face: " + told);
    }

    @Test
    void theLogIsRotatedInsteadOfGrowingWithoutEnd() throws IOException {
        System.Logger log = System.getLogger("faultline.ui.test");
        String line = "x".repeat(1000);
        for (int i = 0; i < AppLog.FILE_BYTES / 1000 + 50; i++) {
            log.log(System.Logger.Level.INFO, line);
        }
        assertTrue(Files.exists(dir.resolve("faultline-1.log")), "the older part moved aside");
        assertTrue(Files.size(AppLog.current()) < AppLog.FILE_BYTES, "the file written now is small again");
    }
}
