package faultline.analysis;

import faultline.FleetFixture;
import faultline.Samples;
import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.Crash;
import faultline.model.EventStore;
import faultline.model.LaneAnchor;
import faultline.model.Level;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;
import faultline.render.SceneBuilder;
import faultline.render.TimelineScene;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One definition of a crash's moment for every lane, the same in the timeline, the report and the export. */
class CrashAnchorTest {
    @TempDir
    Path dir;

    /** Every lane's failure sits on T, inside its own time window and never before the last evidence. */
    private static void assertCrashesOnT(TaskSet set, Comparison c) {
        TimelineScene scene = SceneBuilder.build(c, set);
        EventStore store = set.store();
        for (int i = 0; i < c.size(); i++) {
            TaskAnalysis a = c.tasks().get(i);
            Crash crash = a.crash();
            LaneAnchor anchor = c.laneAnchors().get(i);
            String lane = a.task().shortId();
            assertEquals(LaneAnchor.Kind.FAILURE, anchor.kind(), lane);
            assertEquals(0, scene.lanes().get(i).crash().at(), lane + ": the crash mark is on T");
            assertTrue(anchor.nanos() >= store.nanos(crash.firstSignal()) && anchor.nanos() <= store.latest(crash.firstSignal()),
                    lane + ": T lies in the failure line's own window");
            assertTrue(anchor.nanos() >= store.nanos(crash.lastEvidence()), lane + ": never before the last evidence");
            assertEquals(store.latest(crash.firstSignal()), anchor.latest(), lane + ": the span runs to the end of the failure's window");
            assertEquals("", scene.lanes().get(i).anchorNote(), lane + ": nothing to explain in the header");
        }
    }

    @Test
    void theSamplesTwoFailuresBothSitOnT() {
        TaskSet set = Samples.importSample();
        Comparison c = Alignment.align(new Analyzer(set).analyse(DefaultSelection.of(set)), Anchor.CRASH, List.of(), set);
        assertEquals(2, c.size());
        assertCrashesOnT(set, c);
        // The last evidence of e040ae48 is a third of a millisecond before its failure: it is no longer T.
        TaskAnalysis previous = c.tasks().stream().filter(t -> t.task().id().equals(Samples.PREVIOUS)).findFirst().orElseThrow();
        assertTrue(c.aligned(c.tasks().indexOf(previous), set.store().nanos(previous.crash().lastEvidence())) < 0);
    }

    @Test
    void eightFailuresOfAFleetSitOnTThoughTheirSilencesBeforeThemDiffer() throws Exception {
        Path file = FleetFixture.write(dir.resolve("fleet_system_logs.log"));
        TaskSet set = new Importer().importFiles(List.of(file), ImportMonitor.NONE);
        Comparison c = Alignment.align(new Analyzer(set).analyse(DefaultSelection.of(set)), Anchor.CRASH, List.of(), set);
        assertEquals(FleetFixture.FAILED, c.size());
        assertCrashesOnT(set, c);
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        boolean coarse = false;
        for (int i = 0; i < c.size(); i++) {
            Crash crash = c.tasks().get(i).crash();
            long silence = c.laneAnchors().get(i).nanos() - set.store().nanos(crash.lastEvidence());
            shortest = Math.min(shortest, silence);
            longest = Math.max(longest, silence);
            coarse |= set.store().precision(crash.firstSignal()) == 3 && c.laneAnchors().get(i).uncertainty() > 0;
        }
        assertTrue(shortest >= 190_000_000L && longest >= 1_000_000_000L, shortest + " … " + longest
                + ": aligned on the last evidence the failures would spread over most of a second");
        assertTrue(coarse, "an error known to the millisecond keeps its window as the crash's span");
    }

