package faultline.ui;

import faultline.model.Comparison;
import faultline.model.EventStore;
import faultline.model.Task;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;
import faultline.render.TimelineScene;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;

import java.util.ArrayList;
import java.util.List;

/**
 * The raw log: every line of the compared tasks (or only of the selected task) from all sources,
 * merged in time order. Follows the timeline's cursor; a click on a line selects its event.
 */
public final class LogViewModel {
    private final MainViewModel main;
    private final TimelineViewModel timeline;
    private final RowList rows = new RowList();
    private final BooleanProperty onlySelectedTask = new SimpleBooleanProperty(this, "onlySelectedTask", false);
    private final BooleanProperty followCursor = new SimpleBooleanProperty(this, "followCursor", true);
    /** Index in the list that the view should bring into view (the cursor's line), or -1. */
    private final IntegerProperty focusIndex = new SimpleIntegerProperty(this, "focusIndex", -1);
    /** Index of the selected event's line, or -1. */
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);

    public LogViewModel(MainViewModel main, TimelineViewModel timeline) {
        this.main = main;
        this.timeline = timeline;
        main.comparisonProperty().addListener((o, a, b) -> rebuild());
        main.selection().taskProperty().addListener((o, a, b) -> {
            if (onlySelectedTask.get()) {
                rebuild();
            }
        });
        onlySelectedTask.addListener((o, a, b) -> rebuild());
        main.selection().rowProperty().addListener((o, a, b) -> selectedIndex.set(indexOf(b.intValue())));
        timeline.cursorProperty().addListener((o, a, b) -> follow());
        rebuild();
    }

    RowList rows() {
        return rows;
    }

    public BooleanProperty onlySelectedTaskProperty() {
        return onlySelectedTask;
    }

    public BooleanProperty followCursorProperty() {
        return followCursor;
    }

    public IntegerProperty focusIndexProperty() {
        return focusIndex;
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public EventStore store() {
        return main.taskSetProperty().get().store();
    }

    public TaskSet set() {
        return main.taskSetProperty().get();
    }

    public int size() {
        return rows.size();
    }

    public int row(int index) {
        return rows.row(index);
    }

    private void rebuild() {
        TaskSet set = main.taskSetProperty().get();
        List<Task> tasks = new ArrayList<>();
        Task selected = main.selection().taskProperty().get();
        if (onlySelectedTask.get() && selected != null) {
            tasks.add(selected);
        } else {
            Comparison c = main.comparisonProperty().get();
            if (c != null) {
                for (TaskAnalysis a : c.tasks()) {
                    tasks.add(a.task());
                }
            }
            if (tasks.isEmpty() && selected != null) {
                tasks.add(selected);
            }
        }
        rows.setRows(merge(tasks, set.store()));
        selectedIndex.set(indexOf(main.selection().rowProperty().get()));
    }

    /** The tasks' rows (each already in time order) merged into one time order. */
    static int[] merge(List<Task> tasks, EventStore store) {
        int total = 0;
        for (Task t : tasks) {
            total += t.events().length;
        }
        int[] out = new int[total];
        int[] at = new int[tasks.size()];
        for (int k = 0; k < total; k++) {
            int best = -1;
            long bestTime = Long.MAX_VALUE;
            for (int i = 0; i < tasks.size(); i++) {
                int[] ev = tasks.get(i).events();
                if (at[i] < ev.length && store.nanos(ev[at[i]]) < bestTime) {
                    best = i;
                    bestTime = store.nanos(ev[at[i]]);
                }
            }
            out[k] = tasks.get(best).events()[at[best]++];
        }
        return out;
    }

    /** The line of a row, or -1. */
    int indexOf(int row) {
        if (row < 0) {
            return -1;
        }
        int[] a = rows.array();
        for (int i = 0; i < a.length; i++) {
            if (a[i] == row) {
                return i;
            }
        }
        return -1;
    }

    /** First line at or after an epoch time. */
    int indexAt(long epochNanos) {
        int[] a = rows.array();
        EventStore s = store();
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (s.nanos(a[mid]) < epochNanos) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return Math.min(lo, Math.max(0, a.length - 1));
    }

    /** The timeline's cursor moved: bring the line of that moment (in the hovered lane's time) into view. */
    private void follow() {
        long cursor = timeline.cursorProperty().get();
        TimelineScene scene = timeline.sceneProperty().get();
        if (!followCursor.get() || cursor == Long.MIN_VALUE || scene == null || scene.lanes().isEmpty() || rows.size() == 0) {
            return;
        }
        int lane = Math.max(0, timeline.hoverLaneProperty().get());
        focusIndex.set(indexAt(scene.lanes().get(Math.min(lane, scene.lanes().size() - 1)).epoch(cursor)));
    }

    /** A click on a line: its event becomes the selection everywhere, and the timeline shows it. */
    public void select(int index) {
        if (index < 0 || index >= rows.size()) {
            return;
        }
        int row = rows.row(index);
        int task = store().task(row);
        if (task >= 0) {
            main.selection().taskProperty().set(set().task(task));
        }
        main.selection().rowProperty().set(row);
    }
}
