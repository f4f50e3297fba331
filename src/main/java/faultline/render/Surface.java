package faultline.render;

/**
 * What the timeline renderer draws on: a JavaFX canvas in the window, a Java2D image for headless
 * PNG export, SVG text. Coordinates are in pixels, origin top left; text y is the baseline.
 */
public interface Surface {
    double width();

    double height();

    void fillRect(double x, double y, double w, double h, Rgba c);

    void strokeRect(double x, double y, double w, double h, Rgba c, double lineWidth);

    void line(double x1, double y1, double x2, double y2, Rgba c, double lineWidth);

    void dashedLine(double x1, double y1, double x2, double y2, Rgba c, double lineWidth, double dash);

    void fillPolygon(double[] xs, double[] ys, Rgba c);

    void text(String s, double x, double y, FontSpec font, Rgba c, TextAlign align);

    double textWidth(String s, FontSpec font);

    void pushClip(double x, double y, double w, double h);

    void popClip();

    /** Groups what follows (SVG: a &lt;g&gt; with a class); other surfaces may ignore it. */
    default void beginGroup(String name) {
    }

    default void endGroup() {
    }
}
