package faultline.ui.timeline;

import faultline.render.FontSpec;
import faultline.render.Rgba;
import faultline.render.Surface;
import faultline.render.TextAlign;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;

import java.util.HashMap;
import java.util.Map;

/** The renderer's surface on a JavaFX canvas. */
final class CanvasSurface implements Surface {
    private final GraphicsContext g;
    private final double width;
    private final double height;
    private final Map<FontSpec, Font> fonts = new HashMap<>();
    private final Map<Rgba, Color> colours = new HashMap<>();
    private final Text measure = new Text();
    private final Map<String, Double> widths;

    CanvasSurface(GraphicsContext g, double width, double height) {
        this(g, width, height, new HashMap<>());
    }

    /** widths: measured text widths, kept by the caller between frames (key: font and text). */
    CanvasSurface(GraphicsContext g, double width, double height, Map<String, Double> widths) {
        this.g = g;
        this.width = width;
        this.height = height;
        this.widths = widths;
        g.setTextBaseline(VPos.BASELINE);
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    private Color fx(Rgba c) {
        return colours.computeIfAbsent(c, k -> Color.rgb(k.r(), k.g(), k.b(), k.a()));
    }

    private Font font(FontSpec f) {
        return fonts.computeIfAbsent(f, k -> Font.font(k.mono() ? "Monospaced" : "System",
                k.bold() ? FontWeight.BOLD : FontWeight.NORMAL, k.size()));
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Rgba c) {
        g.setFill(fx(c));
        g.fillRect(x, y, w, h);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Rgba c, double lineWidth) {
        g.setStroke(fx(c));
        g.setLineWidth(lineWidth);
        g.setLineDashes();
        g.strokeRect(x, y, w, h);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgba c, double lineWidth) {
        g.setStroke(fx(c));
        g.setLineWidth(lineWidth);
        g.setLineDashes();
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void dashedLine(double x1, double y1, double x2, double y2, Rgba c, double lineWidth, double dash) {
        g.setStroke(fx(c));
        g.setLineWidth(lineWidth);
        g.setLineDashes(dash, dash);
        g.strokeLine(x1, y1, x2, y2);
        g.setLineDashes();
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Rgba c) {
        g.setFill(fx(c));
        g.fillPolygon(xs, ys, xs.length);
    }

    @Override
    public void text(String s, double x, double y, FontSpec font, Rgba c, TextAlign align) {
        g.setFont(font(font));
        g.setFill(fx(c));
        g.setTextAlign(align == TextAlign.CENTER ? TextAlignment.CENTER : align == TextAlign.RIGHT ? TextAlignment.RIGHT : TextAlignment.LEFT);
        g.fillText(s, x, y);
    }

    @Override
    public double textWidth(String s, FontSpec font) {
        String key = font.size() + (font.bold() ? "b" : "") + (font.mono() ? "m" : "") + "|" + s;
        Double w = widths.get(key);
        if (w == null) {
            measure.setFont(font(font));
            measure.setText(s);
            w = measure.getLayoutBounds().getWidth();
            widths.put(key, w);
        }
        return w;
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        g.save();
        g.beginPath();
        g.rect(x, y, w, h);
        g.closePath();
        g.clip();
    }

    @Override
    public void popClip() {
        g.restore();
    }
}
