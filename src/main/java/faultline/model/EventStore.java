package faultline.model;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * All events of a task set in primitive columns: 20 bytes per event (time, a 40-bit text reference, task,
 * source, level/precision/estimated), message text left in the source. What few events need more
 * (continuation lines, a time window narrowed by neighbours, a twin in another source) is kept in
 * sparse maps. Rows are in import order (file by file, line by line); tasks hold their rows in time
 * order. Immutable once built.
 */
public final class EventStore {
    private static final int LEVEL_MASK = 0x07;
    private static final int PRECISION_SHIFT = 3;
    private static final int PRECISION_MASK = 0x0F;
    private static final int ESTIMATED_BIT = 0x80;

    private final int size;
    private final long[] time;
    /** The text reference in 40 bits: the low 32 here, the high 8 in {@link #refHigh} (offsets up to 1 TiB). */
    private final int[] refLow;
    private final byte[] refHigh;
    private final int[] task;
    private final short[] source;
    private final byte[] meta;
    private final IntLongMap extent;
    private final IntLongMap refinedEnd;
    private final IntLongMap twin;
    private final BitSet duplicate;
    private final List<SourceText> texts;

    EventStore(Builder b, List<SourceText> texts) {
        this.size = b.size;
        this.time = fit(b.time, size);
        this.refLow = fit(b.refLow, size);
        this.refHigh = fit(b.refHigh, size);
        this.task = fit(b.task, size);
        this.source = fit(b.source, size);
        this.meta = fit(b.meta, size);
        this.extent = b.extent.copy();
        this.refinedEnd = b.refinedEnd.copy();
        this.twin = b.twin.copy();
        this.duplicate = (BitSet) b.duplicate.clone();
        this.texts = List.copyOf(texts);
    }

    // A builder that is nearly full hands its arrays over: trimming would copy a second gigabyte.
    private static boolean keep(int capacity, int n) {
        // The parallel readers size the columns from an estimate of the line count: trimming a few
        // percent would cost a copy of every column at the import's peak, more than it saves.
        return capacity - n <= n / 8 + 1024;
    }

    private static long[] fit(long[] a, int n) {
        return keep(a.length, n) ? a : Arrays.copyOf(a, n);
    }

    private static int[] fit(int[] a, int n) {
        return keep(a.length, n) ? a : Arrays.copyOf(a, n);
    }

    private static short[] fit(short[] a, int n) {
        return keep(a.length, n) ? a : Arrays.copyOf(a, n);
    }

