package faultline.importer;

import faultline.Samples;
import faultline.analysis.Analyzer;
import faultline.cli.Cli;
import faultline.model.ParseReport;
import faultline.model.Task;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mutants of every layout's fixtures and of the bundled sample — flipped bytes, cuts, lines doubled,
 * dropped and swapped, huge lines, NULs, invalid UTF-8, CRs, changed digits — through the importer,
 * the analysis of every task and {@code faultline report}: each file gets either events or a clear
 * message naming it, no exception escapes, nothing hangs (the timeout guards against a hang, it is
 * not a speed target). {@code -Dfaultline.fuzz.count} and {@code -Dfaultline.fuzz.seed} run more.
 */
class ImportFuzzTest {
    private static final int COUNT = Integer.getInteger("faultline.fuzz.count", 200);
    private static final long SEED = Long.getLong("faultline.fuzz.seed", 20260224L);
    private static final String ID = "5a6b7c8d-1111-4222-8333-444455556666";

    @TempDir
    Path dir;

    /** A corpus entry: a file name (its extension matters to no reader, but reads naturally) and its bytes. */
    private record Seed(String name, byte[] bytes) {
    }

    private List<Seed> corpus() throws IOException {
        List<Seed> out = new ArrayList<>();
        for (Path p : Samples.files()) {
            out.add(new Seed(String.valueOf(p.getFileName()), Files.readAllBytes(p)));
        }
        out.add(new Seed("digest.txt", DigestReaderTest.DIGEST.getBytes(StandardCharsets.UTF_8)));
        out.add(new Seed("rows.log", String.join("\n",
                "[INFO] 2026-03-02T08:00:00.100200: HEADLESS: [CLAIM] Claimed task " + ID + " (type=travel_segment)",
                "[INFO] 2026-03-02T08:00:01.5: 🔍 LOOP [1/2]: Processing param='seed', value_type=int",
                "[DEBUG] 2026-03-02T08:00:01.???: 🔍 LOOP [1]: Getting old value for 'seed'",
                "2026-03-02T08:00:02 - [INFO] seed: NOT_SET → 42",
                "2026-03-02T08:00:02.25Z [INFO] [worker] 🔍 LOOP [2/2]: Processing param='flow_shift', value_type=float",
                "[ 12] 2026-03-02T08:00:03.000001 - [ERROR] QUEUE: [TASK_ERROR] Task " + ID + " failed: KeyError: 'flow_shift'",
                "[INFO] 873033+0 | TRAVEL: [RAM] Before VLM loading",
                "  continuation of the row before",
                "[INFO] 2026-03-02T08:00:04.583: Processing status update for " + ID + " to Failed",
                "").getBytes(StandardCharsets.UTF_8)));
        out.add(new Seed("worker.log", String.join("\n",
                "2026-03-02 07:59:58,120 [INFO] HeadlessQueue: Task queue initialized with 1 workers",
                "[08:00:01] INFO HEADLESS [Task " + ID + "] Processing travel_segment task",
                "[08:00:02] DEBUG GENERATION [Task 5a6b7c8d] 🔍 LOOP [1/1]: Processing param='seed'",
                "[PROCESS_TASK_DEBUG] process_single_task called: task_type='travel_segment'",
                "progress 10%\rprogress 50%\rprogress 100%",
                "[08:00:03] 🔴 CRITICAL QUEUE [Task " + ID + "] [TASK_ERROR] Full traceback:",
                "Traceback (most recent call last):",
                "  File \"/w/x.py\", line 3, in f",
                "KeyError: 'seed'",
                "[08:00:04] ❌ HEADLESS [Task " + ID + "] Finished task (Success: False)",
                "").getBytes(StandardCharsets.UTF_8)));
        String row = "{\"timestamp\": \"2026-03-02T08:00:0%d.5%d+00:00\", \"log_level\": \"%s\", \"source_type\": \"worker\", \"task_id\": \""
                + ID + "\", \"worker_id\": \"gpu-20260302_075900-0a0b0c0d\", \"message\": \"%s\", \"metadata\": %s}";
        out.add(new Seed("rows.json", ("[\n" + String.format(row, 1, 1, "INFO", "GENERATION: LOOP [1/1]: Processing param='seed'", "{}") + ",\n"
                + String.format(row, 2, 2, "ERROR", "Task failed", "{\"status\": \"Failed\"}") + "\n]\n").getBytes(StandardCharsets.UTF_8)));
        out.add(new Seed("rows.jsonl", (String.format(row, 1, 3, "DEBUG", "x", "null") + "\n"
                + String.format(row, 2, 4, "INFO", "Processing status update", "\"{\\\"status\\\": \\\"Failed\\\"}\"") + "\n")
                .getBytes(StandardCharsets.UTF_8)));
        out.add(new Seed("rows.csv", String.join("\n",
                "id,timestamp,log_level,source_type,source_id,task_id,worker_id,message,metadata",
                "1,2026-03-02 08:00:01.5+00,INFO,worker,gpu-1," + ID + ",gpu-1,\"HEADLESS: Processing travel_segment task\",{}",
                "2,2026-03-02 08:00:02.25+00,ERROR,worker,gpu-1," + ID + ",gpu-1,\"Task failed, with a comma\",\"{\"\"status\"\": \"\"Failed\"\"}\"",
                "").getBytes(StandardCharsets.UTF_8)));
        return out;
    }

