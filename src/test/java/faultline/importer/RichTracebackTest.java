package faultline.importer;

import faultline.analysis.Analyzer;
import faultline.model.Crash;
import faultline.model.EventStore;
import faultline.model.Level;
import faultline.model.Task;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Tracebacks Rich draws in a box: the box, its rows and the exception line under it are one error event, standing
 * alone at the left edge (a CLI's uncaught exception) or drawn under the record that logged it at the column of the
 * record's message (a RichHandler's). Lines written here.
 */
class RichTracebackTest {
    @TempDir
    Path dir;

    private static final String TOP = "╭──────────── Traceback (most recent call last) ────────────╮";
    private static final String BOTTOM = "╰───────────────────────────────────────────────────────────╯";

    private static String row(String text) {
        return "│ " + text + " ".repeat(Math.max(0, 57 - text.length())) + " │";
    }

    @Test
    void aBoxAtTheLeftEdgeAfterAWrappedRecordIsAnErrorEventOfItsOwn() throws Exception {
        String pad = " ".repeat(20);
        String log = String.join("\n",
                "[06/02/25 09:14:01] INFO     Pipeline starting                            runner.py:40",
                "[06/02/25 09:14:03] WARNING  Two steps did not run; resume from the      runner.py:88",
                pad + "         nearest step with saved inputs.",
                TOP,
                row("/srv/venv/lib/python3.11/site-packages/flow/runner.py:120 in"),
                row("run_step"),
                row(""),
                row("/srv/jobs/thumbs/steps.py:33 in resize"),
                row(""),
                row("  32 │   width = cfg[\"width\"]"),
                row("❱ 33 │   return img.resize((width, cfg[\"heigth\"]))"),
                BOTTOM,
                "KeyError: 'heigth'",
                "");
        TaskSet set = load(write(dir, "thumbs-run.log", log));
        EventStore s = set.store();
        int box = LayoutCorpusTest.rowAt(s, 4);
        assertTrue(box >= 0, "an event starts at the box's top");
        assertEquals(Level.ERROR, s.level(box));
        assertEquals(Level.WARNING, s.level(LayoutCorpusTest.rowAt(s, 2)), "the warning keeps its level and its wrapped line");
        for (int line = 5; line <= 13; line++) {
            assertEquals(-1, LayoutCorpusTest.rowAt(s, line), "line " + line + " is the box's");
        }
        assertTrue(s.message(box).endsWith("KeyError: 'heigth'"), s.message(box));
        Task run = set.tasks().stream().filter(t -> t.failed()).findFirst().orElseThrow();
        Crash c = new Analyzer(set).crashOf(run);
        assertEquals("KeyError", c.exceptionType());
        assertEquals("resize (steps.py:33)", c.site().text());
    }

    @Test
    void aBoxDrawnUnderItsRecordIsThatRecordsTraceback() throws Exception {
        String pad = " ".repeat(29);
        String log = String.join("\n",
                "[06/02/25 09:20:00] INFO     Worker ready                                 worker.py:12",
                "[06/02/25 09:20:05] ERROR    Job failed                                   worker.py:57",
                pad + TOP,
                pad + row("/srv/jobs/export.py:18 in write_rows"),
                pad + BOTTOM,
                pad + "PermissionError: [Errno 13] Permission denied: '/out/a.csv'",
                "[06/02/25 09:20:06] INFO     Worker idle                                  worker.py:30",
                "");
        TaskSet set = load(write(dir, "worker.log", log));
        EventStore s = set.store();
        int record = LayoutCorpusTest.rowAt(s, 2);
        for (int line = 3; line <= 6; line++) {
            assertEquals(-1, LayoutCorpusTest.rowAt(s, line), "line " + line + " is the record's");
        }
        assertTrue(s.message(record).contains("PermissionError: [Errno 13]"), s.message(record));
        assertTrue(LayoutCorpusTest.rowAt(s, 7) >= 0, "the next record is an event of its own");
    }
    @Test
    void chainedBoxesAreOneEventWhoseFailureIsTheLastRaised() throws Exception {
        String log = String.join("\n",
                "Loading config from /etc/sync/jobs.toml",
                TOP,
                row("/srv/sync/config.py:20 in load"),
                BOTTOM,
                "KeyError: 'interval'",
                "",
                "The above exception was the direct cause of the following exception:",
                "",
                TOP,
                row("/srv/sync/cli.py:9 in main"),
                BOTTOM,
                "ConfigError: jobs.toml has no interval",
                "");
        TaskSet set = load(write(dir, "sync.log", log));
        EventStore s = set.store();
        int box = LayoutCorpusTest.rowAt(s, 2);
        for (int line = 3; line <= 12; line++) {
            assertEquals(-1, LayoutCorpusTest.rowAt(s, line), "line " + line + " is the chain's");
        }
        assertTrue(s.message(box).endsWith("ConfigError: jobs.toml has no interval"), s.message(box));
        Task run = set.tasks().stream().filter(t -> t.failed()).findFirst().orElseThrow();
        Crash c = new Analyzer(set).crashOf(run);
        assertEquals("ConfigError", c.exceptionType());
        assertEquals("main (cli.py:9)", c.site().text());
    }
}
