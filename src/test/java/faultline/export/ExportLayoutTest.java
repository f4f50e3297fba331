package faultline.export;

import faultline.FleetFixture;
import faultline.Samples;
import faultline.analysis.Alignment;
import faultline.analysis.Analyzer;
import faultline.analysis.CrashAnchor;
import faultline.analysis.DefaultSelection;
import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.Note;
import faultline.model.TaskSet;
import faultline.render.CrashWindows;
import faultline.render.MeasuredSurface;
import faultline.render.SceneBuilder;
import faultline.render.TimelineLayout;
import faultline.render.TimelineRenderer;
import faultline.render.TimelineScene;
import faultline.render.TimelineStyle;
import faultline.render.Viewport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exported picture is laid out for its own width, not copied from the pane: at 1×, 2× and 3×
 * and at 800 px every text lies whole inside the picture (measured with the fonts it is drawn in),
 * on no other text; the title and headers wrap or shorten, the legend wraps, the notes are written
 * out, and the caption comes below everything.
 */
class ExportLayoutTest {
    @TempDir
    Path dir;

    private static final String LONG_TITLE = "78cd8678 vs e040ae48 — AttributeError @ parameter resolution / after Getting old value, "
            + "the second crash of the night on gpu-20260224_140402-5c1e7a9d, reported for the worker team with every detail we have";

    private TimelineExport sampleExport(double width) {
        TaskSet set = Samples.importSample();
        Comparison c = Alignment.align(new Analyzer(set).analyse(DefaultSelection.of(set)), Anchor.CRASH, List.of(), set);
        TimelineScene bare = SceneBuilder.build(c, set);
        TimelineScene scene = bare.withNotes(List.of(
                        Note.point(Samples.CURRENT, bare.lanes().get(0).epoch(-100_000), "value_type=int for 7.5: the logged type is wrong"),
                        Note.range(Samples.PREVIOUS, bare.lanes().get(1).epoch(-500_000), bare.lanes().get(1).epoch(0),
                                "loop 25 → 26, and then nothing for a third of a millisecond before the failure line")),
                List.of(c.tasks().get(0).task().id(), c.tasks().get(1).task().id()));
        // A narrow pane's view: the export draws the same stretch of time over its own width.
        Viewport pane = CrashWindows.view(scene, -1, 685);
        TimelineRenderer.Measure m = new TimelineRenderer.Measure(0, -300_000, 1, 0,
                "Δ +0.300000 ms · 78cd8678 14:31:53.553018 → e040ae48 14:14:44.547000 (aligned; wall clock −17 min 9.006018 s)");
        return TimelineExport.of(c, set, scene, pane, TimelineStyle.light(), LONG_TITLE, new TimelineExport.Options(width, java.util.Set.of(), m));
    }

    private static MeasuredSurface drawn(TimelineExport e, double scale) {
        MeasuredSurface probe = new MeasuredSurface(e.width(), 10, scale);
        ExportPicture.Plan plan = e.plan(probe);
        probe.dispose();
        MeasuredSurface s = new MeasuredSurface(e.width(), plan.height(), scale);
        e.draw(s, e.plan(s));
        return s;
    }

    @Test
    void everyTextIsInsideThePictureAtEveryScaleAndWidth() {
        for (double width : new double[]{TimelineExport.DEFAULT_WIDTH, 800}) {
            TimelineExport e = sampleExport(width);
            for (double scale : new double[]{1, 2, 3}) {
                String what = width + " px at " + scale + "×";
                MeasuredSurface s = drawn(e, scale);
                assertTrue(s.outside().isEmpty(), what + ": " + s.outside());
                assertTrue(s.overlapping().isEmpty(), what + ": " + s.overlapping());
                List<String> texts = s.texts().stream().map(MeasuredSurface.Text::text).toList();
                assertTrue(texts.stream().anyMatch(t -> t.startsWith("78cd8678 vs e040ae48")), what + ": the title");
                assertTrue(texts.stream().anyMatch(t -> t.contains("loop 25 → 26, and then nothing")), what + ": the note written out");
                assertTrue(texts.stream().anyMatch(t -> t.startsWith("• measured: Δ +0.300000 ms")), what + ": the measurement");
                s.dispose();
            }
        }
    }

    @Test
    void theTitleWrapsTheLegendWrapsAndTheCaptionComesBelowEverything() {
        TimelineExport e = sampleExport(800);
        MeasuredSurface s = drawn(e, 1);
        ExportPicture.Plan plan = e.plan(s);
        assertEquals(2, plan.title().size(), "a long title takes two lines, then is shortened: " + plan.title());
        assertTrue(plan.title().get(1).endsWith("…"));
        assertTrue(plan.legend().size() >= 2, "the legend wraps at 800 px");
        double timelineBottom = plan.timelineTop() + plan.layout().height();
        assertTrue(plan.legendTop() >= timelineBottom, "the legend is below the time line");
        List<MeasuredSurface.Text> caption = s.texts().stream().filter(t -> t.y() >= plan.captionTop()).toList();
        assertTrue(caption.stream().anyMatch(t -> t.text().startsWith("T = each lane's crash")), "the caption states the rule");
        assertTrue(caption.stream().anyMatch(t -> t.text().startsWith("Files:")));
        double lowestOther = s.texts().stream().filter(t -> t.y() < plan.captionTop()).mapToDouble(t -> t.y() + t.h()).max().orElse(0);
        assertTrue(caption.stream().allMatch(t -> t.y() >= lowestOther), "nothing under the caption");
        assertTrue(CrashAnchor.RULE.startsWith("T = each lane's crash"));
        s.dispose();
    }

    @Test
    void thePngIsTheWidthAskedForWhateverThePaneWas() throws Exception {
        TimelineExport e = sampleExport(TimelineExport.DEFAULT_WIDTH);
        BufferedImage img = e.image(2);
        assertEquals(3200, img.getWidth());
        assertEquals((int) Math.ceil(e.plan(new MeasuredSurface(1, 1, 2)).height() * 2), img.getHeight());
    }

    @Test
    void eightLanesExportWhole() throws Exception {
        TaskSet set = new Importer().importFiles(List.of(FleetFixture.write(dir.resolve("fleet_system_logs.log"))), ImportMonitor.NONE);
        Comparison c = Alignment.align(new Analyzer(set).analyse(DefaultSelection.of(set)), Anchor.CRASH, List.of(), set);
        TimelineScene scene = SceneBuilder.build(c, set);
        TimelineExport e = TimelineExport.of(c, set, scene, CrashWindows.view(scene, -1, 500), TimelineStyle.light(), "eight failures");
        MeasuredSurface s = drawn(e, 1);
        assertTrue(s.outside().isEmpty(), s.outside().toString());
        assertTrue(s.overlapping().isEmpty(), s.overlapping().toString());
        for (int i = 0; i < 8; i++) {
            String title = scene.lanes().get(i).title();
            assertTrue(s.texts().stream().anyMatch(t -> t.text().equals(title)), "lane " + title + " is in the picture");
        }
        assertTrue(e.plan(s).layout().height() >= TimelineLayout.of(scene).height());
        s.dispose();
    }
}
