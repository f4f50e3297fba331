package faultline.ui.tasks;

import faultline.model.EventStore;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.ui.CompareModel;
import faultline.ui.Document;
import faultline.ui.SelectionModel;
import faultline.ui.Signatures;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The task list: every task of the set, filtered by the search text, with the compare checkboxes and
 * each failure's signature. Signatures arrive a batch at a time; a batch changes only its rows and is
 * told once ({@link #signaturesProperty()}), never a walk over every row per signature.
 */
public final class TaskListViewModel {
    private final Document document;
    private final CompareModel compare;
    private final Signatures signatures;
    private final SelectionModel selection;
    private final ObservableList<TaskRow> rows = FXCollections.observableArrayList();
    private final FilteredList<TaskRow> visible = new FilteredList<>(rows, r -> true);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty grouped = new SimpleBooleanProperty(this, "grouped", false);
    /** Counts the batches of signatures applied: the grouped list regroups when it changes. */
    private final ReadOnlyLongWrapper batches = new ReadOnlyLongWrapper(this, "batches");
    /** The row of each task, by task index. */
    private TaskRow[] byTask = new TaskRow[0];
    /** Task indices whose rows are checked now. */
    private final Set<Integer> checked = new HashSet<>();
    private boolean syncing;
    private final List<TaskRow> heads = new ArrayList<>();

    public TaskListViewModel(Document document, CompareModel compare, Signatures signatures, SelectionModel selection) {
        this.document = document;
        this.compare = compare;
        this.signatures = signatures;
        this.selection = selection;
        document.taskSetProperty().addListener((o, a, b) -> rebuild(b));
        signatures.addListener(this::signaturesArrived);
        compare.compared().addListener((ListChangeListener<Task>) c -> syncChecks());
        search.addListener((o, a, b) -> refilter());
        rebuild(document.taskSet());
    }

    public ObservableList<TaskRow> visibleRows() {
        return visible;
    }

    public ObservableList<TaskRow> rows() {
        return rows;
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** Group failed tasks by their failure signature. */
    public BooleanProperty groupedProperty() {
        return grouped;
    }

    /** Changes once per batch of signatures that came in. */
    public ReadOnlyLongProperty signaturesProperty() {
        return batches.getReadOnlyProperty();
    }

    public SelectionModel selection() {
        return selection;
    }

    /** The row of a task, or null. */
    public TaskRow rowOf(Task t) {
        return t == null || t.index() >= byTask.length ? null : byTask[t.index()];
    }

    /** The visible rows as groups: signature → tasks, in list order; tasks without a signature under "". */
    public Map<String, List<TaskRow>> groups() {
        Map<String, List<TaskRow>> out = new LinkedHashMap<>();
        for (TaskRow r : visible) {
            String key = r.task().failed() ? r.signatureProperty().get() : "";
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    /**
     * The visible rows grouped by signature, as the list shows them: a header row per signature
     * (whose check stands for all its tasks), the tasks without a failure signature on their own.
     */
    public List<TaskRow> groupedRows() {
        heads.clear();
        List<TaskRow> out = new ArrayList<>();
        for (Map.Entry<String, List<TaskRow>> g : groups().entrySet()) {
            if (g.getKey().isEmpty()) {
                out.addAll(g.getValue());
                continue;
            }
            TaskRow head = TaskRow.group(g.getKey(), g.getValue());
            heads.add(head);
            out.add(head);
        }
        syncHeads();
        return out;
    }

    /** Compares all the tasks of a group (after those already compared), or none of them. */
    public void setGroupCompared(TaskRow head, boolean on) {
        List<Task> next = new ArrayList<>(compare.compared());
        for (TaskRow r : head.members()) {
            if (on && !next.contains(r.task())) {
                next.add(r.task());
            } else if (!on) {
                next.remove(r.task());
            }
        }
        compare.setCompared(next);
    }

    private void syncHeads() {
        for (TaskRow h : heads) {
            long on = h.members().stream().filter(r -> r.comparedProperty().get()).count();
            h.comparedProperty().set(on > 0 && on == h.members().size());
            h.partialProperty().set(on > 0 && on < h.members().size());
        }
    }

    private void rebuild(TaskSet set) {
        List<TaskRow> list = new ArrayList<>(set.tasks().size());
        TaskRow[] index = new TaskRow[set.tasks().size()];
        EventStore store = set.store();
        for (Task t : set.tasks()) {
            long first = t.created() != null ? t.created().nanos() : t.events().length > 0 ? store.nanos(t.events()[0]) : Long.MIN_VALUE;
            long last = t.events().length > 0 ? store.latest(t.events()[t.events().length - 1]) : first;
            if (t.ended() != null) {
                last = Math.max(last, t.ended().nanos());
            }
            TaskRow row = new TaskRow(t, first, first == Long.MIN_VALUE ? 0 : Math.max(0, last - first));
            if (signatures.set() == set) {
                row.signatureProperty().set(signatures.of(t.index()));
            }
            row.comparedProperty().addListener((o, a, b) -> onCheck(row, b));
            list.add(row);
            index[t.index()] = row;
        }
        syncing = true;
        checked.clear();
        byTask = index;
        rows.setAll(list);
        syncing = false;
        syncChecks();
    }

    private void signaturesArrived(int[] tasks) {
        if (signatures.set() != document.taskSet()) {
            return;
        }
        for (int t : tasks) {
            if (t < byTask.length) {
                byTask[t].signatureProperty().set(signatures.of(t));
            }
        }
        if (!search.get().isBlank()) {
            refilter();
        }
        batches.set(batches.get() + 1);
    }

    private void refilter() {
        String q = search.get();
        visible.setPredicate(r -> matches(r, q));
    }

    private void syncChecks() {
        Set<Integer> now = new HashSet<>();
        for (Task t : compare.compared()) {
            now.add(t.index());
        }
        syncing = true;
        try {
            for (Integer i : List.copyOf(checked)) {
                if (!now.contains(i) && i < byTask.length) {
                    byTask[i].comparedProperty().set(false);
                }
            }
            for (Integer i : now) {
                if (i < byTask.length && byTask[i].task() == document.taskSet().task(i)) {
                    byTask[i].comparedProperty().set(true);
                }
            }
            checked.clear();
            checked.addAll(now);
            syncHeads();
        } finally {
            syncing = false;
        }
    }

    private void onCheck(TaskRow row, boolean on) {
        if (syncing) {
            return;
        }
        List<Task> next = new ArrayList<>(compare.compared());
        if (on && !next.contains(row.task())) {
            next.add(row.task());
        } else if (!on) {
            next.remove(row.task());
        }
        compare.setCompared(next);
    }

    static boolean matches(TaskRow r, String query) {
        if (query == null || query.isBlank()) {
            return true;
        }
        String q = query.trim().toLowerCase(Locale.ROOT);
        Task t = r.task();
        return t.id().contains(q) || t.type().toLowerCase(Locale.ROOT).contains(q)
                || t.status().label().toLowerCase(Locale.ROOT).contains(q) || t.workerId().toLowerCase(Locale.ROOT).contains(q)
                || r.signatureProperty().get().toLowerCase(Locale.ROOT).contains(q);
    }
}
