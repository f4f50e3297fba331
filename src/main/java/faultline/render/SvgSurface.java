package faultline.render;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;

/**
 * The renderer's surface as SVG text: rectangles, lines and text stay what they are (text remains
 * searchable text), clips become clipPaths, groups become &lt;g class=…&gt;.
 */
public final class SvgSurface implements Surface {
    private final double width;
    private final double height;
    private final StringBuilder body = new StringBuilder(1 << 16);
    private final StringBuilder defs = new StringBuilder();
    private final Deque<String> open = new ArrayDeque<>();
    private int clips;
    private final Java2dSurface measure;

    public SvgSurface(double width, double height) {
        this.width = width;
        this.height = height;
        this.measure = new Java2dSurface(1, 1, 1);
    }

    @Override
    public double width() {
        return width;
    }

    @Override
    public double height() {
        return height;
    }

    private static String n(double v) {
        if (v == Math.rint(v)) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fill(Rgba c) {
        return "fill=\"" + c.hex() + "\"" + (c.a() < 1 ? " fill-opacity=\"" + n(c.a()) + "\"" : "");
    }

    private static String stroke(Rgba c, double w) {
        return "stroke=\"" + c.hex() + "\" stroke-width=\"" + n(w) + "\"" + (c.a() < 1 ? " stroke-opacity=\"" + n(c.a()) + "\"" : "");
    }

    @Override
    public void fillRect(double x, double y, double w, double h, Rgba c) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" ").append(fill(c)).append("/>\n");
    }

    @Override
    public void strokeRect(double x, double y, double w, double h, Rgba c, double lineWidth) {
        body.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append("\" fill=\"none\" ").append(stroke(c, lineWidth)).append("/>\n");
    }

    @Override
    public void line(double x1, double y1, double x2, double y2, Rgba c, double lineWidth) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" ").append(stroke(c, lineWidth)).append("/>\n");
    }

    @Override
    public void dashedLine(double x1, double y1, double x2, double y2, Rgba c, double lineWidth, double dash) {
        body.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append("\" ").append(stroke(c, lineWidth))
                .append(" stroke-dasharray=\"").append(n(dash)).append("\"/>\n");
    }

    @Override
    public void fillPolygon(double[] xs, double[] ys, Rgba c) {
        body.append("<polygon points=\"");
        for (int i = 0; i < xs.length; i++) {
            body.append(i == 0 ? "" : " ").append(n(xs[i])).append(',').append(n(ys[i]));
        }
        body.append("\" ").append(fill(c)).append("/>\n");
    }

    @Override
    public void text(String s, double x, double y, FontSpec font, Rgba c, TextAlign align) {
        String anchor = align == TextAlign.CENTER ? "middle" : align == TextAlign.RIGHT ? "end" : "start";
        body.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-family=\"")
                .append(font.mono() ? "monospace" : "sans-serif").append("\" font-size=\"").append(n(font.size())).append('"')
                .append(font.bold() ? " font-weight=\"bold\"" : "").append(" text-anchor=\"").append(anchor).append("\" ")
                .append(fill(c)).append('>').append(escape(s)).append("</text>\n");
    }

    @Override
    public double textWidth(String s, FontSpec font) {
        return measure.textWidth(s, font);
    }

    @Override
    public void pushClip(double x, double y, double w, double h) {
        String id = "clip" + (++clips);
        defs.append("<clipPath id=\"").append(id).append("\"><rect x=\"").append(n(x)).append("\" y=\"").append(n(y))
                .append("\" width=\"").append(n(w)).append("\" height=\"").append(n(h)).append("\"/></clipPath>\n");
        body.append("<g clip-path=\"url(#").append(id).append(")\">\n");
        open.push("clip");
    }

    @Override
    public void popClip() {
        open.pop();
        body.append("</g>\n");
    }

    @Override
    public void beginGroup(String name) {
        body.append("<g class=\"").append(escape(name)).append("\">\n");
        open.push("group");
    }

    @Override
    public void endGroup() {
        open.pop();
        body.append("</g>\n");
    }

    /** The document, with a &lt;metadata&gt; element of key/value pairs and a &lt;title&gt;. */
    public String document(String title, java.util.Map<String, String> metadata) {
        StringBuilder sb = new StringBuilder(body.length() + defs.length() + 1024);
        sb.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(n(width)).append("\" height=\"").append(n(height))
                .append("\" viewBox=\"0 0 ").append(n(width)).append(' ').append(n(height)).append("\">\n");
        sb.append("<title>").append(escape(title)).append("</title>\n");
        sb.append("<metadata>\n");
        for (java.util.Map.Entry<String, String> e : metadata.entrySet()) {
            sb.append("  <entry key=\"").append(escape(e.getKey())).append("\">").append(escape(e.getValue())).append("</entry>\n");
        }
        sb.append("</metadata>\n");
        sb.append("<defs>\n").append(defs).append("</defs>\n");
        sb.append(body);
        while (!open.isEmpty()) {
            open.pop();
            sb.append("</g>\n");
        }
        sb.append("</svg>\n");
        return sb.toString();
    }

    static String escape(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': sb.append("&lt;"); break;
                case '>': sb.append("&gt;"); break;
                case '&': sb.append("&amp;"); break;
                case '"': sb.append("&quot;"); break;
                default:
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        // XML forbids C0 controls: shown as their Control Pictures (ESC as ␛), as the CLI does.
                        sb.append((char) (0x2400 + c));
                    } else if (c == 0xFFFE || c == 0xFFFF) {
                        sb.append('\uFFFD');
                    } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                        sb.append(c).append(s.charAt(++i));
                    } else if (Character.isSurrogate(c)) {
                        sb.append('\uFFFD'); // half a pair is not a character XML can hold
                    } else {
                        sb.append(c);
                    }
            }
        }
        return sb.toString();
    }
}
