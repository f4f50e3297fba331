package faultline.importer;

import faultline.model.Level;
import faultline.model.ParseReport.Repair;
import faultline.model.SourceFormat;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static faultline.importer.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The comparison digest layout: lifecycle, quoted crash windows, error analysis, parameters. */
class DigestReaderTest {
    @TempDir
    Path dir;

    static final String DIGEST = String.join("\n",
            "================================================================================",
            "VISUAL FAILURE COMPARISON - SIDE BY SIDE",
            "================================================================================",
            "",
            "CURRENT FAILURE (11112222-3333-4444-8555-666677778888)",
            "",
            "================================================================================",
            "TASK LIFECYCLE",
            "================================================================================",
            "",
            "CURRENT:",
            "  2026-03-01T10:00:00 ► Task created",
            "  2026-03-01T10:00:05 ► Task claimed by worker",
            "  2026-03-01T10:00:06 ► Generation phase starts",
            "    ├─ Model loading: 60 seconds (10:00:06 → 10:01:06)",
            "    ├─ LoRA download: 2 LoRAs",
            "    └─ CRASH at LOOP [2/3]: beta",
            "",
            "================================================================================",
            "CRASH POINTS - DETAILED",
            "================================================================================",
            "",
            "CURRENT - LOOP [2/3] - beta:",
            "",
            "  [INFO] 2026-03-01T10:01:07.000100: LOOP [1/3]: Processing param='alpha'",
            "  [DEBUG] 2026-03-01T10:01:07.000200: LOOP [1]: Getting old value for 'alpha'",
            "  [DEBUG] 2026-03-01T10:01:07.000300: LOOP [1]: Assigning new value for 'alpha'",
            "  [DEBUG] 2026-03-01T10:01:07.0004: LOOP [1]: Completed 'alpha'",
            "  [INFO] 2026-03-01T10:01:07.0005: LOOP [2/3]: Processing param='beta', value_type=int",
            "  [DEBUG] 2026-03-01T10:01:07.???: LOOP [2]: Getting old value for 'beta'",
            "  ✗ CRASH HERE",
            "  [INFO] 2026-03-01T10:01:08.5: Processing status update",
            "",
            "================================================================================",
            "ERROR ANALYSIS",
            "================================================================================",
            "",
            "CURRENT CRASH PATTERN:",
            "  ✗ Exception: 'NoneType' object has no attribute 'get'",
            "");

    @Test
    void readsLifecycleCrashWindowAndException() throws Exception {
        TaskSet set = load(write(dir, "digest.txt", DIGEST));
        assertEquals(SourceFormat.COMPARISON_DIGEST, report(set, 0).format());
        assertEquals(1, set.tasks().size());
        assertEquals(TaskStatus.FAILED, set.tasks().get(0).status());
        assertEquals("2026-03-01 10:00:00", time(set, row(set, "Task created")));
        assertEquals("2026-03-01 10:01:06", time(set, row(set, "Model loading ends")));
        int getting = row(set, "LOOP [2]: Getting old value");
        assertTrue(set.store().estimated(getting));
        long after = set.store().nanos(getting) - set.store().nanos(row(set, "LOOP [2/3]: Processing"));
        assertEquals(0, after, "from the quoted row before");
        int exception = row(set, "'NoneType' object has no attribute 'get'");
        assertEquals(Level.ERROR, set.store().level(exception));
        assertTrue(set.store().latest(exception) <= set.store().nanos(row(set, "Processing status update")), "… to the status update");
    }

    @Test
    void theSeedItselfOpensAsItsTwoFailures() throws Exception {
        Path seed = Path.of("..", "shared", "seeds", "000_e0bc9ab24ff5a39e.txt");
        assumeTrue(Files.exists(seed));
        TaskSet set = load(seed);
        assertEquals(SourceFormat.COMPARISON_DIGEST, report(set, 0).format());
        assertTrue(repairs(set, 0, Repair.MOJIBAKE_MACROMAN) > 50, "the seed is MacRoman mojibake, repaired");
        assertEquals(2, set.failed().size());
        int nine = row(set, "LOOP [9/32]: Processing param='guidance_scale'");
        assertEquals("2026-02-24 14:31:53.55306", time(set, nine));
        assertTrue(set.store().message(nine).startsWith("🔍"), "emoji come back: " + set.store().message(nine));
        assertTrue(Fixtures.messages(set).contains("Processing status update"));
    }

    @Test
    void oneChangedDigitAnywhereDoesNotRejectTheDigest() throws Exception {
        List<String> texts = new java.util.ArrayList<>(List.of(DIGEST));
        Path seed = Path.of("..", "shared", "seeds", "000_e0bc9ab24ff5a39e.txt");
        if (Files.exists(seed)) {
            texts.add(Files.readString(seed, java.nio.charset.StandardCharsets.UTF_8));
        }
        List<String> rejected = new java.util.ArrayList<>();
        for (String text : texts) {
            char[] c = text.toCharArray();
            // Every digit of the small digest; every third of the seed, which has thousands.
            int step = text == DIGEST ? 1 : 3;
            int seen = 0;
            for (int i = 0; i < c.length; i++) {
                if (c[i] < '0' || c[i] > '9' || seen++ % step != 0) {
                    continue;
                }
                char was = c[i];
                c[i] = (char) ('0' + (was - '0' + 1) % 10);
                Path f = write(dir, "digest.txt", new String(c));
                TaskSet set = load(f);
                if (report(set, 0).fatal() != null || set.store().size() == 0) {
                    rejected.add("digit " + i + " (" + was + " → " + c[i] + "): " + report(set, 0).fatal());
                }
                c[i] = was;
            }
        }
        assertEquals(List.of(), rejected);
    }
}
