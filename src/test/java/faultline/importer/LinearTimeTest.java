package faultline.importer;

import faultline.model.ParseReport;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Detection and every reader stay linear on hostile input: a long run of blank lines, and a line of a
 * megabyte shaped to make a backtracking matcher try every split. The timeouts only stop a hang;
 * the speed itself is measured by the import benchmark.
 */
class LinearTimeTest {
    @TempDir
    Path dir;

    private static final int MB = 1_000_000;

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aHundredThousandBlankLinesOpen() throws Exception {
        for (String blank : new String[]{"\n", "\r\n", "   \n"}) {
            Path f = write(dir, "blank" + blank.length() + ".log", blank.repeat(100_000) + "2025-03-02 10:11:12,345 - w - INFO - after\n");
            ParseReport.FileReport r = load(f).report().files().get(0);
            assertNull(r.fatal());
            assertEquals(100_001, r.lines());
            assertEquals(1, r.events(), "the one line after the blank ones");
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aMegabyteLineOfEachLayoutsWorstCaseOpens() throws Exception {
        String[] worst = {
                "[12:00:00] INFO HEADLESS " + "[".repeat(MB),                        // console, bracket depth
                "[12:00:00] INFO HEADLESS [Task " + "a".repeat(MB),                 // console, unclosed task tag
                "2025-03-02 10:11:12,345 [INFO] " + "a.".repeat(MB / 2),            // Python logging, logger without colon
                "[INFO] 2026-02-24T14:31:53.550575: " + " ".repeat(MB) + "x",       // system_logs rendering, padding
                "2026-02-24T14:14:44 - [INFO] " + "- [".repeat(MB / 3),             // dash rendering, repeated separators
                "   [10:11:12] [INFO    ] " + "[".repeat(MB),                       // debug tool, nested tags
                "status: " + " ".repeat(MB) + "created_at: Task: ",                 // task report keys
                "timestamp,message," + "a,".repeat(MB / 2),                         // CSV header
                "{\"message\": \"" + "\\\"".repeat(MB / 2) + "\"}",                 // JSON, escapes
                "2025-03-02 " .repeat(MB / 11),                                     // dates only
                "- 1117838570 2005.06.03 " + "R02-M1 ".repeat(MB / 7),              // leading tokens
                "Traceback (most recent call last):\n" + "  File \"x\", line 1\n".repeat(20_000) + "E" + "rror".repeat(MB / 4),
                "0123456789abcdef-".repeat(MB / 17),                                // almost an id
                "request " + "1".repeat(MB),                                        // almost a request id
                "(" + "pid=".repeat(MB / 4),                                        // almost a process prefix
                "worker-1" + " ".repeat(MB) + "|",                                  // almost a compose prefix
        };
        for (int i = 0; i < worst.length; i++) {
            Path f = write(dir, "worst" + i + ".log", worst[i] + "\n2025-03-02 10:11:12,345 - w - INFO - after\n");
            TaskSet set = load(f);
            ParseReport.FileReport r = set.report().files().get(0);
            assertNull(r.fatal(), "case " + i + ": " + r.fatal());
            assertTrue(r.lines() >= 1, "case " + i);
        }
    }
}
