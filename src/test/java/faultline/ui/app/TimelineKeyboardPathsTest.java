package faultline.ui.app;

import faultline.Samples;
import faultline.model.Note;
import faultline.render.TimelineScene;
import faultline.ui.actions.Command;
import faultline.ui.background.ManualJobs;
import faultline.ui.timeline.TimelineViewModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the mouse drags on the timeline, done with the keys through its view-model on the bundled
 * sample, without a window: a measurement, a note over a range, a lane's shift and a note's move.
 */
class TimelineKeyboardPathsTest {
    @TempDir
    Path dir;
    private Preferences prefs;
    @org.junit.jupiter.api.extension.RegisterExtension
    final faultline.OwnDataFolder data = new faultline.OwnDataFolder();
    private ManualJobs jobs;
    private MainViewModel vm;
    private TimelineViewModel t;

    @BeforeEach
    void setUp() throws Exception {
        List<Path> files = new ArrayList<>();
        for (Path p : Samples.files()) {
            files.add(Files.copy(p, dir.resolve(p.getFileName())));
        }
        prefs = Preferences.userRoot().node("faultline-test-keys-" + ProcessHandle.current().pid());
        jobs = ManualJobs.held();
        vm = new MainViewModel(new Settings(prefs), jobs);
        vm.opener().open(files);
        jobs.runAll();
        t = vm.timeline();
        t.setWidth(1000);
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    private int selectedRow() {
        return vm.selection().rowProperty().get();
    }

    @Test
    void enterMarksAnEventTheSelectionStepsAndEnterAgainEndsTheMeasurementWhichBecomesARangeNote() {
        assertFalse(t.markSelected(), "no event selected: nothing to mark");
        t.selectAdjacent(1);
        int first = selectedRow();
        assertTrue(first >= 0);
        assertTrue(t.markSelected());
        assertNotNull(t.markProperty().get(), "marked");
        for (int i = 0; i < 3; i++) {
            t.selectAdjacent(1);
        }
        int last = selectedRow();
        assertTrue(last != first);
        assertNotNull(t.measureProperty().get(), "the measurement follows the selection while marking");
        assertTrue(t.spokenProperty().get().contains("Measuring from the marked event"), t.spokenProperty().get());
        assertTrue(t.markSelected());
        assertNull(t.markProperty().get(), "the second Enter ends it");
        assertEquals(new TimelineViewModel.Measurement(Samples.CURRENT, first, Samples.CURRENT, last), t.measurementProperty().get());
        assertTrue(t.measureTextProperty().get().startsWith("Δ +"), t.measureTextProperty().get());
        // Stepping on no longer moves the fixed measurement.
        t.selectAdjacent(1);
        assertEquals(last, t.measurementProperty().get().rowB());

        assertTrue(t.addMeasuredNote("warm-up of the sampler"));
        Note n = vm.notes().list().get(0);
        assertEquals(Samples.CURRENT, n.taskId());
        long a = vm.document().taskSet().store().nanos(first);
        long b = vm.document().taskSet().store().nanos(last);
        assertEquals(Math.min(a, b), n.start());
        assertEquals(Math.max(a, b), n.end());
        assertEquals("warm-up of the sampler", n.text());
        assertEquals("Add Note", vm.undo().undoNameProperty().get());
    }

    @Test
    void upAndDownSelectTheNearestEventOfTheNeighbouringLaneAndEscClearsAMark() {
        TimelineScene s = t.sceneProperty().get();
        assertEquals(2, s.lanes().size());
        t.selectLane(1);
        assertEquals(0, t.selectedLaneProperty().get(), "from nothing: the first lane");
        long at = s.lanes().get(0).marks().times()[t.selectedIndexProperty().get()];
        t.selectLane(1);
        assertEquals(1, t.selectedLaneProperty().get());
        assertEquals(Samples.PREVIOUS, vm.selection().taskProperty().get().id(), "the task follows the lane");
        long[] times = s.lanes().get(1).marks().times();
        long chosen = Math.abs(times[t.selectedIndexProperty().get()] - at);
        for (long time : times) {
            assertTrue(Math.abs(time - at) >= chosen, "no event of the lane is nearer in time");
        }
        t.selectLane(1);
        assertEquals(1, t.selectedLaneProperty().get(), "no lane below the last");
        t.markSelected();
        t.clearMeasure();
        assertNull(t.markProperty().get());
        assertNull(t.measureProperty().get());
    }

    @Test
    void altShiftArrowsShiftTheSelectedLaneByAStepThatFollowsTheZoom() {
        t.selectLane(1);
        t.selectLane(1);
        long step = t.keyStep();
        long span = t.viewportProperty().get().span();
        assertTrue(step <= span / 100 && step > span / 500, step + " of " + span);
        long before = vm.compare().comparison().shifts().get(1);
        t.shiftSelectedLane(1);
        jobs.runAll();
        assertEquals(before + step, vm.compare().comparison().shifts().get(1), "the second lane a step later");
        assertEquals("Shift Lane", vm.undo().undoNameProperty().get());
        t.zoom(0.5, 500);
        long closer = t.keyStep();
        assertTrue(closer < step, "closer in, a smaller step: " + closer);
        t.shiftSelectedLane(-1);
        t.shiftSelectedLane(-1);
        jobs.runAll();
        assertEquals(before + step - 2 * closer, vm.compare().comparison().shifts().get(1));
        assertEquals(1, t.selectedLaneProperty().get(), "the selection stays on its lane across the new comparison");
    }

    @Test
    void commaAndPeriodSelectANoteShiftArrowsMoveItAndDeleteRemovesIt() {
        long crash = vm.compare().comparison().anchors().get(0);
        Note early = Note.point(Samples.CURRENT, crash - 1_000_000_000L, "early");
        Note late = Note.point(Samples.CURRENT, crash, "late");
        Note other = Note.point(Samples.PREVIOUS, vm.compare().comparison().anchors().get(1), "other lane");
        vm.notes().add(late);
        vm.notes().add(other);
        vm.notes().add(early);
        List<String> order = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            t.selectNote(1);
            order.add(vm.notes().find(t.selectedNoteProperty().get()).text());
        }
        assertEquals(List.of("early", "late", "other lane"), order, "lane by lane, then by time");
        t.selectNote(1);
        assertEquals(early.id(), t.selectedNoteProperty().get(), "round again");
        assertTrue(t.spokenProperty().get().contains("Selected note: early"), t.spokenProperty().get());

        long step = t.keyStep();
        t.moveSelectedNote(1);
        t.moveSelectedNote(1);
        assertEquals(early.start() + 2 * step, vm.notes().find(early.id()).start());
        assertEquals("early", vm.notes().find(early.id()).text(), "the text stays");
        assertEquals("Move Note", vm.undo().undoNameProperty().get());
        vm.undo().undo();
        assertEquals(early.start() + step, vm.notes().find(early.id()).start(), "one undo step per press");

        t.deleteSelectedNote();
        assertNull(vm.notes().find(early.id()));
        assertNull(t.selectedNoteProperty().get(), "a deleted note is no longer selected");
        vm.undo().undo();
        assertNotNull(vm.notes().find(early.id()));
    }

    @Test
    void theTimelinesKeysHaveLettersOfTheirOwnInTheirMenu() {
        Set<Character> seen = new HashSet<>();
        for (Command c : Command.values()) {
            if (c.onTimeline() && c.mnemonic >= 0) {
                assertTrue(seen.add(Character.toLowerCase(c.text.charAt(c.mnemonic))), c + " shares its letter in View ▸ Timeline Keys");
            }
        }
        assertTrue(seen.size() >= 10, "the new keys can be picked by letter: " + seen);
    }
}
