package faultline.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * The renderer's surface on a Java2D image: headless PNG export (no display, no JavaFX toolkit) and
 * the render benchmark. Draws at a scale so that a 2× export is sharp, not stretched.
 */
public final class Java2dSurface implements Surface {
    private final BufferedImage image;
    private final Graphics2D g;
    private final double width;
    private final double height;
    private final Map<FontSpec, Font> fonts = new HashMap<>();
    private final Deque<Shape> clips = new ArrayDeque<>();
    private final TextWidths widths = new TextWidths(this::measure);

    public Java2dSurface(double width, double height, double scale) {
        this.width = width;
        this.height = height;
        int w = (int) Math.ceil(width * scale);
        int h = (int) Math.ceil(height * scale);
        image = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_ARGB);
        g = image.createGraphics();
        g.scale(scale, scale);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    public BufferedImage image() {
        return image;
    }

    public void dispose() {
        g.dispose();
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    private static Color awt(Rgba c) {
        return new Color(c.r(), c.g(), c.b(), (int) Math.round(c.a() * 255));
    }

    private Font font(FontSpec f) {
        return fonts.computeIfAbsent(f, k -> new Font(k.mono() ? Font.MONOSPACED : Font.SANS_SERIF,
                k.bold() ? Font.BOLD : Font.PLAIN, 1).deriveFont((float) k.size()));
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Rgba c) {
        colour(c);
        int ix = (int) x;
        int iy = (int) y;
        int iw = (int) w;
        int ih = (int) h;
        if (ix == x && iy == y && iw == w && ih == h) {
            // Whole pixels: Java2D's rectangle loop, several times faster than filling a shape; a frame
            // of ten million events is a few thousand such rectangles.
            g.fillRect(ix, iy, iw, ih);
        } else {
            g.fill(new Rectangle2D.Double(x, y, w, h));
        }
    }

    private Rgba lastColour;

    /** Sets the colour, without a new AWT colour when it is the one set last (runs of columns share theirs). */
    private void colour(Rgba c) {
        if (!c.equals(lastColour)) {
            g.setColor(awt(c));
            lastColour = c;
        }
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Rgba c, double lineWidth) {
        colour(c);
        g.setStroke(new BasicStroke((float) lineWidth));
        g.draw(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgba c, double lineWidth) {
        colour(c);
        g.setStroke(new BasicStroke((float) lineWidth));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void dashedLine(double x1, double y1, double x2, double y2, Rgba c, double lineWidth, double dash) {
        colour(c);
        g.setStroke(new BasicStroke((float) lineWidth, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{(float) dash}, 0f));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Rgba c) {
        Path2D.Double p = new Path2D.Double();
        p.moveTo(xs[0], ys[0]);
        for (int i = 1; i < xs.length; i++) {
            p.lineTo(xs[i], ys[i]);
        }
        p.closePath();
        colour(c);
        g.fill(p);
    }

    @Override
    public void text(String s, double x, double y, FontSpec font, Rgba c, TextAlign align) {
        g.setFont(font(font));
        colour(c);
        double w = align == TextAlign.LEFT ? 0 : textWidth(s, font);
        double tx = align == TextAlign.CENTER ? x - w / 2 : align == TextAlign.RIGHT ? x - w : x;
        g.drawString(s, (float) tx, (float) y);
    }

    @Override
    public double textWidth(String s, FontSpec font) {
        return widths.of(s, font);
    }

    private double measure(String s, FontSpec font) {
        FontMetrics m = g.getFontMetrics(font(font));
        return m.getStringBounds(s, g).getWidth();
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        clips.push(g.getClip() == null ? new Rectangle2D.Double(0, 0, width, height) : g.getClip());
        g.clip(new Rectangle2D.Double(x, y, w, h));
    }

    @Override
    public void popClip() {
        g.setClip(clips.pop());
    }
}
