package faultline.ui;

import faultline.export.ExportMetadata;
import faultline.export.PngWriter;
import faultline.export.TimelineExport;
import faultline.model.Comparison;
import faultline.model.TaskSet;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.transform.Transform;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/** Export from the window: the timeline picture (the headless export's, with the window's colours), the window itself, the clipboard. */
final class Exports {
    private Exports() {
    }

    static String defaultTitle(Comparison c) {
        if (c == null) {
            return "Faultline";
        }
        String ids = String.join(" vs ", c.tasks().stream().map(t -> t.task().shortId()).toList());
        String sig = c.tasks().stream().filter(t -> t.crash() != null).map(t -> t.crash().signature().shortText()).findFirst().orElse("");
        return ids + (sig.isEmpty() ? "" : " — " + sig);
    }

    static TimelineExport timeline(MainViewModel main, TimelineViewModel tl, TimelineView view, String title) {
        Comparison c = main.comparisonProperty().get();
        TaskSet set = main.taskSetProperty().get();
        return TimelineExport.of(c, set, tl.sceneProperty().get(), tl.scale(), view.style(), title);
    }

    /** The whole window at a scale, as a PNG with the same metadata as the timeline picture. */
    static void writeWindowPng(Scene scene, int scale, ExportMetadata metadata, Path target) throws IOException {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        WritableImage img = scene.getRoot().snapshot(p, null);
        BufferedImage b = SwingFXUtils.fromFXImage(img, null);
        faultline.workspace.AtomicFile.write(target, out -> PngWriter.write(b, metadata.entries(), out));
    }

    /** The timeline picture to the clipboard, as an image (and its title as text). */
    static void copy(TimelineExport export) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(SwingFXUtils.toFXImage(export.image(1), null));
        content.putString(export.metadata().title());
        Clipboard.getSystemClipboard().setContent(content);
    }
}
