package faultline.render;

import faultline.analysis.Alignment;
import faultline.analysis.Analyzer;
import faultline.analysis.DefaultSelection;
import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A log without any clock is drawn on a line-order axis: the ticks name lines, never a day of 1970. */
class LineOrderAxisTest {
    @TempDir
    Path dir;

    @Test
    void anUntimedWorkersCrashIsDrawnByLine() throws Exception {
        StringBuilder text = new StringBuilder("worker starting\n");
        for (int i = 0; i < 40; i++) {
            text.append("loading shard ").append(i).append('\n');
        }
        text.append("Traceback (most recent call last):\n  File \"/srv/w.py\", line 9, in <module>\n    boot()\nRuntimeError: no GPU\n");
        Path f = Files.writeString(dir.resolve("nohup.out"), text.toString());
        TaskSet set = new Importer().importFiles(List.of(f), ImportMonitor.NONE);
        assertTrue(set.sources().get(0).untimed());
        Comparison c = Alignment.align(new Analyzer(set).analyse(DefaultSelection.of(set)), Anchor.CRASH, List.of(), set);
        TimelineScene scene = SceneBuilder.build(c, set);
        assertTrue(scene.lineOrder());
        RecordingSurface s = new RecordingSurface(900, 300);
        new TimelineRenderer().render(s, scene, Viewport.fit(scene.first(), scene.last(), 900, 0), TimelineStyle.light());
        assertTrue(s.texts.stream().anyMatch(t -> t.matches("line \\d+")), s.texts.toString());
        assertTrue(s.texts.stream().anyMatch(t -> t.contains("no clock: line order")), s.texts.toString());
        assertFalse(s.texts.stream().anyMatch(t -> t.contains("1970") || t.matches("\\d{2}:\\d{2}:\\d{2}.*")), s.texts.toString());
    }
}
