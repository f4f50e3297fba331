package faultline.importer;

import faultline.importer.LayoutExpectation.Event;
import faultline.importer.LayoutExpectation.Unit;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout fixtures and their manifests agree with each other, so that readers can be tested against them: every fixture
 * has a manifest that parses, counts its lines right, points its events at lines that hold what it says, and names units
 * that occur in the file. This checks the corpus, not the importer.
 */
class LayoutFixturesTest {
    private static final Set<String> LEVELS = Set.of("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");
    private static final Set<String> KINDS = Set.of("task", "job", "request", "prompt", "rank", "worker", "process");
    private static final Set<String> STATUSES = Set.of("FAILED", "COMPLETE", "IN_PROGRESS", "UNKNOWN", "CANCELLED");
    private static final Pattern TIME_OF_DAY = Pattern.compile("([01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d(\\.\\d{1,9})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])");
    private static final Pattern SITE = Pattern.compile("\\S+ \\([^()\\s]+:\\d+\\)");

    private final List<LayoutExpectation> all = LayoutExpectation.all();

    @Test
    void theCorpusHasFortyToTwoHundredFiftyFixturesInManyFamilies() {
        // Each is a small file read in a few milliseconds: the bounds keep the corpus a set of layouts, not of samples.
        assertTrue(all.size() >= 40 && all.size() <= 250, all.size() + " fixtures");
        java.util.Map<String, Long> perFamily = all.stream()
                .collect(java.util.stream.Collectors.groupingBy(LayoutExpectation::family, java.util.stream.Collectors.counting()));
        perFamily.forEach((family, n) -> assertTrue(n <= 12, family + " has " + n + " fixtures: its layouts, not more samples of one"));
        Set<String> families = new HashSet<>();
        all.forEach(e -> families.add(e.family()));
        assertTrue(families.size() >= 25, "families: " + families);
    }

    @Test
    void everyManifestHasItsFixture() throws Exception {
        List<String> orphans = new ArrayList<>();
        try (Stream<Path> s = Files.walk(LayoutExpectation.root())) {
            s.filter(p -> p.getFileName().toString().endsWith(LayoutExpectation.MANIFEST_SUFFIX)).forEach(m -> {
                String name = m.getFileName().toString();
                Path log = m.resolveSibling(name.substring(0, name.length() - LayoutExpectation.MANIFEST_SUFFIX.length()));
                if (!Files.isRegularFile(log)) {
                    orphans.add(m.toString());
                }
            });
        }
        assertEquals(List.of(), orphans);
    }

    @Test
    void manifestsDescribeTheirFolderAndLength() {
        for (LayoutExpectation e : all) {
            String where = e.manifest().toString();
            assertEquals(e.file().getParent().getFileName().toString(), e.family(), where + ": family is the folder name");
            assertTrue(e.layout() != null && !e.layout().isBlank() && !e.layout().contains("\n"), where + ": layout in one line");
            assertTrue(!e.learnedFrom().isEmpty(), where + ": learnedFrom");
            e.learnedFrom().forEach(u -> assertTrue(u.startsWith("https://"), where + ": " + u));
            int physical = e.readLines().size();
            assertEquals(physical, e.lines(), where + ": lines");
            assertTrue(physical >= 15 && physical <= 120, where + ": " + physical + " lines");
        }
    }

