package faultline.render;

import java.util.ArrayList;
import java.util.List;

/** A surface that remembers what was drawn, for tests that count marks and read text. */
final class RecordingSurface implements Surface {
    record Rect(double x, double y, double w, double h, Rgba c) {
    }

    final List<Rect> rects = new ArrayList<>();
    final List<String> texts = new ArrayList<>();
    private final double width;
    private final double height;

    RecordingSurface(double width, double height) {
        this.width = width;
        this.height = height;
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Rgba c) {
        rects.add(new Rect(x, y, w, h, c));
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Rgba c, double lineWidth) {
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgba c, double lineWidth) {
    }

    @Override
    public void dashedLine(double x1, double y1, double x2, double y2, Rgba c, double lineWidth, double dash) {
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Rgba c) {
    }

    @Override
    public void text(String s, double x, double y, FontSpec font, Rgba c, TextAlign align) {
        texts.add(s);
    }

    @Override
    public double textWidth(String s, FontSpec font) {
        return s.length() * font.size() * 0.55;
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
    }

    @Override
    public void popClip() {
    }
}
