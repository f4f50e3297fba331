package faultline.ui.app;

import faultline.ui.log.LogViewModel;

import faultline.model.EventStore;
import faultline.model.Level;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The log pane on the bundled sample: search with next and previous, level filter, next error, tracebacks in place, copy. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LogPaneTest {
    private App app;
    private LogViewModel vm;
    private ListView<Integer> list;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    void start() throws Exception {
        app = TestWindow.sample();
        vm = app.view().log().viewModel();
        list = app.view().log().list();
        // The mouse crosses the timeline on its way to the log; the log is not to scroll under it.
        robot.interact(() -> vm.followCursorProperty().set(false));
    }

    @AfterAll
    void stop() throws Exception {
        TestWindow.stop(app);
    }

    private EventStore store() {
        return vm.store();
    }

    @Test
    void searchFindsTheNextAndThePreviousMatchByTextOrExpression() {
        robot.clickOn("#log-search").write("getting old value for 'guidance_scale'");
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        int first = list.getSelectionModel().getSelectedIndex();
        assertTrue(first >= 0 && store().message(vm.row(first)).contains("Getting old value for 'guidance_scale'"), "case does not matter");
        String status = robot.lookup("#log-match-status").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(status.matches("1 of \\d+"), status);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        int second = list.getSelectionModel().getSelectedIndex();
        assertTrue(second > first, "Enter: the next match");
        robot.press(KeyCode.SHIFT).type(KeyCode.ENTER).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first, list.getSelectionModel().getSelectedIndex(), "Shift+Enter: the previous");
        assertEquals(vm.row(first), app.viewModel().selection().rowProperty().get(), "the match is selected everywhere");

        robot.interact(() -> {
            vm.regexProperty().set(true);
            vm.queryProperty().set("LOOP \\[(9|26)/32\\]: Processing");
        });
        java.util.concurrent.atomic.AtomicBoolean found = new java.util.concurrent.atomic.AtomicBoolean();
        robot.interact(() -> found.set(vm.findNext(1)));
        assertTrue(found.get());
        assertTrue(store().message(vm.row(list.getSelectionModel().getSelectedIndex())).matches(".*LOOP \\[(9|26)/32\\]: Processing.*"));
        robot.interact(() -> vm.queryProperty().set("LOOP [9"));
        assertTrue(vm.matchStatusProperty().get().startsWith("not a regular expression"), vm.matchStatusProperty().get());
        robot.interact(() -> {
            vm.regexProperty().set(false);
            vm.queryProperty().set("");
        });
        TextField field = robot.lookup("#log-search").queryAs(TextField.class);
        robot.interact(field::clear);
    }

    @Test
    void levelsFilterTheLinesAndNextErrorJumps() {
        int all = vm.size();
        robot.interact(() -> vm.levels().remove(Level.DEBUG));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.size() < all);
        for (int i = 0; i < vm.size(); i++) {
            assertTrue(store().level(vm.row(i)) != Level.DEBUG);
        }
        robot.interact(() -> vm.levels().add(Level.DEBUG));
        assertEquals(all, vm.size());
        robot.interact(() -> list.getSelectionModel().clearAndSelect(0));
        javafx.scene.control.Button next = robot.lookup("#log-next-error").queryAs(javafx.scene.control.Button.class);
        robot.interact(next::fire);
        WaitForAsyncUtils.waitForFxEvents();
        int at = list.getSelectionModel().getSelectedIndex();
        assertTrue(at > 0 && store().level(vm.row(at)).isFailure(), "the next ERROR or CRITICAL line: " + at + " "
                + (at >= 0 ? store().level(vm.row(at)) + " " + store().message(vm.row(at)) : ""));
    }

    @Test
    void aTracebackOpensInPlaceAndSelectedLinesCopy() {
        robot.interact(() -> vm.expandAll(false));
        int index = -1;
        for (int i = 0; i < vm.size() && index < 0; i++) {
            if (vm.hasMore(i)) {
                index = i;
            }
        }
        assertTrue(index >= 0, "the sample has a traceback");
        int row = vm.row(index);
        int lines = store().message(row).split("\n", -1).length;
        int before = vm.size();
        int at = index;
        robot.interact(() -> {
            list.getSelectionModel().clearAndSelect(at);
            list.scrollTo(at);
        });
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.ListCell<?> cell = robot.lookup("#log-list .list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> c.getIndex() == at && c.isVisible()).findFirst().orElseThrow();
        robot.moveTo(cell);
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(cell);
        robot.type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before + lines - 1, vm.size(), "each further line of the traceback becomes a line of its own");
        assertEquals(1, vm.part(index + 1));
        assertTrue(vm.text(index + lines - 1).strip().length() > 0);

        robot.interact(() -> {
            list.getSelectionModel().clearSelection();
            list.getSelectionModel().selectRange(at, at + 3);
        });
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        AtomicReference<String> copied = new AtomicReference<>();
        robot.interact(() -> copied.set(Clipboard.getSystemClipboard().getString()));
        List<String> got = List.of(copied.get().split("\n"));
        assertEquals(3, got.size(), copied.get());
        assertTrue(got.get(0).contains(store().message(row).split("\n")[0]), got.get(0));
        assertTrue(got.get(1).contains(store().message(row).split("\n")[1].strip()), got.get(1));

        robot.interact(() -> list.getSelectionModel().clearAndSelect(at));
        robot.type(KeyCode.LEFT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, vm.size(), "← closes it again");
    }
}
