package faultline.export;

import faultline.text.Prose;

import faultline.model.Comparison;
import faultline.model.SourceFile;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;
import faultline.model.TimeText;
import faultline.render.TimeScale;
import faultline.render.TimelineScene;
import faultline.workspace.Hashes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an exported picture says about itself, in its PNG text chunks and SVG metadata: the source
 * files and their SHA-256, the time range shown per lane, the alignment and the tasks.
 */
public record ExportMetadata(String title, List<String> files, List<String> hashes, String timeRange, String alignment,
                             List<String> tasks, String rule, String measurement) {

    public static ExportMetadata of(String title, Comparison c, TaskSet set, TimelineScene scene, TimeScale scale) {
        return of(title, c, set, scene, scale, null);
    }

    public static ExportMetadata of(String title, Comparison c, TaskSet set, TimelineScene scene, TimeScale scale,
                                    faultline.render.TimelineRenderer.Measure measure) {
        List<String> files = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (SourceFile f : set.sources()) {
            files.add(f.name());
            hashes.add(f.name() + " sha256:" + Hashes.sha256(f.path()));
        }
        List<String> ranges = new ArrayList<>();
        for (TimelineScene.Lane l : scene.lanes()) {
            ranges.add(l.title() + " " + TimeText.isoFull(l.epoch(scale.start()), 6) + " … " + TimeText.isoFull(l.epoch(scale.end()), 6));
        }
        List<String> tasks = new ArrayList<>();
        for (TaskAnalysis a : c.tasks()) {
            tasks.add(a.task().id());
        }
        String alignment = Prose.format("caption.aligned", c.anchor().label());
        List<String> shifted = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            if (c.shifts().get(i) != 0) {
                shifted.add(c.tasks().get(i).task().shortId() + " " + Prose.format("lane.shifted", faultline.model.DurationText.signed(c.shifts().get(i))));
            }
        }
        if (!shifted.isEmpty()) {
            alignment += " (" + String.join(", ", shifted) + ")";
        }
        for (int i = 0; i < c.size(); i++) {
            String note = c.laneAnchors().get(i).note(c.anchor());
            if (!note.isEmpty()) {
                alignment += "; " + c.tasks().get(i).task().shortId() + ": " + note;
            }
        }
        return new ExportMetadata(title, List.copyOf(files), List.copyOf(hashes), String.join("; ", ranges), alignment, List.copyOf(tasks),
                faultline.analysis.Alignment.rule(c.anchor()), measure == null ? "" : measure.label());
    }

    /** Keyword → text, in a stable order. */
    public Map<String, String> entries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("Title", title);
        m.put("Software", "Faultline");
        m.put("Source files", String.join(", ", files));
        m.put("Source hashes", String.join("; ", hashes));
        m.put("Time range", timeRange);
        m.put("Alignment", alignment);
        m.put("Tasks", String.join(", ", tasks));
        m.put("Alignment rule", rule);
        if (!measurement.isEmpty()) {
            m.put("Measurement", measurement);
        }
        return m;
    }

    /** The caption under the picture. */
    public List<String> caption() {
        List<String> out = new ArrayList<>();
        out.add(rule.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + rule.substring(1) + ".");
        out.add(Prose.format("caption.time", timeRange));
        out.add(Prose.format("caption.alignment", alignment, String.join(", ", tasks)));
        out.add(Prose.format("caption.files", String.join(", ", files)));
        return out;
    }
}