    @Test
    @Timeout(value = 240, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void mutantsOfEveryLayoutAreReadOrRefusedWithAReasonAndNeverBreakTheReport() throws Exception {
        List<Seed> corpus = corpus();
        Random rnd = new Random(SEED);
        int withEvents = 0;
        int refused = 0;
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < COUNT; i++) {
            Seed seed = corpus.get(rnd.nextInt(corpus.size()));
            List<String> how = new ArrayList<>();
            byte[] mutant = Mutations.apply(seed.bytes(), rnd, 1 + rnd.nextInt(3), how);
            String name = "m" + i + "-" + seed.name();
            Path file = dir.resolve(name);
            Files.write(file, mutant);
            String what = "mutant " + i + " of " + seed.name() + " (seed " + SEED + ": " + String.join(", ", how) + ")";
            try {
                TaskSet set = new Importer().importFiles(List.of(file), ImportMonitor.NONE);
                ParseReport.FileReport r = set.report().files().get(0);
                if (r.fatal() != null) {
                    refused++;
                    assertTrue(r.fatal().startsWith(name + ": ") && r.fatal().length() > name.length() + 8,
                            what + ": a refusal names the file and says why: " + r.fatal());
                    assertTrue(!r.fatal().contains("Exception:") && !r.fatal().contains("\tat "), what + ": " + r.fatal());
                } else {
                    assertTrue(r.events() > 0 && set.store().size() > 0, what + ": a file that is read has events");
                    withEvents++;
                }
                Analyzer analyzer = new Analyzer(set);
                for (Task t : set.tasks()) {
                    analyzer.analyse(t);
                }
                assertReportIsClean(file, what);
            } catch (Throwable e) {
                Path keep = Path.of("target", "fuzz-failures");
                Files.createDirectories(keep);
                Files.write(keep.resolve(name), mutant);
                failures.add(what + " failed (kept as " + keep.resolve(name) + "): " + e
                        + (e instanceof AssertionError ? "" : " at " + Arrays.toString(Arrays.copyOf(e.getStackTrace(), Math.min(6, e.getStackTrace().length)))));
            } finally {
                Files.deleteIfExists(file);
            }
        }
        assertEquals(List.of(), failures, failures.size() + " of " + COUNT + " mutants failed");
        assertTrue(withEvents > COUNT / 4 && refused > 0, "the mutants cover both outcomes: " + withEvents + " read, " + refused + " refused");
    }

