package faultline.ui.export;

import faultline.export.ExportMetadata;
import faultline.export.PngWriter;
import faultline.export.TimelineExport;
import faultline.model.Comparison;
import faultline.model.TaskSet;
import faultline.render.TimeScale;
import faultline.render.TimelineScene;
import faultline.render.TimelineStyle;
import faultline.ui.CompareModel;
import faultline.ui.Document;
import faultline.ui.timeline.TimelineViewModel;
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
import java.util.Set;
import java.util.function.Supplier;

/** Export from the window: the timeline picture (the headless export's, with the window's colours), the window itself, the clipboard. */
public final class Exports {
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

    /**
     * Takes what the timeline shows now, on the FX thread; the picture itself (which hashes the logs for
     * its metadata) is made by the returned supplier, off it.
     */
    static Supplier<TimelineExport> timeline(Document document, CompareModel compare, TimelineViewModel tl, TimelineStyle style,
                                             String title, double width) {
        Comparison c = compare.comparison();
        TaskSet set = document.taskSet();
        TimelineScene scene = tl.sceneProperty().get();
        TimeScale scale = tl.scale();
        java.util.Set<Integer> collapsed = new java.util.HashSet<>();
        for (int i = 0; i < tl.layout().lanes(); i++) {
            if (tl.layout().collapsed(i)) {
                collapsed.add(i);
            }
        }
        TimelineExport.Options options = new TimelineExport.Options(width, Set.copyOf(collapsed), tl.measureProperty().get());
        return () -> TimelineExport.of(c, set, scene, scale, style, title, options);
    }

    /** The whole window at a scale (a snapshot: FX thread only). */
    public static BufferedImage window(Scene scene, int scale) {
        SnapshotParameters p = new SnapshotParameters();
        p.setTransform(Transform.scale(scale, scale));
        WritableImage img = scene.getRoot().snapshot(p, null);
        return SwingFXUtils.fromFXImage(img, null);
    }

    /** A picture of the window as a PNG with the same metadata as the timeline picture. */
    static void writePng(BufferedImage image, ExportMetadata metadata, Path target) throws IOException {
        faultline.workspace.AtomicFile.write(target, out -> PngWriter.write(image, metadata.entries(), out));
    }

    /** The timeline picture to the clipboard, as an image (and its title as text): FX thread only. */
    public static void copy(BufferedImage image, String title) {
        ClipboardContent content = new ClipboardContent();
        content.putImage(SwingFXUtils.toFXImage(image, null));
        content.putString(title);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
