package faultline.importer;

import faultline.model.ParseReport.Repair;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.repairs;
import static faultline.importer.Fixtures.report;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A console that kept its colours when its output went to a file (docker with a tty, loguru or rich forced to
 * colour) reads as the same log without them: every layout fixture, coloured the way consoles colour, gives the
 * same events, times, levels and units.
 */
class ColouredConsoleTest {
    @TempDir
    Path dir;

    private static final String ESC = "\u001b";
    private static final Pattern LEVEL = Pattern.compile("\\b(INFO|WARNING|WARN|ERROR|DEBUG|CRITICAL|FATAL)\\b");

    /** Levels in bold colour, the line's first field dimmed, and a line erased before it (a progress bar's habit). */
    static String coloured(String text) {
        StringBuilder out = new StringBuilder();
        boolean firstLine = true;
        for (String line : text.split("\n", -1)) {
            if (!firstLine) {
                out.append('\n');
            }
            firstLine = false;
            if (line.isBlank()) {
                out.append(line);
                continue;
            }
            Matcher m = LEVEL.matcher(line);
            String l = m.replaceFirst(ESC + "[1;31m$1" + ESC + "[0m");
            int space = l.indexOf(' ');
            if (space > 0 && (Character.isDigit(l.charAt(0)) || l.charAt(0) == '[')) {
                l = ESC + "[2m" + l.substring(0, space) + ESC + "[0m" + l.substring(space);
            }
            out.append(ESC).append("[2K").append(l);
        }
        return out.toString();
    }

    @Test
    void everyTextLayoutReadsTheSameWithTerminalColours() throws Exception {
        List<String> differ = new ArrayList<>();
        int checked = 0;
        for (LayoutExpectation e : LayoutExpectation.all()) {
            byte[] bytes = Files.readAllBytes(e.file());
            String text = new String(bytes, StandardCharsets.UTF_8);
            String first = text.strip();
            String name = e.file().getFileName().toString();
            if (first.startsWith("{") || first.startsWith("[{") || name.endsWith(".csv") || name.endsWith(".gz") || text.contains(ESC)) {
                continue; // records, not console lines
            }
            Path plainDir = Files.createDirectories(dir.resolve("plain-" + checked));
            Path colourDir = Files.createDirectories(dir.resolve("colour-" + checked));
            Path plain = Files.write(plainDir.resolve(name), bytes);
            Path colour = Files.write(colourDir.resolve(name), coloured(text).getBytes(StandardCharsets.UTF_8));
            String a = Seen.of(load(plain));
            String b = Seen.of(load(colour));
            if (!a.equals(b)) {
                differ.add(e.family() + "/" + name);
            }
            checked++;
        }
        assertTrue(checked > 80, "most fixtures are console text: " + checked);
        assertTrue(differ.isEmpty(), "read differently once coloured: " + differ);
    }

    @Test
    void theReportCountsTheLinesThatHadColoursAndTheTextKeepsNone() throws Exception {
        Path f = write(dir, "uvicorn.log", coloured("""
                2025-03-02 10:11:12,345 INFO worker: claimed job 4f1c2d3e-aaaa-4bbb-8ccc-111122223333
                2025-03-02 10:11:13,002 ERROR worker: job 4f1c2d3e-aaaa-4bbb-8ccc-111122223333 failed
                """) + ESC + "]0;worker title" + (char) 7 + "plain tail\n");
        TaskSet set = load(f);
        assertEquals(3, repairs(set, 0, Repair.ANSI_ESCAPES));
        assertEquals(faultline.model.Level.ERROR, set.store().level(1));
        for (int i = 0; i < set.store().size(); i++) {
            assertTrue(set.store().raw(i).indexOf(0x1b) < 0, "no escape left in " + set.store().raw(i));
        }
        assertTrue(set.store().raw(set.store().size() - 1).endsWith("plain tail"), "a window title is no text of the line");
        assertEquals(3, report(set, 0).lines());
    }

    @Test
    void aLargeFilesScratchCopyLosesTheEscapesAndKeepsEveryLine() throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 200_000; i++) {
            sb.append(ESC).append("[32m2025-03-02 10:11:12,").append(String.format("%03d", i % 1000)).append(ESC).append("[0m ")
                    .append(ESC).append("[1;31mERROR").append(ESC).append("[0m job ").append(i).append(" failed\n");
        }
        Path f = write(dir, "big.log", sb.toString());
        try (var ch = java.nio.channels.FileChannel.open(f)) {
            ScratchCopy.Converted c = AnsiEscapes.convert(ch, 0, Files.size(f), "big.log", () -> false);
            try (java.nio.channels.FileChannel converted = c.channel()) {
                String out = Files.readString(c.file());
                assertEquals(200_000, c.lines(), "every line had colours");
                assertEquals(200_000, out.lines().count(), "no line was lost or joined at a block's edge");
                assertTrue(out.indexOf(0x1b) < 0, "no escape is left, not even one cut by a block's edge");
                assertTrue(out.startsWith("2025-03-02 10:11:12,000 ERROR job 0 failed\n"), out.substring(0, 60));
            } finally {
                Files.deleteIfExists(c.file());
            }
        }
    }

    /** What a user sees of a set: each event's line, time, level, unit and message, and each unit's status and crash site. */
    private static final class Seen {
        static String of(TaskSet set) {
            StringBuilder sb = new StringBuilder();
            var s = set.store();
            for (int i = 0; i < s.size(); i++) {
                int t = s.task(i);
                sb.append(s.line(i)).append(' ').append(s.nanos(i)).append(' ').append(s.precision(i)).append(' ')
                        .append(s.level(i)).append(' ').append(t < 0 ? "-" : set.tasks().get(t).id()).append(' ')
                        .append(s.message(i)).append('\n');
            }
            set.tasks().forEach(t -> sb.append(t.id()).append(' ').append(t.status()).append('\n'));
            return sb.toString();
        }
    }
}