    @Test
    void aFailureWithoutATimeOfItsOwnIsAnchoredOnTheLastEvidenceWithTheSpanToItsEstimate() {
        EventStore.Builder b = EventStore.builder(4);
        b.add(1_000_000_000L, 6, false, Level.INFO, 0, 0, 0);
        int evidence = b.add(1_000_500_000L, 6, false, Level.DEBUG, 0, 0, 0);
        int failure = b.add(1_000_500_000L, 0, true, Level.ERROR, 0, 0, 0);
        EventStore store = b.build(List.of());
        Crash estimated = crash(evidence, failure, 1_000_500_000L, 1_000_900_000L);
        LaneAnchor a = CrashAnchor.of(estimated, store).orElseThrow();
        assertEquals(LaneAnchor.Kind.LAST_EVIDENCE, a.kind());
        assertEquals(1_000_500_000L, a.nanos());
        assertEquals(1_000_900_000L, a.latest());
        assertTrue(a.note(Anchor.CRASH).contains("last line before the failure"), "the header says what T is");

        // The same failure with a time of its own, known to the second: T is the earliest the file order allows.
        EventStore.Builder b2 = EventStore.builder(4);
        int ev2 = b2.add(1_000_500_000L, 6, false, Level.DEBUG, 0, 0, 0);
        int f2 = b2.add(1_000_000_000L, 0, false, Level.ERROR, 0, 0, 0);
        EventStore s2 = b2.build(List.of());
        LaneAnchor timed = CrashAnchor.of(crash(ev2, f2, 1_000_000_000L, 1_999_999_999L), s2).orElseThrow();
        assertEquals(LaneAnchor.Kind.FAILURE, timed.kind());
        assertEquals(1_000_500_000L, timed.nanos(), "not before the last evidence");
        assertEquals(1_999_999_999L, timed.latest());
    }

    private static Crash crash(int evidence, int failure, long earliest, long latest) {
        return new Crash("AttributeError", "x", evidence, failure, earliest, latest, null, null, null, null, List.of(), null);
    }

    @Test
    void aLaneWithoutACrashSaysSoAndWhatItIsAlignedOn() throws Exception {
        TaskSet set = TaskLogs.load(dir, AnalysisRulesTest.failing(AnalysisRulesTest.A), AnalysisRulesTest.completing(AnalysisRulesTest.B));
        Analyzer an = new Analyzer(set);
        List<TaskAnalysis> two = an.analyse(List.of(set.find(AnalysisRulesTest.A).orElseThrow(), set.find(AnalysisRulesTest.B).orElseThrow()));
        Comparison c = Alignment.align(two, Anchor.CRASH, List.of(), set);
        assertEquals(LaneAnchor.Kind.FIRST_LINE, c.laneAnchors().get(1).kind());
        TimelineScene scene = SceneBuilder.build(c, set);
        assertEquals("no crash · T = its first line", scene.lanes().get(1).anchorNote());
        assertEquals("", scene.lanes().get(0).anchorNote());
        // The completed task logs no claim: it falls back past its (missing) crash to its first line, and says so.
        Comparison claimed = Alignment.align(two, Anchor.CLAIMED, List.of(), set);
        TimelineScene cs = SceneBuilder.build(claimed, set);
        assertEquals("", cs.lanes().get(0).anchorNote());
        assertEquals("no 'claimed' line · T = its first line", cs.lanes().get(1).anchorNote());
        Comparison wall = Alignment.align(two, Anchor.WALL_CLOCK, List.of(), set);
        assertEquals(c.laneAnchors().get(0).nanos(), wall.anchors().get(0), "wall clock: T is the earliest crash, not a first line");
    }

    @Test
    void theReportAndTheCaptionStateTheSameRuleAndTime() {
        TaskSet set = Samples.importSample();
        Comparison c = Alignment.align(new Analyzer(set).analyse(DefaultSelection.of(set)), Anchor.CRASH, List.of(), set);
        ComparisonReport r = ReportBuilder.build(c, set);
        assertEquals(CrashAnchor.RULE, r.anchorRule());
        for (int i = 0; i < c.size(); i++) {
            String t = faultline.model.TimeText.clock(c.laneAnchors().get(i).nanos(), 6);
            assertTrue(r.tasks().get(i).anchor().startsWith(t + ", the failure"), r.tasks().get(i).anchor());
        }
        assertTrue(Alignment.rule(Anchor.CRASH).contains("failure line"));
        assertTrue(Alignment.rule(Anchor.CLAIMED).contains("aligned on its crash"));
    }
}
