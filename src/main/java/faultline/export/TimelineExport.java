package faultline.export;

import faultline.model.Comparison;
import faultline.model.TaskSet;
import faultline.render.Java2dSurface;
import faultline.render.Surface;
import faultline.render.TimelineLayout;
import faultline.render.TimelineRenderer;
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
    /** Width of an exported picture at 1× unless one is asked for. */
    public static final double DEFAULT_WIDTH = 1600;

    /**
     * How the picture is laid out.
     *
     * @param width     width at 1×, in pixels
     * @param collapsed lanes drawn collapsed (as in the window)
     * @param measure   a measurement to draw and write out, or null
     */
    public record Options(double width, java.util.Set<Integer> collapsed, TimelineRenderer.Measure measure) {
        public static Options width(double width) {
            return new Options(width, java.util.Set.of(), null);
        }
    }

    private final TimelineScene scene;
    private final TimeScale scale;
    private final TimelineStyle style;
    private final ExportMetadata metadata;
    private final Options options;
    private final TimelineLayout layout;

    public TimelineExport(TimelineScene scene, TimeScale scale, TimelineStyle style, ExportMetadata metadata, Options options) {
        this.scene = scene;
        this.scale = scale.withWidth(options.width());
        this.style = style;
        this.metadata = metadata;
        this.options = options;
        this.layout = TimelineLayout.of(scene, options.collapsed());
    }

    public static TimelineExport of(Comparison c, TaskSet set, TimelineScene scene, TimeScale scale, TimelineStyle style, String title) {
        return of(c, set, scene, scale, style, title, Options.width(DEFAULT_WIDTH));
    }

    public static TimelineExport of(Comparison c, TaskSet set, TimelineScene scene, TimeScale scale, TimelineStyle style, String title,
                                    Options options) {
        return new TimelineExport(scene, scale, style, ExportMetadata.of(title, c, set, scene, scale, options.measure()), options);
    }

    public ExportMetadata metadata() {
        return metadata;
    }

    public double width() {
        return options.width();
    }

    private ExportPicture.Content content() {
        return new ExportPicture.Content(metadata.title(), metadata.caption(), options.measure());
    }

    /** The layout of the picture, measured with the fonts of a surface at this pixel scale. */
    private ExportPicture.Plan plan(double pixelScale) {
        Java2dSurface measure = new Java2dSurface(1, 1, pixelScale);
        try {
            return ExportPicture.plan(measure, width(), scene, scale, layout, content());
        } finally {
            measure.dispose();
        }
    }

    public double height() {
        return plan(1).height();
    }

    /** The picture at a scale (1, 2, 3) on a Java2D image. */
    public BufferedImage image(double pixelScale) {
        ExportPicture.Plan plan = plan(pixelScale);
        Java2dSurface s = new Java2dSurface(width(), plan.height(), pixelScale);
        try {
            draw(s, plan);
            return s.image();
        } finally {
            s.dispose();
        }
    }

    /** Draws the picture on any surface as wide as {@link #width()} (tests record what is drawn). */
    public void draw(Surface s, ExportPicture.Plan plan) {
        ExportPicture.draw(s, scene, scale, style, plan, content());
    }

    /** The layout for drawing on the given surface. */
    public ExportPicture.Plan plan(Surface measure) {
        return ExportPicture.plan(measure, width(), scene, scale, layout, content());
    }

    public String svg() {
        ExportPicture.Plan plan = plan(1);
        SvgSurface s = new SvgSurface(width(), plan.height());
        draw(s, plan);
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
