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
public record TimelineScene(List<Lane> lanes, String anchorLabel, boolean lineOrder) {

    public TimelineScene(List<Lane> lanes, String anchorLabel) {
        this(lanes, anchorLabel, false);
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

    /** The crash window: last evidence, and the window in which the first failure signal lies. */
    public record CrashMark(long lastEvidence, long signalEarliest, long signalLatest, String label) {
    }

    /**
     * Events of one lane in columns, sorted by aligned time, with per-block summaries (the most severe
     * level and the widest time window of every 64 events) so that a frame of ten million events reads
     * blocks, not events.
     *
     * @param times       aligned start of each event
     * @param latest      aligned latest time (== times[i] for precise events)
     * @param levels      level ordinal
     * @param rows        store row, for hit testing and selection
     * @param blockLevel  per block of {@link #BLOCK} events, the highest level
     * @param blockWindow per block, the widest latest − time
     */
    public record Marks(long[] times, long[] latest, byte[] levels, int[] rows, byte[] blockLevel, long[] blockWindow) {
        public static final int BLOCK = 64;

        public static Marks of(long[] times, long[] latest, byte[] levels, int[] rows) {
            int blocks = (times.length + BLOCK - 1) / BLOCK;
            byte[] bl = new byte[blocks];
            long[] bw = new long[blocks];
            for (int b = 0; b < blocks; b++) {
                byte max = 0;
                long wide = 0;
                int end = Math.min(times.length, (b + 1) * BLOCK);
                for (int i = b * BLOCK; i < end; i++) {
                    max = (byte) Math.max(max, levels[i]);
                    wide = Math.max(wide, latest[i] - times[i]);
                }
                bl[b] = max;
                bw[b] = wide;
            }
            return new Marks(times, latest, levels, rows, bl, bw);
        }

        public int size() {
            return times.length;
        }

        public Level level(int i) {
            return Level.ofOrdinal(levels[i]);
        }

        /** Highest level among events [from, to). */
        public int maxLevel(int from, int to) {
            int max = -1;
            int i = from;
            while (i < to && i % BLOCK != 0) {
                max = Math.max(max, levels[i++]);
            }
            while (i + BLOCK <= to) {
                max = Math.max(max, blockLevel[i / BLOCK]);
                i += BLOCK;
            }
            while (i < to) {
                max = Math.max(max, levels[i++]);
            }
            return max;
        }

        /** Widest time window among events [from, to). */
        public long maxWindow(int from, int to) {
            long max = 0;
            int i = from;
            while (i < to && i % BLOCK != 0) {
                max = Math.max(max, latest[i] - times[i]);
                i++;
            }
            while (i + BLOCK <= to) {
                max = Math.max(max, blockWindow[i / BLOCK]);
                i += BLOCK;
            }
            while (i < to) {
                max = Math.max(max, latest[i] - times[i]);
                i++;
            }
            return max;
        }

        /** Index of the first event at or after t (binary search from `from`). */
        public int firstAtOrAfter(long t, int from) {
            int lo = from;
            int hi = times.length;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (times[mid] < t) {
                    lo = mid + 1;
                } else {
                    hi = mid;
                }
            }
            return lo;
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
                       Marks marks, List<StepMark> steps, CrashMark crash, long first, long last, List<NoteMark> notes) {

        public Lane(int taskIndex, String title, String subtitle, long anchorEpoch, long shift, List<PhaseBar> phases,
                    Marks marks, List<StepMark> steps, CrashMark crash, long first, long last) {
            this(taskIndex, title, subtitle, anchorEpoch, shift, phases, marks, steps, crash, first, last, List.of());
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
            return new Lane(taskIndex, title, subtitle, anchorEpoch, shift, phases, marks, steps, crash, first, last, List.copyOf(mine));
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
        return new TimelineScene(List.copyOf(out), anchorLabel, lineOrder);
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
