package faultline.cli;

import faultline.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code faultline export}: the picture without a display. */
class ExportCommandTest {
    @TempDir
    Path dir;

    private ReportCommandTest.Run export(String... rest) {
        List<String> a = new ArrayList<>();
        a.add("export");
        for (Path p : Samples.files()) {
            a.add(p.toString());
        }
        a.addAll(List.of(rest));
        return ReportCommandTest.run(a.toArray(new String[0]));
    }

    @Test
    void writesPngAndSvgOfAChosenWindow() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path png = dir.resolve("out.png");
        Path svg = dir.resolve("out.svg");
        ReportCommandTest.Run r = export("--align", "crash", "--window", "±5ms", "--png", png.toString(), "--svg", svg.toString(),
                "--scale", "2", "--width", "1000");
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(2000, img.getWidth());
        Map<String, String> text = faultline.export.TimelineExportTest.pngText(png);
        assertTrue(text.get("Time range").contains("78cd8678 2026-02-24T14:31:53.548318"), text.get("Time range"));
        assertTrue(text.get("Time range").contains("… 2026-02-24T14:31:53.558318"), "±5 ms around the crash");
        assertTrue(Files.readString(svg).contains("<text"));
    }

    @Test
    void aConsoleOnlyFileDrawsItsCrashesOnTOrSaysWhyThereIsNone() throws Exception {
        System.setProperty("java.awt.headless", "true");
        Path console = Files.copy(Samples.files().get(0), dir.resolve(Samples.files().get(0).getFileName()));
        Path svg = dir.resolve("console.svg");
        ReportCommandTest.Run r = ReportCommandTest.run("export", console.toString(), "--window", "±5ms", "--svg", svg.toString());
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("✗ AttributeError @ LOOP [9/32] guidance_scale") && text.contains("✗ AttributeError @ LOOP [26/32] guidance_phases"),
                "both crash markers, on T");
        assertTrue(r.err().isEmpty(), r.err());
        ReportCommandTest.Run done = ReportCommandTest.run("export", console.toString(), "--task", "d47a0f83", "--window", "±5ms",
                "--svg", dir.resolve("done.svg").toString());
        assertEquals(0, done.code(), done.err());
        assertTrue(done.err().contains("d47a0f83: no crash marker") && done.err().contains("T = its first line"), done.err());
        ReportCommandTest.Run far = ReportCommandTest.run("export", console.toString(), "--window", "10s..20s", "--svg", dir.resolve("far.svg").toString());
        assertTrue(far.err().contains("78cd8678: the crash is at T, outside the window"), far.err());
    }

    @Test
    void theWorkspaceBesideTheLogsGivesTasksAlignmentNotesAndView() throws Exception {
        System.setProperty("java.awt.headless", "true");
        List<Path> logs = new ArrayList<>();
        for (Path p : Samples.files()) {
            logs.add(Files.copy(p, dir.resolve(p.getFileName())));
        }
        List<faultline.workspace.Workspace.SourceRef> refs = logs.stream()
                .map(p -> new faultline.workspace.Workspace.SourceRef(p.toAbsolutePath().toString(), 0, "", null, "Z", 0, null)).toList();
        faultline.workspace.Workspace w = new faultline.workspace.Workspace(faultline.workspace.Workspace.VERSION, refs,
                List.of(Samples.PREVIOUS, Samples.CURRENT), "LOOP_START", Map.of(),
                new faultline.workspace.Workspace.ViewState(-1_000_000L, 26_000_000L, false),
                List.of(faultline.model.Note.point(Samples.CURRENT, 1_771_943_513_553_318_000L, "int where float was meant")));
        Path ws = faultline.workspace.WorkspaceStore.besideLocation(logs); // a shared workspace beside the logs
        faultline.workspace.WorkspaceStore.write(ws, w);
        Path svg = dir.resolve("out.svg");
        List<String> a = new ArrayList<>(List.of("export"));
        logs.forEach(p -> a.add(p.toString()));
        a.addAll(List.of("--svg", svg.toString()));
        ReportCommandTest.Run r = ReportCommandTest.run(a.toArray(new String[0]));
        assertEquals(0, r.code(), r.err());
        String text = Files.readString(svg);
        assertTrue(text.contains("int where float was meant"), "the note is in the picture");
        assertTrue(text.contains("aligned on loop start"), "the workspace's alignment");
        assertTrue(text.indexOf("e040ae48") < text.indexOf("78cd8678"), "the workspace's lane order");

        ReportCommandTest.Run byWorkspace = ReportCommandTest.run("report", ws.toString());
        assertEquals(0, byWorkspace.code(), byWorkspace.err());
        assertTrue(byWorkspace.out().contains("Tasks: e040ae48 (e040ae48-4fa8-4af6-8a57-028277e54ba9), 78cd8678"), byWorkspace.out());
        assertTrue(byWorkspace.out().contains("Aligned on: loop start"), "the workspace file alone stands for its logs and choices");
    }

    @Test
    void wrongArgumentsAreToldPlainly() {
        ReportCommandTest.Run none = export();
        assertEquals(2, none.code());
        assertTrue(none.err().contains("say where to write"));
        ReportCommandTest.Run scale = export("--png", dir.resolve("x.png").toString(), "--scale", "9");
        assertEquals(2, scale.code());
        ReportCommandTest.Run window = export("--png", dir.resolve("x.png").toString(), "--window", "soon");
        assertEquals(2, window.code());
        assertTrue(window.err().contains("not a duration"), window.err());
    }
}