    private static void assertReportIsClean(Path file, String what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(new String[]{"report", file.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String e = err.toString(StandardCharsets.UTF_8);
        String o = out.toString(StandardCharsets.UTF_8);
        assertTrue(code == 0 || code == 1, what + ": report exits 0 or 1, not " + code + ": " + e);
        assertTrue(!e.contains("\tat ") && !e.contains("Exception in thread"), what + ": no stack trace: " + e);
        if (code == 1) {
            assertTrue(e.startsWith("faultline"), what + ": a failing report says why on stderr: " + e);
        } else {
            assertTrue(o.startsWith("# Failure comparison"), what + ": " + o);
        }
        assertEquals(-1, o.indexOf('\u001b'), what + ": no raw escape reaches the terminal");
    }

    /** The mutations, each described for the failure message. */
    static final class Mutations {
        private Mutations() {
        }

        static byte[] apply(byte[] in, Random rnd, int times, List<String> how) {
            byte[] b = in;
            for (int k = 0; k < times; k++) {
                b = once(b, rnd, how);
            }
            return b;
        }

        private static byte[] once(byte[] b, Random rnd, List<String> how) {
            if (b.length == 0) {
                how.add("empty");
                return b;
            }
            int at = rnd.nextInt(b.length);
            switch (rnd.nextInt(10)) {
                case 0: {
                    int n = 1 + rnd.nextInt(8);
                    byte[] c = b.clone();
                    for (int i = 0; i < n; i++) {
                        int p = rnd.nextInt(c.length);
                        c[p] ^= (byte) (1 << rnd.nextInt(8));
                    }
                    how.add(n + " bit flips");
                    return c;
                }
                case 1:
                    how.add("cut at " + at);
                    return Arrays.copyOf(b, at);
                case 2:
                    return lines(b, rnd, how);
                case 3: {
                    // Mostly long lines; now and then one past the longest line kept whole (1 MiB).
                    int len = rnd.nextInt(12) != 0 ? 20_000 + rnd.nextInt(100_000) : (1 << 20) + rnd.nextInt(100_000);
                    byte[] huge = new byte[len];
                    byte fill = (byte) "x{[ 0\"".charAt(rnd.nextInt(6));
                    Arrays.fill(huge, fill);
                    how.add("line of " + len + " bytes of '" + (char) fill + "' at " + at);
                    return insert(b, at, huge);
                }
                case 4:
                    how.add("NULs at " + at);
                    return insert(b, at, new byte[1 + rnd.nextInt(4)]);
                case 5:
                    how.add("invalid UTF-8 at " + at);
                    return insert(b, at, new byte[]{(byte) 0xC3, (byte) 0x28, (byte) 0xFF, (byte) 0xE2, (byte) 0x82});
                case 6: {
                    byte[] c = b.clone();
                    boolean all = rnd.nextBoolean();
                    for (int i = 0; i < c.length; i++) {
                        if (c[i] == '\n' && (all || rnd.nextInt(4) == 0)) {
                            c[i] = '\r';
                        }
                    }
                    how.add(all ? "CR line ends" : "some line ends as CR");
                    return c;
                }
                case 7: {
                    byte[] c = b.clone();
                    int n = 0;
                    for (int i = at; i < c.length && n < 4; i++) {
                        if (c[i] >= '0' && c[i] <= '9') {
                            c[i] = (byte) ('0' + rnd.nextInt(10));
                            n++;
                        }
                    }
                    how.add("digits changed from " + at);
                    return c;
                }
                case 8: {
                    byte[] c = b.clone();
                    int p = at;
                    while (p < c.length && !(c[p] >= '0' && c[p] <= '9')) {
                        p++;
                    }
                    if (p < c.length) {
                        byte[] digits = ("" + (rnd.nextBoolean() ? Long.MAX_VALUE : 99999)).getBytes(StandardCharsets.US_ASCII);
                        how.add("a number made huge at " + p);
                        return insert(c, p, digits);
                    }
                    how.add("no digit to change");
                    return c;
                }
                default: {
                    how.add("bytes from elsewhere at " + at);
                    int from = rnd.nextInt(b.length);
                    int len = Math.min(b.length - from, 1 + rnd.nextInt(64));
                    return insert(b, at, Arrays.copyOfRange(b, from, from + len));
                }
            }
        }

        private static byte[] lines(byte[] b, Random rnd, List<String> how) {
            List<byte[]> lines = new ArrayList<>();
            int s = 0;
            for (int i = 0; i <= b.length; i++) {
                if (i == b.length || b[i] == '\n') {
                    lines.add(Arrays.copyOfRange(b, s, Math.min(b.length, i + 1)));
                    s = i + 1;
                }
            }
            if (lines.size() < 2) {
                how.add("single line kept");
                return b;
            }
            int i = rnd.nextInt(lines.size());
            int j = rnd.nextInt(lines.size());
            switch (rnd.nextInt(3)) {
                case 0 -> {
                    int n = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 5000 : 3);
                    for (int k = 0; k < n; k++) {
                        lines.add(i, lines.get(i));
                    }
                    how.add("line " + (i + 1) + " repeated " + n + " times");
                }
                case 1 -> {
                    lines.remove(i);
                    how.add("line " + (i + 1) + " deleted");
                }
                default -> {
                    byte[] t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                    how.add("lines " + (i + 1) + " and " + (j + 1) + " swapped");
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + 64);
            for (byte[] l : lines) {
                out.writeBytes(l);
            }
            return out.toByteArray();
        }

        private static byte[] insert(byte[] b, int at, byte[] what) {
            byte[] c = new byte[b.length + what.length];
            System.arraycopy(b, 0, c, 0, at);
            System.arraycopy(what, 0, c, at, what.length);
            System.arraycopy(b, at, c, at + what.length, b.length - at);
            return c;
        }
    }
}
