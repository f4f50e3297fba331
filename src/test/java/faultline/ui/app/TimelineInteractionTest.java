package faultline.ui.app;

import faultline.ui.timeline.TimelineView;
import faultline.ui.timeline.TimelineViewModel;

import faultline.model.Anchor;
import faultline.render.TimelineLayout;
import faultline.render.TimelineScene;
import javafx.geometry.Point2D;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The timeline driven by keys and the mouse, on the bundled sample. */
class TimelineInteractionTest {
    private App app;
    private TimelineView timeline;
    private TimelineViewModel vm;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        app = TestWindow.sample();
        timeline = app.view().timeline();
        vm = app.viewModel().timeline();
        // On the axis: a click there neither selects nor folds a lane.
        robot.clickOn(timeline.localToScreen(timeline.getWidth() / 2, 10));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.stop(app);
    }

    private long span() {
        return vm.viewportProperty().get().span();
    }

    @Test
    void plusAndMinusZoomAndBackReturns() {
        long before = span();
        robot.type(KeyCode.EQUALS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before / 2, span(), 1);
        robot.type(KeyCode.MINUS);
        robot.type(KeyCode.MINUS);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before * 2, span(), 2);
        robot.type(KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(span() > 60_000_000_000L);
        robot.press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(span() < 60_000_000_000L, "back to the view before fitting");
    }

    @Test
    void gFoldsTheIdleGaps() {
        robot.type(KeyCode.F);
        robot.type(KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.foldedProperty().get());
        assertFalse(vm.scale().folds().isEmpty(), "the minutes of waiting are folded");
        robot.type(KeyCode.G);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.foldedProperty().get());
    }

    @Test
    void shiftCShowsTheSameMomentInAllLanes() throws Exception {
        robot.press(KeyCode.SHIFT).type(KeyCode.C).release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.viewModel().compare().anchorProperty().get() == Anchor.WALL_CLOCK
                && vm.sceneProperty().get() != null && vm.sceneProperty().get().anchorLabel().equals("wall clock"));
        WaitForAsyncUtils.waitForFxEvents();
        TimelineScene.Lane first = vm.sceneProperty().get().lanes().get(0);
        assertTrue(vm.scale().contains(first.crash().at()), "the first lane's crash is in view");
        robot.type(KeyCode.C);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.viewModel().compare().anchorProperty().get() == Anchor.CRASH);
    }

    @Test
    void hoveringRepaintsOnlyTheOverlayAndClickingSelects() throws Exception {
        TimelineScene.Lane lane = vm.sceneProperty().get().lanes().get(0);
        int k = lane.marks().firstAtOrAfter(vm.scale().start(), 0);
        double x = vm.scale().x(lane.marks().times()[k]);
        double y = vm.eventY(0);
        long frames = timeline.frames();
        long overlays = timeline.overlayFrames();
        Point2D p = timeline.localToScreen(x, y);
        robot.moveTo(p);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(frames, timeline.frames(), "a mouse move does not redraw the lanes");
        assertTrue(timeline.overlayFrames() > overlays);
        assertTrue(vm.hoverTextProperty().get().contains("GENERATION") || vm.hoverTextProperty().get().contains("LOOP"),
                vm.hoverTextProperty().get());
        assertTrue(vm.hoverTextProperty().get().contains("T−") || vm.hoverTextProperty().get().contains("T+"));
        robot.clickOn(p);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(lane.marks().rows()[vm.hoverIndexProperty().get()], app.viewModel().selection().rowProperty().get());
        assertEquals(0, vm.selectedLaneProperty().get());
        assertTrue(vm.readoutProperty().get().startsWith("Cursor 2026-02-24 14:31:53."), vm.readoutProperty().get());
    }

    @Test
    void altDragShiftsOneLaneAndSaysBySoMuch() throws Exception {
        long npp = Math.round(vm.scale().nanosPerPixel());
        Point2D a = timeline.localToScreen(300, vm.eventY(1));
        Point2D b = timeline.localToScreen(350, vm.eventY(1));
        robot.press(KeyCode.ALT).drag(a, javafx.scene.input.MouseButton.PRIMARY).moveTo(b).release(javafx.scene.input.MouseButton.PRIMARY)
                .release(KeyCode.ALT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.viewModel().compare().comparisonProperty().get().shifts().get(1) != 0);
        WaitForAsyncUtils.waitForFxEvents();
        long shift = app.viewModel().compare().comparisonProperty().get().shifts().get(1);
        assertEquals(50 * npp, shift, npp * 2);
        assertEquals(0L, app.viewModel().compare().comparisonProperty().get().shifts().get(0));
        assertTrue(vm.sceneProperty().get().lanes().get(1).subtitle().contains("shifted +"));

        javafx.scene.control.MenuBar bar = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class);
        javafx.scene.control.MenuItem reset = bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-reset-shifts".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(reset::fire);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.viewModel().compare().comparisonProperty().get().shifts().get(1) == 0);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(!vm.sceneProperty().get().lanes().get(1).subtitle().contains("shifted"), "View ▸ Reset Lane Shifts undoes it");
    }

    @Test
    void bracketsStepThroughTheEventsOfALaneAndTheKeysMeasureAndShiftWhatTheMouseDrags() throws Exception {
        robot.type(KeyCode.CLOSE_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        int first = vm.selectedIndexProperty().get();
        assertTrue(first >= 0);
        robot.type(KeyCode.CLOSE_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first + 1, vm.selectedIndexProperty().get());
        robot.type(KeyCode.OPEN_BRACKET);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(first, vm.selectedIndexProperty().get());
        int lane = Math.max(0, vm.selectedLaneProperty().get());
        assertEquals(vm.sceneProperty().get().lanes().get(lane).marks().rows()[first], app.viewModel().selection().rowProperty().get());

        robot.type(KeyCode.ENTER).type(KeyCode.CLOSE_BRACKET).type(KeyCode.CLOSE_BRACKET).type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertNotNull(vm.measurementProperty().get(), "Enter, two steps, Enter: a measurement");
        assertTrue(vm.markProperty().get() == null, "ended by the second Enter");
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1, vm.selectedLaneProperty().get(), "Down selects on the lane below");
        long step = vm.keyStep();
        robot.press(KeyCode.ALT, KeyCode.SHIFT).type(KeyCode.RIGHT).release(KeyCode.SHIFT, KeyCode.ALT);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.viewModel().compare().comparisonProperty().get().shifts().get(1) != 0);
        assertEquals(step, (long) app.viewModel().compare().comparisonProperty().get().shifts().get(1), "the lane below a step later");
    }

    @Test
    void aRubberBandZoomsToItsRange() {
        long before = span();
        Point2D a = timeline.localToScreen(100, vm.eventY(0));
        Point2D b = timeline.localToScreen(200, vm.eventY(0));
        robot.press(KeyCode.SHIFT).drag(a, javafx.scene.input.MouseButton.PRIMARY).moveTo(b).release(javafx.scene.input.MouseButton.PRIMARY)
                .release(KeyCode.SHIFT);
        WaitForAsyncUtils.waitForFxEvents();
        double expected = before * 100.0 / timeline.getWidth();
        assertEquals(expected, span(), expected * 0.05);
    }
}
