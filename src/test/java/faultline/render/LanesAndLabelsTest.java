package faultline.render;

import faultline.FleetFixture;
import faultline.Samples;
import faultline.analysis.Alignment;
import faultline.analysis.Analyzer;
import faultline.analysis.DefaultSelection;
import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.Note;
import faultline.model.TaskSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lanes as tall as their content, scrolled under the axis when they do not fit, collapsed on
 * request; and labels that are never hidden: each lies inside the picture and its clip, on no other
 * label, the crash's above the bars, and a shortened one keeps its full text for the hover tip.
 * With the bundled sample (two lanes) and a fleet of eight failures.
 */
class LanesAndLabelsTest {
    static TimelineScene sample;
    static TimelineScene fleet;

    @BeforeAll
    static void scenes(@TempDir Path dir) throws Exception {
        System.setProperty("java.awt.headless", "true");
        TaskSet s = Samples.importSample();
        Comparison c = Alignment.align(new Analyzer(s).analyse(DefaultSelection.of(s)), Anchor.CRASH, List.of(), s);
        TimelineScene bare = SceneBuilder.build(c, s);
        sample = bare.withNotes(List.of(Note.point(Samples.CURRENT, bare.lanes().get(0).epoch(-200_000), "the int that should be a float"),
                        Note.point(Samples.CURRENT, bare.lanes().get(0).epoch(-150_000), "a second note close to the first, long enough to collide with it"),
                        Note.range(Samples.PREVIOUS, bare.lanes().get(1).epoch(-600_000), bare.lanes().get(1).epoch(0), "loop 25 → 26")),
                List.of(c.tasks().get(0).task().id(), c.tasks().get(1).task().id()));
        TaskSet f = new Importer().importFiles(List.of(FleetFixture.write(dir.resolve("fleet_system_logs.log"))), ImportMonitor.NONE);
        fleet = SceneBuilder.build(Alignment.align(new Analyzer(f).analyse(DefaultSelection.of(f)), Anchor.CRASH, List.of(), f), f);
    }

    @Test
    void aLaneIsAsTallAsItsContent() {
        TimelineLayout l = TimelineLayout.of(sample);
        double withNotes = TimelineLayout.HEADER + TimelineLayout.MARKER_ROW + TimelineLayout.PHASE_ROW + TimelineLayout.EVENT_ROW
                + TimelineLayout.STEP_ROW + 2 * TimelineLayout.NOTE_ROW + TimelineLayout.GAP;
        assertEquals(withNotes, l.groupHeight(0), "two notes may stack: two note rows");
        assertEquals(withNotes - TimelineLayout.NOTE_ROW, l.groupHeight(1), "one note, one row");
        TimelineScene.Lane bare = sample.lanes().get(0);
        TimelineScene.Lane quiet = new TimelineScene.Lane(0, "quiet", "", 0, 0, List.of(), bare.marks(), List.of(), null, 0, 1);
        TimelineLayout q = TimelineLayout.of(new TimelineScene(List.of(quiet), "crash"));
        assertEquals(TimelineLayout.HEADER + TimelineLayout.EVENT_ROW + TimelineLayout.GAP, q.groupHeight(0),
                "no crash, phases, steps or notes: a header and the events");
        assertTrue(Double.isNaN(q.markerTop(0)) && Double.isNaN(q.phaseTop(0)) && Double.isNaN(q.stepTop(0)));
        TimelineLayout collapsed = TimelineLayout.of(sample, Set.of(0));
        assertEquals(TimelineLayout.HEADER + TimelineLayout.EVENT_ROW + TimelineLayout.GAP, collapsed.groupHeight(0));
        assertEquals(l.groupHeight(1), collapsed.groupHeight(1), "the other lane keeps its rows");
        for (int i = 0; i < 2; i++) {
            assertEquals(i, l.laneAt(l.eventTop(i) + 1));
            assertTrue(l.onHeader(i, l.groupTop(i) + 2));
        }
        assertEquals(-1, l.laneAt(TimelineLayout.AXIS_HEIGHT - 1));
        assertEquals(-1, l.laneAt(l.height() + 1));
    }

