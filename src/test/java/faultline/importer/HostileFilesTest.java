package faultline.importer;

import faultline.OwnDataFolder;
import faultline.model.ParseReport;
import faultline.model.ParseReport.Repair;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static faultline.importer.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Things that are not plain log files, and files that change under the reader: each is told what it is, none hangs. */
class HostileFilesTest {
    private static final String ROWS = "[INFO] 2026-03-02T08:00:00.100200: HEADLESS: first row\n"
            + "[ERROR] 2026-03-02T08:00:01.5: QUEUE: second row\n";

    @TempDir
    Path dir;
    @RegisterExtension
    final OwnDataFolder data = new OwnDataFolder();

    private static String fatal(Path p) {
        return report(load(p), 0).fatal();
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void pipesDevicesSocketsAndProcFilesAreNamedAndNeverOpened() throws Exception {
        Path fifo = dir.resolve("worker.log");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS) && Files.exists(fifo));
        assertEquals("worker.log: is a named pipe, not a file (Faultline reads files, so that it never waits for a writer)", fatal(fifo));
        Path zero = Files.createSymbolicLink(dir.resolve("zero.log"), Path.of("/dev/zero"));
        assertEquals("zero.log: links to /dev/zero, which is a device, not a file", fatal(zero));
        Path socket = dir.resolve("s.log");
        try (ServerSocketChannel s = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            s.bind(UnixDomainSocketAddress.of(socket));
            assertEquals("s.log: is a socket, not a file", fatal(socket));
        }
        assumeTrue(Files.isReadable(Path.of("/proc/self/status")));
        assertEquals("status: is a file of the kernel's proc file system, made up as it is read, not a log; copy it into a file first",
                fatal(Path.of("/proc/self/status")));
    }

    @Test
    void aGzipLogOpensAndACutOneKeepsWhatCouldBeDecompressed() throws Exception {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 2000; i++) {
            many.append("[INFO] 2026-03-02T08:00:").append(String.format("%02d.%06d", i / 100 % 60, i)).append(": row ").append(i).append('\n');
        }
        byte[] gz = gzip(many.toString());
        Path log = Files.write(dir.resolve("worker.log.gz"), gz);
        TaskSet set = load(log);
        assertNull(report(set, 0).fatal());
        assertEquals(2000, set.store().size());
        assertEquals("row 1999", set.store().message(1999));
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "nothing is decompressed beside the log");
        }

        Path cut = Files.write(dir.resolve("cut.log.gz"), java.util.Arrays.copyOf(gz, gz.length / 2));
        ParseReport.FileReport r = report(load(cut), 0);
        assertNull(r.fatal());
        assertTrue(r.events() > 100 && r.events() < 2000, "what could be decompressed: " + r.events());
        assertTrue(r.incomplete().startsWith("the gzip file ends early"), r.incomplete());
    }

    @Test
    void aLargeGzipLogIsDecompressedIntoTheCacheFolderNeverBesideTheLog() throws Exception {
        Path log = dir.resolve("big.log.gz");
        byte[] line = "[INFO] 2026-03-02T08:00:00.000001: a row that repeats to make the text larger than memory holds\n"
                .getBytes(StandardCharsets.UTF_8);
        long lines = (SourceLoader.READ_LIMIT / line.length) + 1000;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(log), 1 << 16)) {
            for (long i = 0; i < lines; i++) {
                out.write(line);
            }
        }
        TaskSet set = load(log);
        assertNull(report(set, 0).fatal());
        assertEquals(lines, set.store().size());
        try (var s = Files.list(dir)) {
            assertEquals(1, s.count(), "nothing beside the log");
        }
        try (var s = Files.list(data.path().resolve("cache").resolve("scratch"))) {
            assertEquals(1, s.count(), "the text is in the cache folder");
        }
    }

    @Test
    void otherArchivesAreNamed() throws Exception {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(zip)) {
            z.putNextEntry(new ZipEntry("worker.log"));
            z.write(ROWS.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals("logs.zip: is a zip archive, not a log; unpack it and open the log inside",
                fatal(writeBytes(dir, "logs.zip", zip.toByteArray())));
        byte[] tar = new byte[1024];
        System.arraycopy("worker.log".getBytes(StandardCharsets.US_ASCII), 0, tar, 0, 10);
        System.arraycopy("ustar".getBytes(StandardCharsets.US_ASCII), 0, tar, 257, 5);
        assertEquals("logs.tar: is a tar archive, not a log; unpack it and open the log inside", fatal(writeBytes(dir, "logs.tar", tar)));
        assertEquals("logs.tar.gz: is a tar archive, not a log; unpack it and open the log inside",
                fatal(writeBytes(dir, "logs.tar.gz", gzipBytes(tar))));
        assertEquals("logs.xz: is an xz-compressed file, not a log; unpack it and open the log inside",
                fatal(writeBytes(dir, "logs.xz", new byte[]{(byte) 0xFD, '7', 'z', 'X', 'Z', 0, 0, 4})));
        assertEquals("logs.bz2: is a bzip2-compressed file, not a log; unpack it and open the log inside",
                fatal(writeBytes(dir, "logs.bz2", "BZh91AY&SY".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("logs.7z: is a 7z archive, not a log; unpack it and open the log inside",
                fatal(writeBytes(dir, "logs.7z", new byte[]{'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4})));
        assertEquals("logs.zst: is a zstd-compressed file, not a log; unpack it and open the log inside",
                fatal(writeBytes(dir, "logs.zst", new byte[]{0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 4, 0})));
    }

    @Test
    void crOnlyLineEndsReadAsLinesAndAreCounted() throws Exception {
        TaskSet set = load(write(dir, "mac.log", ROWS.replace('\n', '\r')));
        assertEquals(2, set.store().size());
        assertEquals("QUEUE: second row", set.store().message(1));
        assertEquals(2, repairs(set, 0, Repair.CR_LINE_ENDS));
        TaskSet crlf = load(write(dir, "dos.log", ROWS.replace("\n", "\r\n")));
        assertEquals(2, crlf.store().size());
        assertEquals(0, repairs(crlf, 0, Repair.CR_LINE_ENDS), "CRLF is not CR-only");
    }

    @Test
    void aLargeFileThatShrinksWhileReadGivesShortReadsThatAreReportedAndWhatWasReadStaysUsable() throws Exception {
        Path log = dir.resolve("worker.log");
        byte[] one = ROWS.getBytes(StandardCharsets.UTF_8);
        try (FileChannel ch = FileChannel.open(log, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(1 << 20);
            while (b.remaining() >= one.length) {
                b.put(one);
            }
            b.flip();
            for (int i = 0; i < 3; i++) {
                ch.write(b.duplicate());
            }
        }
        long size = Files.size(log);
        FileChannel ch = SourceLoader.open(log, "worker.log");
        FileContent c = new FileContent(log, ch, size, 0);
        byte[] start = new byte[64];
        c.copy(0, start, 0, 64);
        assertEquals(ROWS.substring(0, 64), new String(start, StandardCharsets.UTF_8));
        long keep = size / 3 + 17;
        try (FileChannel w = FileChannel.open(log, StandardOpenOption.WRITE)) {
            w.truncate(keep); // what another program does to a log while Faultline reads it
        }
        byte[] block = new byte[(int) (size - keep + 100)];
        c.copy(keep - 100, block, 0, block.length);
        assertEquals(keep, c.endedEarlyAt(), "where the file ended is known");
        assertEquals('\n', block[100], "the last line read ends where the file ended");
        assertEquals(' ', block[block.length - 1], "and nothing is invented after it");
        assertEquals(size, c.nextNewline(keep + 1), "no line after the end");
        assertEquals(ROWS.substring(0, 10), c.decode(0, 10), "what was read stays readable");
        assertTrue(c.get(keep + 5) == ' ');

        SourceLoader.Loaded loaded = new SourceLoader.Loaded(log, size, c, java.util.Map.of(), TextRepair.Kind.NONE, null, size,
                SourceLoader.modified(log));
        assertEquals("the file changed while it was read: it ended at byte " + keep + " of " + size + "; what was read is shown",
                SourceLoader.changeNote(loaded));
        ch.close();
        assertEquals(ROWS.substring(0, 10), c.decode(0, 10), "even a closed channel is opened again");
    }

    @Test
    void aFileThatVanishesOrShrinksAfterItsImportIsToldAsChanged() throws Exception {
        Path log = write(dir, "worker.log", ROWS);
        SourceLoader.Loaded loaded = SourceLoader.load(log);
        Files.delete(log);
        assertEquals("the file was deleted while it was read; what was read is shown", SourceLoader.changeNote(loaded));
        assertEquals(ROWS.substring(0, 6), loaded.content().decode(0, 6));
    }

    @Test
    void everyFileThatWasReadIsRememberedSoThatNothingWritesOverIt() throws Exception {
        Path log = write(dir, "seed.txt", ROWS);
        load(log);
        assertTrue(ReadFiles.contains(log));
        assertTrue(ReadFiles.contains(Files.createSymbolicLink(dir.resolve("link.svg"), log)));
        assertTrue(!ReadFiles.contains(dir.resolve("other.svg")));
    }

    private static byte[] gzip(String text) throws Exception {
        return gzipBytes(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] gzipBytes(byte[] b) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(out)) {
            g.write(b);
        }
        return out.toByteArray();
    }
}
