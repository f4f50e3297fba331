package faultline.model;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Map;

/**
 * All events of a task set in primitive columns: about 31 bytes per event, message text left in the
 * source. Rows are in import order (file by file, line by line); tasks hold their rows in time order.
 * Immutable once built.
 */
public final class EventStore {
    private static final int LEVEL_MASK = 0x07;
    private static final int PRECISION_SHIFT = 3;
    private static final int PRECISION_MASK = 0x0F;
    private static final int ESTIMATED_BIT = 0x80;

    private final int size;
    private final long[] time;
    private final long[] ref;
    private final int[] length;
    private final int[] line;
    private final int[] task;
    private final short[] source;
    private final byte[] meta;
    private final BitSet duplicate;
    private final Map<Integer, Integer> twin;
    private final Map<Integer, Long> refinedEnd;
    private final List<SourceText> texts;

    EventStore(Builder b, List<SourceText> texts) {
        this.size = b.size;
        this.time = Arrays.copyOf(b.time, size);
        this.ref = Arrays.copyOf(b.ref, size);
        this.length = Arrays.copyOf(b.length, size);
        this.line = Arrays.copyOf(b.line, size);
        this.task = Arrays.copyOf(b.task, size);
        this.source = Arrays.copyOf(b.source, size);
        this.meta = Arrays.copyOf(b.meta, size);
        this.duplicate = (BitSet) b.duplicate.clone();
        this.twin = Map.copyOf(b.twin);
        this.refinedEnd = Map.copyOf(b.refinedEnd);
        this.texts = List.copyOf(texts);
    }

    public int size() {
        return size;
    }

    public long nanos(int i) {
        return time[i];
    }

    public int precision(int i) {
        return (meta[i] >> PRECISION_SHIFT) & PRECISION_MASK;
    }

    public boolean estimated(int i) {
        return (meta[i] & ESTIMATED_BIT) != 0;
    }

    public Stamp stamp(int i) {
        return new Stamp(time[i], precision(i), estimated(i));
    }

    public Level level(int i) {
        return Level.ofOrdinal(meta[i] & LEVEL_MASK);
    }

    public int task(int i) {
        return task[i];
    }

    public int source(int i) {
        return source[i];
    }

    public int line(int i) {
        return line[i];
    }

    /**
     * Latest time the event can have happened: the end of its precision window, narrowed by the
     * lines around it in its file (a console second that follows a known microsecond), or for an
     * estimated event the next known time.
     */
    public long latest(int i) {
        Long r = refinedEnd.get(i);
        if (r != null) {
            return r;
        }
        if (estimated(i)) {
            return time[i];
        }
        return time[i] + Stamp.resolution(precision(i)) - (precision(i) == 9 ? 0 : 1);
    }

    /** True for the second sighting of an event already kept from another source. */
    public boolean isDuplicate(int i) {
        return duplicate.get(i);
    }

    /** The row of the same event in another source, or -1. */
    public int twin(int i) {
        Integer t = twin.get(i);
        return t == null ? -1 : t;
    }

    public String message(int i) {
        return texts.get(source[i]).message(ref[i], length[i]);
    }

    public String raw(int i) {
        return texts.get(source[i]).raw(ref[i], length[i]);
    }

    public Event event(int i) {
        return new Event(i, stamp(i), level(i), task[i], source[i], line[i], message(i));
    }

    /** Approximate heap held by the columns, for the import statistics. */
    public long columnBytes() {
        return (long) size * (8 + 8 + 4 + 4 + 4 + 2 + 1) + duplicate.size() / 8 + (twin.size() + refinedEnd.size()) * 64L;
    }

    public static Builder builder() {
        return new Builder(1024);
    }

    public static Builder builder(int capacity) {
        return new Builder(capacity);
    }

    /** Grows columns while importing; not thread-safe (one per reader thread, then appended). */
    public static final class Builder {
        private int size;
        private long[] time;
        private long[] ref;
        private int[] length;
        private int[] line;
        private int[] task;
        private short[] source;
        private byte[] meta;
        private final BitSet duplicate = new BitSet();
        private final Map<Integer, Integer> twin = new java.util.HashMap<>();
        private final Map<Integer, Long> refinedEnd = new java.util.HashMap<>();

        Builder(int capacity) {
            int c = Math.max(16, capacity);
            time = new long[c];
            ref = new long[c];
            length = new int[c];
            line = new int[c];
            task = new int[c];
            source = new short[c];
            meta = new byte[c];
        }

        public int size() {
            return size;
        }

        public int add(long nanos, int precision, boolean estimated, Level level, int taskIndex, int sourceIndex,
                       int lineNo, long textRef, int textLength) {
            if (size == time.length) {
                grow();
            }
            int i = size++;
            time[i] = nanos;
            ref[i] = textRef;
            length[i] = textLength;
            line[i] = lineNo;
            task[i] = taskIndex;
            source[i] = (short) sourceIndex;
            meta[i] = pack(level, precision, estimated);
            return i;
        }

        private static byte pack(Level level, int precision, boolean estimated) {
            return (byte) (level.ordinal() | (precision << PRECISION_SHIFT) | (estimated ? ESTIMATED_BIT : 0));
        }

        private void grow() {
            int c = time.length + (time.length >> 1) + 16;
            time = Arrays.copyOf(time, c);
            ref = Arrays.copyOf(ref, c);
            length = Arrays.copyOf(length, c);
            line = Arrays.copyOf(line, c);
            task = Arrays.copyOf(task, c);
            source = Arrays.copyOf(source, c);
            meta = Arrays.copyOf(meta, c);
        }

        public long nanos(int i) {
            return time[i];
        }

        public int precision(int i) {
            return (meta[i] >> PRECISION_SHIFT) & PRECISION_MASK;
        }

        public boolean estimated(int i) {
            return (meta[i] & ESTIMATED_BIT) != 0;
        }

        public Level level(int i) {
            return Level.ofOrdinal(meta[i] & LEVEL_MASK);
        }

        public int task(int i) {
            return task[i];
        }

        public int source(int i) {
            return source[i];
        }

        public int line(int i) {
            return line[i];
        }

        public long ref(int i) {
            return ref[i];
        }

        public int length(int i) {
            return length[i];
        }

        public void setTime(int i, long nanos, int precision, boolean estimated) {
            time[i] = nanos;
            meta[i] = pack(level(i), precision, estimated);
        }

        /** Widens an event over continuation lines that follow it. */
        public void setExtent(int i, long textRef, int textLength) {
            ref[i] = textRef;
            length[i] = textLength;
        }

        public void setTask(int i, int taskIndex) {
            task[i] = taskIndex;
        }

        /** Narrows an imprecise event to [start, end] learned from its neighbours. */
        public void refine(int i, long start, long end) {
            time[i] = start;
            refinedEnd.put(i, end);
        }

        public int twin(int i) {
            Integer t = twin.get(i);
            return t == null ? -1 : t;
        }

        public void markDuplicate(int kept, int dropped) {
            duplicate.set(dropped);
            twin.put(kept, dropped);
            twin.put(dropped, kept);
        }

        public boolean isDuplicate(int i) {
            return duplicate.get(i);
        }

        /** Drops the rows from size on: a file that failed half-way leaves nothing behind. */
        public void truncate(int newSize) {
            for (int i = newSize; i < size; i++) {
                duplicate.clear(i);
                twin.remove(i);
                refinedEnd.remove(i);
            }
            size = Math.min(size, newSize);
        }

        public EventStore build(List<SourceText> texts) {
            return new EventStore(this, texts);
        }
    }
}