    @Test
    void twoLanesFitAndEightScrollUnderTheAxis() {
        double viewHeight = 520;
        assertTrue(TimelineLayout.of(sample).height() <= viewHeight, "two lanes fit");
        TimelineLayout eight = TimelineLayout.of(fleet);
        assertEquals(8, eight.lanes());
        assertTrue(eight.height() > viewHeight, "eight do not");
        double max = eight.height() - viewHeight;
        for (double scroll : new double[]{0, max / 2, max}) {
            MeasuredSurface s = new MeasuredSurface(900, viewHeight, 1);
            TimelineRenderer r = new TimelineRenderer();
            r.render(s, fleet, eight, scroll, CrashWindows.view(fleet, -1, 900), TimelineStyle.light());
            List<String> titles = new ArrayList<>();
            for (MeasuredSurface.Text t : s.texts()) {
                boolean shown = t.y() >= t.clip().getY() && t.y() + t.h() <= t.clip().getMaxY();
                if (t.text().matches("5eed[0-9a-f]{4}") && shown) {
                    titles.add(t.text());
                    assertTrue(t.y() >= TimelineLayout.AXIS_HEIGHT, "a lane header never shows over the axis: " + t);
                }
            }
            List<String> expected = new ArrayList<>();
            List<String> partly = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                double top = eight.groupTop(i) - scroll;
                if (top >= TimelineLayout.AXIS_HEIGHT && top + TimelineLayout.HEADER <= viewHeight) {
                    expected.add(fleet.lanes().get(i).title());
                } else if (top + TimelineLayout.HEADER > TimelineLayout.AXIS_HEIGHT && top < viewHeight) {
                    partly.add(fleet.lanes().get(i).title());
                }
            }
            List<String> whole = new ArrayList<>(titles);
            whole.removeAll(partly);
            assertEquals(expected, whole, "the lanes scrolled into view, and only they, at scroll " + scroll);
            assertTrue(expected.size() >= 3, "a view of " + viewHeight + " px shows several lanes whole");
            for (MeasuredSurface.Text t : s.texts()) {
                boolean axis = t.clip().getY() < TimelineLayout.AXIS_HEIGHT;
                assertTrue(axis || t.clip().getY() >= TimelineLayout.AXIS_HEIGHT, "lanes are drawn under the axis, not over it: " + t);
            }
            s.dispose();
        }
        assertEquals(0, LaneOverview.scrollFor(TimelineLayout.AXIS_HEIGHT, eight, viewHeight, viewHeight), 1e-9, "the overview's top: the first lane");
        assertEquals(max, LaneOverview.scrollFor(viewHeight, eight, viewHeight, viewHeight), 1e-9, "its bottom: the last");
    }

    /** The views a user goes through: the crash windows, all of it, zoomed in on the crash, the crash at the right edge. */
    private static List<TimeScale> views(TimelineScene scene, double width) {
        Viewport crash = CrashWindows.view(scene, -1, width);
        return List.of(crash, Viewport.fit(scene.first(), scene.last(), width, 0.02), crash.zoom(0.1, crash.x(0)),
                new Viewport(-crash.span() + crash.span() / 50, crash.span(), width), new Viewport(-crash.span() / 100, crash.span(), width),
                new FoldedScale(Viewport.fit(Folding.of(scene).compress(scene.first()), Folding.of(scene).compress(scene.last()), width, 0.02),
                        Folding.of(scene)));
    }

    @Test
    void labelsNeverHideOrCollide() {
        for (TimelineScene scene : List.of(sample, fleet)) {
            TimelineLayout layout = TimelineLayout.of(scene);
            for (double width : new double[]{320, 520, 900, 1600}) {
                int v = 0;
                for (TimeScale view : views(scene, width)) {
                    String what = scene.lanes().size() + " lanes, " + width + " px, view " + v++;
                    MeasuredSurface s = new MeasuredSurface(width, layout.height(), 1);
                    TimelineRenderer r = new TimelineRenderer();
                    r.render(s, scene, layout, 0, view, TimelineStyle.light());
                    assertTrue(s.outside().isEmpty(), what + ": " + s.outside());
                    assertTrue(s.overlapping().isEmpty(), what + ": " + s.overlapping());
                    for (MeasuredSurface.Text t : s.texts()) {
                        if (t.text().endsWith("…")) {
                            assertTrue(r.hotspots().stream().anyMatch(h -> h.contains(t.x() + t.w() / 2, t.y() + t.h() / 2)
                                    && h.text().replace("\n", " ").contains(t.text().substring(0, t.text().length() - 1).strip())),
                                    what + ": the shortened '" + t.text() + "' keeps its full text for the tip");
                        }
                        if (t.text().startsWith("✗") || t.text().startsWith("◂ ✗")) {
                            int lane = layout.laneAt(t.y() + t.h() / 2);
                            assertTrue(lane >= 0 && t.y() + t.h() <= layout.phaseTop(lane) + 1,
                                    what + ": a crash label above the bars: " + t + " phase row at " + (lane >= 0 ? layout.phaseTop(lane) : -1));
                        }
                    }
                    s.dispose();
                }
            }
        }
    }

    @Test
    void aCrashLabelThatDoesNotFitRightOfItsLineGoesLeftOfIt() {
        double width = 700;
        Viewport nearRight = new Viewport((long) (-width * 1000 + 40_000), (long) (width * 1000), width);
        MeasuredSurface s = new MeasuredSurface(width, TimelineLayout.of(sample).height(), 1);
        TimelineRenderer r = new TimelineRenderer();
        r.render(s, sample, TimelineLayout.of(sample), 0, nearRight, TimelineStyle.light());
        double crashX = nearRight.x(0);
        List<MeasuredSurface.Text> crashes = s.texts().stream().filter(t -> t.text().startsWith("✗ AttributeError")).toList();
        assertEquals(2, crashes.size(), s.texts().toString());
        for (MeasuredSurface.Text t : crashes) {
            assertTrue(t.x() + t.w() <= crashX, "left of the line: " + t);
            assertTrue(!t.text().endsWith("…"), "written whole: " + t.text());
        }
        s.dispose();
    }
}
