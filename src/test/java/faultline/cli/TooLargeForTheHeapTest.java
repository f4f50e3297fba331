package faultline.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A log too large for the heap is refused with what it needs and how to give it, never with a trace or a figure. */
class TooLargeForTheHeapTest {
    @Test
    void aLogTooLargeForTheHeapSaysWhatItNeedsAndHowToGiveIt(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("fleet-export.log");
        try (BufferedWriter w = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 400_000; i++) {
                w.write(String.format("2026-03-01T06:%02d:%02d.%06d [INFO] [worker] GENERATION: step %d of the loop%n",
                        (i / 60000) % 60, (i / 1000) % 60, i % 1_000_000, i));
            }
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(List.of(java, "-Xmx40m", "-cp", System.getProperty("java.class.path"),
                "faultline.cli.Launcher", "stats", log.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), out);
        assertTrue(out.contains("fleet-export.log"), out);
        assertTrue(out.contains("needs about"), out);
        assertTrue(out.contains("JAVA_OPTS=-Xmx"), out);
        assertFalse(out.contains("Exception") || out.contains("\tat "), out);
        assertTrue(out.contains("MB/s            -"), "no speed is claimed for a file not read: " + out);
    }

    @Test
    void theAdviceRoundsUpToWholeGigabytesWithRoomToSpare() {
        String m = faultline.importer.MemoryNeed.tooLarge("big.log", 20L << 30, 7L << 30, 6L << 30);
        assertTrue(m.startsWith("big.log (20.0 GB) needs about 7.0 GB of memory to open, and Faultline may use 6.0 GB"), m);
        assertTrue(m.endsWith("JAVA_OPTS=-Xmx9g"), m);
    }
}
