package faultline.ui.app;

import faultline.ui.export.ExportDialog;

import faultline.Samples;
import faultline.export.TimelineExportTest;
import faultline.model.Note;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File ▸ Export Image and Edit ▸ Copy Image as the window does them, on the files it has open. */
class ExportFromWindowTest {
    @TempDir
    Path dir;
    private App app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        app = TestWindow.start(TestWindow.sampleIn(dir).toArray(new String[0]));
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.stop(app);
    }

    @Test
    void timelineAndWindowPicturesCarryTheNotesAndWhereTheyCameFrom() throws Exception {
        long crash = app.viewModel().compare().comparisonProperty().get().anchors().get(0);
        robot.interact(() -> app.viewModel().notes().add(Note.point(Samples.CURRENT, crash, "int where a float was meant")));
        WaitForAsyncUtils.waitForFxEvents();

        Path svg = dir.resolve("timeline.svg");
        exportTo(new ExportDialog.Choice(ExportDialog.What.TIMELINE, 1, "for the bug report", true), svg);
        String text = Files.readString(svg);
        assertTrue(text.contains("int where a float was meant"), "the note is in the picture");
        assertTrue(text.contains("for the bug report"), "with the chosen title");

        Path timelinePng = dir.resolve("timeline.png");
        exportTo(new ExportDialog.Choice(ExportDialog.What.TIMELINE, 3, "t", false), timelinePng);
        BufferedImage t = ImageIO.read(timelinePng.toFile());
        assertEquals(ExportDialog.DEFAULT_WIDTH * 3, t.getWidth(), "3× the export's width, whatever the pane's");

        Path windowPng = dir.resolve("window.png");
        exportTo(new ExportDialog.Choice(ExportDialog.What.WINDOW, 2, "w", false), windowPng);
        BufferedImage w = ImageIO.read(windowPng.toFile());
        assertEquals(Math.round(app.view().getScene().getWidth() * 2), w.getWidth(), 2.0, "2× the window");
        Map<String, String> meta = TimelineExportTest.pngText(windowPng);
        assertTrue(meta.get("Source files").contains("gpu-20260224_140402-5c1e7a9d.log"), meta.toString());
        assertTrue(meta.containsKey("Source hashes") && meta.containsKey("Time range") && meta.containsKey("Alignment"), meta.keySet().toString());
        assertTrue(app.viewModel().status().problems().isEmpty(), app.viewModel().status().problems().toString());

        robot.interact(() -> app.view().getScene().getWindow().requestFocus());
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.C).release(KeyCode.C, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<javafx.scene.image.Image> copied = new AtomicReference<>();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getImage()));
            return copied.get() != null;
        });
        assertNotNull(copied.get(), "Ctrl+Shift+C puts the picture on the clipboard");
        assertEquals(ExportDialog.DEFAULT_WIDTH, copied.get().getWidth(), 1.0, "the export's picture, at 1×");
    }

    /** Exports as the menu does, and waits until the file is there (it appears whole, never half-written). */
    private void exportTo(ExportDialog.Choice choice, Path target) throws Exception {
        robot.interact(() -> app.view().export().export(choice, target));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(target) || !app.viewModel().status().problems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anExportThatCannotBeWrittenIsToldAndNothingElseChanges() throws Exception {
        Path target = dir.resolve("missing").resolve("x.png");
        robot.interact(() -> {
            try {
                Files.writeString(dir.resolve("missing"), "a file where a folder is needed");
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
            app.view().export().export(new ExportDialog.Choice(ExportDialog.What.TIMELINE, 1, "t", false), target);
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.viewModel().status().problems().isEmpty());
        assertTrue(app.viewModel().status().problems().stream().anyMatch(p -> p.startsWith("Export failed: x.png")), app.viewModel().status().problems().toString());
    }
}
