package faultline.importer;

import faultline.model.Level;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.row;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** java.util.logging's two-line records (a Java server's console): one event each, at the level its second line says. */
class JulRecordsTest {
    @TempDir
    Path dir;

    @Test
    void theSecondLineGivesTheRecordItsLevelAndTheTraceStaysWithIt() throws Exception {
        TaskSet set = load(write(dir, "catalina.out", """
                Apr 07, 2025 9:02:11 AM org.example.render.Boot start
                INFO: Render service listening on 8443
                Apr 07, 2025 1:15:40 PM org.example.render.JobServlet doPost
                SEVERE: Job submission failed for queue [gpu]
                java.lang.IllegalStateException: no free encoder
                \tat org.example.render.Encoders.take(Encoders.java:41)
                \tat org.example.render.JobServlet.doPost(JobServlet.java:77)
                Apr 07, 2025 1:15:41 PM org.example.render.Pool shrink
                WARNING: Pool shrunk to 2 encoders
                """));
        assertEquals(3, set.store().size(), "three records of two lines each, the trace within its record");
        int severe = row(set, "Job submission failed");
        assertEquals(Level.ERROR, set.store().level(severe));
        assertEquals(3, set.store().line(severe));
        assertTrue(set.store().message(severe).contains("at org.example.render.JobServlet.doPost"), set.store().message(severe));
        assertEquals(Level.WARNING, set.store().level(row(set, "Pool shrunk")));
        assertEquals(Level.INFO, set.store().level(row(set, "listening on 8443")));
    }
}
