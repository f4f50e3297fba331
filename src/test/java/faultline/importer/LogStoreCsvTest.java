package faultline.importer;

import faultline.model.Level;
import faultline.model.SourceFormat;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.report;
import static faultline.importer.Fixtures.row;
import static faultline.importer.Fixtures.time;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A log store's query result downloaded as CSV, its own fields named with an @ (CloudWatch Logs Insights'). */
class LogStoreCsvTest {
    @TempDir
    Path dir;

    @Test
    void atNamedColumnsAreRecordsAndTheAppsClockInTheMessageWins() throws Exception {
        Path f = write(dir, "logs-insights-results.csv", """
                @timestamp,@message,@logStream,@log
                2025-10-02 08:12:04.402,"2025-10-02 08:12:04,399 WARNING [render.queue] job j-1 slow",ecs/render/0a1b2c3d,111122223333:/ecs/render
                2025-10-02 08:12:03.560,"2025-10-02 08:12:03,557 INFO [render.queue] claimed job j-1",ecs/render/0a1b2c3d,111122223333:/ecs/render
                """);
        TaskSet set = load(f);
        assertEquals(SourceFormat.SYSTEM_LOGS_CSV, report(set, 0).format(), "the header's @-named columns make a CSV");
        int slow = row(set, "job j-1 slow");
        assertEquals("2025-10-02 08:12:04.399", time(set, slow), "the app's clock, not CloudWatch's @timestamp");
        assertEquals(Level.WARNING, set.store().level(slow));
        assertTrue(set.store().message(slow).startsWith("[render.queue] job j-1 slow"), "the logger keeps its bracket: " + set.store().message(slow));
    }
    @Test
    void rowsSortedNewestFirstAreReadOldestFirst() throws Exception {
        Path f = write(dir, "newest-first.csv", """
                @timestamp,@message
                2025-10-02 08:12:05.000,"2025-10-02 08:12:05,000 INFO worker: job j-2 completed"
                2025-10-02 08:12:04.000,"2025-10-02 08:12:04,000 INFO worker: claimed job j-2"
                2025-10-02 08:12:03.000,"2025-10-02 08:12:03,000 INFO worker: worker up on cuda:0"
                """);
        TaskSet set = load(f);
        int up = row(set, "worker up on cuda:0");
        assertTrue(set.store().task(up) < 0, "the worker's start, before the claim in time, is no job's");
        assertEquals(4, set.store().line(up), "each row keeps its own line");
    }
}
