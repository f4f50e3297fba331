package faultline.render;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A surface that draws on a Java2D image and records where every text landed: its box from the
 * font's real metrics (at the surface's pixel scale), and the clip it was drawn in. Tests check that
 * no text leaves the picture, is cut by a clip, or lies on another text.
 */
public final class MeasuredSurface implements Surface {
    /** A drawn text: its box in the surface's coordinates and the clip in force. */
    public record Text(String text, double x, double y, double w, double h, Rectangle2D clip) {
        public boolean overlaps(Text o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }
    }

    private final Java2dSurface target;
    private final double scale;
    private final List<Text> texts = new ArrayList<>();
    private final Deque<Rectangle2D> clips = new ArrayDeque<>();
    private final FontRenderContext frc;

    public MeasuredSurface(double width, double height, double scale) {
        this.target = new Java2dSurface(width, height, scale);
        this.scale = scale;
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = probe.createGraphics();
        g.scale(scale, scale);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        frc = g.getFontRenderContext();
        g.dispose();
        clips.push(new Rectangle2D.Double(0, 0, width, height));
    }

    public List<Text> texts() {
        return texts;
    }

    public double scale() {
        return scale;
    }

    public void dispose() {
        target.dispose();
    }

    @Override
    public double width() {
        return target.width();
    }

    @Override
    public double height() {
        return target.height();
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Rgba c) {
        target.fillRect(x, y, w, h, c);
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Rgba c, double lineWidth) {
        target.strokeRect(x, y, w, h, c, lineWidth);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgba c, double lineWidth) {
        target.line(x1, y1, x2, y2, c, lineWidth);
    }

    @Override
    public void dashedLine(double x1, double y1, double x2, double y2, Rgba c, double lineWidth, double dash) {
        target.dashedLine(x1, y1, x2, y2, c, lineWidth, dash);
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Rgba c) {
        target.fillPolygon(xs, ys, c);
    }

    @Override
    public void text(String s, double x, double y, FontSpec font, Rgba c, TextAlign align) {
        target.text(s, x, y, font, c, align);
        if (s.isEmpty()) {
            return;
        }
        double w = textWidth(s, font);
        double left = align == TextAlign.LEFT ? x : align == TextAlign.CENTER ? x - w / 2 : x - w;
        Font f = new Font(font.mono() ? Font.MONOSPACED : Font.SANS_SERIF, font.bold() ? Font.BOLD : Font.PLAIN, 1)
                .deriveFont((float) font.size());
        LineMetrics m = f.getLineMetrics(s, frc);
        double ascent = m.getAscent();
        double descent = m.getDescent();
        texts.add(new Text(s, left, y - ascent, w, ascent + descent, clips.peek()));
    }

    @Override
    public double textWidth(String s, FontSpec font) {
        return target.textWidth(s, font);
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        target.pushClip(x, y, w, h);
        Rectangle2D r = new Rectangle2D.Double(x, y, w, h);
        Rectangle2D inter = new Rectangle2D.Double();
        Rectangle2D.intersect(clips.peek(), r, inter);
        if (inter.getWidth() < 0 || inter.getHeight() < 0) {
            inter = new Rectangle2D.Double(x, y, 0, 0);
        }
        clips.push(inter);
    }

    @Override
    public void popClip() {
        target.popClip();
        clips.pop();
    }

    /** Texts that leave the surface or the clip they were drawn in. */
    public List<String> outside() {
        List<String> out = new ArrayList<>();
        double eps = 0.5;
        for (Text t : texts) {
            Rectangle2D c = t.clip();
            if (t.x() < -eps || t.y() < -eps || t.x() + t.w() > width() + eps || t.y() + t.h() > height() + eps) {
                out.add("'" + t.text() + "' at " + box(t) + " leaves the " + width() + "×" + height() + " picture");
            } else if (t.x() < c.getX() - eps || t.y() < c.getY() - eps || t.x() + t.w() > c.getMaxX() + eps
                    || t.y() + t.h() > c.getMaxY() + eps) {
                out.add("'" + t.text() + "' at " + box(t) + " is cut by its clip " + c);
            }
        }
        return out;
    }

    /** Pairs of texts drawn on one another. */
    public List<String> overlapping() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                if (texts.get(i).overlaps(texts.get(j))) {
                    out.add("'" + texts.get(i).text() + "' " + box(texts.get(i)) + " and '" + texts.get(j).text() + "' " + box(texts.get(j)));
                }
            }
        }
        return out;
    }

    private static String box(Text t) {
        return String.format(java.util.Locale.ROOT, "[%.1f, %.1f %.1f×%.1f]", t.x(), t.y(), t.w(), t.h());
    }
}
