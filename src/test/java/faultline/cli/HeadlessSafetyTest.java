package faultline.cli;

import faultline.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The headless commands never obey a log's escapes, never write over what they read, and say when they cannot write. */
class HeadlessSafetyTest {
    private static final String ID = "5a6b7c8d-1111-4222-8333-444455556666";
    @TempDir
    Path dir;

    private Path log() throws Exception {
        return Files.writeString(dir.resolve("seed.txt"), String.join("\n",
                "[INFO] 2026-03-02T08:00:00.1: HEADLESS: [CLAIM] Claimed task " + ID + " (type=travel_segment)",
                "[ERROR] 2026-03-02T08:00:01.5: QUEUE: [TASK_ERROR] Task " + ID + " failed: \u001b[31mKeyError\u001b[0m \u001b]0;owned\u0007 \u009b2J",
                "[INFO] 2026-03-02T08:00:02.5: Processing status update for " + ID + " to Failed", ""));
    }

    @Test
    void controlCharactersOfALogAreShownNotObeyed() throws Exception {
        ReportCommandTest.Run r = ReportCommandTest.run("report", log().toString());
        assertEquals(0, r.code(), r.err());
        // Colours and a window title are taken out on import; a control character left is shown by its name.
        assertTrue(r.out().contains("failed: KeyError  \\u009b2J"), r.out());
        assertFalse(r.out().contains("\u001b") || r.out().contains("\u0007") || r.out().contains("\u009b"), "no raw control character");
        Path bad = Files.writeString(dir.resolve("bad.log"), "\u001b]0;title\u0007 not a log line\n");
        ReportCommandTest.Run e = ReportCommandTest.run("report", bad.toString());
        assertEquals(1, e.code());
        assertFalse(e.err().contains("\u001b"), e.err());
    }

    @Test
    void aReportThatCannotBeWrittenExitsWithOne() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code;
        try (PrintStream full = new PrintStream(new FileOutputStream("/dev/full"), false, StandardCharsets.UTF_8)) {
            code = Cli.run(new String[]{"report", log().toString()}, full, new PrintStream(err, true, StandardCharsets.UTF_8));
        }
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("faultline report: the output could not be written"), err.toString());
    }

    @Test
    void aReportIsNeverAppendedToTheLogItReads() throws Exception {
        Path log = log();
        byte[] before = Files.readAllBytes(log);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "faultline.cli.Launcher", "report", log.toString()));
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(1, p.exitValue(), err);
        assertTrue(err.contains("the output goes to seed.txt, which is one of the files to read"), err);
        assertArrayEquals(before, Files.readAllBytes(log), "the log is byte for byte as it was");
    }

    @Test
    void exportRefusesItsInputsDevicesAndMissingFoldersBeforeWritingAnything() throws Exception {
        Path log = log();
        byte[] before = Files.readAllBytes(log);
        Path png = dir.resolve("ok.png");
        ReportCommandTest.Run r = ReportCommandTest.run("export", log.toString(), "--svg", log.toString(), "--png", png.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains(log + " is one of the logs that are open; Faultline never writes over a log"), r.err());
        assertFalse(r.out().contains("wrote"), "nothing is said to be written");
        assertFalse(Files.exists(png), "neither picture is written");
        assertArrayEquals(before, Files.readAllBytes(log));

        Path link = Files.createSymbolicLink(dir.resolve("link.svg"), log);
        r = ReportCommandTest.run("export", log.toString(), "--svg", link.toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("links to " + log.toRealPath() + ", one of the logs that are open"), r.err());

        r = ReportCommandTest.run("export", log.toString(), "--png", "/dev/full");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("/dev/full is a device, not a file"), r.err());

        r = ReportCommandTest.run("export", log.toString(), "--png", dir.resolve("new/x.png").toString());
        assertEquals(1, r.code());
        assertTrue(r.err().contains("does not exist; Faultline does not create folders unasked"), r.err());
        assertFalse(Files.exists(dir.resolve("new")));
        try (var s = Files.list(dir)) {
            assertEquals(2, s.count(), "only the log and the link: no temporary file either");
        }
    }

    @Test
    void numbersOutOfRangeAreUsageErrors() throws Exception {
        String log = Samples.files().get(0).toString();
        for (String scale : List.of("NaN", "0", "-1", "100", "Infinity")) {
            ReportCommandTest.Run r = ReportCommandTest.run("export", log, "--scale", scale, "--svg", dir.resolve("x.svg").toString());
            assertEquals(2, r.code(), scale + ": " + r.err());
            assertTrue(r.err().contains("--scale is 1 to 4"), r.err());
        }
        for (String window : List.of("9223372036854775808ns", "±9223372036854775807ns", "0..0", "-9223372036854775807ns..9223372036854775807ns")) {
            ReportCommandTest.Run r = ReportCommandTest.run("export", log, "--window", window, "--svg", dir.resolve("x.svg").toString());
            assertEquals(2, r.code(), window + ": " + r.err());
            assertTrue(r.err().startsWith("faultline export: --window " + window + ": "), r.err());
            assertFalse(r.err().contains("Exception"), r.err());
        }
        assertFalse(Files.exists(dir.resolve("x.svg")));
    }
}
