package faultline.importer;

import faultline.importer.read.SystemLogsTextReader;
import faultline.model.Level;
import faultline.model.ParseReport.Repair;
import faultline.model.SourceFormat;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SystemLogsTextReaderTest {
    @TempDir
    Path dir;

    @Test
    void readsTheSeedRenderingWithTrimmedFractionsAndPlaceholders() throws Exception {
        Path f = write(dir, "rows.log", String.join("\n",
                "[INFO] 2026-02-24T14:31:53.550575: 🔍 LOOP [8/32]: Processing param='multi_images_gen_type'",
                "[INFO] 2026-02-24T14:31:53.55306:  🔍 LOOP [9/32]: Processing param='guidance_scale', value_type=int",
                "[DEBUG] 2026-02-24T14:31:53.???:    🔍 LOOP [9]: Getting old value for 'guidance_scale'",
                "[INFO] 2026-02-24T14:31:54.583:    Processing status update",
                ""));
        TaskSet set = load(f);
        assertEquals(SourceFormat.SYSTEM_LOGS_TEXT, report(set, 0).format());
        int nine = row(set, "LOOP [9/32]");
        assertEquals("2026-02-24 14:31:53.55306", time(set, nine), "five digits present: .553060 with precision 5");
        assertEquals(5, set.store().precision(nine));
        assertEquals(553_060_000L, set.store().nanos(nine) % 1_000_000_000L);
        int getting = row(set, "Getting old value");
        assertTrue(set.store().estimated(getting), "??? is estimated");
        long after = set.store().nanos(getting) - set.store().nanos(nine);
        assertTrue(after > 0 && after < 1000, "between its neighbours: just after the row before, " + after + " ns");
        int next = row(set, "status update");
        assertTrue(set.store().latest(getting) >= set.store().nanos(next) && set.store().latest(getting) < set.store().latest(next),
                "… to the row after");
        assertEquals("🔍 LOOP [9]: Getting old value for 'guidance_scale'", set.store().message(getting));
        assertEquals(3, set.store().precision(row(set, "status update")));
    }

    @Test
    void readsEveryRenderingAndLineNumberPrefixes() throws Exception {
        Path f = write(dir, "mixed.log", String.join("\n",
                "2026-02-24T14:14:44 - [INFO] HEADLESS: Processing travel_segment task 0a1b2c3d-1111-4222-8333-444455556666",
                "2026-02-24T14:14:44.5Z [DEBUG] [worker] GENERATION: LOOP [1]: Completed 'x'",
                "2026-02-24 14:14:45+01:00 [WARNING] something",
                "[ 937] 2026-02-24T14:14:46.1 - [ERROR] QUEUE: [TASK_ERROR] Task failed",
                "Line 12: [CRITICAL] 2026-02-24T14:14:47.000001: boom",
                "[INFO] 873033+0 | TRAVEL: [RAM] Before VLM loading",
                "  continuation of the row before",
                "this is not a log line",
                ""));
        TaskSet set = load(f);
        assertEquals("2026-02-24 14:14:44", time(set, row(set, "Processing travel_segment")));
        assertEquals("2026-02-24 14:14:44.5", time(set, row(set, "Completed 'x'")));
        assertEquals("2026-02-24 13:14:45", time(set, row(set, "something")), "an explicit offset is honoured");
        assertEquals(Level.WARNING, set.store().level(row(set, "something")));
        assertEquals(Level.ERROR, set.store().level(row(set, "TASK_ERROR")));
        assertEquals("boom", set.store().message(row(set, "boom")));
        int broken = row(set, "Before VLM loading");
        assertTrue(set.store().estimated(broken), "only the microseconds survived: the time is estimated");
        assertTrue(set.store().message(broken).contains("continuation of the row before"));
        assertEquals(2, repairs(set, 0, Repair.LINE_NUMBER_PREFIX));
        assertEquals(1, report(set, 0).unparsed());
        assertEquals(8, report(set, 0).problems().get(0).line());
        assertEquals("this is not a log line", report(set, 0).problems().get(0).excerpt());
        assertEquals("0a1b2c3d-1111-4222-8333-444455556666", set.tasks().get(0).id());
        assertEquals(6, set.tasks().get(0).eventCount(), "rows without an id belong to the task being processed");
    }

    @Test
    void readsTheDebugToolWithTheDateFromTheFileName() throws Exception {
        Path f = write(dir, "debug_20260224_141500.log", String.join("\n",
                "[14:14:44] [INFO    ] HEADLESS: Heartbeat",
                "   [14:14:45] ℹ️ [DEBUG   ] [gpu-20260224_1404    ] GENERATION: LOOP [1]: Completed 'x'",
                ""));
        TaskSet set = load(f);
        assertEquals("2026-02-24 14:14:44", time(set, 0));
        assertEquals("2026-02-24 14:14:45", time(set, 1));
    }

    @Test
    void largeFilesAreReadInPartsJoinedInOrder() throws Exception {
        StringBuilder sb = new StringBuilder();
        String task = "0a1b2c3d-1111-4222-8333-444455556666";
        sb.append("2026-02-24T10:00:00.000001 [INFO] [worker] HEADLESS: Processing travel_segment task ").append(task).append('\n');
        long n = 0;
        while (sb.length() < (SystemLogsTextReader.PARALLEL_FROM + (4 << 20))) {
            n++;
            sb.append(String.format("2026-02-24T10:%02d:%02d.%06d [DEBUG] [worker] GENERATION: LOOP [%d]: Completed 'p'%n",
                    (n / 60_000_000) % 60, (n / 1_000_000) % 60, n % 1_000_000, n));
        }
        sb.append("2026-02-24T11:00:00.5 [INFO] [worker] HEADLESS: Finished task (Success: True)\n");
        Path f = write(dir, "big.log", sb.toString());
        TaskSet set = load(f);
        assertEquals(n + 2, set.store().size());
        assertEquals(1, set.tasks().size(), "the task current at the end of one part carries into the next");
        assertEquals(n + 2, set.tasks().get(0).eventCount());
        for (int i = 1; i < set.store().size(); i++) {
            assertTrue(set.store().nanos(i) >= set.store().nanos(i - 1), "rows stay in file order at " + i);
        }
        assertEquals(n + 2, set.store().line(set.store().size() - 1), "line numbers run on across parts");
    }
}
