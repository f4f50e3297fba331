package faultline.render;

import faultline.model.Level;
import faultline.model.PhaseKind;
import faultline.model.StepKind;

import java.util.List;

/**
 * What the timeline shows, already reduced to drawable facts in aligned time (ns relative to each
 * lane's anchor). Built once per comparison; immutable; no toolkit.
 *
 * @param lineOrder the lanes' logs carry no clock: their times are line positions, and the axis
 *                  speaks of lines ({@link faultline.model.SourceFile#LINE_NANOS} a line)
 */
public record TimelineScene(List<Lane> lanes, String anchorLabel, String anchorRule, boolean lineOrder) {

    public TimelineScene(List<Lane> lanes, String anchorLabel) {
        this(lanes, anchorLabel, "", false);
    }

    public TimelineScene(List<Lane> lanes, String anchorLabel, String anchorRule) {
        this(lanes, anchorLabel, anchorRule, false);
    }

    /** A phase bar. endsAtFailure draws a ragged end. */
    public record PhaseBar(PhaseKind kind, long start, long end, boolean endsAtFailure, String label) {
    }

    /** A loop step: where in the loop the task was. */
    public record StepMark(long t, StepKind kind, int loopIndex, String param, boolean crashPoint) {
    }

    /** A user's note on the lane: aligned start and end (equal for a point). */
    public record NoteMark(String id, long start, long end, String text) {
    }

    /**
     * A crash: the last evidence, the crash's moment (T = 0 when the lanes are aligned on the crash)
     * and the latest time the failure can have happened.
     *
     * @param timed whether the moment is the failure line's own time (else it is the last evidence)
     */
    public record CrashMark(long lastEvidence, long at, long latest, boolean timed, String label) {
        /** The span the failure can lie in. */
        public long uncertainty() {
            return Math.max(0, latest - at);
        }
    }

    /**
     * Events of one lane in columns, sorted by aligned time, with max-pyramids of their levels and of
     * their time windows ({@link MaxPyramid}) so that a frame of ten million events reads a few
     * summaries per pixel column, not the events.
     *
     * @param times   aligned start of each event
     * @param latest  aligned latest time (== times[i] for precise events)
     * @param levels  level ordinal
     * @param rows    store row, for hit testing and selection
     */
    public record Marks(long[] times, long[] latest, byte[] levels, int[] rows, MaxPyramid pyramid) {

        public static Marks of(long[] times, long[] latest, byte[] levels, int[] rows) {
            return new Marks(times, latest, levels, rows, MaxPyramid.of(levels, times, latest));
        }

        public int size() {
            return times.length;
        }

        public Level level(int i) {
            return Level.ofOrdinal(levels[i]);
        }

        /** Highest level among events [from, to), or -1 for none. */
        public int maxLevel(int from, int to) {
            return pyramid.maxLevel(from, to);
        }

        /** Widest time window (latest − time) among events [from, to). */
        public long maxWindow(int from, int to) {
            return pyramid.maxWindow(from, to);
        }

        /** Index of the first event at or after t (binary search from `from`). */
        public int firstAtOrAfter(long t, int from) {
            return lowerBound(times, t, from, times.length);
        }

        /** The first index of [lo, hi) whose time is at or after t, or hi. */
        private static int lowerBound(long[] times, long t, int lo, int hi) {
            int a = lo;
            int e = hi;
            while (a < e) {
                int mid = (a + e) >>> 1;
                if (times[mid] < t) {
                    a = mid + 1;
                } else {
                    e = mid;
                }
            }
            return a;
        }

