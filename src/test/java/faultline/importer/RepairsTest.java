package faultline.importer;

import faultline.model.ParseReport.Repair;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static faultline.importer.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every repair the importer makes is made, and counted in the parse report. */
class RepairsTest {
    @TempDir
    Path dir;

    private static final String LINES = "[INFO] 2026-02-24T14:31:53.550575: 🔍 LOOP [8/32]: Processing param='x' ✅ → done\n"
            + "[INFO] 2026-02-24T14:31:53.552424: ⚠️ second ├─ row\n";

    /** UTF-8 bytes decoded in the wrong charset and saved again as UTF-8: what an editor does. */
    private static byte[] mojibake(String text, String wrongCharset) {
        String wrong = new String(text.getBytes(StandardCharsets.UTF_8), Charset.forName(wrongCharset));
        return wrong.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void repairsMacRomanMojibake() throws Exception {
        byte[] bytes = mojibake(LINES, "x-MacRoman");
        assertTrue(new String(bytes, StandardCharsets.UTF_8).contains("üîç"), "the fixture really is mojibake");
        TaskSet set = load(writeBytes(dir, "mac.log", bytes));
        assertEquals("🔍 LOOP [8/32]: Processing param='x' ✅ → done", set.store().message(0));
        assertEquals("⚠️ second ├─ row", set.store().message(1));
        assertEquals(2, repairs(set, 0, Repair.MOJIBAKE_MACROMAN));
    }

    @Test
    void repairsWindows1252MojibakeIncludingTheBytesItCannotMap() throws Exception {
        // 🔍 is F0 9F 94 8D; windows-1252 has no character for 8D, so a decoder leaves U+FFFD or U+008D.
        String wrong = new String(LINES.getBytes(StandardCharsets.UTF_8), Charset.forName("windows-1252"));
        assertTrue(wrong.contains("ðŸ”"));
        TaskSet set = load(writeBytes(dir, "win.log", wrong.getBytes(StandardCharsets.UTF_8)));
        assertEquals("🔍 LOOP [8/32]: Processing param='x' ✅ → done", set.store().message(0));
        assertEquals(2, repairs(set, 0, Repair.MOJIBAKE_WINDOWS1252));
    }

    @Test
    void leavesCorrectTextAlone() {
        assertEquals("→ café ✅", TextRepair.repair("→ café ✅", TextRepair.Kind.MACROMAN));
        assertEquals("plain", TextRepair.repair("plain", TextRepair.Kind.WINDOWS1252));
    }

    @Test
    void stripsAByteOrderMarkAndReadsCrlf() throws Exception {
        byte[] text = LINES.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[text.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(text, 0, bytes, 3, text.length);
        TaskSet set = load(writeBytes(dir, "bom.log", bytes));
        assertEquals(2, set.store().size());
        assertEquals("⚠️ second ├─ row", set.store().message(1), "no \\r left in the message");
        assertEquals(1, repairs(set, 0, Repair.BYTE_ORDER_MARK));
        assertEquals(2, repairs(set, 0, Repair.CRLF));
    }

    @Test
    void replacesInvalidUtf8WithoutFailing() throws Exception {
        byte[] head = "[INFO] 2026-02-24T14:31:53.550575: bad ".getBytes(StandardCharsets.UTF_8);
        byte[] tail = " byte\n".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, bytes, head.length + 2, tail.length);
        TaskSet set = load(writeBytes(dir, "bad.log", bytes));
        assertEquals("bad \uFFFD( byte", set.store().message(0));
        assertEquals(1, repairs(set, 0, Repair.INVALID_UTF8));
    }

    @Test
    void readsUtf16WithItsByteOrderMark() throws Exception {
        byte[] bytes = ("\uFEFF" + LINES).getBytes(StandardCharsets.UTF_16LE);
        TaskSet set = load(writeBytes(dir, "utf16.log", bytes));
        assertEquals(2, set.store().size());
        assertEquals("⚠️ second ├─ row", set.store().message(1));
    }

    @Test
    void readsTextAfterZeroPaddingAndStillRefusesBinary() throws Exception {
        String before = "Mar 10 23:55:30 rack3-n07 ntpd[2210]: kernel time sync disabled 0041\n"
                + "Mar 10 23:55:31 rack3-n07 kernel: Out of Memory: Killed process 13990 (java).\n";
        String after = "Mar 11 00:02:13 rack3-n07 syslogd 1.4.1: restart.\nMar 11 00:02:14 rack3-n07 kernel: EXT3-fs: recovery complete.\n";
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] b = after.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[a.length + 2048 + b.length];
        System.arraycopy(a, 0, bytes, 0, a.length);
        System.arraycopy(b, 0, bytes, a.length + 2048, b.length);
        TaskSet set = load(writeBytes(dir, "messages", bytes));
        assertEquals(4, set.store().size());
        assertEquals(3, set.store().line(2), "the lines stay where they were");
        assertEquals("syslogd 1.4.1: restart.", set.store().message(2).substring(set.store().message(2).indexOf("syslogd")));
        assertEquals(2048, repairs(set, 0, Repair.NUL_BYTES));
        // A format of control bytes is no text.
        TaskSet refused = load(writeBytes(dir, "core.bin", new byte[]{0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0, 1, 0, 0, 0, '\n', 0x10, 0x11, '\n'}));
        assertEquals(0, refused.store().size());
        assertTrue(report(refused, 0).fatal().contains("core.bin"), report(refused, 0).fatal());
    }

    @Test
    void readsUtf16WithoutItsByteOrderMarkInEitherByteOrder() throws Exception {
        // what PowerShell 5's Out-File and > write
        String text = "Mar 10 23:55:30 rack3-n07 ntpd[2210]: kernel time sync disabled – drift 0041\r\n"
                + "Mar 10 23:55:31 rack3-n07 kernel: Out of Memory: Killed process 13990 (java).\r\n";
        for (Charset cs : new Charset[]{StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE}) {
            TaskSet set = load(writeBytes(dir, "ps-" + cs.name() + ".log", text.getBytes(cs)));
            assertNull(report(set, 0).fatal(), cs + ": " + report(set, 0).fatal());
            assertEquals(2, set.store().size(), cs.name());
            assertTrue(set.store().message(0).endsWith("kernel time sync disabled – drift 0041"), cs + ": " + set.store().message(0));
            assertEquals(1, repairs(set, 0, Repair.UTF16_UNMARKED), "the report says how the file was read");
        }
    }
}
