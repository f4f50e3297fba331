package faultline.ui.app;

import faultline.Samples;
import faultline.model.Anchor;
import faultline.model.Note;
import faultline.model.Task;
import faultline.ui.ViewIntent;
import faultline.ui.background.ManualJobs;
import faultline.ui.opening.EarlyImport;
import faultline.workspace.WorkspaceStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.prefs.Preferences;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window's view-models on the bundled sample without a window or a toolkit: background work runs
 * on the test's thread when the test says so, and saves wait for the test to fire their timer.
 */
class MainViewModelTest {
    @TempDir
    Path dir;
    private Preferences prefs;
    @org.junit.jupiter.api.extension.RegisterExtension
    final faultline.OwnDataFolder data = new faultline.OwnDataFolder();
    private ManualJobs jobs;
    private MainViewModel vm;
    private final List<Path> files = new ArrayList<>();

    @BeforeEach
    void setUp() throws Exception {
        for (Path p : Samples.files()) {
            files.add(Files.copy(p, dir.resolve(p.getFileName())));
        }
        prefs = Preferences.userRoot().node("faultline-test-vm-" + ProcessHandle.current().pid());
        jobs = ManualJobs.held();
        vm = new MainViewModel(new Settings(prefs), jobs);
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    private void open() {
        vm.opener().open(files);
        jobs.runAll();
    }

    private Task task(String id) {
        return vm.document().taskSet().find(id).orElseThrow();
    }

    @Test
    void theFilesOfTheCommandLineAreReadFromTheStartAndTheFirstOpenTakesThatRead() throws Exception {
        EarlyImport early = EarlyImport.start(files);
        assertNotNull(early);
        long until = System.nanoTime() + 30_000_000_000L;
        while (!early.isDone() && System.nanoTime() < until) {
            Thread.sleep(20);
        }
        assertTrue(early.isDone());
        // The log changes after the early read: the first open shows what was read at the start…
        Path log = files.stream().filter(p -> p.toString().endsWith(".log")).findFirst().orElseThrow();
        Files.writeString(log, "");
        open();
        int events = vm.document().taskSet().store().size();
        assertEquals(6, vm.document().taskSet().tasks().size(), "the read made at the start");
        assertTrue(vm.document().taskSet().report().totalLines() > 1000, "the worker log's lines, read before it changed");
        assertEquals(List.of(Samples.CURRENT, Samples.PREVIOUS), vm.compare().compared().stream().map(Task::id).toList());
        // …and reading again reads the files as they are now.
        vm.opener().reload();
        jobs.runAll();
        assertTrue(vm.document().taskSet().store().size() < events, "read again: " + vm.document().taskSet().store().size());
        assertNull(EarlyImport.start(List.of(dir.resolve("x.faultline.json"))), "a workspace is opened, not read early");
    }

    @Test
    void importKeepsTheFilesOpenBeforeUntilTheNewSetIsCompleteThenComparesTheTwoFailures() {
        vm.opener().open(files);
        assertTrue(vm.opener().busyProperty().get(), "busy while the files are read");
        assertTrue(vm.document().files().isEmpty(), "nothing half-read is shown");
        assertNull(vm.compare().comparison());

        jobs.runAll();
        assertFalse(vm.opener().busyProperty().get());
        assertEquals(files.stream().map(p -> p.toAbsolutePath().normalize()).toList(), List.copyOf(vm.document().files()));
        assertEquals(6, vm.document().taskSet().tasks().size());
        assertEquals(List.of(Samples.CURRENT, Samples.PREVIOUS), vm.compare().compared().stream().map(Task::id).toList(),
                "the newest failure and the one before it are compared");
        assertEquals(Anchor.CRASH, vm.compare().comparison().anchor());
        assertEquals(ViewIntent.Kind.FRESH, vm.compare().shownProperty().get().intent().kind(), "shown at their crash windows");
        assertTrue(vm.status().textProperty().get().contains("6 tasks"), vm.status().textProperty().get());
        assertTrue(vm.status().problems().isEmpty(), vm.status().problems().toString());
        assertEquals(List.of(files), vm.settings().recent().list().stream().map(l -> l.stream().map(Path::getFileName).toList())
                .map(l -> l.stream().map(dir::resolve).toList()).toList(), "listed under Open Recent");
    }

    @Test
    void anotherAlignmentIsComparedInTheBackgroundAndUndoBringsTheCrashBack() {
        open();
        vm.compare().align(Anchor.WALL_CLOCK, ViewIntent.SAME_MOMENT);
        assertEquals(Anchor.CRASH, vm.compare().comparison().anchor(), "the old comparison stays until the new one is ready");
        jobs.runAll();
        assertEquals(Anchor.WALL_CLOCK, vm.compare().comparison().anchor());
        assertEquals(ViewIntent.Kind.SAME_MOMENT, vm.compare().shownProperty().get().intent().kind(), "the timeline is told what to show");
        assertEquals("Align on wall clock", vm.undo().undoNameProperty().get());

        vm.undo().undo();
        jobs.runAll();
        assertEquals(Anchor.CRASH, vm.compare().comparison().anchor());
        vm.undo().redo();
        jobs.runAll();
        assertEquals(Anchor.WALL_CLOCK, vm.compare().comparison().anchor());
    }

    @Test
    void aLaneShiftKeepsTheViewAndIsUndoneAndRedone() {
        open();
        Task previous = task(Samples.PREVIOUS);
        long before = vm.compare().comparison().shifts().get(1);
        vm.compare().shift(previous, 2_000_000_000L);
        jobs.runAll();
        assertEquals(before + 2_000_000_000L, vm.compare().comparison().shifts().get(1), "the second lane moved by 2 s");
        assertEquals(ViewIntent.Kind.KEEP, vm.compare().shownProperty().get().intent().kind(), "the view stays where it was");

        vm.undo().undo();
        jobs.runAll();
        assertEquals(before, vm.compare().comparison().shifts().get(1));
        assertTrue(vm.compare().shifts().isEmpty());
        vm.undo().redo();
        jobs.runAll();
        assertEquals(before + 2_000_000_000L, vm.compare().comparison().shifts().get(1));
    }

    @Test
    void aDeletedNoteComesBackWithUndoAndEveryChangeIsSavedInTheDataFolderNotBesideTheLogs() throws Exception {
        open();
        long crash = vm.compare().comparison().anchors().get(0);
        Note n = Note.point(Samples.CURRENT, crash, "int where a float was meant");
        vm.notes().add(n);
        assertTrue(jobs.timersWaiting(), "a save is due a moment after the change");
        jobs.fireTimers();
        Path ws = vm.workspace().pathProperty().get();
        assertNotNull(ws);
        assertTrue(ws.startsWith(data.path()), "in the data folder: " + ws);
        assertEquals(List.of(n), WorkspaceStore.read(ws).orElseThrow().notes());
        try (Stream<Path> beside = Files.list(dir)) {
            assertTrue(beside.noneMatch(p -> p.getFileName().toString().endsWith(WorkspaceStore.SUFFIX)), "nothing written beside the logs");
        }

        vm.notes().remove(n.id());
        assertTrue(vm.notes().list().isEmpty());
        assertEquals("Delete Note", vm.undo().undoNameProperty().get());
        vm.undo().undo();
        assertEquals(List.of(n), List.copyOf(vm.notes().list()), "the deleted note is back");
        vm.undo().undo();
        assertTrue(vm.notes().list().isEmpty(), "and the note's adding is undone too");
        vm.undo().redo();
        assertEquals(List.of(n), List.copyOf(vm.notes().list()));
        jobs.fireTimers();
        assertEquals(List.of(n), WorkspaceStore.read(ws).orElseThrow().notes(), "what undo and redo changed is saved too");
    }

    @Test
    void aNoteTypedJustBeforeQuittingIsWrittenByTheQuit() throws Exception {
        open();
        Note n = Note.point(Samples.CURRENT, vm.compare().comparison().anchors().get(0), "typed a moment ago");
        vm.notes().add(n);
        vm.workspace().flush();
        assertFalse(jobs.timersWaiting(), "the pending save is taken over by the quit");
        assertEquals(List.of(n), WorkspaceStore.read(vm.workspace().pathProperty().get()).orElseThrow().notes());
    }

    @Test
    void aLineSelectedInTheLogSelectsItsTaskAndItsEventOnTheTimeline() {
        open();
        int index = -1;
        for (int i = 0; i < vm.log().size(); i++) {
            int row = vm.log().row(i);
            if (row >= 0 && vm.log().set().task(vm.log().store().task(row)).id().equals(Samples.PREVIOUS)) {
                index = i;
                break;
            }
        }
        assertTrue(index >= 0, "the log shows the second task's lines");
        vm.log().select(index);
        assertEquals(Samples.PREVIOUS, vm.selection().taskProperty().get().id());
        assertEquals(vm.log().row(index), vm.selection().rowProperty().get());
        assertEquals(1, vm.timeline().selectedLaneProperty().get(), "its lane on the timeline is the selected one");
        assertTrue(vm.timeline().selectedIndexProperty().get() >= 0, "and so is its event");
    }

    @Test
    void openingTheFilesAgainOrOthersLetsThePreviousModelGo() throws Exception {
        open();
        java.lang.ref.WeakReference<faultline.model.TaskSet> first = new java.lang.ref.WeakReference<>(vm.document().taskSet());
        vm.log().select(0);
        vm.notes().add(Note.point(Samples.CURRENT, vm.compare().comparison().anchors().get(0), "kept across the reopen"));
        jobs.fireTimers();
        vm.opener().reload();
        jobs.runAll();
        jobs.fireTimers();
        assertTrue(vm.document().taskSet() != first.get(), "read anew");
        for (int i = 0; i < 20 && first.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(first.get(), "nothing holds the tasks read before");

        java.lang.ref.WeakReference<faultline.model.TaskSet> second = new java.lang.ref.WeakReference<>(vm.document().taskSet());
        vm.opener().open(List.of(files.get(0)));
        jobs.runAll();
        jobs.fireTimers();
        assertEquals(List.of(files.get(0).toAbsolutePath().normalize()), List.copyOf(vm.document().files()));
        for (int i = 0; i < 20 && second.get() != null; i++) {
            System.gc();
            Thread.sleep(20);
        }
        assertNull(second.get(), "nor the files open before others were opened");
    }
}
