package faultline.importer;

import faultline.model.EventStore;
import faultline.model.SourceFormat;
import faultline.model.TaskSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast system_logs scanner and the general text reader read every line of every system_logs
 * rendering alike: time, precision, level, task and message. The general reader knows no layout by
 * heart, so this holds the inference to the renderings the fast path was written for. The broken
 * slice {@code [LEVEL] 873033+0 | msg}, whose clock is lost, only the fast path knows.
 */
class ScannerAgreementTest {
    @TempDir
    static Path dir;

    private static final String CLAIM = "55555555-eeee-4fff-8aaa-000000000001";
    private static final String OTHER = "66666666-ffff-4aaa-8bbb-000000000002";

    static Stream<Path> renderings() throws Exception {
        List<Path> out = new ArrayList<>();
        out.add(write("level_ts.log", """
                [INFO] 2026-02-24T14:31:50.100000: HEADLESS: [CLAIM] Claimed task %s (type=travel_segment, segment_index=0)
                [DEBUG] 2026-02-24T14:31:50.15306: GENERATION: 🔍 LOOP [1]: Getting old value for 'prompt'
                [WARNING] 2026-02-24T14:31:50.2+00:00: GENERATION: guidance_phases=4 is outside the supported range
                [ERROR] 2026-02-24T14:31:51.583: QUEUE: [TASK_ERROR] Task %s failed after 1.5s: ValueError: bad
                [INFO] 2026-02-24T14:31:52Z: HEADLESS: Finished task (Success: False)
                [INFO] 2026-02-24T14:31:53.000001: HEADLESS: Polling for work
                """.formatted(CLAIM, CLAIM)));
        out.add(write("ts_dash_level.log", """
                2026-02-24T14:14:44 - [INFO] 🔍 LOOP [25/32]: Processing param='color_correction_strength'
                2026-02-24T14:14:44 - [DEBUG] ✅ LOOP [25]: Completed 'color_correction_strength'
                2026-02-24T14:14:46 - [INFO] Cascade complete for %s
                2026-02-24T14:14:47 - [ERROR] Cascaded failed from related task %s
                """.formatted(OTHER, CLAIM)));
        out.add(write("ts_level_source.log", """
                2026-02-24 14:31:50.100000 [INFO] [worker] HEADLESS: Processing travel_segment task %s
                2026-02-24 14:31:50.200000 [INFO] [worker] GENERATION: LOOP [2/32]: Processing param='seed'
                2026-02-24 14:31:50.300000 [INFO] [edge_function] Task status updated successfully
                2026-02-24 14:31:50.400000 [CRITICAL] [worker] QUEUE: [TASK_ERROR] Task %s hit UNEXPECTED exception
                Traceback (most recent call last):
                  File "/srv/queue.py", line 3, in run
                AttributeError: 'NoneType' object has no attribute 'get'
                2026-02-24 14:31:50.500000 [INFO] [worker] HEADLESS: Finished task (Success: False)
                2026-02-24 14:31:50.600000 [INFO] [worker] Project ID: %s loaded
                """.formatted(CLAIM, CLAIM, OTHER)));
        out.add(write("ts_level.log", """
                2026-02-24T23:59:59.999999Z [INFO] HEADLESS: [CLAIM] Claimed task %s (type=magic_edit)
                2026-02-25T00:00:00.000001Z [INFO] MODEL: Phase 1 complete - Model switch took 0.1s
                2026-02-25T00:00:01.5Z [WARNING] HEADLESS: ⚠️ slow upload
                """.formatted(OTHER)));
        out.add(write("debug_tool.log", """
                [23:59:58] [INFO    ] HEADLESS: [CLAIM] Claimed task %s (type=travel_segment, segment_index=1)
                [23:59:59] [DEBUG   ] GENERATION: 🔍 LOOP [26]: Getting old value for 'guidance_phases'
                [00:00:01] [ERROR   ] QUEUE: [TASK_ERROR] Task %s failed after 3.0s: ValueError: x
                   [00:00:02] ℹ️ [INFO    ] [worker_gpu_a        ] HEADLESS: Finished task (Success: False)
                [00:00:03] [INFO    ] HEADLESS: ✅ [HEARTBEAT] Worker active (15 heartbeats sent)
                """.formatted(CLAIM, CLAIM)));
        out.add(write("numbered.log", """
                [  12] [INFO] 2026-02-24T14:31:50.100000: HEADLESS: [CLAIM] Claimed task %s (type=travel_segment)
                [  13] [INFO] 2026-02-24T14:31:50.200000: GENERATION: LOOP [3/32]: Processing param='steps'
                Line 14: [INFO] 2026-02-24T14:31:50.300000: HEADLESS: Finished task (Success: True)
                """.formatted(OTHER)));
        for (LayoutExpectation e : LayoutExpectation.all()) {
            String f = e.family() + "/" + e.file().getFileName();
            if (f.startsWith("worker/system_logs")) {
                out.add(e.file());
            }
        }
        Path real = Path.of("..", "shared", "real-logs");
        if (Files.isDirectory(real)) {
            try (var s = Files.list(real)) {
                s.filter(p -> p.getFileName().toString().startsWith("12_")).forEach(out::add);
            }
        }
        return out.stream();
    }

