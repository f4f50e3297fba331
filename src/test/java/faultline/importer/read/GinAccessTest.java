package faultline.importer.read;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Gin's access line and the Go durations it writes, read as Ollama's server writes them (values made up). */
class GinAccessTest {
    private static long nanos(String d) {
        byte[] b = d.getBytes(StandardCharsets.UTF_8);
        return GoDuration.nanos(b, 0, b.length);
    }

    @Test
    void goDurationsAreReadToTheNanosecond() {
        assertEquals(9_440_219_571L, nanos("9.440219571s"));
        assertEquals(58_112L, nanos("58.112µs"));
        assertEquals(58_112L, nanos("58.112μs"));
        assertEquals(260_404_300L, nanos("260.4043ms"));
        assertEquals(524_000_000_000L, nanos("8m44s"));
        assertEquals(3_723_500_000_000L, nanos("1h2m3.5s"));
        assertEquals(0L, nanos("0s"));
        assertEquals(-1L, nanos("12 s"));
        assertEquals(-1L, nanos("1.5h"));
    }

    @Test
    void theFieldsAfterTheClockAreTheAnswer() {
        byte[] b = "500 |  9.440219571s |       127.0.0.1 | POST     \"/api/generate?x=1\"".getBytes(StandardCharsets.UTF_8);
        GinAccess a = GinAccess.parse(b, 0, b.length);
        assertEquals(new GinAccess(500, 9_440_219_571L, "POST", "/api/generate", ""), a);
        assertTrue(OllamaRequest.isWork(a));
        assertEquals("POST /api/generate 23:59:55.559", OllamaRequest.id(a, 5_000_000_000L), "a request that started before midnight");
    }

    @Test
    void colouredLinesReadTheSameAndHealthPollsAreNoWork() {
        byte[] b = "\u001b[97;42m 200 \u001b[0m|      41.2µs |  10.0.0.5 |\u001b[97;44m GET     \u001b[0m \"/api/tags\"".getBytes(StandardCharsets.UTF_8);
        GinAccess a = GinAccess.parse(b, 0, b.length);
        assertEquals(new GinAccess(200, 41_200L, "GET", "/api/tags", ""), a);
        assertFalse(OllamaRequest.isWork(a));
        byte[] prose = "200 requests served".getBytes(StandardCharsets.UTF_8);
        assertNull(GinAccess.parse(prose, 0, prose.length));
    }

    @Test
    void theTagIsLookedForRightBeforeTheClock() {
        byte[] b = "ollama[88]: [GIN] 2025/05/20 - 16:44:03 | 500 | 1s | c | POST \"/api/chat\"".getBytes(StandardCharsets.UTF_8);
        assertTrue(GinAccess.taggedAt(b, 0, 18));
        assertFalse(GinAccess.taggedAt(b, 0, 12));
        assertFalse(GinAccess.taggedAt(b, 0, 3));
    }

    @Test
    void rayJobSubmitsOwnRecordsAreToldApart() {
        byte[] hint = "cli.py:278 -- ray job logs raysubmit_Ab12".getBytes(StandardCharsets.UTF_8);
        assertEquals(RayJobSubmit.Says.HINT, RayJobSubmit.of(hint, 0, hint.length));
        assertEquals("raysubmit_Ab12", RayJobSubmit.hintId(hint, 0, hint.length));
        byte[] sub = "cli.py:39 -- Job submitted successfully".getBytes(StandardCharsets.UTF_8);
        assertEquals(RayJobSubmit.Says.SUBMITTED, RayJobSubmit.of(sub, 0, sub.length));
        byte[] other = "worker.py:1514 -- ray job logs x".getBytes(StandardCharsets.UTF_8);
        assertEquals(RayJobSubmit.Says.NONE, RayJobSubmit.of(other, 0, other.length));
        assertEquals("Job entrypoint command failed with exit code 1",
                RayJobSubmit.statusText("x\tINFO cli.py:86 -- Status message: Job entrypoint command failed with exit code 1, last available logs (truncated to 20,000 chars):"));
    }
}