    @Test
    void eventsPointAtLinesThatHoldThem() {
        for (LayoutExpectation e : all) {
            List<String> lines = e.readLines();
            String where = e.manifest().toString();
            assertTrue(e.events().size() >= Math.min(2, lines.size()), where + ": events");
            int previous = 0;
            for (Event ev : e.events()) {
                String at = where + " line " + ev.line();
                assertTrue(ev.line() > previous, at + ": events in file order, one per line");
                previous = ev.line();
                assertTrue(ev.line() >= 1 && ev.line() <= lines.size(), at + ": within the file");
                String text = lines.get(ev.line() - 1);
                if (ev.messageStarts() != null) {
                    assertTrue(text.contains(ev.messageStarts()), at + ": holds \"" + ev.messageStarts() + "\" but is: " + text);
                }
                if (ev.timeOfDay() != null) {
                    assertTrue(TIME_OF_DAY.matcher(ev.timeOfDay()).matches(), at + ": time of day " + ev.timeOfDay());
                    assertTrue(!e.untimed(), at + ": an untimed file has no time of day");
                }
                if (ev.date() != null) {
                    assertTrue(DATE.matcher(ev.date()).matches(), at + ": date " + ev.date());
                }
                if (ev.level() != null) {
                    assertTrue(LEVELS.contains(ev.level()), at + ": level " + ev.level());
                }
                if (ev.unit() != null) {
                    assertTrue(e.units().stream().anyMatch(u -> u.id().equals(ev.unit())), at + ": unit " + ev.unit() + " is listed");
                }
            }
        }
    }