    private static Path write(String name, String text) throws Exception {
        Path d = Files.createDirectories(dir.resolve("renderings"));
        return Fixtures.write(d, name, text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void theFastScannerAndTheGeneralReaderAgreeOnEveryLine(Path file) {
        LocalDate date = LocalDate.of(2026, 2, 24);
        TaskSet fast = Fixtures.load(options(file, SourceFormat.SYSTEM_LOGS_TEXT, date), file);
        TaskSet general = Fixtures.load(options(file, SourceFormat.TEXT_LOG, date), file);
        assertEquals(SourceFormat.SYSTEM_LOGS_TEXT, fast.report().files().get(0).format());
        EventStore a = fast.store();
        EventStore b = general.store();
        List<String> diffs = new ArrayList<>();
        int j = 0;
        for (int i = 0; i < a.size(); i++) {
            if (isBrokenSlice(a.raw(i))) {
                continue;
            }
            while (j < b.size() && b.line(j) < a.line(i)) {
                j++;
            }
            if (j >= b.size() || b.line(j) != a.line(i)) {
                diffs.add("line " + a.line(i) + ": no event of the general reader");
                continue;
            }
            String where = "line " + a.line(i) + " ";
            if (a.nanos(i) != b.nanos(j) || a.precision(i) != b.precision(j) || a.estimated(i) != b.estimated(j)) {
                diffs.add(where + "time " + a.stamp(i) + " vs " + b.stamp(j));
            }
            if (a.level(i) != b.level(j)) {
                diffs.add(where + "level " + a.level(i) + " vs " + b.level(j));
            }
            String ta = a.task(i) < 0 ? null : fast.tasks().get(a.task(i)).id();
            String tb = b.task(j) < 0 ? null : general.tasks().get(b.task(j)).id();
            if (!java.util.Objects.equals(ta, tb)) {
                diffs.add(where + "task " + ta + " vs " + tb);
            }
            if (!a.message(i).equals(b.message(j))) {
                diffs.add(where + "message \"" + a.message(i) + "\" vs \"" + b.message(j) + "\"");
            }
        }
        assertTrue(a.size() > 0);
        assertEquals(List.of(), diffs, file.getFileName().toString());
    }

    private static boolean isBrokenSlice(String raw) {
        int close = raw.indexOf("] ");
        int bar = raw.indexOf(" | ");
        return raw.startsWith("[") && close > 0 && bar > close && raw.substring(close + 2, bar).matches("\\d{1,9}\\+\\d{1,2}");
    }

    private static ImportOptions options(Path file, SourceFormat format, LocalDate date) {
        return ImportOptions.defaults().set(file, new ImportOptions.SourceOptions(format, ZoneOffset.UTC, 0, date));
    }
}
