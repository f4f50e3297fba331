package faultline.export;

import faultline.model.Comparison;
import faultline.model.TaskSet;
import faultline.render.Java2dSurface;
import faultline.render.SvgSurface;
import faultline.render.TimeScale;
import faultline.render.TimelineScene;
import faultline.render.TimelineStyle;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The timeline as a picture for a bug report: the same renderer as the window, on a Java2D image
 * (PNG, with metadata chunks) or as SVG text. Needs no display. Writes through a temporary file so
 * that a failed export leaves no half file.
 */
public final class TimelineExport {
    private final TimelineScene scene;
    private final TimeScale scale;
    private final TimelineStyle style;
    private final ExportMetadata metadata;

    public TimelineExport(TimelineScene scene, TimeScale scale, TimelineStyle style, ExportMetadata metadata) {
        this.scene = scene;
        this.scale = scale;
        this.style = style;
        this.metadata = metadata;
    }

    public static TimelineExport of(Comparison c, TaskSet set, TimelineScene scene, TimeScale scale, TimelineStyle style, String title) {
        return new TimelineExport(scene, scale, style, ExportMetadata.of(title, c, set, scene, scale));
    }

    public ExportMetadata metadata() {
        return metadata;
    }

    public double width() {
        return scale.width();
    }

    public double height() {
        return ExportPicture.height(scene, metadata.caption());
    }

    /** The picture at a scale (1, 2, 3) on a Java2D image. */
    public BufferedImage image(double pixelScale) {
        Java2dSurface s = new Java2dSurface(width(), height(), pixelScale);
        try {
            ExportPicture.draw(s, scene, scale, style, metadata.title(), metadata.caption());
            return s.image();
        } finally {
            s.dispose();
        }
    }

    public String svg() {
        SvgSurface s = new SvgSurface(width(), height());
        ExportPicture.draw(s, scene, scale, style, metadata.title(), metadata.caption());
        return s.document(metadata.title(), metadata.entries());
    }

    public void writePng(Path target, double pixelScale) throws IOException {
        BufferedImage img = image(pixelScale);
        faultline.workspace.AtomicFile.write(target, out -> PngWriter.write(img, metadata.entries(), out));
    }

    public void writeSvg(Path target) throws IOException {
        String svg = svg();
        faultline.workspace.AtomicFile.write(target, out -> out.write(svg.getBytes(StandardCharsets.UTF_8)));
    }

}
