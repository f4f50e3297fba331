package faultline.ui.app;

import faultline.ui.timeline.TimelineView;
import faultline.ui.timeline.TimelineViewModel;

import faultline.Samples;
import faultline.model.Note;
import faultline.render.TimelineLayout;
import faultline.render.TimelineRenderer;
import faultline.render.TimelineScene;
import faultline.render.Viewport;
import faultline.workspace.WorkspaceStore;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Notes on the picture, and the workspace that brings them back. */
class NotesAndWorkspaceTest {
    @TempDir
    Path dir;
    private App app;
    private final FxRobot robot = new FxRobot();
    private final List<String> files = new ArrayList<>();

    @BeforeEach
    void copySample() throws Exception {
        files.addAll(TestWindow.sampleIn(dir));
    }

    private void start() throws Exception {
        app = TestWindow.start(files.toArray(new String[0]));
        app.view().timeline().setPrompt((title, initial) -> Optional.of(initial.isEmpty() ? "crash here" : initial + " (edited)"));
    }

    private void stopApp() throws Exception {
        TestWindow.stop(app);
    }

    @AfterEach
    void stop() throws Exception {
        stopApp();
    }

    private Point2D at(double x, double y) {
        return app.view().timeline().localToScreen(x, y);
    }

    @Test
    void notesAreAddedMovedEditedAndComeBackWithTheWorkspace() throws Exception {
        List<String> logHashes = files.stream().map(f -> faultline.workspace.Hashes.sha256(Path.of(f))).toList();
        start();
        TimelineView timeline = app.view().timeline();
        TimelineViewModel tl = app.viewModel().timeline();
        MainViewModel vm = app.viewModel();
        double y = tl.eventY(0);
        robot.moveTo(at(300, y));
        robot.clickOn(at(300, y));
        robot.type(KeyCode.N);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.notes().list().size());
        Note n = vm.notes().list().get(0);
        TimelineScene.Lane lane = tl.sceneProperty().get().lanes().get(0);
        assertEquals(Samples.CURRENT, n.taskId());
        assertEquals(lane.epoch(tl.scale().time(300)), n.start(), 1.0 + tl.scale().nanosPerPixel());
        // The Notes tab is made when first asked for, on the FX thread.
        java.util.concurrent.atomic.AtomicInteger listed = new java.util.concurrent.atomic.AtomicInteger();
        robot.interact(() -> listed.set(app.view().notes().list().getItems().size()));
        assertEquals(1, listed.get(), "the notes list shows it");

        TimelineRenderer.NoteBox box = waitForBox(timeline);
        long before = vm.notes().list().get(0).start();
        Point2D from = at(box.x() + 5, box.y() + 5);
        robot.drag(from, MouseButton.PRIMARY).moveTo(at(box.x() + 45, box.y() + 5)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + Math.round(40 * tl.scale().nanosPerPixel()), vm.notes().list().get(0).start(), tl.scale().nanosPerPixel() * 2);

        robot.doubleClickOn(at(waitForBox(timeline).x() + 5, box.y() + 5));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("crash here (edited)", vm.notes().list().get(0).text());

        double y1 = tl.eventY(1);
        robot.press(KeyCode.CONTROL).drag(at(100, y1), MouseButton.PRIMARY).moveTo(at(180, y1)).release(MouseButton.PRIMARY).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(2, vm.notes().list().size());
        Note range = vm.notes().list().get(1);
        assertEquals(Samples.PREVIOUS, range.taskId());
        assertTrue(range.isRange());

