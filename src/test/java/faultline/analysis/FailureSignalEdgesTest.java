package faultline.analysis;

import faultline.model.Crash;
import faultline.model.Task;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A retried attempt is not a unit's failure, and a long dotted run never overflows the stack of the exception patterns. */
class FailureSignalEdgesTest {
    private static final String ID = "ae1837ad-8a0e-4dfb-aec7-52569069aef3";

    @TempDir
    Path dir;

    @Test
    void aRetriedAttemptIsNotTheTasksFailure() throws Exception {
        TaskSet set = TaskLogs.load(dir, new TaskLogs(ID).status("Failed")
                .at(1_000_000, "INFO", "Task " + ID + " received")
                .at(1_000_000, "WARNING", "upload attempt 1 failed with ConnectionError, retrying in 2s")
                .at(5_000_000, "INFO", "upload done")
                .at(60_000_000, "INFO", "decoding frames")
                .at(60_000_000, "ERROR", "decode raised: ValueError: bad frame"));
        Task t = set.tasks().get(0);
        Crash c = new Analyzer(set).crashOf(t);
        assertEquals("decode raised: ValueError: bad frame", set.store().message(c.firstSignal()),
                "the failure is the error two minutes on, not the retried upload");
    }

    @Test
    void aRunningTaskThatRetriedHasNoCrash() throws Exception {
        TaskSet set = TaskLogs.load(dir, new TaskLogs(ID).status("Processing")
                .at(1_000_000, "INFO", "Task " + ID + " received")
                .at(1_000_000, "WARNING", "upload attempt 1 failed with ConnectionError, retrying in 2s")
                .at(5_000_000, "INFO", "upload done"));
        Task t = set.tasks().get(0);
        assertNull(new Analyzer(set).analyse(t).crash());
    }

    @Test
    void aLongDottedRunAfterFailedDoesNotOverflowTheStack() {
        // (?:[A-Za-z_]\w*\.)* recurses once per segment in java.util.regex: ~4,000 segments overflow a 1 MB stack.
        String line = "sync failed " + "Ab.".repeat(5_000) + "end";
        assertDoesNotThrow(() -> FailureSignals.isFailureText(line));
    }

    @Test
    void aLongCapitalisedDottedRunDoesNotOverflowTheStack() {
        String line = "ERROR " + "Ab.".repeat(5_000) + "TimeoutError: x"; // lower-case "a." runs overflowed before too
        assertDoesNotThrow(() -> ExceptionFinding.named(line));
    }
}
