package faultline.importer;

import faultline.model.Level;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A training run that names no unit and crashes (a LoRA run through Rich's console, a Trainer run with
 * DeepSpeed's lines between): the run is a failed unit of its own, its error record carries the traceback, and
 * its exception and crash site are the traceback's.
 */
class RunCrashTest {
    private static void crashed(String fixture, int line, String exception, String site) throws Exception {
        Path f = Path.of(RunCrashTest.class.getResource("/faultline/layouts/" + fixture).toURI());
        TaskSet set = Fixtures.load(f);
        List<Task> failed = set.tasks().stream().filter(t -> t.status() == TaskStatus.FAILED).toList();
        assertEquals(1, failed.size(), set.tasks().toString());
        int first = failed.get(0).events()[0];
        assertEquals(line, set.store().line(first), "the error record opens the failed unit");
        assertEquals(Level.ERROR, set.store().level(first));
        faultline.model.Crash crash = new faultline.analysis.Analyzer(set).crashOf(failed.get(0));
        assertEquals(exception, crash.exceptionType());
        assertTrue(crash.site().text().startsWith(site), crash.site().text());
    }

    @Test
    void aLoraRunThroughRichsConsole() throws Exception {
        crashed("kohya/train-network.log", 14, "FloatingPointError", "train (train_network.py:1004)");
    }

    @Test
    void aTrainerRunWithDeepSpeedsLinesBetween() throws Exception {
        crashed("transformers/finetune.log", 10, "ValueError", "pack (collate.py:44)");
    }
}
