package faultline.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Tasks set side by side, lined up on an anchor.
 *
 * @param tasks       the analyses, in lane order
 * @param anchor      what they are lined up on
 * @param anchors     per lane, the epoch ns that becomes T = 0 (the anchor time, or the reference for wall clock)
 * @param shifts      per lane, a hand-set shift in ns added to the alignment
 * @param laneAnchors per lane, what its T = 0 stands on (the anchor asked for, or what the lane fell back to)
 */
public record Comparison(List<TaskAnalysis> tasks, Anchor anchor, List<Long> anchors, List<Long> shifts,
                         List<LaneAnchor> laneAnchors) {

    /** A comparison whose lanes all have the anchor asked for, known exactly. */
    public Comparison(List<TaskAnalysis> tasks, Anchor anchor, List<Long> anchors, List<Long> shifts) {
        this(tasks, anchor, anchors, shifts, exact(anchor, anchors));
    }

    private static List<LaneAnchor> exact(Anchor anchor, List<Long> anchors) {
        List<LaneAnchor> out = new ArrayList<>();
        for (long a : anchors) {
            out.add(LaneAnchor.at(anchor == Anchor.WALL_CLOCK ? LaneAnchor.Kind.WALL_CLOCK
                    : anchor == Anchor.CRASH ? LaneAnchor.Kind.FAILURE : LaneAnchor.Kind.valueOf(anchor.name()), a));
        }
        return List.copyOf(out);
    }

    /** Aligned time of an epoch-ns time on lane i: T = t − anchor + shift. */
    public long aligned(int lane, long nanos) {
        return nanos - anchors.get(lane) + shifts.get(lane);
    }

    /** Epoch time of an aligned time on lane i. */
    public long epoch(int lane, long aligned) {
        return aligned + anchors.get(lane) - shifts.get(lane);
    }

    public int size() {
        return tasks.size();
    }
}
