package faultline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static faultline.cli.HeadlessViewsTest.jsonLines;
import static faultline.cli.HeadlessViewsTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A task that a timed and an untimed file both name starts and ends at the times of the timed one. */
class TasksAcrossTimedAndUntimedTest {
    static final String JOB = "4f1c2d3e-aaaa-4bbb-8ccc-111122223333";

    @TempDir
    Path dir;

    @Test
    void aTimedAndAnUntimedLogOfOneTaskNeverStartIn1970() throws Exception {
        Path timed = dir.resolve("timed-worker.log");
        Files.writeString(timed, "2025-03-02 10:00:00,000 INFO Task " + JOB + " received\n"
                + "2025-03-02 10:00:05,000 ERROR Task " + JOB + " raised: RuntimeError: boom\n");
        Path log = dir.resolve("untimed-worker.log");
        Files.writeString(log, "Task " + JOB + " received\nworking on it\n");
        List<JsonNode> tasks = jsonLines(run("tasks", timed.toString(), log.toString()).out());
        assertEquals(1, tasks.size());
        assertEquals("2025-03-02T10:00:00.000Z", tasks.get(0).get("start").asText(), tasks.get(0).toString());
    }
}
