package faultline.importer.read;

import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.EventStore;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ids of other things (a session, an invocation, a correlation, an IPv6 client) beside the units they do not make. */
class OtherThingsIdsTest {
    @TempDir
    Path dir;

    private TaskSet read(String name, String text) throws Exception {
        Path f = Files.writeString(dir.resolve(name), text);
        return new Importer().importFiles(List.of(f), ImportMonitor.NONE);
    }

    /** "::" at the start of a message (an IPv6 client such as ::1) is text, not a field separator. */
    @Test
    void ipv6ClientAtMessageStartKeepsItsColons() throws Exception {
        TaskSet s = read("access.log",
                "2026-02-11 14:02:17,408 INFO ::1:52344 - \"GET /health HTTP/1.1\" 200\n"
                        + "2026-02-11 14:02:17,500 INFO ::ffff:10.0.0.7:52345 - \"POST /api/v1/jobs HTTP/1.1\" 201\n");
        EventStore e = s.store();
        assertEquals("::1:52344 - \"GET /health HTTP/1.1\" 200", e.message(0));
        assertEquals("::ffff:10.0.0.7:52345 - \"POST /api/v1/jobs HTTP/1.1\" 201", e.message(1));
    }

    /** A unit confirmed by its [uuid] tag is not forgotten because one line calls the same UUID a correlation id. */
    @Test
    void aTaggedUnitSurvivesOneMentionAsCorrelationId() throws Exception {
        String id = "3f2a9c1e-8b44-4f1e-9a70-3c2b1e0f9d8a";
        TaskSet s = read("tagged.log",
                "2026-02-11 14:02:17,408 INFO [" + id + "] loading inputs\n"
                        + "2026-02-11 14:02:17,500 INFO [" + id + "] computing embeddings\n"
                        + "2026-02-11 14:02:17,600 ERROR [" + id + "] out of memory\n"
                        + "2026-02-11 14:02:17,700 INFO webhook sent, correlation_id=" + id + "\n");
        assertTrue(s.find(id).isPresent(), "the failed unit " + id + " is listed: " + s.tasks());
        assertTrue(s.store().task(2) >= 0, "its error line keeps its unit");
    }
}
