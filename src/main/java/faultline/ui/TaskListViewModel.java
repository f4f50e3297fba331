package faultline.ui;

import faultline.model.EventStore;
import faultline.model.Task;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The task list: every task of the set, filtered by the search text, with the compare checkboxes. */
public final class TaskListViewModel {
    private final MainViewModel main;
    private final ObservableList<TaskRow> rows = FXCollections.observableArrayList();
    private final FilteredList<TaskRow> visible = new FilteredList<>(rows, r -> true);
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final javafx.beans.property.BooleanProperty grouped = new javafx.beans.property.SimpleBooleanProperty(this, "grouped", false);
    private boolean syncing;
    private final List<TaskRow> heads = new ArrayList<>();

    public TaskListViewModel(MainViewModel main) {
        this.main = main;
        main.taskSetProperty().addListener((o, a, b) -> rebuild(b));
        main.failures().addListener((MapChangeListener<Integer, TaskAnalysis>) c -> refreshSignatures());
        main.compared().addListener((ListChangeListener<Task>) c -> syncChecks());
        search.addListener((o, a, b) -> visible.setPredicate(r -> matches(r, b)));
        rebuild(main.taskSetProperty().get());
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
    public javafx.beans.property.BooleanProperty groupedProperty() {
        return grouped;
    }

    /** The visible rows as groups: signature → tasks, in list order; tasks without a signature under "". */
    public java.util.Map<String, List<TaskRow>> groups() {
        java.util.Map<String, List<TaskRow>> out = new java.util.LinkedHashMap<>();
        for (TaskRow r : visible) {
            String key = r.task().failed() ? r.signatureProperty().get() : "";
            out.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        return out;
    }

    public SelectionModel selection() {
        return main.selection();
    }

    /**
     * The visible rows grouped by signature, as the list shows them: a header row per signature
     * (whose check stands for all its tasks), the tasks without a failure signature on their own.
     */
    public List<TaskRow> groupedRows() {
        heads.clear();
        List<TaskRow> out = new ArrayList<>();
        for (java.util.Map.Entry<String, List<TaskRow>> g : groups().entrySet()) {
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
        List<Task> next = new ArrayList<>(main.compared());
        for (TaskRow r : head.members()) {
            if (on && !next.contains(r.task())) {
                next.add(r.task());
            } else if (!on) {
                next.remove(r.task());
            }
        }
        main.setCompared(next);
    }

    private void syncHeads() {
        for (TaskRow h : heads) {
            long on = h.members().stream().filter(r -> r.comparedProperty().get()).count();
            h.comparedProperty().set(on > 0 && on == h.members().size());
            h.partialProperty().set(on > 0 && on < h.members().size());
        }
    }

    private void rebuild(TaskSet set) {
        List<TaskRow> list = new ArrayList<>();
        EventStore store = set.store();
        for (Task t : set.tasks()) {
            long first = t.created() != null ? t.created().nanos() : t.events().length > 0 ? store.nanos(t.events()[0]) : Long.MIN_VALUE;
            long last = t.events().length > 0 ? store.latest(t.events()[t.events().length - 1]) : first;
            if (t.ended() != null) {
                last = Math.max(last, t.ended().nanos());
            }
            TaskRow row = new TaskRow(t, first, first == Long.MIN_VALUE ? 0 : Math.max(0, last - first));
            row.comparedProperty().addListener((o, a, b) -> onCheck());
            list.add(row);
        }
        syncing = true;
        rows.setAll(list);
        syncing = false;
        refreshSignatures();
        syncChecks();
    }

    private void refreshSignatures() {
        for (TaskRow r : rows) {
            TaskAnalysis a = main.failures().get(r.task().index());
            if (a != null && a.crash() != null) {
                r.signatureProperty().set(a.crash().signature().shortText());
            } else if (r.task().failed() && !r.task().errorMessage().isEmpty()) {
                r.signatureProperty().set(r.task().errorMessage());
            }
        }
    }

    private void syncChecks() {
        syncing = true;
        for (TaskRow r : rows) {
            r.comparedProperty().set(main.compared().contains(r.task()));
        }
        syncHeads();
        syncing = false;
    }

    private void onCheck() {
        if (syncing) {
            return;
        }
        List<Task> next = new ArrayList<>(main.compared());
        for (TaskRow r : rows) {
            boolean on = r.comparedProperty().get();
            if (on && !next.contains(r.task())) {
                next.add(r.task());
            } else if (!on) {
                next.remove(r.task());
            }
        }
        main.setCompared(next);
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
