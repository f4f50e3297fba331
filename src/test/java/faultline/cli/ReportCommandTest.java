package faultline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.Samples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** {@code faultline report}: the seed's sections, computed; headless; clear errors. */
class ReportCommandTest {
    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static String[] withSample(String... rest) {
        List<String> a = new ArrayList<>();
        a.add("report");
        for (Path p : Samples.files()) {
            a.add(p.toString());
        }
        a.addAll(List.of(rest));
        return a.toArray(new String[0]);
    }

    @Test
    void theSampleReportComputesWhatTheSeedWroteByHand() {
        Run r = run(withSample());
        assertEquals(0, r.code(), r.err());
        String md = r.out();
        for (String section : List.of("## Task lifecycle", "## Crash points", "## Error analysis", "## Parameters at the crash points",
                "## What changed between LOOP k−1 and LOOP k", "## Phase durations")) {
            assertTrue(md.contains(section), section);
        }
        assertTrue(md.contains("model loading: 248 s (14:10:35 → 14:14:43)"));
        assertTrue(md.contains("### 78cd8678 — LOOP [9/32] - guidance_scale"));
        assertTrue(md.contains("### e040ae48 — LOOP [26/32] - guidance_phases"));
        assertTrue(md.contains("+0.636 ms      GENERATION: 🔍 LOOP [9/32]"), "LOOP 8's last line to LOOP 9's first: 0.636 ms");
        assertTrue(md.contains("LOOP [8] → LOOP [9], 0.636 ms apart"));
        assertTrue(md.contains("logged value_type: int — ⚠ does not fit the value 7.5 (float)"));
        assertTrue(md.contains("**Identical pattern** in 78cd8678, e040ae48"));
        assertTrue(md.contains("Very fast failure (under 2 ms)"));
        assertTrue(md.contains("✗ crash after 'Getting old value', before 'Assigning new value'"));
    }

    @Test
    void jsonCarriesTheSameFigures() throws Exception {
        Run r = run(withSample("--format", "json", "--task", "e040ae48"));
        assertEquals(0, r.code(), r.err());
        JsonNode root = new ObjectMapper().readTree(r.out());
        assertEquals(1, root.get("tasks").size());
        JsonNode crash = root.get("tasks").get(0).get("crash");
        assertEquals("guidance_phases", crash.get("parameter").asText());
        assertEquals(26, crash.get("loopIndex").asInt());
        assertEquals("AttributeError", crash.get("exceptionType").asText());
        assertTrue(crash.get("windowNanos").asLong() < 2_000_000L);
    }

    @Test
    void theSeedItselfGivesTheSameCrashPoints() {
        Path seed = Path.of("..", "shared", "seeds", "000_e0bc9ab24ff5a39e.txt");
        assumeTrue(Files.exists(seed));
        Run r = run("report", seed.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("LOOP [9/32] - guidance_scale"));
        assertTrue(r.out().contains("LOOP [26/32] - guidance_phases"));
        assertTrue(r.out().contains("+0.636 ms"), "not 'approximately 0.9 seconds'");
        assertTrue(r.out().contains("value_type: int — ⚠ does not fit the value 7.5"));
    }

    @Test
    void wrongArgumentsAndUnknownTasksAreToldWithoutAStackTrace() {
        Run bad = run(withSample("--format", "pdf"));
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--format is md or json, not pdf"));
        Run unknown = run(withSample("--task", "deadbeef"));
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no task deadbeef in these files"), unknown.err());
        Run missing = run("report", "/no/such/file.log");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("file.log: no such file"), missing.err());
        assertTrue(!missing.err().contains("Exception") && !missing.err().contains("\tat "), missing.err());
    }
}
