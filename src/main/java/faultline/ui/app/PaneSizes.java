package faultline.ui.app;

/** Starting sizes of the window's panes, from what each must show. */
final class PaneSizes {
    /** The task list's check, id and status columns, with the tree's indent and a scroll bar. */
    static final double TASKS_MIN = 300;
    static final double TASKS_MAX = 390;
    /** The inspector's # and parameter columns and two task columns, with a scroll bar. */
    static final double INSPECTOR_MIN = 500;
    static final double INSPECTOR_MAX = 560;
    /** The timeline keeps at least this much. */
    static final double TIMELINE_MIN = 420;

    private PaneSizes() {
    }

    /** Divider positions of the task list | timeline | inspector split for a window this wide. */
    static double[] dividers(double width) {
        double tasks = clamp(width * 0.22, TASKS_MIN, TASKS_MAX);
        double inspector = clamp(width * 0.30, INSPECTOR_MIN, INSPECTOR_MAX);
        double over = tasks + inspector + TIMELINE_MIN - width;
        if (over > 0) {
            // A narrow window: both sides give up room in proportion, the timeline keeps its least.
            double shrink = over / (tasks + inspector);
            tasks -= tasks * shrink;
            inspector -= inspector * shrink;
        }
        return new double[]{tasks / width, (width - inspector) / width};
    }

    /** The top share of the window for a timeline that wants `wanted` pixels of a `height` tall split. */
    static double timelineShare(double wanted, double height) {
        return clamp(wanted / height, 0.5, 0.76);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
