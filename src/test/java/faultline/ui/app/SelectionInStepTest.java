package faultline.ui.app;

import faultline.ui.inspector.InspectorViewModel;
import faultline.ui.tasks.TaskRow;
import faultline.ui.timeline.TimelineViewModel;

import faultline.analysis.ParamMatrix;
import faultline.model.EventStore;
import faultline.model.Task;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One selection, four views: the task list, the timeline, the inspector and the log stay in step. */
class SelectionInStepTest {
    private App app;
    private MainViewModel vm;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        app = TestWindow.sample();
        vm = app.viewModel();
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.stop(app);
    }

    @SuppressWarnings("unchecked")
    private TableView<ParamMatrix.Row> params() {
        return robot.lookup("#param-table").queryAs(TableView.class);
    }

    @SuppressWarnings("unchecked")
    private ListView<Integer> log() {
        return robot.lookup("#log-list").queryAs(ListView.class);
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<TaskRow> tasks() {
        return robot.lookup("#task-table").queryAs(TreeTableView.class);
    }

    @Test
    void aProvenanceLineOfTheInspectorLeadsToItsLogLineAndTimelineEvent() {
        robot.interact(() -> params().getItems().stream().filter(r -> r.name().equals("guidance_scale")).findFirst()
                .ifPresent(r -> params().getSelectionModel().select(r)));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("guidance_scale", vm.selection().parameterProperty().get());
        @SuppressWarnings("unchecked")
        ListView<InspectorViewModel.DetailLine> detail = robot.lookup("#param-detail").queryAs(ListView.class);
        InspectorViewModel.DetailLine step = detail.getItems().stream()
                .filter(l -> l.kind().equals("step") && l.text().contains("Getting old value")).findFirst().orElseThrow();
        robot.interact(() -> detail.getSelectionModel().select(step));
        WaitForAsyncUtils.waitForFxEvents();
        int row = vm.selection().rowProperty().get();
        assertEquals(step.row(), row);
        EventStore store = vm.document().taskSetProperty().get().store();
        assertTrue(store.message(row).contains("Getting old value for 'guidance_scale'"));
        assertEquals(row, (int) log().getSelectionModel().getSelectedItem(), "the log selects the line");
        TimelineViewModel t = app.viewModel().timeline();
        assertTrue(t.selectedLaneProperty().get() >= 0, "the timeline marks the event");
        assertEquals(row, t.sceneProperty().get().lanes().get(t.selectedLaneProperty().get()).marks().rows()[t.selectedIndexProperty().get()]);
        assertTrue(t.scale().contains(t.sceneProperty().get().lanes().get(t.selectedLaneProperty().get()).marks().times()[t.selectedIndexProperty().get()]));
    }

    @Test
    void aLogLineSelectsItsTaskItsEventAndItsParameter() {
        ListView<Integer> log = log();
        EventStore store = vm.document().taskSetProperty().get().store();
        int index = -1;
        for (int i = 0; i < log.getItems().size(); i++) {
            if (store.message(log.getItems().get(i)).contains("LOOP [26/32]: Processing param='guidance_phases'")) {
                index = i;
            }
        }
        assertTrue(index >= 0);
        int at = index;
        robot.interact(() -> log.getSelectionModel().clearAndSelect(at));
        WaitForAsyncUtils.waitForFxEvents();
        int row = log.getItems().get(at);
        assertEquals(row, vm.selection().rowProperty().get());
        Task task = vm.selection().taskProperty().get();
        assertNotNull(task);
        assertEquals("e040ae48", task.shortId());
        assertEquals("e040ae48", tasks().getSelectionModel().getSelectedItem().getValue().task().shortId(), "the task list follows");
        assertEquals("guidance_phases", vm.selection().parameterProperty().get(), "the inspector follows to the parameter");
        assertEquals("guidance_phases", params().getSelectionModel().getSelectedItem().name());
        TimelineViewModel t = app.viewModel().timeline();
        assertEquals(1, t.selectedLaneProperty().get());
    }

    @Test
    void keysMoveTheSelectionInTheLogAndTheTimelineFollows() {
        ListView<Integer> log = log();
        robot.interact(() -> log.getSelectionModel().clearAndSelect(10));
        robot.clickOn(log);
        robot.interact(() -> log.getSelectionModel().clearAndSelect(10));
        robot.interact(log::requestFocus);
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(11, log.getSelectionModel().getSelectedIndex());
        assertEquals((int) log.getItems().get(11), vm.selection().rowProperty().get());
    }

    @Test
    void theTaskListSelectsTheTaskAndCanGroupBySignature() {
        robot.interact(() -> vm.selection().taskProperty().set(vm.document().taskSetProperty().get().find("9b1e5d2c").orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("9b1e5d2c", tasks().getSelectionModel().getSelectedItem().getValue().task().shortId());
        robot.clickOn("#group-by-signature");
        WaitForAsyncUtils.waitForFxEvents();
        TaskRow attribute = tasks().getRoot().getChildren().stream().map(i -> i.getValue())
                .filter(r -> r.isGroup() && r.group().startsWith("AttributeError")).findFirst().orElseThrow();
        assertEquals(2, attribute.count(), "the two failures with the same signature form one group");
        assertTrue(tasks().getRoot().getChildren().stream().anyMatch(i -> !i.getValue().isGroup()
                && i.getValue().task().shortId().equals("9b1e5d2c")), "tasks that did not fail stay ungrouped");
    }
}
