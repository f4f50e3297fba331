package faultline.ui.tasks;

import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.ui.CompareModel;
import faultline.ui.Document;
import faultline.ui.SelectionModel;
import faultline.ui.Signatures;
import faultline.ui.background.Job;
import faultline.ui.background.Jobs;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The task list: every task of the set, filtered by the search text, ordered by the columns chosen,
 * optionally grouped by signature, with the compare checkboxes and each failure's signature. The rows
 * of a set are made on the thread that read it ({@link #prepare}); what the list shows is built as one
 * tree off the FX thread and swapped in whole ({@link #rootProperty()}), so that a fleet's list never
 * holds the FX thread. Signatures arrive a batch at a time; a batch changes only its rows and is told
 * once ({@link #signaturesProperty()}).
 */
public final class TaskListViewModel {
    private static final System.Logger LOG = System.getLogger("faultline.ui.tasks");

    private final Document document;
    private final CompareModel compare;
    private final Signatures signatures;
    private final SelectionModel selection;
    private final Jobs jobs;
    private final Job<TaskTree> trees;
    private final StringProperty search = new SimpleStringProperty(this, "search", "");
    private final BooleanProperty grouped = new SimpleBooleanProperty(this, "grouped", false);
    private final ObjectProperty<TaskListOrder> order = new SimpleObjectProperty<>(this, "order", TaskListOrder.NONE);
    /**
     * The list's one root, whose children are replaced as a whole: a new root for each set or search
     * would leak, since the table's skin keeps a listener on every root's children it was ever shown.
     */
    private final TreeItem<TaskRow> root = new TreeItem<>();
    /** What the list shows now (changes once per tree swapped in). */
    private final ReadOnlyObjectWrapper<TaskTree> shownTree = new ReadOnlyObjectWrapper<>(this, "shown");
    /** Counts the batches of signatures applied. */
    private final ReadOnlyLongWrapper batches = new ReadOnlyLongWrapper(this, "batches");
    /** The search, grouping and order as the FX thread set them last, for the reading thread's first tree. */
    private volatile TaskTree.View chosen = TaskTree.View.PLAIN;
    /** Made on the reading thread for a set not published yet. */
    private volatile TaskTree prepared;
    private TaskRows rows = TaskRows.EMPTY;
    private TaskTree shown;
    /** Task indices whose rows are checked now. */
    private final Set<Integer> checked = new HashSet<>();
    private boolean syncing;
    /** Run just before the list's rows are replaced (see {@link #setBeforeSwap}). */
    private Runnable beforeSwap = () -> {
    };

    public TaskListViewModel(Document document, CompareModel compare, Signatures signatures, SelectionModel selection, Jobs jobs) {
        this.document = document;
        this.compare = compare;
        this.signatures = signatures;
        this.selection = selection;
        this.jobs = jobs;
        this.trees = jobs.job("task list", Jobs.Lane.VIEW);
        root.setExpanded(true);
        document.taskSetProperty().addListener((o, a, b) -> publish(b));
        signatures.addListener(this::signaturesArrived);
        compare.compared().addListener((ListChangeListener<Task>) c -> syncChecks());
        search.addListener((o, a, b) -> refresh());
        grouped.addListener((o, a, b) -> refresh());
        order.addListener((o, a, b) -> refresh());
        publish(document.taskSet());
    }

    /**
     * Makes the rows of a set read and not yet published, and the tree the list will show of them, on
     * the calling thread (the reader's); the set's publication then only swaps them in.
     *
     * @param initial the signatures known at once, by task index (null: none); not changed
     */
    public void prepare(TaskSet set, String[] initial) {
        TaskRows made = TaskRows.of(set, initial, this::wire);
        TaskTree.View view = chosen;
        prepared = TaskTree.build(made, initial, view, () -> false);
    }

    /**
     * The compared tasks' signatures made whole by their analysis, after {@link #prepare}: their rows show
     * them, and a list grouped, searched or ordered by signature is made again with them.
     */
    public void signed(TaskSet set, String[] signatures, int[] tasks) {
        TaskTree made = prepared;
        if (made == null || made.rows().set() != set) {
            return;
        }
        TaskRow[] byTask = made.rows().byTask();
        for (int t : tasks) {
            if (t < byTask.length) {
                byTask[t].signatureProperty().set(signatures[t]);
            }
        }
        TaskTree.View view = made.view();
        if (tasks.length > 0 && (view.grouped() || !view.query().isBlank()
                || view.order().keys().stream().anyMatch(k -> k.column() == TaskListOrder.Column.SIGNATURE))) {
            prepared = TaskTree.build(made.rows(), signatures, view, () -> false);
        }
    }

    /** What the opener does with a set read before it is published. */
    public faultline.ui.opening.Opener.Preparation preparation() {
        return new faultline.ui.opening.Opener.Preparation() {
            @Override
            public void prepare(TaskSet set, String[] signatures) {
                TaskListViewModel.this.prepare(set, signatures);
            }

            @Override
            public void signed(TaskSet set, String[] signatures, int[] tasks) {
                TaskListViewModel.this.signed(set, signatures, tasks);
            }
        };
    }

    /** The tree the list shows: its root's children are the rows, or the groups' headers with their tasks. */
    public TreeItem<TaskRow> root() {
        return root;
    }

    /** Changes each time the rows shown are replaced (a set published, a search, a grouping, an order, a batch of signatures). */
    public ReadOnlyObjectProperty<?> shownProperty() {
        return shownTree.getReadOnlyProperty();
    }

    /** Whether every row of the set published, in the search, grouping and order chosen, is in the list now. */
    public boolean showsAll() {
        TaskTree t = shownTree.get();
        return t != null && t == shown && t.rows().set() == document.taskSet() && !trees.runningProperty().get();
    }

    /** Whether the tree shown is not yet the one for the set, search, grouping and order chosen. */
    public ReadOnlyBooleanProperty busyProperty() {
        return trees.runningProperty();
    }

    public StringProperty searchProperty() {
        return search;
    }

    /** Group failed tasks by their failure signature. */
    public BooleanProperty groupedProperty() {
        return grouped;
    }

    /** The columns the list is ordered by (the view forwards its header clicks here). */
    public ObjectProperty<TaskListOrder> orderProperty() {
        return order;
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
        return t == null || t.index() >= rows.size() || rows.byTask()[t.index()].task() != t ? null : rows.byTask()[t.index()];
    }

    /** The tree item that shows a task now, or null when it is filtered out. */
    public TreeItem<TaskRow> itemOf(Task t) {
        return t == null || shown == null ? null : shown.items().get(t);
    }

    /** The rows shown, in order: the task rows, and with grouping the group headers followed by their tasks. */
    public List<TaskRow> shownRows() {
        List<TaskRow> out = new ArrayList<>();
        for (TreeItem<TaskRow> i : root.getChildren()) {
            out.add(i.getValue());
            for (TreeItem<TaskRow> m : i.getChildren()) {
                out.add(m.getValue());
            }
        }
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

    private void wire(TaskRow row) {
        row.comparedProperty().addListener((o, a, b) -> onCheck(row, b));
    }

    private void publish(TaskSet set) {
        trees.cancel();
        TaskTree ready = prepared;
        prepared = null;
        syncing = true;
        checked.clear();
        syncing = false;
        if (ready != null && ready.rows().set() == set) {
            rows = ready.rows();
            if (ready.view().equals(view())) {
                show(ready);
            } else {
                refresh();
            }
        } else {
            // A set nobody prepared (the first, empty one; tests): made here.
            rows = TaskRows.of(set, signatures.set() == set ? signatures.copy() : new String[0], this::wire);
            show(TaskTree.build(rows, signatures.set() == set ? signatures.copy() : new String[0], view(), () -> false));
        }
        syncChecks();
    }

    private TaskTree.View view() {
        return new TaskTree.View(search.get(), grouped.get(), order.get());
    }

    /** Builds what the list shows anew, off the FX thread; a build asked for before is dropped. */
    private void refresh() {
        TaskTree.View view = view();
        chosen = view;
        TaskRows of = rows;
        String[] sigs = signatures.set() == of.set() ? signatures.copy() : new String[0];
        trees.restart(p -> TaskTree.build(of, sigs, view, p::isCancelled), t -> {
            if (t.rows() == rows) {
                show(t);
            }
        }, ex -> {
            if (!(ex instanceof Job.Cancelled) && !(ex instanceof TaskTree.Stopped)) {
                LOG.log(System.Logger.Level.ERROR, "the task list could not be made", ex);
            }
        });
    }

    private void show(TaskTree t) {
        shown = t;
        syncHeads();
        beforeSwap.run();
        int swap = ++swaps;
        List<TreeItem<TaskRow>> top = t.top();
        if (!hadRows && !top.isEmpty()) {
            // A table fills its view with rows, empty or not, once it has one: the first rows of a list that
            // never had any make and style the cells of every row in view, 150 to 250 ms of the FX thread. The
            // pulse after a publication lays out the timeline, the inspector and the log with what they were
            // just given; the list's rows come in the pulse after that, so that the two never add up.
            root.getChildren().clear();
            jobs.fxNext(() -> appendFrom(t, 0, swap));
            return;
        }
        int first = Math.min(top.size(), FIRST_ROWS);
        root.getChildren().setAll(top.subList(0, first));
        appendFrom(t, first, swap);
    }

    /**
     * The rows a window shows at once, and then how many go in per step. Each row put under the root costs
     * the tree a few microseconds (its parent set, the change told; some 6 µs with the step's layout): a fleet's
     * 64,000 rows swapped in at once held the FX thread for 380 ms; in steps, one to a pulse, the window draws
     * the first rows at once and between steps.
     */
    private static final int FIRST_ROWS = 1_000;
    private static final int ROWS_PER_STEP = 7_000;
    /** Whether the list has shown a row: its table has made the cells of the rows in view. */
    private boolean hadRows;
    /** Counts the trees swapped in: a step of an older one stops. */
    private int swaps;

    private void appendFrom(TaskTree t, int from, int swap) {
        List<TreeItem<TaskRow>> top = t.top();
        if (from >= top.size()) {
            shownTree.set(t);
            return;
        }
        jobs.fxNext(() -> {
            if (swap != swaps) {
                return;
            }
            int to = Math.min(top.size(), from + (from == 0 ? FIRST_ROWS : ROWS_PER_STEP));
            // A row focused meanwhile makes the table look up the row of each one added: the selection comes back after the last step.
            beforeSwap.run();
            root.getChildren().addAll(top.subList(from, to));
            hadRows = true;
            appendFrom(t, to, swap);
        });
    }

    /**
     * What the view does just before the rows are replaced: let go of its focused row. While a row has
     * focus, the table's focus model looks up the row of every item added, each lookup a walk of the list:
     * a fleet's 64,000 rows swapped in under a focused row held the FX thread for 11 s.
     */
    public void setBeforeSwap(Runnable r) {
        beforeSwap = r;
    }

    private void syncHeads() {
        if (shown == null) {
            return;
        }
        for (TaskRow h : shown.heads()) {
            long on = h.members().stream().filter(r -> r.comparedProperty().get()).count();
            h.comparedProperty().set(on > 0 && on == h.members().size());
            h.partialProperty().set(on > 0 && on < h.members().size());
        }
    }

    private void signaturesArrived(int[] tasks) {
        if (signatures.set() != document.taskSet() || signatures.set() != rows.set()) {
            return;
        }
        for (int t : tasks) {
            if (t < rows.size()) {
                rows.byTask()[t].signatureProperty().set(signatures.of(t));
            }
        }
        // A batch may move rows between groups or into the search's results: the list is made again once per batch.
        if (grouped.get() || !search.get().isBlank() || order.get().keys().stream().anyMatch(k -> k.column() == TaskListOrder.Column.SIGNATURE)) {
            refresh();
        }
        batches.set(batches.get() + 1);
    }

    private void syncChecks() {
        Set<Integer> now = new HashSet<>();
        for (Task t : compare.compared()) {
            now.add(t.index());
        }
        TaskRow[] byTask = rows.byTask();
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
}
