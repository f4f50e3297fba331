package faultline.ui;

import faultline.analysis.Alignment;
import faultline.analysis.Analyzer;
import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.ui.background.Job;
import faultline.ui.background.Jobs;
import faultline.workspace.Workspace;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compared tasks, the alignment and the hand-set lane shifts, and the comparison computed from
 * them in the background. Each new comparison comes with what the timeline is to show of it. Changes
 * of alignment and shifts can be undone.
 */
public final class CompareModel {
    /** A comparison and what the timeline shows of it. */
    public record Shown(Comparison comparison, ViewIntent intent) {
    }

    private static final System.Logger LOG = System.getLogger("faultline.ui.compare");

    private final Document document;
    private final Status status;
    private final UndoStack undo;
    private final Job<Comparison> job;
    private final ObservableList<Task> compared = FXCollections.observableArrayList();
    private final ObservableList<Task> comparedView = FXCollections.unmodifiableObservableList(compared);
    private final ReadOnlyObjectWrapper<Anchor> anchor = new ReadOnlyObjectWrapper<>(this, "anchor", Anchor.CRASH);
    /** Hand-set shifts of lanes, by task index, in ns. */
    private final ObservableMap<Integer, Long> shifts = FXCollections.observableHashMap();
    private final ObservableMap<Integer, Long> shiftsView = FXCollections.unmodifiableObservableMap(shifts);
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ReadOnlyObjectWrapper<Shown> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    /** What the timeline shows (aligned time, folding), as a workspace keeps it. */
    private final ObjectProperty<Workspace.ViewState> view = new SimpleObjectProperty<>(this, "view");

    public CompareModel(Document document, Status status, UndoStack undo, Jobs jobs) {
        this.document = document;
        this.status = status;
        this.undo = undo;
        this.job = jobs.job("compare", Jobs.Lane.COMPUTE);
    }

    public ObservableList<Task> compared() {
        return comparedView;
    }

    public ReadOnlyObjectProperty<Anchor> anchorProperty() {
        return anchor.getReadOnlyProperty();
    }

    public Anchor anchor() {
        return anchor.get();
    }

    /** Hand-set shifts by task index, in ns (added to what the alignment gives). */
    public ObservableMap<Integer, Long> shifts() {
        return shiftsView;
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public Comparison comparison() {
        return comparison.get();
    }

    /** The comparison with what to show of it; the timeline follows this, the other views the comparison. */
    public ReadOnlyObjectProperty<Shown> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public ObjectProperty<Workspace.ViewState> viewProperty() {
        return view;
    }

    /** Sets the compared tasks (lane order): compared anew, shown at their crash windows. */
    public void setCompared(List<Task> tasks) {
        if (tasks.equals(compared)) {
            return;
        }
        compared.setAll(tasks);
        recompare(ViewIntent.FRESH);
    }

    /** Aligns the lanes on another anchor; the timeline then shows what the intent says. Undoable. */
    public void align(Anchor a, ViewIntent intent) {
        Anchor before = anchor.get();
        if (a == before) {
            return;
        }
        anchor.set(a);
        recompare(intent);
        undo.push(new UndoStack.Edit(Messages.format("undo.align", a.label()), () -> align(before, ViewIntent.CRASH_WINDOWS),
                () -> align(a, ViewIntent.CRASH_WINDOWS)));
    }

    /** Shifts a task's lane by hand (added to what the alignment gives); the view stays. Undoable. */
    public void shift(Task task, long nanos) {
        if (nanos == 0) {
            return;
        }
        Map<String, Long> before = shiftsById();
        shifts.merge(task.index(), nanos, Long::sum);
        Map<String, Long> after = shiftsById();
        recompare(ViewIntent.KEEP);
        undo.push(new UndoStack.Edit(Messages.get("undo.shift"), () -> setShifts(before), () -> setShifts(after)));
    }

    public void resetShifts() {
        if (shifts.isEmpty()) {
            return;
        }
        Map<String, Long> before = shiftsById();
        setShifts(Map.of());
        undo.push(new UndoStack.Edit(Messages.get("undo.reset-shifts"), () -> setShifts(before), () -> setShifts(Map.of())));
    }

    /** Shifts by task id (an undo outlives a re-read of the files, which may number the tasks anew). */
    private void setShifts(Map<String, Long> byId) {
        TaskSet set = document.taskSet();
        shifts.clear();
        byId.forEach((id, ns) -> set.find(id).ifPresent(t -> shifts.put(t.index(), ns)));
        recompare(ViewIntent.KEEP);
    }

    /** An import's result: compared tasks, alignment, shifts and their comparison as they were computed with it. */
    public void publish(List<Task> tasks, Anchor a, Map<Integer, Long> laneShifts, Comparison c, ViewIntent intent) {
        job.cancel();
        shifts.clear();
        shifts.putAll(laneShifts);
        anchor.set(a);
        compared.setAll(tasks);
        show(c, intent);
    }

    private void show(Comparison c, ViewIntent intent) {
        shown.set(new Shown(c, intent));
        comparison.set(c);
    }

    private void recompare(ViewIntent intent) {
        Analyzer an = document.analyzer();
        if (an == null) {
            return;
        }
        List<Task> list = List.copyOf(compared);
        Anchor a = anchor.get();
        TaskSet set = document.taskSet();
        List<Long> laneShifts = new ArrayList<>();
        for (Task t : list) {
            laneShifts.add(shifts.getOrDefault(t.index(), 0L));
        }
        job.restart(p -> {
            long t0 = System.nanoTime();
            Comparison c = Alignment.align(an.analyse(list), a, laneShifts, set);
            LOG.log(System.Logger.Level.DEBUG, () -> String.format("compared %d tasks on %s in %.1f ms", list.size(), a.label(), (System.nanoTime() - t0) / 1e6));
            return c;
        }, c -> show(c, intent), ex -> {
            if (!(ex instanceof Job.Cancelled)) {
                LOG.log(System.Logger.Level.ERROR, "analysis of the compared tasks failed", ex);
                status.problems().setAll(Messages.format("status.analysis-failed", ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())));
            }
        });
    }

    /** Shifts by task id, for a workspace. */
    public Map<String, Long> shiftsById() {
        Map<String, Long> byId = new HashMap<>();
        TaskSet set = document.taskSet();
        shifts.forEach((index, ns) -> {
            if (index < set.tasks().size()) {
                byId.put(set.task(index).id(), ns);
            }
        });
        return byId;
    }
}
