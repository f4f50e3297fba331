package faultline.model;

import java.util.Arrays;

/** A small open-addressing map from non-negative int keys to long values, for sparse event columns. */
public final class IntLongMap {
    private static final int EMPTY = -1;
    private int[] keys;
    private long[] values;
    private int size;
    /** 32 less the bits of a slot number: a slot is the top bits of the key's product with the golden ratio. */
    private int shift;

    public IntLongMap() {
        this(16);
    }

    public IntLongMap(int capacity) {
        int c = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
        keys = new int[c];
        values = new long[c];
        shift = 32 - Integer.numberOfTrailingZeros(c);
        Arrays.fill(keys, EMPTY);
    }

    public int size() {
        return size;
    }

    public boolean containsKey(int key) {
        return keys[slot(key)] == key;
    }

    public long get(int key, long missing) {
        int s = slot(key);
        return keys[s] == key ? values[s] : missing;
    }

    public void put(int key, long value) {
        if (key < 0) {
            throw new IllegalArgumentException("negative key");
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        int s = slot(key);
        if (keys[s] != key) {
            keys[s] = key;
            size++;
        }
        values[s] = value;
    }

    /** Removes every key at or above from. */
    public void removeFrom(int from) {
        IntLongMap kept = new IntLongMap(size);
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY && keys[i] < from) {
                kept.put(keys[i], values[i]);
            }
        }
        keys = kept.keys;
        values = kept.values;
        size = kept.size;
        shift = kept.shift;
    }

    public IntLongMap copy() {
        IntLongMap m = new IntLongMap(1);
        m.keys = keys.clone();
        m.values = values.clone();
        m.size = size;
        m.shift = shift;
        return m;
    }

    /** Calls f for every entry, in no particular order. */
    public void forEach(Entry f) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != EMPTY) {
                f.accept(keys[i], values[i]);
            }
        }
    }

    public interface Entry {
        void accept(int key, long value);
    }

    /*
     * The top bits of the product, as many as the table has: a fixed shift took 25 bits, and a table of more
     * than 2^25 slots (a hundred million rows waiting for a time) started every probe in an eighth of it, each
     * run of taken slots growing until a put walked millions of them.
     */
    private int slot(int key) {
        int mask = keys.length - 1;
        int s = (key * 0x9E3779B9) >>> shift & mask;
        while (keys[s] != EMPTY && keys[s] != key) {
            s = (s + 1) & mask;
        }
        return s;
    }

    private void grow() {
        int[] oldKeys = keys;
        long[] oldValues = values;
        keys = new int[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        shift = 32 - Integer.numberOfTrailingZeros(keys.length);
        Arrays.fill(keys, EMPTY);
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }
}
