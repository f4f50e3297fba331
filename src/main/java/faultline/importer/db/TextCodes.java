package faultline.importer.db;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Dictionary codes of a column's repeated texts (levels, sources, task and worker ids), looked up by
 * the bytes the database sent: a million rows name a few thousand texts, so each is decoded once.
 * Code 0 is the absent or empty text. Not thread-safe: its store synchronises.
 */
final class TextCodes {
    private final List<byte[]> keys = new ArrayList<>(List.of(new byte[0]));
    private final List<String> texts = new ArrayList<>(List.of(""));
    /** Open addressing: code per slot, 0 for an empty slot. */
    private int[] slots = new int[1024];
    /** Per column, the code it was given last: a task's rows come together, so most rows repeat the row before. */
    private final int[] last;

    TextCodes(int columns) {
        last = new int[columns];
    }

    int code(int column, byte[] text) {
        if (text == null || text.length == 0) {
            return 0;
        }
        int before = last[column];
        if (before != 0 && Arrays.equals(keys.get(before), text)) {
            return before;
        }
        int c = code(text);
        last[column] = c;
        return c;
    }

    /**
     * The code of a UUID sent in its 16-byte binary form; its text is the UUID's. Its key is marked
     * with a byte no UTF-8 text holds, so that no text of the same bytes shares its code.
     */
    int uuidCode(int column, byte[] uuid) {
        int before = last[column];
        if (before != 0 && isUuid(keys.get(before), uuid)) {
            return before;
        }
        byte[] key = new byte[17];
        key[0] = UUID_MARK;
        System.arraycopy(uuid, 0, key, 1, 16);
        int c = code(key);
        last[column] = c;
        return c;
    }

    private static final byte UUID_MARK = (byte) 0xFF;

    private static boolean isUuid(byte[] key, byte[] uuid) {
        return key.length == 17 && key[0] == UUID_MARK && Arrays.equals(key, 1, 17, uuid, 0, 16);
    }

    private static String textOf(byte[] key) {
        if (key.length == 17 && key[0] == UUID_MARK) {
            return new java.util.UUID(faultline.importer.scan.Bytes.bigEndianLong(key, 1), faultline.importer.scan.Bytes.bigEndianLong(key, 9)).toString();
        }
        return new String(key, StandardCharsets.UTF_8);
    }

    private int code(byte[] text) {
        int h = Arrays.hashCode(text);
        int mask = slots.length - 1;
        for (int s = spread(h) & mask; ; s = (s + 1) & mask) {
            int c = slots[s];
            if (c == 0) {
                c = keys.size();
                keys.add(text);
                texts.add(textOf(text));
                slots[s] = c;
                if (c * 2 > slots.length) {
                    rehash();
                }
                return c;
            }
            if (Arrays.equals(keys.get(c), text)) {
                return c;
            }
        }
    }

    String text(int code) {
        return texts.get(code);
    }

    private void rehash() {
        int[] bigger = new int[slots.length * 2];
        int mask = bigger.length - 1;
        for (int c = 1; c < keys.size(); c++) {
            int s = spread(Arrays.hashCode(keys.get(c))) & mask;
            while (bigger[s] != 0) {
                s = (s + 1) & mask;
            }
            bigger[s] = c;
        }
        slots = bigger;
    }

    private static int spread(int h) {
        return (h ^ (h >>> 16)) * 0x9E3779B1;
    }
}