        /**
         * Index of the first event at or after t, searching forward from `from`: first by doubling steps
         * over every {@link MaxPyramid#FANOUT}-th time (a column small enough to stay in cache), then
         * within one block of events. The next pixel column's events are near this one's.
         */
        public int nextAtOrAfter(long t, int from) {
            int n = times.length;
            if (from >= n || times[from] >= t) {
                return from;
            }
            long[] coarse = pyramid.blockStarts();
            int b = from >>> MaxPyramid.SHIFT;
            int nb = coarse.length;
            // Last block whose first time is below t: the answer lies in it or at the start of the next.
            int lo = b;
            int step = 1;
            int hi = b + 1;
            while (hi < nb && coarse[hi] < t) {
                lo = hi;
                step <<= 1;
                hi = (int) Math.min(nb, (long) b + step);
            }
            while (lo + 1 < hi) {
                int mid = (lo + hi) >>> 1;
                if (coarse[mid] < t) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return lowerBound(times, t, Math.max(from, lo << MaxPyramid.SHIFT), Math.min(n, (lo + 1) << MaxPyramid.SHIFT));
        }

        /**
         * The same, searched outward from a guess (the previous column's count of events on from the
         * last): where events are spread evenly the answer is a few entries away, and the search touches
         * only the times near it instead of halving its way through a block.
         */
        public int nextAtOrAfter(long t, int from, int guess) {
            int n = times.length;
            if (from >= n || times[from] >= t) {
                return from;
            }
            // Outward over every FANOUT-th time first, then within one block: searched in the times themselves,
            // a column's search touched half a dozen cache lines of a ten-million-long array, each a miss.
            int first = from >>> MaxPyramid.SHIFT;
            // times[from] < t, so the first block starting at or after t comes after `from`'s block.
            int block = TimeSearch.outward(pyramid.blockStarts(), t, first, Math.max(0, guess) >>> MaxPyramid.SHIFT);
            return lowerBound(times, t, Math.max(from, (block - 1) << MaxPyramid.SHIFT), Math.min(n, block << MaxPyramid.SHIFT));
        }

        /** Position of a store row in this lane, or -1 (a scan: call it when the selection changes, not per frame). */
        public int indexOfRow(int row) {
            for (int i = 0; i < rows.length; i++) {
                if (rows[i] == row) {
                    return i;
                }
            }
            return -1;
        }
    }

    /**
     * One compared task.
     *
     * @param anchorEpoch epoch ns that is T = 0 on this lane (before the shift)
     * @param shift       hand-set shift, ns
     */
    public record Lane(int taskIndex, String title, String subtitle, long anchorEpoch, long shift, List<PhaseBar> phases,
                       Marks marks, List<StepMark> steps, CrashMark crash, long first, long last, List<NoteMark> notes,
                       String anchorNote) {

        public Lane(int taskIndex, String title, String subtitle, long anchorEpoch, long shift, List<PhaseBar> phases,
                    Marks marks, List<StepMark> steps, CrashMark crash, long first, long last) {
            this(taskIndex, title, subtitle, anchorEpoch, shift, phases, marks, steps, crash, first, last, List.of(), "");
        }

        /** Aligned time of an epoch time on this lane. */
        public long aligned(long epoch) {
            return epoch - anchorEpoch + shift;
        }

        /** The same lane with these notes (epoch times turned into the lane's aligned time). */
        public Lane withNotes(List<faultline.model.Note> all, String taskId) {
            List<NoteMark> mine = new java.util.ArrayList<>();
            for (faultline.model.Note n : all) {
                if (n.taskId().equals(taskId)) {
                    mine.add(new NoteMark(n.id(), aligned(n.start()), aligned(n.end()), n.text()));
                }
            }
            return new Lane(taskIndex, title, subtitle, anchorEpoch, shift, phases, marks, steps, crash, first, last, List.copyOf(mine),
                    anchorNote);
        }

        /** Epoch ns of an aligned time on this lane. */
        public long epoch(long aligned) {
            return aligned + anchorEpoch - shift;
        }
    }

    /** The scene with notes put on their lanes (by task id). */
    public TimelineScene withNotes(List<faultline.model.Note> notes, List<String> taskIds) {
        List<Lane> out = new java.util.ArrayList<>();
        for (int i = 0; i < lanes.size(); i++) {
            out.add(lanes.get(i).withNotes(notes, taskIds.get(i)));
        }
        return new TimelineScene(List.copyOf(out), anchorLabel, anchorRule, lineOrder);
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
