package faultline.importer.db;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A row kept from the bytes the database sent reads back as the text it was. */
class RowStoreTest {
    private static byte[] b(String s) {
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    private static boolean add(RowStore s, String id, String time, String level, String task, String cycle, String message, String meta) {
        return s.add(RowStore.Forms.TEXT, b(id), b(time), b(level), b("worker"), b("gpu-1"), b(message), b(task), b("gpu-1"), b(cycle), b(meta));
    }

    @Test
    void valuesReadBackAsSent() {
        RowStore s = new RowStore();
        assertTrue(add(s, "3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", "2026-03-02 00:00:05.000317+00", "ERROR",
                "84b03439-0000-4000-8000-00000000000a", " 12 ", "CUDA error → out of memory 🔥", "{\"task_type\": \"travel\"}"));
        assertTrue(add(s, "row-7", "2026-03-02 00:00:06+00", "INFO", null, null, "", "{}"));
        assertTrue(add(s, null, "2026-03-02 00:00:07.5+00", "INFO", "84b03439-0000-4000-8000-00000000000a", "x", null, null));

        assertEquals("3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b", s.id(0));
        assertEquals("2026-03-02T00:00:05.000317+00:00", s.timestamp(0));
        assertEquals("ERROR", s.level(0));
        assertEquals("84b03439-0000-4000-8000-00000000000a", s.taskId(0));
        assertEquals(12, s.cycle(0));
        assertEquals("CUDA error → out of memory 🔥", s.message(0));
        assertEquals("{\"task_type\": \"travel\"}", s.metadata(0));

        assertEquals("row-7", s.id(1), "an id that is no UUID is kept as its text");
        assertEquals("2026-03-02T00:00:06+00:00", s.timestamp(1));
        assertNull(s.taskId(1));
        assertNull(s.cycle(1));
        assertNull(s.message(1));
        assertEquals("{}", s.metadata(1));

        assertNull(s.id(2));
        assertNull(s.cycle(2), "a cycle that is no number is none");
        assertNull(s.metadata(2));
        assertEquals("84b03439-0000-4000-8000-00000000000a", s.taskId(2));
    }

    private static byte[] longs(long... v) {
        java.nio.ByteBuffer bb = java.nio.ByteBuffer.allocate(8 * v.length);
        for (long x : v) {
            bb.putLong(x);
        }
        return bb.array();
    }

    /** Microseconds since 2000-01-01 UTC, as the database's binary form counts them. */
    private static byte[] binaryTime(String iso) {
        java.time.Instant t = java.time.Instant.parse(iso);
        long micros = (t.getEpochSecond() - 946_684_800L) * 1_000_000L + t.getNano() / 1000;
        return longs(micros);
    }

    @Test
    void binaryIdsAndTimesReadAsTheirText() {
        RowStore s = new RowStore();
        RowStore.Forms binary = new RowStore.Forms(true, true, true);
        java.util.UUID row = java.util.UUID.fromString("3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b");
        java.util.UUID task = java.util.UUID.fromString("84b03439-0000-4000-8000-00000000000a");
        byte[] rowId = longs(row.getMostSignificantBits(), row.getLeastSignificantBits());
        byte[] taskId = longs(task.getMostSignificantBits(), task.getLeastSignificantBits());
        assertTrue(s.add(binary, rowId, binaryTime("2026-03-02T00:00:05.000317Z"), b("INFO"), b("worker"), b("gpu-1"), b("a"), taskId,
                b("gpu-1"), null, null));
        assertTrue(s.add(binary, b("odd-id"), b("2026-03-02 00:00:06.5+00"), b("INFO"), b("worker"), b("gpu-1"), b("b"),
                b("84b03439-0000-4000-8000-00000000000a"), b("gpu-1"), null, null));
        assertTrue(s.add(binary, rowId, binaryTime("2026-03-02T00:00:07Z"), b("INFO"), b("worker"), b("gpu-1"), b("c"), taskId,
                b("gpu-1"), null, null));
        assertEquals(row.toString(), s.id(0));
        assertEquals("2026-03-02T00:00:05.000317+00:00", s.timestamp(0), "a binary time keeps the digits its text would have had");
        assertEquals(task.toString(), s.taskId(0));
        assertEquals("odd-id", s.id(1), "a value sent as text stays text");
        assertEquals("2026-03-02T00:00:06.5+00:00", s.timestamp(1));
        assertEquals(task.toString(), s.taskId(1));
        assertEquals("2026-03-02T00:00:07+00:00", s.timestamp(2));
        assertEquals(task.toString(), s.taskId(2));
        assertEquals(row.toString(), RowStore.idText(binary, rowId));
        assertFalse(s.add(binary, rowId, longs(Long.MAX_VALUE), b("INFO"), null, null, b("d"), null, null, null, null), "infinity is no time");
    }

    @Test
    void aTimeOutsideTheYearsReadIsRefusedAloneAsItsTextWouldBe() {
        RowStore s = new RowStore();
        RowStore.Forms binary = new RowStore.Forms(true, true, true);
        assertFalse(s.add(binary, null, binaryTime("9999-12-31T00:00:00Z"), b("INFO"), null, null, b("sentinel"), null, null, null, null));
        assertFalse(s.add(binary, null, binaryTime("1850-01-01T00:00:00Z"), b("INFO"), null, null, b("old"), null, null, null, null));
        assertFalse(s.add(RowStore.Forms.TEXT, null, b("1850-01-01 00:00:00+00"), b("INFO"), null, null, b("old"), null, null, null, null));
        assertTrue(s.add(binary, null, binaryTime("1969-12-31T23:59:59.5Z"), b("INFO"), null, null, b("kept"), null, null, null, null));
        assertEquals(1, s.size());
        assertEquals("1969-12-31T23:59:59.5+00:00", s.timestamp(0));
    }

    @Test
    void everyIntCycleIsKept() {
        RowStore s = new RowStore();
        for (String c : new String[]{"1234567890", "-2147483647", "2147483647", "\t7\n", "2147483648", "12345678901"}) {
            assertTrue(add(s, null, "2026-03-02 00:00:05+00", "INFO", null, c, "m", null));
        }
        assertEquals(1234567890, s.cycle(0));
        assertEquals(-2147483647, s.cycle(1));
        assertEquals(2147483647, s.cycle(2));
        assertEquals(7, s.cycle(3));
        assertNull(s.cycle(4), "past an int: none");
        assertNull(s.cycle(5));
    }

    @Test
    void aTextOfSixteenBytesIsNotTakenForABinaryUuid() {
        TextCodes c = new TextCodes(2);
        byte[] sixteen = b("gpu-0123456789ab");
        int asText = c.code(0, sixteen);
        int asUuid = c.uuidCode(1, sixteen);
        assertTrue(asText != asUuid);
        assertEquals("gpu-0123456789ab", c.text(asText));
        assertEquals(36, c.text(asUuid).length());
    }

    @Test
    void rowWithoutReadableTimeIsRefused() {
        RowStore s = new RowStore();
        assertFalse(add(s, null, "not a time", "INFO", null, null, "m", null));
        assertFalse(add(s, null, null, "INFO", null, null, "m", null));
        assertEquals(0, s.size());
    }

    @Test
    void manyTextsKeepTheirOwnCodes() {
        TextCodes c = new TextCodes(2);
        int[] code = new int[5000];
        for (int i = 0; i < code.length; i++) {
            code[i] = c.code(i % 2, b("worker-" + i));
        }
        for (int i = 0; i < code.length; i++) {
            assertEquals(code[i], c.code((i + 1) % 2, b("worker-" + i)), "the same text has one code in every column");
            assertEquals("worker-" + i, c.text(code[i]));
        }
        assertEquals(0, c.code(0, b("")));
        assertEquals(0, c.code(1, null));
    }
}
