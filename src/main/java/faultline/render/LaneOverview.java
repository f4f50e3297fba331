package faultline.render;

/**
 * A narrow strip beside the lanes when they do not all fit: every lane as a band as tall as its
 * share of the whole, with its task and a crash mark, and a frame around the lanes in view. A click
 * in it scrolls there.
 */
public final class LaneOverview {
    public static final double WIDTH = 96;

    private LaneOverview() {
    }

    /** y on the strip of a content y. */
    static double y(double contentY, TimelineLayout layout, double height) {
        double content = Math.max(1, layout.height() - TimelineLayout.AXIS_HEIGHT);
        double room = Math.max(1, height - TimelineLayout.AXIS_HEIGHT);
        return TimelineLayout.AXIS_HEIGHT + (contentY - TimelineLayout.AXIS_HEIGHT) * Math.min(1, room / content);
    }

    /** The scroll that puts the lanes at strip y in the middle of a view `viewHeight` tall. */
    public static double scrollFor(double stripY, TimelineLayout layout, double height, double viewHeight) {
        double content = Math.max(1, layout.height() - TimelineLayout.AXIS_HEIGHT);
        double room = Math.max(1, height - TimelineLayout.AXIS_HEIGHT);
        double scale = Math.min(1, room / content);
        double contentY = TimelineLayout.AXIS_HEIGHT + (stripY - TimelineLayout.AXIS_HEIGHT) / scale;
        double lanesInView = viewHeight - TimelineLayout.AXIS_HEIGHT;
        double max = Math.max(0, layout.height() - viewHeight);
        return Math.max(0, Math.min(max, contentY - TimelineLayout.AXIS_HEIGHT - lanesInView / 2));
    }

    public static void draw(Surface s, TimelineScene scene, TimelineLayout layout, double scrollY, double viewHeight, TimelineStyle style) {
        double w = s.width();
        double h = s.height();
        s.fillRect(0, 0, w, h, style.get(StyleKey.BACKGROUND));
        s.line(0.5, 0, 0.5, h, style.get(StyleKey.GRID), 1);
        s.text(scene.lanes().size() + " lanes", 6, 17, FontSpec.SMALL, style.get(StyleKey.MUTED_TEXT), TextAlign.LEFT);
        for (int i = 0; i < scene.lanes().size(); i++) {
            TimelineScene.Lane l = scene.lanes().get(i);
            double y1 = y(layout.groupTop(i), layout, h);
            double y2 = y(layout.laneBottom(i), layout, h);
            s.fillRect(3, y1, w - 6, Math.max(1, y2 - y1), style.get(i % 2 == 0 ? StyleKey.LANE_BACKGROUND : StyleKey.LANE_ALT_BACKGROUND));
            if (y2 - y1 >= 9) {
                String mark = (layout.collapsed(i) ? "▸ " : "") + l.title();
                String shown = TimelineRenderer.shorten(s, mark, w - 26, FontSpec.SMALL);
                s.text(shown, 6, Math.min(y2 - 1, y1 + 11), FontSpec.SMALL, style.get(StyleKey.TEXT), TextAlign.LEFT);
            }
            if (l.crash() != null) {
                s.fillRect(w - 14, y1 + Math.max(0, (y2 - y1) / 2 - 3), 6, Math.min(6, Math.max(1, y2 - y1)), style.get(StyleKey.CRASH));
            }
        }
        double top = y(scrollY + TimelineLayout.AXIS_HEIGHT, layout, h);
        double bottom = y(Math.min(layout.height(), scrollY + viewHeight), layout, h);
        s.fillRect(1, top, w - 2, Math.max(2, bottom - top), style.get(StyleKey.SELECTION).withAlpha(0.12));
        s.strokeRect(1.5, top + 0.5, w - 3, Math.max(2, bottom - top) - 1, style.get(StyleKey.SELECTION), 1);
    }
}
