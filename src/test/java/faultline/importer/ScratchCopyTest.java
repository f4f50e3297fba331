package faultline.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A large file's lone CR line ends become line ends in its scratch copy, also where a block of the copy ends on a CR. */
class ScratchCopyTest {
    @TempDir
    Path dir;

    @Test
    void crOnlyLinesOfALargeFileEachBecomeALineAcrossTheBlocksEdges() throws Exception {
        int block = 4 << 20;
        StringBuilder sb = new StringBuilder();
        int lines = 0;
        while (sb.length() < block - 40) {
            sb.append("2025-03-02 10:11:12 INFO row ").append(lines++).append('\r');
        }
        // A CR as the block's last byte, read with the byte after it in the next block; then a CRLF, which stays.
        while (sb.length() < block - 1) {
            sb.append('x');
        }
        sb.append('\r');
        lines++;
        sb.append("next row\r\n");
        lines++;
        for (int i = 0; i < 1000; i++) {
            sb.append("tail ").append(i).append('\r');
            lines++;
        }
        Path f = Files.write(dir.resolve("mac.log"), sb.toString().getBytes(StandardCharsets.US_ASCII));
        try (FileChannel ch = FileChannel.open(f)) {
            ScratchCopy.Converted c = CrLines.convert(ch, 0, Files.size(f), "mac.log", () -> false);
            try (FileChannel converted = c.channel()) {
                String out = Files.readString(c.file(), StandardCharsets.US_ASCII);
                assertEquals(Files.size(f), c.size(), "a line end for a line end: the text keeps its length");
                assertEquals(lines - 1, c.lines(), "every lone CR converted, the CR of the CRLF left");
                assertEquals(lines, out.split("\n", -1).length - 1, "no line lost or joined at the block's edge");
                assertTrue(out.contains("x\nnext row\r\n"), "a CR that ends a block before no LF is a line end");
            } finally {
                Files.deleteIfExists(c.file());
            }
        }
    }
}
