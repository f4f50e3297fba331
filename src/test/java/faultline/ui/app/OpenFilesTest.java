package faultline.ui.app;

import faultline.Samples;
import faultline.importer.ImportOptions;
import faultline.model.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Opening files as a user does: bad files are told in the window, source settings re-read the files. */
class OpenFilesTest {
    @TempDir
    Path dir;
    private App app;
    private final FxRobot robot = new FxRobot();

    private void start(String... args) throws Exception {
        app = TestWindow.start(args);
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.stop(app);
    }

    @Test
    void aBadFileIsToldInTheWindowAndTheOthersOpen() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.log"), "");
        Path console = Files.copy(Samples.files().get(0), dir.resolve(Samples.files().get(0).getFileName()));
        start(empty.toString(), console.toString());
        ProblemBanner banner = robot.lookup("#notifications").queryAs(ProblemBanner.class);
        assertTrue(banner.isShowing(), "the problem is shown, not swallowed");
        assertTrue(banner.getText().contains("empty.log: the file is empty"), banner.getText());
        assertTrue(app.viewModel().document().taskSetProperty().get().tasks().size() >= 4, "the console log still opened");
    }

    @Test
    void aClockOffsetReReadsTheFileWithShiftedTimes() throws Exception {
        Path console = Files.copy(Samples.files().get(0), dir.resolve(Samples.files().get(0).getFileName()));
        start(console.toString());
        EventStore before = app.viewModel().document().taskSetProperty().get().store();
        long first = before.nanos(0);
        ImportOptions o = ImportOptions.defaults().set(console,
                new ImportOptions.SourceOptions(null, java.time.ZoneOffset.UTC, 2_000_000_000L, null));
        faultline.model.Note note = faultline.model.Note.point(Samples.CURRENT, first, "just typed");
        robot.interact(() -> {
            app.viewModel().notes().add(note); // not autosaved yet when the files are read again
            app.viewModel().opener().reopenWith(o);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> !app.viewModel().opener().busyProperty().get() && app.viewModel().document().taskSetProperty().get().store() != before);
        assertEquals(first + 2_000_000_000L, app.viewModel().document().taskSetProperty().get().store().nanos(0));
        assertEquals(java.util.List.of(note), java.util.List.copyOf(app.viewModel().notes().list()), "nothing typed is lost by a re-read");

        Path ws = faultline.workspace.WorkspaceStore.locationFor(java.util.List.of(console));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(ws)
                && faultline.workspace.WorkspaceStore.read(ws).orElseThrow().sources().get(0).offsetNanos() == 2_000_000_000L);
        stop();
        start(console.toString());
        assertEquals(first + 2_000_000_000L, app.viewModel().document().taskSetProperty().get().store().nanos(0),
                "the same log opened again is read with its saved clock offset");
        assertEquals(java.util.List.of(note), java.util.List.copyOf(app.viewModel().notes().list()));
    }

    @Test
    void aFailedTaskWithoutLogLinesOpensAloneAndCancelLeavesAUsableWindow() throws Exception {
        Path row = Files.copy(Samples.files().get(3), dir.resolve("task_c2d9f4a6.json"));
        start(row.toString());
        MainViewModel vm = app.viewModel();
        assertTrue(vm.compare().compared().stream().anyMatch(t -> t.id().equals(Samples.CURRENT) && t.eventCount() == 0),
                "the failed task without log lines is compared: " + vm.compare().compared());
        assertTrue(vm.compare().comparisonProperty().get() != null);
        assertTrue(vm.status().textProperty().get().matches("[0-9,]+ lines · .* tasks \\(3 failed\\) · .*"), vm.status().textProperty().get());
        assertTrue(vm.status().problems().isEmpty(), vm.status().problems().toString());

        Path console = Files.copy(Samples.files().get(0), dir.resolve(Samples.files().get(0).getFileName()));
        robot.interact(() -> {
            vm.opener().open(java.util.List.of(console));
            vm.opener().cancel();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.opener().busyProperty().get());
        assertTrue(vm.status().textProperty().get().startsWith("Import cancelled"), vm.status().textProperty().get());
        assertEquals(java.util.List.of(row.toAbsolutePath().normalize()), java.util.List.copyOf(vm.document().files()), "the files open before are kept");
        robot.interact(() -> vm.opener().open(java.util.List.of(console)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.opener().busyProperty().get() && vm.document().files().contains(console.toAbsolutePath().normalize())
                || vm.document().files().contains(console));
        assertTrue(vm.document().taskSetProperty().get().tasks().size() >= 4, "the window opens files again after a Cancel");
    }

    @Test
    void reReadingAfterTheLogWasDeletedKeepsTheWorkspacesComparedTasks() throws Exception {
        Path console = Files.copy(Samples.files().get(0), dir.resolve(Samples.files().get(0).getFileName()));
        start(console.toString());
        MainViewModel vm = app.viewModel();
        java.util.List<String> compared = vm.compare().compared().stream().map(t -> t.id()).toList();
        assertEquals(2, compared.size());
        Path ws = vm.workspace().pathProperty().get();
        robot.interact(() -> vm.notes().add(faultline.model.Note.point(compared.get(0), 0, "seen")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(ws));
        Files.delete(console);
        robot.interact(() -> vm.opener().reopenWith(vm.document().options()));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.opener().busyProperty().get() && vm.compare().compared().isEmpty());
        assertTrue(vm.status().problems().stream().anyMatch(p -> p.contains("no such file")), vm.status().problems().toString());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(ws)
                && faultline.workspace.WorkspaceStore.read(ws).orElseThrow().compared().equals(compared));
        assertTrue(faultline.workspace.WorkspaceStore.read(ws).orElseThrow().sources().get(0).fingerprint() != null,
                "what was known of the file is kept");
    }
}
