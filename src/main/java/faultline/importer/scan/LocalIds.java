package faultline.importer.scan;

import faultline.importer.merge.TaskRegistry;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Task ids met by one parallel reader: UUIDs keyed by their 128 bits (no String per line), other ids
 * by text. Mapped to the shared registry when the parts are joined.
 */
public final class LocalIds {
    private long[] his = new long[1024];
    private long[] los = new long[1024];
    private int[] slots = new int[1024];
    private final List<String> names = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();

    LocalIds() {
        Arrays.fill(slots, -1);
    }

    /** Local ref of the UUID whose 36 characters start at b[at]. */
    int uuid(byte[] b, int at, long hi, long lo) {
        int mask = slots.length - 1;
        int s = slot(hi, lo, mask);
        while (slots[s] >= 0) {
            int r = slots[s];
            if (his[r] == hi && los[r] == lo) {
                return r;
            }
            s = (s + 1) & mask;
        }
        String id = new String(b, at, 36, java.nio.charset.StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT);
        Integer known = byName.get(id);
        int r = known != null ? known : add(id);
        if (r >= his.length) {
            his = Arrays.copyOf(his, his.length * 2);
            los = Arrays.copyOf(los, los.length * 2);
        }
        his[r] = hi;
        los[r] = lo;
        slots[s] = r;
        if (names.size() * 2 > slots.length) {
            rehash();
        }
        return r;
    }

    /** Local ref of a canonical id given as text. */
    int name(String id) {
        Integer r = byName.get(id);
        return r != null ? r : add(id);
    }

    private int add(String id) {
        int r = names.size();
        names.add(id);
        byName.put(id, r);
        if (r >= his.length) {
            his = Arrays.copyOf(his, his.length * 2);
            los = Arrays.copyOf(los, los.length * 2);
        }
        his[r] = 0;
        los[r] = 0;
        return r;
    }

    /** The top bits of the mixed UUID, as many as the table has (a fixed 24 would crowd a table of more slots). */
    private static int slot(long hi, long lo, int mask) {
        return (int) ((hi * 0x9E3779B97F4A7C15L ^ lo) * 0x9E3779B97F4A7C15L >>> (64 - Integer.bitCount(mask))) & mask;
    }

    private void rehash() {
        int[] old = slots;
        slots = new int[old.length * 2];
        Arrays.fill(slots, -1);
        int mask = slots.length - 1;
        for (int r : old) {
            if (r >= 0) {
                int s = slot(his[r], los[r], mask);
                while (slots[s] >= 0) {
                    s = (s + 1) & mask;
                }
                slots[s] = r;
            }
        }
    }

    /** The registry ref of every local ref. */
    public int[] toRegistry(TaskRegistry registry) {
        int[] out = new int[names.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = registry.ref(names.get(i));
        }
        return out;
    }
}