        robot.interact(() -> tl.zoom(0.5, 400));
        Viewport view = tl.viewportProperty().get();
        List<Note> notes = List.copyOf(vm.notes().list());
        Path ws = WorkspaceStore.locationFor(files.stream().map(Path::of).toList());
        assertTrue(ws.startsWith(TestWindow.dataDir()), "autosaved in the data folder: " + ws);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(ws) && WorkspaceStore.read(ws).orElseThrow().notes().size() == 2
                && WorkspaceStore.read(ws).orElseThrow().view().span() == view.span());
        assertTrue(Files.readString(ws).contains("crash here (edited)"), "saved on change, without asking");
        try (var beside = Files.list(dir)) {
            assertEquals(files.size(), beside.count(), "nothing is written beside the logs");
        }

        stopApp();
        start();
        assertEquals(files.size(), app.viewModel().document().taskSetProperty().get().sources().size());
        assertEquals(notes, List.copyOf(app.viewModel().notes().list()), "the notes come back exactly");
        assertEquals(view.start(), app.viewModel().timeline().viewportProperty().get().start());
        assertEquals(view.span(), app.viewModel().timeline().viewportProperty().get().span());
        assertEquals(List.of(Samples.CURRENT, Samples.PREVIOUS),
                app.viewModel().compare().compared().stream().map(t -> t.id()).toList());

        TimelineRenderer.NoteBox restored = waitForBox(app.view().timeline());
        robot.clickOn(at(restored.x() + 5, restored.y() + 5));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, app.viewModel().notes().list().size(), "Delete removes the clicked note");
        assertEquals(logHashes, files.stream().limit(logHashes.size()).map(f -> faultline.workspace.Hashes.sha256(Path.of(f))).toList(),
                "the log files are never written");
    }

    @Test
    void saveAsWritesASharedWorkspaceThatOpensAloneAndWhoseSourcesAreShownWhenOutsideItsFolder() throws Exception {
        start();
        Note n = Note.point(Samples.CURRENT, 1_771_943_513_553_318_000L, "for the colleague");
        robot.interact(() -> app.viewModel().notes().add(n));
        Path shared = dir.resolve("case.faultline.json");
        robot.interact(() -> app.viewModel().workspace().saveAs(shared));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(shared));
        assertTrue(Files.readString(shared).contains("\"path\" : \"gpu-20260224_140402-5c1e7a9d.log\""), "relative to its folder");
        stopApp();

        files.clear();
        files.add(shared.toString());
        start();
        assertEquals(List.of(n), List.copyOf(app.viewModel().notes().list()), "the shared workspace brings its files and notes");
        assertEquals(4, app.viewModel().document().taskSetProperty().get().sources().size());
        stopApp();

        Path elsewhere = TestWindow.tempDir("elsewhere");
        try {
            Path moved = Files.copy(shared, elsewhere.resolve("case.faultline.json"));
            Files.writeString(moved, Files.readString(moved).replace("\"path\" : \"", "\"path\" : \"" + dir + "/"));
            app = TestWindow.start(TestWindow.sampleIn(Files.createDirectory(elsewhere.resolve("logs"))).get(0));
            MainViewModel vm = app.viewModel();
            long before = vm.document().taskSetProperty().get().store().size();
            robot.interact(() -> vm.opener().open(List.of(moved)));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.status().offerProperty().get() != null);
            assertTrue(vm.status().offerProperty().get().message().contains("reads files outside its folder: " + dir.resolve("gpu-20260224_140402-5c1e7a9d.log")),
                    vm.status().offerProperty().get().message());
            ProblemBanner banner = robot.lookup("#notifications").queryAs(ProblemBanner.class);
            assertTrue(banner.isShowing() && banner.getText().contains("Read them?"), banner.getText());
            assertEquals(before, vm.document().taskSetProperty().get().store().size(), "nothing is read before the user says so");
            robot.interact(() -> vm.status().offerProperty().get().accept().run());
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.opener().busyProperty().get() && vm.document().taskSetProperty().get().sources().size() == 4);
            assertEquals(List.of(n), List.copyOf(vm.notes().list()));
        } finally {
            try (var all = Files.walk(elsewhere)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void aDamagedWorkspaceIsToldAndKeptAndTheChangesMadeMeanwhileAreOfferedNextTime() throws Exception {
        Path ws = WorkspaceStore.locationFor(files.stream().map(Path::of).toList());
        Files.createDirectories(ws.getParent());
        Files.writeString(ws, "{ not json");
        start();
        ProblemBanner banner = robot.lookup("#notifications").queryAs(ProblemBanner.class);
        assertTrue(banner.isShowing());
        assertTrue(banner.getText().contains("is damaged"), banner.getText());
        assertTrue(banner.getText().contains(".recovered.faultline.json"), banner.getText());
        Note kept = Note.point(Samples.CURRENT, 0, "written while the workspace was damaged");
        robot.interact(() -> app.viewModel().notes().add(kept));
        Path recovered = WorkspaceStore.recoveredOf(ws);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(recovered));
        assertEquals("{ not json", Files.readString(ws), "the damaged file is left as it was");
        stopApp();

        start();
        MainViewModel vm = app.viewModel();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.status().offerProperty().get() != null);
        assertTrue(vm.status().offerProperty().get().message().contains("were kept in " + recovered.getFileName()), vm.status().offerProperty().get().message());
        assertEquals(List.of(), List.copyOf(vm.notes().list()), "not restored unasked");
        robot.interact(() -> vm.status().offerProperty().get().accept().run());
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !vm.opener().busyProperty().get() && vm.notes().list().size() == 1);
        assertEquals(List.of(kept), List.copyOf(vm.notes().list()));
    }

    private static TimelineRenderer.NoteBox waitForBox(TimelineView timeline) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !timelineBoxes(timeline).isEmpty());
        return timelineBoxes(timeline).get(0);
    }

    private static List<TimelineRenderer.NoteBox> timelineBoxes(TimelineView timeline) {
        return timeline.noteBoxes();
    }
}

