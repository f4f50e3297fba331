package faultline.ui.app;

import faultline.Samples;
import faultline.model.Note;
import faultline.render.TimelineRenderer;
import faultline.ui.tasks.TaskRow;
import faultline.ui.timeline.TimelineView;
import faultline.workspace.WorkspaceStore;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window's keys wherever the focus is, and a quit that keeps what was just typed. */
class KeysAndQuitTest {
    @TempDir
    Path dir;
    private App app;
    private final FxRobot robot = new FxRobot();

    @AfterEach
    void stop() throws Exception {
        if (app != null) {
            TestWindow.stop(app);
        }
    }

    private long span() {
        return app.viewModel().timeline().viewportProperty().get().span();
    }

    @Test
    void viewKeysWorkWithTheFocusInTheTaskListButNotWhileTypingInItsSearchBox() throws Exception {
        app = TestWindow.sample();
        // A compared task's row, clicked away from its compare box: the selection changes, the comparison does not.
        Node row = robot.lookup("#task-table .tree-table-row-cell").queryAll().stream()
                .filter(n -> n instanceof TreeTableRow<?> r && r.getItem() instanceof TaskRow t && t.comparedProperty().get())
                .findFirst().orElseThrow();
        Node idCell = row.lookupAll(".tree-table-cell").stream()
                .filter(c -> c instanceof javafx.scene.control.TreeTableCell<?, ?> cell && !"⇄".equals(cell.getTableColumn().getText()))
                .findFirst().orElseThrow();
        robot.clickOn(idCell);
        WaitForAsyncUtils.waitForFxEvents();
        Node focus = app.stage().getScene().getFocusOwner();
        assertTrue(focus != null && focus.getId() != null && focus.getId().equals("task-table"), "the task list has the focus: " + focus);
        long crashWindows = span();
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(span() > 60_000_000_000L && span() > crashWindows, "F fits the tasks' whole lives from the task list: " + span());
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(crashWindows, span(), "C goes back to the crash windows");

        TextField search = robot.lookup("#task-search").queryAs(TextField.class);
        robot.clickOn(search).type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("f", search.getText(), "typed into the search box");
        assertEquals(crashWindows, span(), "and not taken as Fit All");
        robot.interact(() -> search.setText(""));
    }

    @Test
    void backspaceAndDeleteOnANoteDeleteItAndUndoBringsItBack() throws Exception {
        app = TestWindow.sample();
        long crash = app.viewModel().compare().comparison().anchors().get(0);
        Note first = Note.point(Samples.CURRENT, crash, "first");
        robot.interact(() -> app.viewModel().notes().add(first));
        TimelineView timeline = app.view().timeline();
        TimelineRenderer.NoteBox box = waitForBox(timeline, first.id());
        robot.clickOn(timeline.localToScreen(box.x() + 5, box.y() + 5));
        robot.type(KeyCode.BACK_SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.viewModel().notes().list().isEmpty(), "Backspace deleted the note clicked");

        robot.press(KeyCode.CONTROL).type(KeyCode.Z).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(first), List.copyOf(app.viewModel().notes().list()), "Ctrl+Z brings it back");

        box = waitForBox(timeline, first.id());
        // Past the double-click interval: a second click on the same spot soon after the first is a double click,
        // which opens the note for editing, and Delete then edits its text.
        robot.sleep(700, TimeUnit.MILLISECONDS);
        robot.clickOn(timeline.localToScreen(box.x() + 5, box.y() + 5));
        robot.type(KeyCode.DELETE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.viewModel().notes().list().isEmpty(), "Delete deletes it too");
    }

    @Test
    void aNoteAddedJustBeforeQuittingIsThereWhenTheFilesAreOpenedAgain() throws Exception {
        String[] files = TestWindow.sampleIn(dir).toArray(new String[0]);
        app = TestWindow.start(files);
        long crash = app.viewModel().compare().comparison().anchors().get(0);
        Note n = Note.point(Samples.CURRENT, crash, "typed just before quitting");
        robot.interact(() -> app.viewModel().notes().add(n));
        Path ws = app.viewModel().workspace().pathProperty().get();
        // Quit at once, well inside the pause after which changes are saved anyway.
        TestWindow.stop(app);
        app = null;
        assertEquals(List.of(n), WorkspaceStore.read(ws).orElseThrow().notes(), "written by the quit");

        app = TestWindow.start(files);
        assertEquals(List.of(n), List.copyOf(app.viewModel().notes().list()), "and shown when the files are opened again");
        assertFalse(app.view().banner().isShowing(), app.view().banner().getText());
    }

    private static TimelineRenderer.NoteBox waitForBox(TimelineView timeline, String id) throws Exception {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> timeline.noteBoxes().stream().anyMatch(b -> b.id().equals(id)));
        TimelineRenderer.NoteBox b = timeline.noteBoxes().stream().filter(x -> x.id().equals(id)).findFirst().orElseThrow();
        Bounds lanes = timeline.getLayoutBounds();
        assertTrue(b.x() >= 0 && b.x() + 5 < lanes.getWidth(), "the note is in view: " + b);
        return b;
    }
}
