package faultline.importer;

import faultline.analysis.Analyzer;
import faultline.model.Crash;
import faultline.model.Level;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.row;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Python worker's traceback relayed by a server a log record per line, at the level of the stream it came
 * from and each line with its own time (a Java model server's "thread logger - text"). Lines written here.
 */
class PrintedTracebackTest {
    @TempDir
    Path dir;

    private static String log(boolean saysDied, int pings) {
        StringBuilder s = new StringBuilder("""
                2025-06-02T14:00:01,100 [INFO ] main org.example.serve.ModelServer - Loading initial models: denoise.mar
                2025-06-02T14:00:02,200 [INFO ] W-9001-denoise_2.0-stdout MODEL_LOG - Torch worker started.
                2025-06-02T14:00:03,310 [INFO ] W-9001-denoise_2.0-stdout MODEL_LOG - Traceback (most recent call last):
                2025-06-02T14:00:03,310 [INFO ] W-9001-denoise_2.0-stdout MODEL_LOG -   File "/srv/handlers/denoise.py", line 77, in initialize
                2025-06-02T14:00:03,311 [INFO ] W-9001-denoise_2.0-stdout MODEL_LOG -     self.net = build(cfg["arch"])
                2025-06-02T14:00:03,312 [INFO ] W-9001-denoise_2.0-stdout MODEL_LOG -   File "/srv/handlers/nets.py", line 12, in build
                2025-06-02T14:00:03,312 [INFO ] W-9001-denoise_2.0-stdout MODEL_LOG -     return REGISTRY[name]()
                2025-06-02T14:00:03,313 [INFO ] W-9001-denoise_2.0-stdout MODEL_LOG - KeyError: 'unet-xl'
                2025-06-02T14:00:03,320 [INFO ] epollEventLoopGroup-5-1 org.example.serve.WorkerThread - 9001 Worker disconnected.
                """);
        if (saysDied) {
            s.append("2025-06-02T14:00:03,321 [WARN ] W-9001-denoise_2.0 org.example.serve.BatchAggregator - Load model failed: denoise, error: Worker died.\n");
        }
        for (int i = 0; i < pings; i++) {
            s.append(String.format("2025-06-02T14:00:%02d,%03d [INFO ] epollEventLoopGroup-3-1 ACCESS_LOG - /10.1.0.9:%d \"GET /ping HTTP/1.1\" 200 2%n",
                    4 + i / 10, (i % 10) * 100, 40000 + i));
        }
        return s.toString();
    }

    @Test
    void aTracebackRelayedLineByLineIsOneErrorWithItsFramesAndTheWorkersCrash() throws Exception {
        TaskSet set = load(write(dir, "serve.log", log(true, 30)));
        int tb = row(set, "Traceback (most recent call last)");
        assertEquals(Level.ERROR, set.store().level(tb), "a traceback is an error whatever level its stream is logged at");
        String text = set.store().message(tb);
        assertTrue(text.endsWith("KeyError: 'unet-xl'") && text.contains("\n  File \"/srv/handlers/nets.py\", line 12, in build\n"),
                "every line of it, without the prefix they repeat: " + text);
        Task worker = set.tasks().stream().filter(t -> t.status() == TaskStatus.FAILED).findFirst().orElseThrow();
        Crash c = new Analyzer(set).crashOf(worker);
        assertNotNull(c);
        assertEquals("KeyError", c.exceptionType());
        assertEquals("build (nets.py:12)", c.site().text());
    }

    @Test
    void aWorkerTheServerSaysDiedCrashedThoughTheServerWritesOnAndWithoutThatItOutlivedIt() throws Exception {
        assertEquals(1, load(write(dir, "died.log", log(true, 30))).tasks().size(),
                "the crash is the worker's although thirty lines follow it");
        assertTrue(load(write(dir, "outlived.log", log(false, 30))).tasks().isEmpty(),
                "a traceback a process outlived by thirty lines, and no line saying it died, is no crash");
    }

    @Test
    void anotherRecordOfTheWriterEndsAPrintedTraceback() throws Exception {
        TaskSet set = load(write(dir, "nova.log", """
                2017-06-03 00:00:08.876 2931 ERROR nova.compute.manager [req-a - - - - -] Instance failed to spawn
                2017-06-03 00:00:08.877 2931 ERROR nova.compute.manager [req-a - - - - -] Traceback (most recent call last):
                2017-06-03 00:00:08.878 2931 ERROR nova.compute.manager [req-a - - - - -]   File "/srv/nova/spawn.py", line 2, in f
                2017-06-03 00:00:08.879 2931 INFO nova.compute.manager [req-b - - - - -] VM Stopped
                """));
        int stopped = row(set, "VM Stopped");
        assertEquals(Level.INFO, set.store().level(stopped), "a record of its own, not the traceback's exception line");
        assertEquals(4, set.store().line(stopped));
    }
}
