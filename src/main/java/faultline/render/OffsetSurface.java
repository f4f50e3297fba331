package faultline.render;

/** A surface drawn into another one at an offset: the timeline inside an exported picture. */
public final class OffsetSurface implements Surface {
    private final Surface target;
    private final double dx;
    private final double dy;
    private final double width;
    private final double height;

    public OffsetSurface(Surface target, double dx, double dy, double width, double height) {
        this.target = target;
        this.dx = dx;
        this.dy = dy;
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
        target.fillRect(x + dx, y + dy, w, h, c);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Rgba c, double lineWidth) {
        target.strokeRect(x + dx, y + dy, w, h, c, lineWidth);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgba c, double lineWidth) {
        target.line(x1 + dx, y1 + dy, x2 + dx, y2 + dy, c, lineWidth);
    }

    @Override
    public void dashedLine(double x1, double y1, double x2, double y2, Rgba c, double lineWidth, double dash) {
        target.dashedLine(x1 + dx, y1 + dy, x2 + dx, y2 + dy, c, lineWidth, dash);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Rgba c) {
        double[] x = xs.clone();
        double[] y = ys.clone();
        for (int i = 0; i < x.length; i++) {
            x[i] += dx;
            y[i] += dy;
        }
        target.fillPolygon(x, y, c);
    }

    @Override
    public void text(String s, double x, double y, FontSpec font, Rgba c, TextAlign align) {
        target.text(s, x + dx, y + dy, font, c, align);
    }

    @Override
    public double textWidth(String s, FontSpec font) {
        return target.textWidth(s, font);
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        target.pushClip(x + dx, y + dy, w, h);
    }

    @Override
    public void popClip() {
        target.popClip();
    }

    @Override
    public void beginGroup(String name) {
        target.beginGroup(name);
    }

    @Override
    public void endGroup() {
        target.endGroup();
    }
}
