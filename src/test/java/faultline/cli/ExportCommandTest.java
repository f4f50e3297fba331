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
