package faultline.ui.app;

import faultline.FleetFixture;
import faultline.model.Task;
import faultline.ui.background.ManualJobs;
import faultline.ui.tasks.TaskListOrder;
import faultline.ui.tasks.TaskListViewModel;
import faultline.ui.tasks.TaskRow;
import javafx.scene.control.TreeItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The task list as its view-model makes it, without a toolkit: the rows of a fleet's log in the set's
 * order, searched, grouped and ordered by a column, and a second open that replaces every row under the
 * same root (a root per open would stay held by the table).
 */
class TaskListViewModelTest {
    @TempDir
    Path dir;
    private Preferences prefs;
    @org.junit.jupiter.api.extension.RegisterExtension
    final faultline.OwnDataFolder data = new faultline.OwnDataFolder();
    private MainViewModel vm;
    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        file = FleetFixture.write(dir.resolve("fleet_system_logs.log"));
        prefs = Preferences.userRoot().node("faultline-test-list-" + ProcessHandle.current().pid());
        vm = new MainViewModel(new Settings(prefs), ManualJobs.direct());
        vm.opener().open(List.of(file));
    }

    @AfterEach
    void tearDown() throws Exception {
        prefs.removeNode();
    }

    private List<Task> shownTasks() {
        return vm.tasks().shownRows().stream().filter(r -> !r.isGroup()).map(TaskRow::task).toList();
    }

    @Test
    void everyTaskIsShownInTheSetsOrderWithTheFailuresSignatures() {
        assertEquals(vm.document().taskSet().tasks(), shownTasks());
        for (TaskRow r : vm.tasks().shownRows()) {
            assertEquals(r.task().failed(), !r.signatureProperty().get().isEmpty(), r.task().shortId());
        }
    }

    @Test
    void theComparedTasksRowsShowTheSignatureTheirAnalysisMadeWhole() {
        assertTrue(!vm.compare().compared().isEmpty());
        for (Task t : vm.compare().compared()) {
            TaskRow row = vm.tasks().shownRows().stream().filter(r -> r.task() == t).findFirst().orElseThrow();
            String whole = new faultline.analysis.Analyzer(vm.document().taskSet()).analyse(t).crash().signature().shortText();
            assertEquals(whole, row.signatureProperty().get(), t.shortId());
        }
    }

    @Test
    void aListGroupedBeforeTheOpenGroupsTheComparedTasksByTheirWholeSignature() {
        vm.tasks().groupedProperty().set(true);
        vm.opener().open(List.of(file));
        List<TreeItem<TaskRow>> heads = vm.tasks().root().getChildren().stream().filter(i -> i.getValue().isGroup()).toList();
        assertEquals(1, heads.size());
        assertTrue(heads.get(0).getValue().group().contains("parameter resolution"), heads.get(0).getValue().group());
    }

    @Test
    void theSearchFindsTasksByIdAndBySignatureInAnyCase() {
        TaskListViewModel list = vm.tasks();
        Task third = vm.document().taskSet().tasks().get(2);
        list.searchProperty().set(third.shortId().toUpperCase(java.util.Locale.ROOT));
        assertEquals(List.of(third), shownTasks());
        list.searchProperty().set("attributeerror");
        assertEquals(FleetFixture.FAILED, shownTasks().size());
        assertTrue(shownTasks().stream().allMatch(Task::failed));
        list.searchProperty().set("");
        assertEquals(vm.document().taskSet().tasks().size(), shownTasks().size());
    }

    @Test
    void groupedTheFailuresSitUnderOneHeaderPerSignatureAndTheOthersStayOnTheirOwn() {
        TaskListViewModel list = vm.tasks();
        list.groupedProperty().set(true);
        List<TreeItem<TaskRow>> top = list.root().getChildren();
        List<TreeItem<TaskRow>> heads = top.stream().filter(i -> i.getValue().isGroup()).toList();
        assertEquals(1, heads.size());
        assertEquals(FleetFixture.FAILED, heads.get(0).getChildren().size());
        assertTrue(heads.get(0).getValue().comparedProperty().get(), "all eight failures are compared: the header is checked");
        assertEquals(2, top.stream().filter(i -> !i.getValue().isGroup()).count(), "the two tasks that did not fail");
    }

    @Test
    void aColumnOrdersTheListByItsValueAndAgainstItWithTheSetsOrderBack() {
        TaskListViewModel list = vm.tasks();
        list.orderProperty().set(new TaskListOrder(List.of(new TaskListOrder.Key(TaskListOrder.Column.START, false))));
        List<TaskRow> rows = list.shownRows();
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i - 1).start() >= rows.get(i).start(), "latest start first");
        }
        list.orderProperty().set(new TaskListOrder(List.of(new TaskListOrder.Key(TaskListOrder.Column.STATUS, true),
                new TaskListOrder.Key(TaskListOrder.Column.START, true))));
        rows = list.shownRows();
        for (int i = 1; i < rows.size(); i++) {
            String a = rows.get(i - 1).task().status().label();
            String b = rows.get(i).task().status().label();
            assertTrue(a.compareTo(b) < 0 || a.equals(b) && rows.get(i - 1).start() <= rows.get(i).start(), "by status, then by start");
        }
        list.orderProperty().set(TaskListOrder.NONE);
        assertEquals(vm.document().taskSet().tasks(), shownTasks());
    }

    @Test
    void openingTheFileAgainReplacesEveryRowUnderTheSameRoot() {
        TaskListViewModel list = vm.tasks();
        TreeItem<TaskRow> root = list.root();
        TaskRow before = list.shownRows().get(0);
        vm.opener().open(List.of(file));
        assertSame(root, list.root());
        assertEquals(vm.document().taskSet().tasks(), shownTasks(), "the rows are the new set's");
        assertNotSame(before, list.shownRows().get(0));
        assertTrue(list.shownRows().stream().noneMatch(r -> r == before));
    }

    @Test
    void aLongListGoesInStepsAndANewerTreeStopsTheStepsOfTheOlder() throws Exception {
        Path many = dir.resolve("many_system_logs.log");
        StringBuilder text = new StringBuilder();
        int tasks = 9_000;
        for (int k = 0; k < tasks; k++) {
            String id = String.format("%08x-0000-4000-8000-%012x", k + 1, k + 1);
            String at = String.format("2026-03-01T06:%02d:%02d.%06d", k / 3600 % 60, k / 60 % 60, k % 60 * 1000);
            text.append(at).append(" [INFO] [worker] HEADLESS: [CLAIM] Claimed task ").append(id).append(" (type=travel_segment)\n");
            text.append(at).append(" [INFO] [worker] HEADLESS: Finished task ").append(id).append(" (Success: True)\n");
        }
        Files.writeString(many, text);
        ManualJobs jobs = ManualJobs.held();
        MainViewModel m = new MainViewModel(new Settings(prefs), jobs);
        List<Object> shown = new java.util.ArrayList<>();
        m.tasks().shownProperty().addListener((o, a, b) -> shown.add(b));
        m.opener().open(List.of(many));
        while (jobs.runOne()) {
            // the import and the jobs it starts; the list's steps wait
        }
        assertEquals(tasks, m.document().taskSet().tasks().size());
        assertEquals(0, m.tasks().root().getChildren().size(), "a list that never had rows waits for the next pulse");
        for (int k = 0; k < 4 && m.tasks().root().getChildren().isEmpty(); k++) {
            assertTrue(jobs.stepFx());
        }
        int first = m.tasks().root().getChildren().size();
        assertEquals(1_000, first, "the first thousand rows come in one step");
        assertTrue(shown.isEmpty(), "the tree counts as shown once all its rows are in");
        // The steps wait behind whatever else the FX thread was asked to do next.
        for (int k = 0; k < 4 && m.tasks().root().getChildren().size() == first; k++) {
            assertTrue(jobs.stepFx());
        }
        assertTrue(m.tasks().root().getChildren().size() > first, "a step adds rows");
        assertTrue(m.tasks().root().getChildren().size() < tasks, "one step adds some of the rows");
        // A search typed meanwhile: its tree replaces the rows, and the older tree's steps add none.
        m.tasks().searchProperty().set("00000007-");
        jobs.runAll();
        assertEquals(1, m.tasks().root().getChildren().size());
        assertEquals("00000007", m.tasks().root().getChildren().get(0).getValue().task().shortId());
        assertEquals(1, shown.size(), "only the search's tree was shown whole");
        m.tasks().searchProperty().set("");
        jobs.runAll();
        assertEquals(tasks, m.tasks().root().getChildren().size());
        assertEquals(m.document().taskSet().tasks(), m.tasks().root().getChildren().stream().map(i -> i.getValue().task()).toList());
        // A list that has had rows shows the first thousand of a new order at once.
        m.tasks().orderProperty().set(new faultline.ui.tasks.TaskListOrder(List.of(
                new faultline.ui.tasks.TaskListOrder.Key(faultline.ui.tasks.TaskListOrder.Column.ID, false))));
        while (jobs.runOne()) {
            // the tree in its new order; its steps wait
        }
        assertEquals(1_000, m.tasks().root().getChildren().size(), "a list that had rows shows a thousand of the next at once");
        assertEquals(String.format("%08x", tasks), m.tasks().root().getChildren().get(0).getValue().task().shortId());
    }
}
