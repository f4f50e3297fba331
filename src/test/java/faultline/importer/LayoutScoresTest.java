package faultline.importer;

import faultline.analysis.Analyzer;
import faultline.model.Crash;
import faultline.model.Task;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The corpus scored as held-out logs are: of the units the manifests list, how many the import finds; of
 * the failed ones, how many it shows failed, with the exception type written and the crash site named. The
 * floors are what the readers reach now, so that a step back fails the build; the misses are printed.
 */
class LayoutScoresTest {
    record Scores(int units, int found, int failed, int failedFound, int named, int typeRight, int sites, int siteRight,
                  List<String> misses) {
        String line() {
            return String.format("units %d/%d · failures shown failed %d/%d · exception type %d/%d · crash site %d/%d",
                    found, units, failedFound, failed, typeRight, named, siteRight, sites);
        }
    }

    static Scores score() {
        int units = 0;
        int found = 0;
        int failed = 0;
        int failedFound = 0;
        int named = 0;
        int typeRight = 0;
        int sites = 0;
        int siteRight = 0;
        List<String> misses = new ArrayList<>();
        for (LayoutExpectation e : LayoutExpectation.all()) {
            TaskSet set = Fixtures.load(e.file());
            Analyzer analyzer = new Analyzer(set);
            String file = e.family() + "/" + e.file().getFileName();
            for (LayoutExpectation.Unit u : e.units()) {
                units++;
                Task t = set.tasks().stream().filter(x -> LayoutCorpusTest.sameUnit(x.id(), u.id())).findFirst().orElse(null);
                if (t != null) {
                    found++;
                } else {
                    misses.add(file + " " + u.id() + ": not found");
                }
                if (!u.status().equals("FAILED")) {
                    continue;
                }
                failed++;
                if (t != null && t.status().name().equals("FAILED")) {
                    failedFound++;
                } else if (t != null) {
                    misses.add(file + " " + u.id() + ": " + t.status() + ", not FAILED");
                }
                Crash c = t == null ? null : analyzer.crashOf(t);
                if (u.exception() != null) {
                    named++;
                    String type = c == null ? null : c.exceptionType();
                    if (u.exception().equals(type)) {
                        typeRight++;
                    } else {
                        misses.add(file + " " + u.id() + ": exception " + type + ", not " + u.exception());
                    }
                }
                if (u.site() != null) {
                    sites++;
                    String site = c == null || c.site() == null ? null : c.site().text();
                    if (u.site().equals(site)) {
                        siteRight++;
                    } else {
                        misses.add(file + " " + u.id() + ": site " + site + ", not " + u.site());
                    }
                }
            }
        }
        return new Scores(units, found, failed, failedFound, named, typeRight, sites, siteRight, misses);
    }

    @Test
    void theCorpusFindsItsUnitsFailuresExceptionsAndSites() {
        Scores s = score();
        System.out.println("layout corpus scores: " + s.line() + "\n  " + String.join("\n  ", s.misses()));
        assertTrue(s.found() * 100 >= s.units() * 90, s.line() + " " + s.misses());
        assertTrue(s.failedFound() * 100 >= s.failed() * 90, s.line() + " " + s.misses());
        assertTrue(s.typeRight() * 100 >= s.named() * 85, s.line() + " " + s.misses());
        assertTrue(s.siteRight() * 100 >= s.sites() * 80, s.line() + " " + s.misses());
    }
}
