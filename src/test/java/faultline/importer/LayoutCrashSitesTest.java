package faultline.importer;

import faultline.analysis.Analyzer;
import faultline.model.Crash;
import faultline.model.SourceFormat;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.Traceback;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The layout fixtures' failures: every crash site a manifest names is read from a stack trace in its
 * file, whatever the layout writes around it (per-line prefixes, indentation, loguru's annotations,
 * docker-compose's service column); and the JSON and CSV fixtures import into the units, statuses,
 * exceptions and sites their manifests list.
 */
class LayoutCrashSitesTest {
    private static final java.util.regex.Pattern RUBY_FRAME = java.util.regex.Pattern.compile("\\.rb:\\d+:in [`']");
    /** Every stack trace of a text, each read from the line that opens it. */
    static Set<Traceback> traces(List<String> lines) {
        Set<Traceback> out = new LinkedHashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            // A traceback's header, or a report that opens straight on its frames (a RayTaskError's "ray::Actor.method()").
            boolean python = l.contains("Traceback (most recent call last)")
                    || (i + 1 < lines.size() && !l.startsWith(" ") && lines.get(i + 1).matches("\\s+File \".*\", line \\d+, in .*")
                    && (i == 0 || !lines.get(i - 1).matches("\\s+File \".*")));
            boolean jvm = !python && i + 1 < lines.size() && lines.get(i + 1).matches("\\s+at [\\w$.]+\\(.*");
            if (python || jvm) {
                List<String> trace = lines.subList(i, Math.min(lines.size(), i + 400));
                java.util.regex.Matcher rank = RANK_PREFIX.matcher(l);
                if (rank.find() && rank.start() < 64) {
                    // Ranks that crash at once interleave their prefixed lines: a rank's trace is the lines of its prefix
                    // (after journald's clock and program, when it stamps each of them).
                    String own = rank.group();
                    trace = trace.stream().filter(x -> ownRank(x, own)).toList();
                }
                Traceback.find(String.join("\n", trace)).ifPresent(out::add);
            } else if (RUBY_FRAME.matcher(l).find() && (i == 0 || !RUBY_FRAME.matcher(lines.get(i - 1)).find())) {
                // A Ruby backtrace, innermost first, its first frame after the record's prefix (Sidekiq's "… WARN: /app/…").
                int at = l.indexOf(": /");
                List<String> text = new ArrayList<>(lines.subList(i, Math.min(lines.size(), i + 400)));
                if (at > 0 && l.substring(0, at).contains(" ")) {
                    text.set(0, l.substring(at + 2));
                }
                Traceback.find(String.join("\n", text)).ifPresent(out::add);
            }
        }
        return out;
    }

    private static boolean ownRank(String line, String own) {
        java.util.regex.Matcher m = RANK_PREFIX.matcher(line);
        return !m.find() || m.start() >= 64 || m.group().equals(own);
    }

    /** A rank's prefix on each of its lines: torchrun's "[rank1]:", its tee's "[default1]:". */
    private static final java.util.regex.Pattern RANK_PREFIX = java.util.regex.Pattern.compile("\\[[a-z_]+\\d+\\]:");

    @Test
    void everyNamedCrashSiteIsReadFromATraceInItsFile() {
        int checked = 0;
        List<String> missed = new ArrayList<>();
        for (LayoutExpectation e : LayoutExpectation.all()) {
            String name = e.file().getFileName().toString();
            if (name.contains("json") || name.endsWith(".csv")) {
                continue; // traces inside JSON strings and quoted CSV fields: read through the importer below
            }
            Set<String> sites = new LinkedHashSet<>();
            for (Traceback t : traces(e.readLines())) {
                if (t.site() != null) {
                    sites.add(t.site().text());
                }
            }
            for (LayoutExpectation.Unit u : e.units()) {
                if (u.site() != null) {
                    checked++;
                    if (!sites.contains(u.site())) {
                        missed.add(e.file().getFileName() + ": " + u.site() + " not in " + sites);
                    }
                }
            }
        }
        assertTrue(checked >= 15, "sites checked: " + checked);
        assertEquals(List.of(), missed);
    }

    @Test
    void jsonFixturesGiveTheirUnitsWithStatusExceptionAndSite() {
        int failures = 0;
        List<String> wrong = new ArrayList<>();
        for (LayoutExpectation e : LayoutExpectation.all()) {
            TaskSet set = Fixtures.load(e.file());
            SourceFormat format = set.report().files().get(0).format();
            if (!SourceFormat.SYSTEM_LOGS_JSON.equals(format) && !SourceFormat.SYSTEM_LOGS_CSV.equals(format)) {
                continue;
            }
            Analyzer analyzer = new Analyzer(set);
            for (LayoutExpectation.Unit u : e.units()) {
                if (u.kind().equals("worker")) {
                    continue; // a worker as a unit is found by the readers of worker logs, not from JSON fields
                }
                Task t = set.find(u.id()).orElse(null);
                String where = e.file().getFileName() + " " + u.id();
                if (t == null) {
                    wrong.add(where + ": not found");
                    continue;
                }
                if (!u.status().equals(t.status().name()) && !(u.status().equals("UNKNOWN") && t.status().name().equals("QUEUED"))) {
                    wrong.add(where + ": " + t.status() + ", not " + u.status());
                }
                if (u.status().equals("FAILED")) {
                    failures++;
                    Crash c = analyzer.analyse(t).crash();
                    String type = c == null || c.exceptionType().isEmpty() ? null : c.exceptionType();
                    String site = c == null || c.site() == null ? null : c.site().text();
                    if (u.exception() == null && type != null && !c.exceptionInferred()) {
                        wrong.add(where + ": exception " + type + " where the file names none");
                    } else if (u.exception() != null && !u.exception().equals(type)) {
                        wrong.add(where + ": exception " + type + ", not " + u.exception());
                    }
                    if (u.site() != null && !u.site().equals(site)) {
                        wrong.add(where + ": site " + site + ", not " + u.site());
                    }
                }
            }
        }
        assertTrue(failures >= 6, "failures checked: " + failures);
        assertEquals(List.of(), wrong);
    }

    /**
     * Over the whole corpus, as a user opens each file: the failed units whose manifest names the
     * exception get that exception type. What is still missed is named in the message; the floor is
     * what the readers and the analysis reach together now, so that a step back fails the build. A JVM
     * trace is named by its root cause ({@code Caused by:}), where a manifest may name the exception
     * that wraps it.
     */
    @Test
    void theCorpusFailuresGetTheirExceptionTypes() {
        int named = 0;
        int right = 0;
        List<String> missed = new ArrayList<>();
        for (LayoutExpectation e : LayoutExpectation.all()) {
            TaskSet set = Fixtures.load(e.file());
            Analyzer analyzer = new Analyzer(set);
            for (LayoutExpectation.Unit u : e.units()) {
                if (!u.status().equals("FAILED") || u.exception() == null) {
                    continue;
                }
                named++;
                Task t = set.find(u.id()).orElse(null);
                Crash c = t == null ? null : analyzer.crashOf(t);
                String type = c == null ? null : c.exceptionType();
                if (u.exception().equals(type)) {
                    right++;
                } else {
                    missed.add(e.file().getFileName() + " " + u.id() + ": " + type);
                }
            }
        }
        assertTrue(named >= 25, "named exceptions: " + named);
        assertTrue(right >= 23, right + " of " + named + " right; missed: " + missed);
    }
}