    @Test
    void unitsOccurInTheFileAndNotUnitsAreNotUnits() {
        for (LayoutExpectation e : all) {
            String text = LayoutExpectation.read(e.file());
            String where = e.manifest().toString();
            Set<String> ids = new HashSet<>();
            for (Unit u : e.units()) {
                assertTrue(ids.add(u.id()), where + ": unit listed once: " + u.id());
                // Open MPI's tag writes the rank as a number only: "[1,1]<stderr>:" is rank1.
                boolean mpiRank = u.id().matches("rank\\d+") && text.contains("," + u.id().substring(4) + "]<");
                // A prompt ComfyUI took on without naming it is named by the time its "got prompt" line writes.
                boolean timedPrompt = u.id().matches("prompt \\d{2}:\\d{2}:\\d{2}\\.\\d{3}") && text.contains(u.id().substring(7) + "");
                // On a console that writes no time, by the line its "got prompt" is on.
                String[] lines = text.split("\n", -1);
                boolean linePrompt = u.id().matches("prompt line \\d+") && Integer.parseInt(u.id().substring(12)) <= lines.length
                        && lines[Integer.parseInt(u.id().substring(12)) - 1].contains("got prompt");
                // A worker that crashed before it took anything on, and that no line names, is named after its file.
                boolean fileStem = u.kind().equals("worker") && e.file().getFileName().toString().startsWith(u.id() + ".");
                // A container's json-file, named after its full id: the unit is its short id, as docker ps shows it.
                fileStem |= u.kind().equals("worker") && e.file().getFileName().toString().matches(java.util.regex.Pattern.quote(u.id()) + "[0-9a-f]{52}-json\\.log");
                // A Ray driver's log is named after the job it ran: job-driver-<submission id>.log.
                fileStem |= u.kind().equals("job") && e.file().getFileName().toString().startsWith("job-driver-" + u.id() + ".");
                // torchrun's tee writes the role's name before the local rank: "[default1]:" is rank1.
                boolean roleRank = u.id().matches("rank\\d+")
                        && java.util.regex.Pattern.compile("\\[[a-z_]+" + u.id().substring(4) + "\\]:").matcher(text).find();
                // Ollama's runner, named by the time of day its start line writes ("time=2025-03-11T09:24:03.255+01:00").
                boolean timedRunner = u.id().matches("runner \\d{2}:\\d{2}:\\d{2}\\.\\d{3}") && text.contains("T" + u.id().substring(7));
                // An Ollama request, named by its method, its route and the time of day it started: the route is the access line's.
                boolean routeRequest = u.id().matches("[A-Z]+ /\\S+ \\d{2}:\\d{2}:\\d{2}\\.\\d{3}")
                        && java.util.regex.Pattern.compile(u.id().substring(0, u.id().indexOf(' ')) + " +\"" + java.util.regex.Pattern.quote(
                        u.id().substring(u.id().indexOf(' ') + 1, u.id().lastIndexOf(' '))) + "\"").matcher(text).find();
                // The same written as an access record's sorted fields (LocalAI's): "method=POST status=200 url=/v1/…".
                routeRequest |= u.id().matches("[A-Z]+ /\\S+ \\d{2}:\\d{2}:\\d{2}\\.\\d{3}")
                        && java.util.regex.Pattern.compile("method=" + u.id().substring(0, u.id().indexOf(' ')) + " .*url=" + java.util.regex.Pattern.quote(
                        u.id().substring(u.id().indexOf(' ') + 1, u.id().lastIndexOf(' '))) + "(\\s|$)").matcher(text).find();
                // The same as LM Studio's server writes the request it takes on: "Received POST request to /v1/… with body".
                routeRequest |= u.id().matches("[A-Z]+ /\\S+ \\d{2}:\\d{2}:\\d{2}\\.\\d{3}") && text.contains("Received "
                        + u.id().substring(0, u.id().indexOf(' ')) + " request to " + u.id().substring(u.id().indexOf(' ') + 1, u.id().lastIndexOf(' ')) + " with body");
                // The same as the web UI's --api-log line writes the call: "API 2024-08-19 14:05:46.402771 200 http/1.1 POST /sdapi/v1/txt2img …".
                routeRequest |= u.id().matches("[A-Z]+ /\\S+ \\d{2}:\\d{2}:\\d{2}\\.\\d{3}") && java.util.regex.Pattern.compile("(?m)^API \\S+ \\S+ \\d{3} \\S+ "
                        + u.id().substring(0, u.id().indexOf(' ')) + " " + java.util.regex.Pattern.quote(u.id().substring(u.id().indexOf(' ') + 1, u.id().lastIndexOf(' '))) + " ").matcher(text).find();
                // llama.cpp's server names a task no slot took by its key only: "send_error: task id = 2" is task 2.
                boolean taskKey = u.id().matches("task \\d+") && text.contains("task id = " + u.id().substring(5) + ",");
                // A rank of the worker group an elastic agent restarted ("rank1 (restart 1)"): the rank, and the restart the agent logged.
                java.util.regex.Matcher relaunch = java.util.regex.Pattern.compile("(rank\\d+) \\(restart (\\d+)\\)").matcher(u.id());
                boolean restartedRank = relaunch.matches() && text.contains("[" + relaunch.group(1) + "]:")
                        && text.contains("restart_count=" + relaunch.group(2));
                // A prefork server's worker, named by its pid: gunicorn's worker writes "pid: 8" of itself, its arbiter "(pid:8)".
                boolean workerPid = u.id().matches("pid:\\d+") && text.contains("pid: " + u.id().substring(4));
                // A rank a logger names on its records, Lightning's "[rank: 0]" or Axolotl's header field "[RANK:0]".
                boolean loggerRank = u.id().matches("rank\\d+")
                        && java.util.regex.Pattern.compile("\\[(?i:rank): ?" + u.id().substring(4) + "\\]").matcher(text).find();
                assertTrue(text.contains(u.id()) || workerPid || loggerRank || restartedRank || mpiRank || taskKey || timedRunner || routeRequest || roleRank || timedPrompt || linePrompt || fileStem, where + ": unit id in the file: " + u.id());
                assertTrue(KINDS.contains(u.kind()), where + ": kind " + u.kind());
                assertTrue(STATUSES.contains(u.status()), where + ": status " + u.status());
                if (u.exception() != null || u.site() != null) {
                    assertEquals("FAILED", u.status(), where + ": only failures have an exception or a site: " + u.id());
                }
                if (u.exception() != null) {
                    assertTrue(text.contains(u.exception()), where + ": exception type as written: " + u.exception());
                }
                if (u.site() != null) {
                    assertTrue(SITE.matcher(u.site()).matches(), where + ": site " + u.site());
                    String file = u.site().substring(u.site().indexOf('(') + 1, u.site().lastIndexOf(':'));
                    assertTrue(text.contains(file), where + ": site file in a frame: " + file);
                }
            }
            for (String n : e.notUnits()) {
                assertTrue(text.contains(n), where + ": not-unit id in the file: " + n);
                assertTrue(!ids.contains(n), where + ": " + n + " is both a unit and not one");
            }
        }
    }
}
