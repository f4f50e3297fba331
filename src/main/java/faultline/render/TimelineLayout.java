package faultline.render;

import java.util.Set;

/**
 * Where things are on the timeline: the axis on top, then one group of rows per lane, each as tall
 * as its content needs. A lane has a header; a row for labels above its bars when it has a crash;
 * its phases when it has any; its events; its loop steps when it has any; its notes when it has any
 * (two rows when notes may have to stack). A collapsed lane keeps its header and its events.
 * Coordinates are content coordinates: y = 0 is the top of the axis, before any scrolling.
 */
public final class TimelineLayout {
    public static final double AXIS_HEIGHT = 52;
    public static final double HEADER = 20;
    public static final double MARKER_ROW = 16;
    public static final double PHASE_ROW = 20;
    public static final double EVENT_ROW = 18;
    public static final double STEP_ROW = 18;
    public static final double NOTE_ROW = 20;
    public static final double GAP = 8;

    private final double[] top;
    private final double[] marker;
    private final double[] phase;
    private final double[] event;
    private final double[] step;
    private final double[] note;
    private final int[] noteRows;
    private final double[] bottom;
    private final boolean[] collapsed;
    private final double height;

    private TimelineLayout(TimelineScene scene, Set<Integer> collapsedLanes) {
        int n = scene.lanes().size();
        top = new double[n];
        marker = new double[n];
        phase = new double[n];
        event = new double[n];
        step = new double[n];
        note = new double[n];
        noteRows = new int[n];
        bottom = new double[n];
        collapsed = new boolean[n];
        double y = AXIS_HEIGHT;
        for (int i = 0; i < n; i++) {
            TimelineScene.Lane l = scene.lanes().get(i);
            collapsed[i] = collapsedLanes.contains(i);
            top[i] = y;
            y += HEADER;
            marker[i] = Double.NaN;
            phase[i] = Double.NaN;
            step[i] = Double.NaN;
            note[i] = Double.NaN;
            if (!collapsed[i] && l.crash() != null) {
                marker[i] = y;
                y += MARKER_ROW;
            }
            if (!collapsed[i] && !l.phases().isEmpty()) {
                phase[i] = y;
                y += PHASE_ROW;
            }
            event[i] = y;
            y += EVENT_ROW;
            if (!collapsed[i] && !l.steps().isEmpty()) {
                step[i] = y;
                y += STEP_ROW;
            }
            if (!collapsed[i] && !l.notes().isEmpty()) {
                note[i] = y;
                noteRows[i] = l.notes().size() > 1 ? 2 : 1;
                y += NOTE_ROW * noteRows[i];
            }
            y += GAP;
            bottom[i] = y;
        }
        height = y;
    }

    /** The layout of a scene with the given lanes collapsed. */
    public static TimelineLayout of(TimelineScene scene, Set<Integer> collapsedLanes) {
        return new TimelineLayout(scene, collapsedLanes);
    }

    public static TimelineLayout of(TimelineScene scene) {
        return of(scene, Set.of());
    }

    public int lanes() {
        return top.length;
    }

    /** Height of the axis and every lane. */
    public double height() {
        return height;
    }

    public double groupTop(int lane) {
        return top[lane];
    }

    /** Bottom of the lane's last row (its gap to the next lane excluded). */
    public double laneBottom(int lane) {
        return bottom[lane] - GAP;
    }

    public double groupHeight(int lane) {
        return bottom[lane] - top[lane];
    }

    /** Top of the row of labels above the bars, NaN if the lane has none. */
    public double markerTop(int lane) {
        return marker[lane];
    }

    /** Top of the phase row, NaN if the lane has none. */
    public double phaseTop(int lane) {
        return phase[lane];
    }

    public double eventTop(int lane) {
        return event[lane];
    }

    /** Top of the loop-step row, NaN if the lane has none. */
    public double stepTop(int lane) {
        return step[lane];
    }

    /** Top of the first note row, NaN if the lane has none. */
    public double noteTop(int lane) {
        return note[lane];
    }

    public int noteRows(int lane) {
        return noteRows[lane];
    }

    public boolean collapsed(int lane) {
        return collapsed[lane];
    }

    /** First row below the header: where a crash line starts. */
    public double bodyTop(int lane) {
        return top[lane] + HEADER;
    }

    /** Lane under a content y, or -1. */
    public int laneAt(double y) {
        if (y < AXIS_HEIGHT) {
            return -1;
        }
        int lo = 0;
        int hi = top.length - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (y < top[mid]) {
                hi = mid - 1;
            } else if (y >= bottom[mid]) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }

    /** Whether a content y is on the lane's header row. */
    public boolean onHeader(int lane, double y) {
        return lane >= 0 && y >= top[lane] && y < top[lane] + HEADER;
    }
}
