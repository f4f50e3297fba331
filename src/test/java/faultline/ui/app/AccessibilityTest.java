package faultline.ui.app;

import faultline.model.Task;
import faultline.render.TimelineScene;
import faultline.ui.timeline.TimelineView;
import faultline.ui.timeline.TimelineViewModel;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBoxBase;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a screen reader finds in the window on the bundled sample. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessibilityTest {
    private App app;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    void start() throws Exception {
        app = TestWindow.sample();
    }

    @AfterAll
    void stop() throws Exception {
        TestWindow.stop(app);
    }

    @Test
    void everyControlWithoutWordsOfItsOwnHasAccessibleText() {
        List<String> mute = new ArrayList<>();
        AtomicReference<Integer> checked = new AtomicReference<>(0);
        robot.interact(() -> checked.set(walk(app.stage().getScene().getRoot(), mute)));
        assertTrue(checked.get() > 20, "the walk reached the window's controls: " + checked.get());
        assertTrue(mute.isEmpty(), "controls a screen reader cannot name: " + mute);
    }

    /** Counts the controls checked; a control that is only an icon or a symbol, with no accessible text, goes into {@code mute}. */
    private static int walk(Node n, List<String> mute) {
        int checked = 0;
        if (!n.isVisible()) {
            // Not shown, so not spoken either (a banner's action button without an action).
            return 0;
        }
        if (n instanceof ButtonBase || n instanceof Canvas || n instanceof ChoiceBox<?> || n instanceof ComboBoxBase<?>) {
            checked++;
            String accessible = n.getAccessibleText();
            String own = n instanceof Labeled l ? l.getText() : null;
            boolean words = own != null && own.codePoints().anyMatch(Character::isLetterOrDigit);
            if ((accessible == null || accessible.isBlank()) && !words) {
                mute.add(n.getClass().getSimpleName() + (n.getId() == null ? "" : "#" + n.getId()) + (own == null ? "" : " \"" + own + "\"")
                        + " in " + (n.getParent() == null ? "?" : n.getParent().getClass().getSimpleName()));
            }
        }
        if (n instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                checked += walk(c, mute);
            }
        }
        return checked;
    }

    @Test
    void theTimelineNamesTheLanesAndTheCrashAndFollowsTheSelection() throws Exception {
        TimelineView timeline = app.view().timeline();
        TimelineViewModel vm = app.viewModel().timeline();
        TimelineScene scene = vm.sceneProperty().get();
        assertTrue(scene.lanes().size() >= 2, "the sample compares two failures");
        String before = timeline.getAccessibleText();
        for (TimelineScene.Lane l : scene.lanes()) {
            assertTrue(before.contains(l.title()), "names lane " + l.title() + ": " + before);
            assertTrue(l.crash() != null && before.contains(l.crash().label()), "names the crash of " + l.title() + ": " + before);
        }
        assertEquals(javafx.scene.AccessibleRole.IMAGE_VIEW, timeline.getAccessibleRole());
        assertTrue(timeline.getAccessibleHelp().contains("[ and ]"), "the help says how to step through events");

        robot.clickOn(timeline.localToScreen(timeline.getWidth() / 2, 10));
        robot.type(KeyCode.CLOSE_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        int lane = vm.selectedLaneProperty().get();
        int index = vm.selectedIndexProperty().get();
        assertTrue(lane >= 0 && index >= 0, "] selects an event");
        String selected = timeline.getAccessibleText();
        assertNotEquals(before, selected);
        int row = scene.lanes().get(lane).marks().rows()[index];
        String message = app.viewModel().document().taskSet().store().message(row).lines().findFirst().orElse("").strip();
        String sentence = selected.substring(selected.indexOf("Selected event"));
        assertTrue(sentence.contains(scene.lanes().get(lane).title()) && sentence.contains(message.substring(0, Math.min(40, message.length()))),
                "says the selected event: " + sentence + " / " + message);

        // A new comparison of one task: only its lane is named.
        Task only = app.viewModel().document().taskSet().task(scene.lanes().get(0).taskIndex());
        robot.interact(() -> app.viewModel().compare().setCompared(List.of(only)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.sceneProperty().get() != null && vm.sceneProperty().get().lanes().size() == 1);
        WaitForAsyncUtils.waitForFxEvents();
        String one = timeline.getAccessibleText();
        assertTrue(one.startsWith("Timeline of 1 task") && one.contains(only.shortId()) && !one.contains(scene.lanes().get(1).title()), one);
    }

    @Test
    void tasksAreComparedAndTheLanesAlignedWithoutTheMouse() throws Exception {
        var table = app.view().taskList().table();
        int row = -1;
        for (int i = 0; i < table.getExpandedItemCount(); i++) {
            var item = table.getTreeItem(i);
            if (item != null && item.getValue() != null && !item.getValue().isGroup() && !item.getValue().comparedProperty().get()) {
                row = i;
                break;
            }
        }
        assertTrue(row >= 0, "a task not compared yet");
        int r = row;
        robot.interact(() -> {
            table.requestFocus();
            table.getSelectionModel().clearAndSelect(r);
        });
        Task task = table.getTreeItem(r).getValue().task();
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.viewModel().compare().compared().contains(task));
        robot.type(KeyCode.SPACE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !app.viewModel().compare().compared().contains(task));

        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.Menu align = (javafx.scene.control.Menu) bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-align".equals(i.getId())).findFirst().orElseThrow();
        javafx.scene.control.MenuItem created = align.getItems().stream().filter(i -> i.getText().replace("_", "").equals("Created"))
                .findFirst().orElseThrow();
        robot.interact(created::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.viewModel().timeline().anchorProperty().get() == faultline.model.Anchor.CREATED);
        assertTrue(((javafx.scene.control.RadioMenuItem) created).isSelected(), "the menu shows the anchor");
        robot.interact(() -> app.viewModel().timeline().align(faultline.model.Anchor.CRASH));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(align.getItems().stream().filter(i -> ((javafx.scene.control.RadioMenuItem) i).isSelected()).count() == 1
                && ((javafx.scene.control.RadioMenuItem) align.getItems().get(0)).isSelected(), "and follows the toolbar's choice");
    }
}
