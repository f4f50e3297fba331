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
    private final double scale;
    private final Map<FontSpec, Font> fonts = new HashMap<>();
    private final Deque<Shape> clips = new ArrayDeque<>();
    /** The clip in device pixels (x0, y0, x1, y1), kept beside Java2D's for the fills this surface blends itself. */
    private int[] deviceClip;
    /** The image's pixels, for the fills blended here. */
    private final int[] pixels;
    private final Deque<int[]> deviceClips = new ArrayDeque<>();
    private final TextWidths widths = new TextWidths(this::measure);

    public Java2dSurface(double width, double height, double scale) {
        this.width = width;
        this.height = height;
        this.scale = scale;
        int w = (int) Math.ceil(width * scale);
        int h = (int) Math.ceil(height * scale);
        image = new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_ARGB);
        g = image.createGraphics();
        g.scale(scale, scale);
        deviceClip = new int[]{0, 0, image.getWidth(), image.getHeight()};
        pixels = ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData();
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
        if (c.a() < 1 && c.a() > 0 && blend(x, y, w, h, c)) {
            return;
        }
        if (ix == x && iy == y && iw == w && ih == h) {
            // Whole pixels: Java2D's rectangle loop, several times faster than filling a shape; a frame
            // of ten million events is a few thousand such rectangles.
            g.fillRect(ix, iy, iw, ih);
        } else {
            g.fill(new Rectangle2D.Double(x, y, w, h));
        }
    }

    /**
     * A translucent rectangle on whole device pixels, blended into the image here (source over): Java2D
     * fills a translucent colour through its general mask blit, twenty times slower than an opaque fill,
     * and a folded view's breaks are bands of it the height of every lane.
     */
    private boolean blend(double x, double y, double w, double h, Rgba c) {
        double dx = x * scale;
        double dy = y * scale;
        double dw = w * scale;
        double dh = h * scale;
        if (dx != Math.rint(dx) || dy != Math.rint(dy) || dw != Math.rint(dw) || dh != Math.rint(dh)) {
            return false;
        }
        int x0 = Math.max(deviceClip[0], (int) dx);
        int y0 = Math.max(deviceClip[1], (int) dy);
        int x1 = Math.min(deviceClip[2], (int) (dx + dw));
        int y1 = Math.min(deviceClip[3], (int) (dy + dh));
        if (x0 >= x1 || y0 >= y1) {
            return true;
        }
        int[] px = pixels;
        int stride = image.getWidth();
        int sa = (int) Math.round(c.a() * 255);
        int sr = c.r();
        int sg = c.g();
        int sb = c.b();
        // A band lies mostly over a few colours (the lanes' backgrounds): the last pixel's result is kept.
        int lastIn = px[y0 * stride + x0] ^ 1;
        int lastOut = 0;
        for (int row = y0; row < y1; row++) {
            int at = row * stride;
            for (int col = x0; col < x1; col++) {
                int d = px[at + col];
                if (d != lastIn) {
                    lastIn = d;
                    lastOut = over(d, sa, sr, sg, sb);
                }
                px[at + col] = lastOut;
            }
        }
        return true;
    }

    /** Source over destination, both not premultiplied (the image's type), rounded as Java2D's loops round. */
    static int over(int dst, int sa, int sr, int sg, int sb) {
        int da = dst >>> 24;
        if (da == 255) {
            // Over an opaque pixel (nearly every one): the result is opaque, and the divisions are by a constant.
            int k = 255 - sa;
            int r = (sr * sa + ((dst >> 16) & 0xFF) * k + 127) / 255;
            int gg = (sg * sa + ((dst >> 8) & 0xFF) * k + 127) / 255;
            int b = (sb * sa + (dst & 0xFF) * k + 127) / 255;
            return 0xFF000000 | r << 16 | gg << 8 | b;
        }
        int keep = da * (255 - sa); // the destination's share, times 255
        int oa = sa * 255 + keep;   // the result's alpha, times 255
        if (oa == 0) {
            return 0;
        }
        int r = (sr * sa * 255 + ((dst >> 16) & 0xFF) * keep + oa / 2) / oa;
        int gg = (sg * sa * 255 + ((dst >> 8) & 0xFF) * keep + oa / 2) / oa;
        int b = (sb * sa * 255 + (dst & 0xFF) * keep + oa / 2) / oa;
        int a = (oa + 127) / 255;
        return a << 24 | r << 16 | gg << 8 | b;
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
        if (!pixelLine(x1, y1, x2, y2, c, lineWidth)) {
            colour(c);
            g.setStroke(new BasicStroke((float) lineWidth));
            g.draw(new Line2D.Double(x1, y1, x2, y2));
        }
    }

    /**
     * A one-pixel line along a row or column of pixels (at a pixel's centre, from edge to edge of whole
     * pixels: the grid, the folds, the anchor) filled as the rectangle it covers: the same pixels, without
     * the stroker and the antialiasing mask, which made a frame's few dozen such lines cost more than its
     * ten million events.
     */
    private boolean pixelLine(double x1, double y1, double x2, double y2, Rgba c, double lineWidth) {
        if (lineWidth != 1) {
            return false;
        }
        // Through this surface's own fill, so that a translucent line (the cursor, the anchor) is blended too.
        if (x1 == x2 && centre(x1) && whole(y1) && whole(y2)) {
            fillRect(Math.floor(x1), Math.min(y1, y2), 1, Math.abs(y2 - y1), c);
            return true;
        }
        if (y1 == y2 && centre(y1) && whole(x1) && whole(x2)) {
            fillRect(Math.min(x1, x2), Math.floor(y1), Math.abs(x2 - x1), 1, c);
            return true;
        }
        return false;
    }

    private static boolean centre(double v) {
        return v - Math.floor(v) == 0.5;
    }

    private static boolean whole(double v) {
        return v == Math.rint(v);
    }

    @Override
    public void dashedLine(double x1, double y1, double x2, double y2, Rgba c, double lineWidth, double dash) {
        if (x1 == x2 && lineWidth == 1 && centre(x1) && whole(y1) && whole(y2) && whole(dash) && dash >= 1) {
            // A column of dashes, filled dash by dash (see pixelLine).
            int top = (int) Math.min(y1, y2);
            int end = (int) Math.max(y1, y2);
            int d = (int) dash;
            for (int y = top; y < end; y += 2 * d) {
                fillRect(Math.floor(x1), y, 1, Math.min(d, end - y), c);
            }
            return;
        }
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
        // On whole device pixels, the pixels whose centres the rectangle holds: then the device-space clip kept
        // for the fills blended here holds exactly the pixels Java2D's clip holds, at any scale.
        double x0 = Math.ceil(x * scale - 0.5);
        double y0 = Math.ceil(y * scale - 0.5);
        double x1 = Math.ceil((x + w) * scale - 0.5);
        double y1 = Math.ceil((y + h) * scale - 0.5);
        g.clip(new Rectangle2D.Double(x0 / scale, y0 / scale, Math.max(0, x1 - x0) / scale, Math.max(0, y1 - y0) / scale));
        deviceClips.push(deviceClip);
        int[] d = deviceClip;
        deviceClip = new int[]{Math.max(d[0], (int) x0), Math.max(d[1], (int) y0), Math.min(d[2], (int) x1), Math.min(d[3], (int) y1)};
    }

    @Override
    public void popClip() {
        g.setClip(clips.pop());
        deviceClip = deviceClips.pop();
    }
}
