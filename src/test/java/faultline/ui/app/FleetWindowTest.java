package faultline.ui.app;

import faultline.ui.export.ExportDialog;
import faultline.ui.tasks.TaskListView;
import faultline.ui.tasks.TaskRow;
import faultline.ui.timeline.TimelineView;
import faultline.ui.timeline.TimelineViewModel;

import faultline.FleetFixture;
import faultline.render.TimelineLayout;
import faultline.render.TimelineScene;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextField;
import javafx.scene.control.TreeItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window on a fleet's eight failures (one start for all of it): the crashes on T, lanes that
 * scroll with an overview and collapse, right-drag zoom, the measure tool into a note and an export,
 * a hover tip inside the window, groups by signature, a banner that pushes the content down, and
 * Open Recent with names as written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetWindowTest {
    private Path dir;
    private App app;
    private TimelineView timeline;
    private TimelineViewModel vm;
    private final FxRobot robot = new FxRobot();

    @BeforeAll
    void start() throws Exception {
        dir = TestWindow.tempDir("fleet");
        Path file = FleetFixture.write(dir.resolve("fleet_system_logs.log"));
        app = TestWindow.start(file.toString());
        timeline = app.view().timeline();
        vm = app.viewModel().timeline();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.sceneProperty().get() != null && vm.sceneProperty().get().lanes().size() == 8);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterAll
    void stop() throws Exception {
        TestWindow.stop(app);
    }

    private Point2D at(double x, double y) {
        return timeline.localToScreen(x, y);
    }

    /** x of the first event of a lane that is in view, at least `from` px in. */
    private double eventX(int lane, double from) {
        TimelineScene.Lane l = vm.sceneProperty().get().lanes().get(lane);
        for (int k = 0; k < l.marks().size(); k++) {
            double x = vm.scale().x(l.marks().times()[k]);
            if (x >= from && x < timeline.lanesWidth() - 5) {
                return x;
            }
        }
        throw new AssertionError("no event in view on lane " + lane);
    }

    @Test
    @Order(1)
    void eightLanesScrollUnderTheAxisWithAnOverviewAndEveryCrashOnT() {
        for (TimelineScene.Lane l : vm.sceneProperty().get().lanes()) {
            assertEquals(0, l.crash().at(), l.title() + ": the failure is T");
        }
        assertTrue(vm.overflows(), "eight lanes do not fit");
        Node bar = robot.lookup("#lane-scroll").query();
        Node overview = robot.lookup("#lane-overview").query();
        assertTrue(bar.isVisible() && overview.isVisible(), "a scroll bar and the lane overview show");
        assertTrue(timeline.lanesWidth() < timeline.getWidth() - 90, "the lanes make room for them");
        robot.clickOn(at(timeline.lanesWidth() / 2, 8));
        robot.type(KeyCode.PAGE_DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.scrollYProperty().get() > 0, "Page Down scrolls the lanes");
        Bounds o = overview.localToScreen(overview.getBoundsInLocal());
        robot.clickOn(new Point2D(o.getMinX() + o.getWidth() / 2, o.getMaxY() - 2));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(vm.layout().height() - timeline.getHeight(), vm.scrollYProperty().get(), 1.0, "a click at the overview's foot shows the last lane");
        robot.interact(() -> vm.scrollTo(0));
    }

    @Test
    @Order(2)
    void aClickOnALanesHeaderCollapsesIt() {
        double before = vm.layout().height();
        double header = vm.layout().groupTop(0) - vm.scrollYProperty().get() + 8;
        robot.clickOn(at(60, header));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.layout().collapsed(0));
        assertTrue(vm.layout().height() < before - 40, "a collapsed lane gives its rows to the others");
        robot.clickOn(at(60, header));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(vm.layout().collapsed(0));
        assertEquals(before, vm.layout().height(), 0.01);
    }

    @Test
    @Order(3)
    void aRightDragZoomsToItsRange() {
        long before = vm.viewportProperty().get().span();
        double y = vm.eventY(0);
        robot.drag(at(100, y), MouseButton.SECONDARY).moveTo(at(150, y)).moveTo(at(200, y)).release(MouseButton.SECONDARY);
        WaitForAsyncUtils.waitForFxEvents();
        double expected = before * 100.0 / timeline.lanesWidth();
        assertEquals(expected, vm.viewportProperty().get().span(), expected * 0.05);
        assertTrue(robot.lookup(".context-menu").queryAll().stream().noneMatch(Node::isVisible), "no menu after a drag");
        robot.press(KeyCode.ALT).type(KeyCode.LEFT).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(before, vm.viewportProperty().get().span(), 2);
    }

    @Test
    @Order(4)
    void theMeasureToolGivesTheExactDeltaAndGoesIntoANoteAndTheExport() throws Exception {
        robot.type(KeyCode.M);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.measuringProperty().get());
        double ya = vm.eventY(0);
        double yb = vm.eventY(1);
        double xa = eventX(0, 20);
        double xb = eventX(1, xa + 40);
        robot.drag(at(xa, ya), MouseButton.PRIMARY).moveTo(at((xa + xb) / 2, yb)).moveTo(at(xb, yb)).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        String text = vm.measureTextProperty().get();
        assertTrue(text.startsWith("Δ +") && text.contains(" → ") && text.contains("5eed"), text);
        javafx.scene.control.Label shown = robot.lookup("#measure-text").queryAs(javafx.scene.control.Label.class);
        assertEquals(text, shown.getText(), "the toolbar shows it");
        robot.clickOn("#measure-note");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(app.viewModel().notes().list().stream().anyMatch(n -> n.text().equals(text)), "kept as a note");

        Path png = dir.resolve("measured.png");
        robot.interact(() -> app.view().export().export(new ExportDialog.Choice(ExportDialog.What.TIMELINE, 1, "measured", false, 800), png));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> Files.exists(png));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(800, javax.imageio.ImageIO.read(png.toFile()).getWidth(), "the width chosen in the dialog");
        Map<String, String> meta = faultline.export.TimelineExportTest.pngText(png);
        assertEquals(text, meta.get("Measurement"));
        robot.clickOn(at(timeline.lanesWidth() / 2, 8));
        robot.type(KeyCode.ESCAPE);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(vm.measureProperty().get() == null && !vm.measuringProperty().get());
    }

    @Test
    @Order(5)
    void theHoverTipStaysInsideTheWindow() {
        double x = timeline.lanesWidth() - 3;
        TimelineScene.Lane l = vm.sceneProperty().get().lanes().get(0);
        long t = vm.scale().time(x);
        // Bring an event to the right edge, where the tip would run off the pane.
        int k = l.marks().firstAtOrAfter(vm.scale().start(), 0);
        long shift = l.marks().times()[k] - t;
        robot.interact(() -> vm.viewportProperty().set(vm.viewportProperty().get().pan(-shift / vm.scale().nanosPerPixel())));
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(at(vm.scale().x(l.marks().times()[k]), vm.eventY(0)));
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.control.Label tip = timeline.tip();
        assertTrue(tip.isVisible() && !tip.getText().isEmpty(), "a tip shows");
        Bounds b = tip.localToScene(tip.getBoundsInLocal());
        javafx.scene.Scene scene = timeline.getScene();
        assertTrue(b.getMinX() >= 0 && b.getMaxX() <= scene.getWidth() && b.getMinY() >= 0 && b.getMaxY() <= scene.getHeight(),
                "inside the window: " + b);
        Bounds pane = timeline.localToScene(timeline.getBoundsInLocal());
        assertTrue(b.getMaxX() <= pane.getMaxX() + 1 || b.getMinX() >= 0, "never cut at the pane's edge");
        robot.moveTo(at(timeline.lanesWidth() / 2, 8));
        robot.interact(vm::fit);
    }

    @Test
    @Order(7)
    void groupsShowTheirSignatureAndChecksOnEveryRowAndTheHeadersCheckCoversTheGroup() throws Exception {
        TaskListView list = app.view().taskList();
        robot.clickOn("#group-by-signature");
        WaitForAsyncUtils.waitForFxEvents();
        TreeItem<TaskRow> head = list.table().getRoot().getChildren().stream().filter(i -> i.getValue().isGroup()).findFirst().orElseThrow();
        assertEquals(8, head.getValue().count());
        assertTrue(head.getValue().groupLabel().startsWith("8 tasks · AttributeError"), head.getValue().groupLabel());
        List<CheckBox> boxes = robot.lookup("#task-table .compare-check").queryAllAs(CheckBox.class).stream().filter(Node::isVisible).toList();
        assertTrue(boxes.size() >= 9, "a check on the group's row and on each of its tasks: " + boxes.size());
        CheckBox headBox = boxes.stream().filter(b -> b.getParent() instanceof javafx.scene.control.TreeTableCell<?, ?> c
                && c.getTableRow() != null && c.getTableRow().getItem() instanceof TaskRow r && r.isGroup()).findFirst().orElseThrow();
        assertTrue(headBox.isSelected(), "all eight compared");
        robot.clickOn(headBox);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.viewModel().compare().compared().isEmpty());
        robot.clickOn(headBox);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> app.viewModel().compare().compared().size() == 8);
        robot.clickOn("#group-by-signature");
        WaitForAsyncUtils.waitForFxEvents();
        for (CheckBox b : robot.lookup("#task-table .compare-check").queryAllAs(CheckBox.class)) {
            if (b.isVisible() && b.getParent() != null) {
                Bounds cell = b.getParent().localToScene(b.getParent().getBoundsInLocal());
                Bounds box = b.localToScene(b.getBoundsInLocal());
                assertTrue(box.getMinX() >= cell.getMinX() - 0.5 && box.getMaxX() <= cell.getMaxX() + 0.5, "not clipped after ungrouping: " + box + " in " + cell);
            }
        }
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.sceneProperty().get() != null && vm.sceneProperty().get().lanes().size() == 8);
    }

    @Test
    @Order(8)
    void aProblemBannerPushesTheContentDownInsteadOfCoveringIt() throws Exception {
        TextField search = robot.lookup("#task-search").queryAs(TextField.class);
        double searchY = search.localToScene(0, 0).getY();
        double axisY = timeline.localToScene(0, 0).getY();
        robot.interact(() -> app.viewModel().status().problems().setAll("fleet_system_logs.log: 3 lines not understood"));
        WaitForAsyncUtils.waitForFxEvents();
        ProblemBanner banner = app.view().banner();
        assertTrue(banner.isShowing());
        double h = banner.getHeight();
        assertTrue(h > 10);
        assertEquals(searchY + h, search.localToScene(0, 0).getY(), 1.5, "the search box moved down by the banner");
        assertEquals(axisY + h, timeline.localToScene(0, 0).getY(), 1.5, "and so did the timeline's axis");
        Node close = robot.lookup("#problem-close").query();
        robot.clickOn(close);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(banner.isShowing(), "closed by its button at " + close.localToScreen(close.getBoundsInLocal()));
        assertEquals(searchY, search.localToScene(0, 0).getY(), 1.5);
    }

    @Test
    @Order(10)
    void openRecentShowsFileNamesAsWritten() {
        List<MenuItem> items = app.view().recentMenu().getItems();
        MenuItem recent = items.stream().filter(i -> i.getText().contains("fleet_system_logs.log")).findFirst().orElse(null);
        assertNotNull(recent, items.stream().map(MenuItem::getText).toList().toString());
        assertFalse(recent.isMnemonicParsing(), "an underscore in a file name is not a mnemonic");
    }

    @Test
    @Order(6)
    void openingTheFileAgainLetsTheModelReadBeforeGo() throws Exception {
        // The set holds the events' columns; the list's rows and tree items hold its tasks.
        List<java.lang.ref.WeakReference<Object>> rows = new java.util.ArrayList<>();
        for (TreeItem<TaskRow> i : app.view().taskList().table().getRoot().getChildren()) {
            rows.add(new java.lang.ref.WeakReference<>(i));
            rows.add(new java.lang.ref.WeakReference<>(i.getValue().task()));
        }
        java.lang.ref.WeakReference<faultline.model.TaskSet> set = new java.lang.ref.WeakReference<>(app.viewModel().document().taskSet());
        java.lang.ref.WeakReference<faultline.model.EventStore> store = new java.lang.ref.WeakReference<>(app.viewModel().document().taskSet().store());
        List<Path> files = List.copyOf(app.viewModel().document().files());
        robot.interact(() -> app.viewModel().opener().open(files));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.viewModel().opener().busyProperty().get()
                && app.viewModel().document().taskSet() != set.get());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(app.viewModel().document().taskSet().tasks().size(), app.view().taskList().table().getRoot().getChildren().size());
        long until = System.nanoTime() + 20_000_000_000L;
        while ((set.get() != null || store.get() != null || rows.stream().anyMatch(r -> r.get() != null)) && System.nanoTime() < until) {
            System.gc();
            Thread.sleep(100);
        }
        assertTrue(set.get() == null, "nothing holds the task set read before");
        assertTrue(store.get() == null, "nor its events");
        assertEquals(0, rows.stream().filter(r -> r.get() != null).count(), "nor the rows and tasks the list showed");
    }

    @Test
    @Order(9)
    void aClickOnAColumnsHeaderOrdersTheListAndASecondTurnsItRound() throws Exception {
        TaskListView list = app.view().taskList();
        Node header = robot.lookup("#task-table .column-header").queryAll().stream()
                .filter(n -> n.lookup(".label") instanceof javafx.scene.control.Label l && l.getText().equals("Id")).findFirst().orElseThrow();
        robot.clickOn(header);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !list.viewModel().busyProperty().get() && idsInOrder(list, true));
        robot.clickOn(header);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !list.viewModel().busyProperty().get() && idsInOrder(list, false));
        robot.interact(() -> list.table().getSortOrder().clear());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.viewModel().shownRows().stream().map(TaskRow::task).toList()
                .equals(app.viewModel().document().taskSet().tasks()));
    }

    @Test
    @Order(11)
    void rowsSwappedInUnderASelectedTaskKeepItSelectedAndAreAddedWithoutAFocusedRow() throws Exception {
        TaskListView list = app.view().taskList();
        javafx.scene.control.TreeTableView<TaskRow> table = list.table();
        TreeItem<TaskRow> third = table.getRoot().getChildren().get(2);
        // As a click on the row does: selected and focused.
        robot.interact(() -> {
            table.getSelectionModel().select(third);
            table.getFocusModel().focus(table.getRow(third));
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(third.getValue().task(), app.viewModel().selection().taskProperty().get());
        assertEquals(2, table.getFocusModel().getFocusedIndex(), "the selected row has focus");
        // A focused row while the rows are added costs a walk of the list per row added (n² on a fleet's list).
        List<Integer> focusAtSwap = new java.util.concurrent.CopyOnWriteArrayList<>();
        javafx.collections.ListChangeListener<TreeItem<TaskRow>> watch = c -> focusAtSwap.add(table.getFocusModel().getFocusedIndex());
        robot.interact(() -> table.getRoot().getChildren().addListener(watch));
        robot.interact(() -> list.viewModel().orderProperty().set(new faultline.ui.tasks.TaskListOrder(
                List.of(new faultline.ui.tasks.TaskListOrder.Key(faultline.ui.tasks.TaskListOrder.Column.WORKER, false)))));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !focusAtSwap.isEmpty() && !list.viewModel().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> table.getRoot().getChildren().removeListener(watch));
        assertTrue(focusAtSwap.stream().allMatch(f -> f == -1), "no row had focus while the rows were replaced: " + focusAtSwap);
        TreeItem<TaskRow> selected = table.getSelectionModel().getSelectedItem();
        assertNotNull(selected, "a task is selected after the swap");
        assertEquals(third.getValue().task(), selected.getValue().task(), "the same task");
        assertEquals(table.getRow(selected), table.getFocusModel().getFocusedIndex(), "and its row has the focus again");
        robot.interact(() -> list.viewModel().orderProperty().set(faultline.ui.tasks.TaskListOrder.NONE));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> list.viewModel().shownRows().stream().map(TaskRow::task).toList()
                .equals(app.viewModel().document().taskSet().tasks()));
    }

    private static boolean idsInOrder(TaskListView list, boolean ascending) {
        List<TreeItem<TaskRow>> items = list.table().getRoot().getChildren();
        for (int i = 1; i < items.size(); i++) {
            int c = items.get(i - 1).getValue().task().shortId().compareTo(items.get(i).getValue().task().shortId());
            if (ascending ? c > 0 : c < 0) {
                return false;
            }
        }
        return items.size() > 1;
    }
}
