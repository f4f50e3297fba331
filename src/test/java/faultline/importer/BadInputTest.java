package faultline.importer;

import faultline.model.ParseReport;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static faultline.importer.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Bad input gets a clear message naming the file and the reason; the other files are still read. */
class BadInputTest {
    @TempDir
    Path dir;

    private static final String GOOD = "[INFO] 2026-02-24T14:31:53.550575: fine\n";

    private static String fatal(TaskSet set, int i) {
        ParseReport.FileReport r = set.report().files().get(i);
        assertNotNull(r.fatal(), "expected a refusal for " + r.file());
        return r.fatal();
    }

    @Test
    void emptyBinaryMissingAndFolderAreRefusedWithReasons() throws Exception {
        Path empty = write(dir, "empty.log", "");
        Path binary = writeBytes(dir, "image.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        Path missing = dir.resolve("gone.log");
        Path folder = Files.createDirectory(dir.resolve("logs"));
        Path good = write(dir, "good.log", GOOD);
        TaskSet set = load(empty, binary, missing, folder, good);
        assertEquals("empty.log: the file is empty", fatal(set, 0));
        assertTrue(fatal(set, 1).startsWith("image.png: looks like a binary file"), fatal(set, 1));
        assertTrue(fatal(set, 2).startsWith("gone.log: no such file"), fatal(set, 2));
        assertEquals("logs: is a folder, not a log file", fatal(set, 3));
        assertNull(set.report().files().get(4).fatal());
        assertEquals(1, set.store().size(), "the good file is still read");
        assertEquals(4, set.report().warnings().size());
    }

    @Test
    void textWithoutTimesOpensInLineOrderAndSaysWhy() throws Exception {
        Path notes = write(dir, "notes.txt", "Shopping list\nmilk\n");
        TaskSet set = load(notes);
        ParseReport.FileReport r = set.report().files().get(0);
        assertNull(r.fatal());
        assertEquals(faultline.model.SourceFormat.TEXT_LOG, r.format());
        assertEquals(java.util.List.of("Shopping list", "milk"), Fixtures.messages(set));
        assertEquals(2, r.lines());
        assertEquals(2, r.unparsed(), "both lines are counted as not understood");
        assertTrue(r.problems().stream().anyMatch(p -> p.line() == 1 && p.reason().contains("no line of this file has a timestamp")));
        assertTrue(set.sources().get(0).untimed(), "the source says it has no clock");
        assertTrue(set.store().nanos(0) < set.store().nanos(1), "file order is kept");
    }

    @Test
    void aHugeLineIsCutNotFatal() throws Exception {
        Path f = dir.resolve("huge.log");
        try (OutputStream out = Files.newOutputStream(f)) {
            out.write("[INFO] 2026-02-24T14:31:53.550575: blob ".getBytes(StandardCharsets.UTF_8));
            byte[] chunk = new byte[1 << 20];
            java.util.Arrays.fill(chunk, (byte) 'x');
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
            out.write("\n".getBytes(StandardCharsets.UTF_8));
            out.write(GOOD.getBytes(StandardCharsets.UTF_8));
        }
        TaskSet set = load(f);
        assertNull(set.report().files().get(0).fatal());
        assertEquals(2, set.store().size());
        assertTrue(set.store().message(0).length() <= Lines.MAX_LINE, "the 100 MB line is kept cut");
        assertTrue(set.report().files().get(0).problems().stream().anyMatch(p -> p.reason().contains("cut")));
        assertEquals("fine", set.store().message(1));
    }

    @Test
    void aFileThatGrowsWhileReadIsReportedAsReadInPart() throws Exception {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 9 << 20) {
            sb.append(GOOD);
        }
        Path f = write(dir, "growing.log", sb.toString());
        AtomicBoolean appended = new AtomicBoolean();
        ImportMonitor writer = new ImportMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                if (appended.compareAndSet(false, true)) {
                    try {
                        Files.writeString(f, GOOD, StandardOpenOption.APPEND);
                    } catch (IOException e) {
                        throw new AssertionError(e);
                    }
                }
            }
        };
        TaskSet set = new Importer().importFiles(List.of(f), writer);
        String incomplete = set.report().files().get(0).incomplete();
        assertNotNull(incomplete);
        assertTrue(incomplete.contains("changed while it was read"), incomplete);
    }

    @Test
    void cancellingStopsTheImport() throws Exception {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < 9 << 20) {
            sb.append(GOOD);
        }
        Path f = write(dir, "big.log", sb.toString());
        ImportMonitor cancelled = new ImportMonitor() {
            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        assertThrows(ImportCancelledException.class, () -> new Importer().importFiles(List.of(f), cancelled));
    }
}