    private static byte[] fit(byte[] a, int n) {
        return keep(a.length, n) ? a : Arrays.copyOf(a, n);
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

    /** Where the event's text starts in its source (a byte offset, or a reader's own reference). */
    public long ref(int i) {
        return joinRef(refLow[i], refHigh[i]);
    }

    static long joinRef(int low, byte high) {
        return ((long) (high & 0xFF) << 32) | (low & 0xFFFFFFFFL);
    }

    /** Largest text reference the columns hold. */
    public static final long MAX_REF = (1L << 40) - 1;

    /** 1-based line of the event in its source. */
    public int line(int i) {
        return texts.get(source[i]).line(ref(i));
    }

    /**
     * Latest time the event can have happened: the end of its precision window, narrowed by the
     * lines around it in its file (a console second that follows a known microsecond), or for an
     * estimated event the next known time.
     */
    public long latest(int i) {
        long r = refinedEnd.get(i, Long.MIN_VALUE);
        if (r != Long.MIN_VALUE) {
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
        return (int) twin.get(i, -1);
    }

    public String message(int i) {
        return texts.get(source[i]).message(ref(i), (int) extent.get(i, -1));
    }

    public String raw(int i) {
        return texts.get(source[i]).raw(ref(i), (int) extent.get(i, -1));
    }

    /** A quick look at the event's words: see {@link SourceText#look}. */
    public void look(int i, WordGate gate, String name, WordLook out) {
        texts.get(source[i]).look(ref(i), (int) extent.get(i, -1), gate, name, out);
    }

    public Event event(int i) {
        return new Event(i, stamp(i), level(i), task[i], source[i], line(i), message(i));
    }

    public static Builder builder(int capacity) {
        return new Builder(capacity);
    }

    /** Grows columns while importing; not thread-safe (one per reader thread, then appended). */
    public static final class Builder {
        private int size;
        private long[] time;
        private int[] refLow;
        private byte[] refHigh;
        private int[] task;
        private short[] source;
        private byte[] meta;
        private final IntLongMap extent = new IntLongMap();
        private final IntLongMap refinedEnd = new IntLongMap();
        private final IntLongMap twin = new IntLongMap();
        private final BitSet duplicate = new BitSet();

        Builder(int capacity) {
            int c = Math.max(16, capacity);
            time = new long[c];
            refLow = new int[c];
            refHigh = new byte[c];
            task = new int[c];
            source = new short[c];
            meta = new byte[c];
        }

        public int size() {
            return size;
        }

        public int add(long nanos, int precision, boolean estimated, Level level, int taskIndex, int sourceIndex, long textRef) {
            if (size == time.length) {
                grow(size + (size >> 1) + 16);
            }
            int i = size++;
            time[i] = nanos;
            putRef(refLow, refHigh, i, textRef);
            task[i] = taskIndex;
            source[i] = (short) sourceIndex;
            meta[i] = pack(level, precision, estimated);
            return i;
        }

        /** Appends the first n rows of primitive columns read by a parallel reader. */
        public void append(long[] times, long[] refs, int[] tasks, byte[] metas, int n, int sourceIndex, IntLongMap extents) {
            if (size + n > time.length) {
                grow(size + n + (size + n) / 32);
            }
            System.arraycopy(times, 0, time, size, n);
            for (int k = 0; k < n; k++) {
                putRef(refLow, refHigh, size + k, refs[k]);
            }
            System.arraycopy(tasks, 0, task, size, n);
            System.arraycopy(metas, 0, meta, size, n);
            Arrays.fill(source, size, size + n, (short) sourceIndex);
            int base = size;
            if (extents != null) {
                extents.forEach((k, v) -> extent.put(base + k, v));
            }
            size += n;
        }

        /**
         * The columns themselves, for parallel readers that write rows [base, base + capacity) in
         * place; {@link #commit(int)} then counts them. Nothing else may add rows meanwhile.
         */
        public record Region(long[] time, int[] refLow, byte[] refHigh, int[] task, short[] source, byte[] meta, int base, int capacity) {
            public void putRef(int i, long ref) {
                Builder.putRef(refLow, refHigh, i, ref);
            }

            public long ref(int i) {
                return joinRef(refLow[i], refHigh[i]);
            }
        }

        public Region region(int rows) {
            ensure(size + rows);
            return new Region(time, refLow, refHigh, task, source, meta, size, rows);
        }

        /** The first rows of the region were written: they become rows of the store. */
        public void commit(int rows) {
            size += rows;
        }

        /** Makes room for n rows in all, so that the columns need not grow (or be copied) again. */
        public void ensure(int n) {
            if (n > time.length) {
                grow(n);
            }
        }

        /** Adds extents (continuation lines) of rows written through a region, keyed by row. */
        public void putExtent(int row, long bytes) {
            extent.put(row, bytes);
        }

        public static byte pack(Level level, int precision, boolean estimated) {
            return (byte) (level.ordinal() | (precision << PRECISION_SHIFT) | (estimated ? ESTIMATED_BIT : 0));
        }

        private void grow(int c) {
            time = Arrays.copyOf(time, c);
            refLow = Arrays.copyOf(refLow, c);
            refHigh = Arrays.copyOf(refHigh, c);
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

        /** ERROR or CRITICAL, read from the column without an enum. */
        public boolean failureLevel(int i) {
            return (meta[i] & LEVEL_MASK) >= Level.ERROR.ordinal();
        }

        public int task(int i) {
            return task[i];
        }

        public int source(int i) {
            return source[i];
        }

        public long ref(int i) {
            return joinRef(refLow[i], refHigh[i]);
        }

        static void putRef(int[] low, byte[] high, int i, long ref) {
            if (ref < 0 || ref > MAX_REF) {
                throw new IllegalArgumentException("text reference out of range: " + ref);
            }
            low[i] = (int) ref;
            high[i] = (byte) (ref >>> 32);
        }

        /** Bytes the event's text spans, or -1 for "its line". */
        /** Every row with an extent, with it: far fewer than the rows, and no lookup per row. */
        public void forEachExtent(IntLongMap.Entry f) {
            extent.forEach(f);
        }

        public int extent(int i) {
            return (int) extent.get(i, -1);
        }

        public void setTime(int i, long nanos, int precision, boolean estimated) {
            time[i] = nanos;
            meta[i] = pack(level(i), precision, estimated);
        }

        /** Raises or lowers an event's level (a log line whose traceback followed it is an error). */
        public void setLevel(int i, Level level) {
            meta[i] = pack(level, precision(i), estimated(i));
        }

        /** Widens an event over continuation lines that follow it (or cuts an overlong line). */
        public void setExtent(int i, int bytes) {
            extent.put(i, bytes);
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
            return (int) twin.get(i, -1);
        }

        public void markDuplicate(int kept, int dropped) {
            duplicate.set(dropped);
            twin.put(kept, dropped);
            twin.put(dropped, kept);
        }

        public boolean isDuplicate(int i) {
            return duplicate.get(i);
        }

        public boolean hasDuplicates() {
            return !duplicate.isEmpty();
        }

        public boolean hasRefinements() {
            return refinedEnd.size() > 0;
        }

        /** Drops the rows from newSize on: a file that failed half-way leaves nothing behind. */
        public void truncate(int newSize) {
            if (newSize >= size) {
                return;
            }
            duplicate.clear(newSize, Math.max(newSize, size));
            extent.removeFrom(newSize);
            refinedEnd.removeFrom(newSize);
            twin.removeFrom(newSize);
            size = newSize;
        }

        public EventStore build(List<SourceText> texts) {
            return new EventStore(this, texts);
        }
    }
}
