package faultline.render;

import faultline.model.Level;
import faultline.model.PhaseKind;
import faultline.model.StepKind;

import java.util.List;

/**
 * What the timeline shows, already reduced to drawable facts in aligned time (ns relative to each
 * lane's anchor). Built once per comparison; immutable; no toolkit.
 */
public record TimelineScene(List<Lane> lanes, String anchorLabel) {

    /** A phase bar. endsAtFailure draws a ragged end. */
    public record PhaseBar(PhaseKind kind, long start, long end, boolean endsAtFailure, String label) {
    }

    /** A loop step: where in the loop the task was. */
    public record StepMark(long t, StepKind kind, int loopIndex, String param, boolean crashPoint) {
    }

    /** The crash window: last evidence, and the window in which the first failure signal lies. */
    public record CrashMark(long lastEvidence, long signalEarliest, long signalLatest, String label) {
    }

    /**
     * Events of one lane in columns, sorted by aligned time.
     *
     * @param times  aligned start of each event
     * @param latest aligned latest time (== times[i] for precise events)
     * @param levels level ordinal
     * @param rows   store row, for hit testing and selection
     */
    public record Marks(long[] times, long[] latest, byte[] levels, int[] rows) {
        public int size() {
            return times.length;
        }

        public Level level(int i) {
            return Level.ofOrdinal(levels[i]);
        }
    }

    /**
     * One compared task.
     *
     * @param anchorEpoch epoch ns that is T = 0 on this lane (before the shift)
     * @param shift       hand-set shift, ns
     */
    public record Lane(int taskIndex, String title, String subtitle, long anchorEpoch, long shift, List<PhaseBar> phases,
                       Marks marks, List<StepMark> steps, CrashMark crash, long first, long last) {

        /** Epoch ns of an aligned time on this lane. */
        public long epoch(long aligned) {
            return aligned + anchorEpoch - shift;
        }
    }

    /** Smallest and largest aligned time over all lanes. */
    public long first() {
        long f = Long.MAX_VALUE;
        for (Lane l : lanes) {
            f = Math.min(f, l.first());
        }
        return f == Long.MAX_VALUE ? 0 : f;
    }

    public long last() {
        long f = Long.MIN_VALUE;
        for (Lane l : lanes) {
            f = Math.max(f, l.last());
        }
        return f == Long.MIN_VALUE ? 0 : f;
    }
}
