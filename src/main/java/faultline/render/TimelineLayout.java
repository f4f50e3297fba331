package faultline.render;

/** Where things are on the timeline: axis on top, then one group of rows per lane. */
public final class TimelineLayout {
    public static final double AXIS_HEIGHT = 40;
    public static final double HEADER = 20;
    public static final double PHASE_ROW = 20;
    public static final double EVENT_ROW = 18;
    public static final double STEP_ROW = 18;
    public static final double NOTE_ROW = 20;
    public static final double GAP = 8;
    public static final double GROUP = HEADER + PHASE_ROW + EVENT_ROW + STEP_ROW + NOTE_ROW + GAP;

    private TimelineLayout() {
    }

    public static double groupTop(int lane) {
        return AXIS_HEIGHT + lane * GROUP;
    }

    public static double phaseTop(int lane) {
        return groupTop(lane) + HEADER;
    }

    public static double eventTop(int lane) {
        return phaseTop(lane) + PHASE_ROW;
    }

    public static double stepTop(int lane) {
        return eventTop(lane) + EVENT_ROW;
    }

    public static double noteTop(int lane) {
        return stepTop(lane) + STEP_ROW;
    }

    public static double height(int lanes) {
        return AXIS_HEIGHT + lanes * GROUP;
    }

    /** Lane under y, or -1. */
    public static int laneAt(double y, int lanes) {
        if (y < AXIS_HEIGHT) {
            return -1;
        }
        int l = (int) ((y - AXIS_HEIGHT) / GROUP);
        return l < lanes ? l : -1;
    }
}
