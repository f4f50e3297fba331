package faultline.ui.export;

import faultline.importer.ReadFiles;
import faultline.workspace.OutputTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** What the export dialog says about the file typed or chosen, before anything asks to replace it. */
class ExportDialogCheckTest {
    @TempDir
    Path dir;

    @Test
    void openLogsDevicesAndMissingFoldersAreRefusedExistingPicturesAnnounced() throws Exception {
        Path log = Files.writeString(dir.resolve("worker.log"), "x");
        ReadFiles.add(log);
        Path old = Files.writeString(dir.resolve("old.png"), "picture");
        java.util.function.Function<Path, String> check = p -> OutputTarget.refusal(p, List.of(log));
        assertEquals("✗ Not this file: it is one of the logs that are open; Faultline never writes over a log.",
                ExportDialog.verdictOf(log.toString(), check));
        assertEquals("✗ Not this file: it is a device, not a file; Faultline writes regular files only.",
                ExportDialog.verdictOf("/dev/full", check));
        assertEquals("✗ Not this file: the folder " + dir.resolve("nope") + " does not exist; Faultline does not create folders unasked.",
                ExportDialog.verdictOf(dir.resolve("nope/x.png").toString(), check));
        assertEquals("⚠ old.png exists and will be replaced.", ExportDialog.verdictOf(old.toString(), check));
        assertNull(ExportDialog.verdictOf(dir.resolve("new.png").toString(), check));
        assertEquals("✗ Give a file name.", ExportDialog.verdictOf("  ", check));
    }
}
