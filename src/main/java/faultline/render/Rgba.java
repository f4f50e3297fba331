package faultline.render;

/** A colour without any toolkit: 0-255 channels and an opacity. */
public record Rgba(int r, int g, int b, double a) {

    public static Rgba hex(String s) {
        String h = s.startsWith("#") ? s.substring(1) : s;
        int v = (int) Long.parseLong(h.substring(0, 6), 16);
        double alpha = h.length() >= 8 ? Integer.parseInt(h.substring(6, 8), 16) / 255.0 : 1.0;
        return new Rgba((v >> 16) & 0xFF, (v >> 8) & 0xFF, v & 0xFF, alpha);
    }

    public Rgba withAlpha(double alpha) {
        return new Rgba(r, g, b, alpha);
    }

    /** This colour laid over an opaque one: the opaque colour a surface would show there. */
    public Rgba over(Rgba below) {
        double k = 1 - a;
        return new Rgba((int) Math.round(r * a + below.r * k), (int) Math.round(g * a + below.g * k),
                (int) Math.round(b * a + below.b * k), 1.0);
    }

    /** #rrggbb, for SVG. */
    public String hex() {
        return String.format("#%02x%02x%02x", r, g, b);
    }
}
