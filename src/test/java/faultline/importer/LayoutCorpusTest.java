package faultline.importer;

import faultline.model.EventStore;
import faultline.model.Level;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TimeText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every layout fixture of the corpus imported as a user would open it, against what its manifest
 * expects of reading text: the file opens, untimed files say so, and at each listed event the time
 * of day with the digits written, the date, the level, the message and the unit; then the units
 * found, their kind and status, and the ids that must not be units. JSON and CSV records are checked
 * alike: which of a platform's clocks times a record is what their manifests are most about.
 * Exceptions and crash sites are the analysis's, checked elsewhere. The expectations not met yet are
 * listed, each with why, in
 * {@code layout-gaps.txt}, so that a gap closed or a new one opened fails the build.
 */
class LayoutCorpusTest {
    /** Fixture file name → the checks of it known to fail, as the mismatch lines start ("line 12 time"). */
    static final Map<String, List<String>> GAPS = gaps();

    private static Map<String, List<String>> gaps() {
        Map<String, List<String>> out = new TreeMap<>();
        try (var in = LayoutCorpusTest.class.getResourceAsStream("/faultline/importer/layout-gaps.txt")) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.split(" \\| ");
                if (line.startsWith("#") || f.length < 3) {
                    continue;
                }
                out.computeIfAbsent(f[0].strip(), k -> new ArrayList<>()).add(f[1].strip());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    static List<LayoutExpectation> corpus() {
        return LayoutExpectation.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsWhatTheManifestExpects(LayoutExpectation e) {
        List<String> misses = check(e);
        String name = e.family() + "/" + e.file().getFileName();
        List<String> known = GAPS.getOrDefault(name, List.of());
        List<String> unexpected = new ArrayList<>();
        for (String m : misses) {
            if (known.stream().noneMatch(m::startsWith)) {
                unexpected.add(m);
            }
        }
        assertEquals(List.of(), unexpected, name + " (" + e.layout() + ")");
        for (String k : known) {
            assertTrue(misses.stream().anyMatch(m -> m.startsWith(k)), "a listed gap is closed now: " + k);
        }
    }

    /** Pass and fail counts per family, printed for the record (asserts only that every fixture opened). */
    @Test
    void countsPerFamily() {
        Map<String, int[]> byFamily = new TreeMap<>();
        for (LayoutExpectation e : corpus()) {
            List<String> misses = check(e);
            int checks = checks(e);
            int[] c = byFamily.computeIfAbsent(e.family(), f -> new int[2]);
            c[0] += Math.max(0, checks - misses.size());
            c[1] += Math.min(checks, misses.size());
            assertTrue(misses.stream().noneMatch(m -> m.startsWith("not opened")), e.file() + ": " + misses);
        }
        StringBuilder sb = new StringBuilder("layout corpus, checks passed/failed per family:");
        byFamily.forEach((f, c) -> sb.append(String.format("%n  %-12s %3d passed %3d failed", f, c[0], c[1])));
        System.out.println(sb);
    }

    static int checks(LayoutExpectation e) {
        int n = 2;
        for (LayoutExpectation.Event ev : e.events()) {
            n += 1 + (ev.timeOfDay() != null ? 1 : 0) + (ev.date() != null ? 1 : 0) + 1 + (ev.messageStarts() != null ? 1 : 0) + 1;
        }
        int types = (int) e.units().stream().filter(u -> u.type() != null).count();
        return n + 3 * e.units().size() + types + e.notUnits().size();
    }

    /** Every way the import differs from the manifest, one line each. */
    static List<String> check(LayoutExpectation e) {
        List<String> misses = new ArrayList<>();
        TaskSet set = Fixtures.load(e.file());
        var r = set.report().files().get(0);
        if (r.fatal() != null) {
            misses.add("not opened: " + r.fatal());
            return misses;
        }
        if (set.sources().get(0).untimed() != e.untimed()) {
            misses.add("untimed: expected " + e.untimed());
        }
        EventStore s = set.store();
        for (LayoutExpectation.Event want : e.events()) {
            int row = rowAt(s, want.line());
            String at = "line " + want.line() + " ";
            if (row < 0) {
                misses.add(at + "event: none starts there");
                continue;
            }
            // A line without an offset was read in its source's zone (given, or the one its other lines write).
            long zoneShift = set.sources().get(s.source(row)).zone().getRules()
                    .getOffset(java.time.Instant.ofEpochSecond(Math.floorDiv(s.nanos(row), 1_000_000_000L))).getTotalSeconds() * 1_000_000_000L;
            String full = TimeText.full(s.nanos(row) + zoneShift, s.precision(row));
            String local = TimeText.full(s.nanos(row) + writtenOffset(s.raw(row)), s.precision(row));
            if (want.timeOfDay() != null && local.substring(11).equals(want.timeOfDay())) {
                full = local;
            }
            if (want.timeOfDay() != null && !e.untimed() && !full.substring(11).equals(want.timeOfDay())) {
                misses.add(at + "time: " + full.substring(11) + " instead of " + want.timeOfDay());
            }
            if (want.date() != null && !full.startsWith(want.date())) {
                misses.add(at + "date: " + full.substring(0, 10) + " instead of " + want.date());
            }
            Level level = s.level(row);
            boolean levelOk = want.level() == null ? level == Level.PRINT || level == Level.INFO
                    : level.name().equals(want.level());
            if (!levelOk) {
                misses.add(at + "level: " + level + " instead of " + want.level());
            }
            if (want.messageStarts() != null && !s.message(row).contains(want.messageStarts())) {
                misses.add(at + "message: \"" + cut(s.message(row)) + "\" lacks \"" + want.messageStarts() + "\"");
            }
            String unit = s.task(row) >= 0 ? set.tasks().get(s.task(row)).id() : null;
            if (!sameUnit(unit, want.unit())) {
                misses.add(at + "unit: " + unit + " instead of " + want.unit());
            }
        }
        for (LayoutExpectation.Unit want : e.units()) {
            // The very id first: a job's pods are named after it (reindex-28841730-7vd2k), a short form of it would match them.
            Task t = set.tasks().stream().filter(x -> x.id().equalsIgnoreCase(want.id())).findFirst()
                    .or(() -> set.tasks().stream().filter(x -> sameUnit(x.id(), want.id())).findFirst()).orElse(null);
            if (t == null) {
                misses.add("unit " + want.id() + ": not found");
                continue;
            }
            if (!kindOf(t).equals(want.kind())) {
                misses.add("unit " + want.id() + " kind: " + kindOf(t) + " instead of " + want.kind());
            }
            if (want.type() != null && !want.type().equals(t.type())) {
                misses.add("unit " + want.id() + " type: " + t.type() + " instead of " + want.type());
            }
            if (!t.status().name().equals(want.status())) {
                misses.add("unit " + want.id() + " status: " + t.status().name() + " instead of " + want.status());
            }
        }
        for (String id : e.notUnits()) {
            if (set.tasks().stream().anyMatch(t -> sameUnit(t.id(), id))) {
                misses.add("not a unit " + id + ": listed as one");
            }
        }
        return misses;
    }

    private static final java.util.regex.Pattern OFFSET = java.util.regex.Pattern.compile(
            "\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?([+-])(\\d{2}):?(\\d{2})(?![\\d:])");

    /** The offset a line writes after its time ({@code +01:00}), in ns: times of day are compared as the line writes them. */
    static long writtenOffset(String raw) {
        String first = raw.lines().findFirst().orElse("");
        java.util.regex.Matcher m = OFFSET.matcher(first.length() > 200 ? first.substring(0, 200) : first);
        if (!m.find()) {
            return 0;
        }
        long seconds = Long.parseLong(m.group(2)) * 3600 + Long.parseLong(m.group(3)) * 60;
        return (m.group(1).equals("-") ? -seconds : seconds) * 1_000_000_000L;
    }

    private static final Set<String> KINDS = Set.of("job", "request", "prompt", "rank", "worker", "process");

    /** The kind a unit is shown as: its type when that names a kind, else a task (of the fleet's task types). */
    static String kindOf(Task t) {
        return KINDS.contains(t.type()) ? t.type() : "task";
    }

    /** The same unit: the same id in any case, or a short form of it. */
    static boolean sameUnit(String found, String expected) {
        if (found == null || expected == null) {
            return found == null && expected == null;
        }
        String a = found.toLowerCase(Locale.ROOT);
        String b = expected.toLowerCase(Locale.ROOT);
        return a.equals(b) || (b.length() >= 8 && a.startsWith(b)) || (a.length() >= 8 && b.startsWith(a));
    }

    static int rowAt(EventStore s, int line) {
        for (int i = 0; i < s.size(); i++) {
            if (s.line(i) == line) {
                return i;
            }
        }
        return -1;
    }

    private static String cut(String s) {
        String one = s.replace('\n', '⏎');
        return one.length() > 70 ? one.substring(0, 70) + "…" : one;
    }
}
