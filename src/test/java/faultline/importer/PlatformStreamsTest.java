package faultline.importer;

import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.row;
import static faultline.importer.Fixtures.task;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A platform's text form that prints its own clock and the log stream before each event ({@code aws logs tail}):
 * the stream is the line's writer, so that two workers' interleaved lines stay apart, and it is no part of the text.
 */
class PlatformStreamsTest {
    @TempDir
    Path dir;

    private static final String A = "render/default/1a2b3c4d5e6f40718293a4b5c6d7e8f9";
    private static final String B = "render/default/9f8e7d6c5b4a43210fedcba987654321";

    @Test
    void aStreamsLinesAreItsWritersAndItsTracebackItsOwn() throws Exception {
        Path f = write(dir, "tail.txt", String.join("\n",
                "2025-06-02T09:00:00.105000+00:00 " + A + " 2025-06-02 09:00:00,101 INFO worker: picked up job r-0001",
                "2025-06-02T09:00:00.210000+00:00 " + B + " 2025-06-02 09:00:00,207 INFO worker: picked up job r-0002",
                "2025-06-02T09:00:01.305000+00:00 " + A + " 2025-06-02 09:00:01,301 ERROR worker: job r-0001 crashed",
                "2025-06-02T09:00:01.306000+00:00 " + A + " Traceback (most recent call last):",
                "2025-06-02T09:00:01.306000+00:00 " + A + "   File \"/srv/render/run.py\", line 12, in run",
                "2025-06-02T09:00:01.306000+00:00 " + A + "     raise ValueError(\"empty frame\")",
                "2025-06-02T09:00:01.307000+00:00 " + A + " ValueError: empty frame",
                "2025-06-02T09:00:01.410000+00:00 " + A + " 2025-06-02 09:00:01,406 WARNING worker: exiting after a failed job",
                "2025-06-02T09:00:02.510000+00:00 " + B + " 2025-06-02 09:00:02,506 INFO worker: job r-0002 done",
                "") );
        TaskSet set = load(f);
        int crashed = row(set, "job r-0001 crashed");
        String message = set.store().message(crashed);
        assertTrue(message.contains("\nTraceback (most recent call last):\n  File \"/srv/render/run.py\""), message);
        assertFalse(message.contains(A), "the stream's name is the writer, not the text: " + message);
        assertEquals(TaskStatus.FAILED, task(set, "r-0001").status());
        assertEquals(TaskStatus.COMPLETE, task(set, "r-0002").status());
        int exiting = row(set, "exiting after a failed job");
        assertTrue(set.store().task(exiting) < 0 || set.tasks().get(set.store().task(exiting)).id().equals("r-0001"),
                "a line of the first stream is not the other stream's job");
    }
}
