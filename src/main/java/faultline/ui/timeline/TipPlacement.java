package faultline.ui.timeline;

/** Where a hover tip goes: below right of the mouse, flipped to whichever side keeps it inside the area. */
final class TipPlacement {
    static final double DX = 14;
    static final double DY = 16;

    private TipPlacement() {
    }

    /** Top-left corner {x, y} of a tip w × h for the mouse at (mx, my) in an area aw × ah. */
    static double[] place(double mx, double my, double w, double h, double aw, double ah) {
        double x = mx + DX;
        double y = my + DY;
        if (x + w > aw) {
            x = mx - DX - w;
        }
        if (y + h > ah) {
            y = my - 12 - h;
        }
        // A tip larger than the room left on either side is pinned to the area's edge, never cut.
        x = Math.max(0, Math.min(x, aw - w));
        y = Math.max(0, Math.min(y, ah - h));
        return new double[]{x, y};
    }
}
