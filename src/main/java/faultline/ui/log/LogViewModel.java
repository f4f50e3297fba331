package faultline.ui.log;

import faultline.ui.Messages;

import faultline.model.Comparison;
import faultline.model.EventStore;
import faultline.model.Level;
import faultline.model.Task;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;
import faultline.model.TimeText;
import faultline.render.TimelineScene;
import faultline.ui.CompareModel;
import faultline.ui.Document;
import faultline.ui.SelectionModel;
import faultline.ui.timeline.TimelineViewModel;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableSet;
import javafx.collections.SetChangeListener;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The raw log: every line of the compared tasks (or only of the selected task) from all sources,
 * merged in time order, filtered by level. A message of several lines (a traceback) shows its first
 * line and opens in place to show the others. Searchable by text or regular expression, with next
 * and previous match, and a jump to the next error. Follows the timeline's cursor; a click on a line
 * selects its event.
 */
public final class LogViewModel {
    private final Document document;
    private final CompareModel compare;
    private final SelectionModel selection;
    private final TimelineViewModel timeline;
    private final RowList rows = new RowList();
    private final BooleanProperty onlySelectedTask = new SimpleBooleanProperty(this, "onlySelectedTask", false);
    private final BooleanProperty followCursor = new SimpleBooleanProperty(this, "followCursor", true);
    /** Index in the list that the view should bring into view (the cursor's line), or -1. */
    private final IntegerProperty focusIndex = new SimpleIntegerProperty(this, "focusIndex", -1);
    /** Index of the selected event's line, or -1. */
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    private final ObservableSet<Level> levels = FXCollections.observableSet(EnumSet.allOf(Level.class));
    private final StringProperty query = new SimpleStringProperty(this, "query", "");
    private final BooleanProperty regex = new SimpleBooleanProperty(this, "regex", false);
    /** "3 of 17", "no match", or why the expression cannot be read. */
    private final StringProperty matchStatus = new SimpleStringProperty(this, "matchStatus", "");
    /** Rows whose further lines are shown. */
    private final Set<Integer> expanded = new HashSet<>();
    /** Every line of the tasks shown, in time order, before the level filter. */
    private int[] all = new int[0];
    private Pattern pattern;

    public LogViewModel(Document document, CompareModel compare, SelectionModel selection, TimelineViewModel timeline) {
        this.document = document;
        this.compare = compare;
        this.selection = selection;
        this.timeline = timeline;
        compare.comparisonProperty().addListener((o, a, b) -> rebuild());
        selection.taskProperty().addListener((o, a, b) -> {
            if (onlySelectedTask.get()) {
                rebuild();
            }
        });
        onlySelectedTask.addListener((o, a, b) -> rebuild());
        levels.addListener((SetChangeListener<Level>) c -> relist());
        query.addListener((o, a, b) -> compile());
        regex.addListener((o, a, b) -> compile());
        selection.rowProperty().addListener((o, a, b) -> selectedIndex.set(indexOf(b.intValue())));
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

    /** The levels shown. */
    public ObservableSet<Level> levels() {
        return levels;
    }

    public StringProperty queryProperty() {
        return query;
    }

    public BooleanProperty regexProperty() {
        return regex;
    }

    public StringProperty matchStatusProperty() {
        return matchStatus;
    }

    public EventStore store() {
        return document.taskSet().store();
    }

    public TaskSet set() {
        return document.taskSet();
    }

    public int size() {
        return rows.size();
    }

    public int row(int index) {
        return rows.row(index);
    }

    /** 0 for a line that starts its message, k for the k-th further line of an opened traceback. */
    public int part(int index) {
        return rows.part(index);
    }

    private void rebuild() {
        TaskSet set = document.taskSet();
        List<Task> tasks = new ArrayList<>();
        Task selected = selection.taskProperty().get();
        if (onlySelectedTask.get() && selected != null) {
            tasks.add(selected);
        } else {
            Comparison c = compare.comparison();
            if (c != null) {
                for (TaskAnalysis a : c.tasks()) {
                    tasks.add(a.task());
                }
            }
            if (tasks.isEmpty() && selected != null) {
                tasks.add(selected);
            }
        }
        all = merge(tasks, set.store());
        expanded.retainAll(java.util.Arrays.stream(all).boxed().collect(java.util.stream.Collectors.toSet()));
        relist();
    }

    /** The lines shown: the levels chosen, with the further lines of the opened tracebacks. */
    private void relist() {
        EventStore s = store();
        int n = 0;
        int[] r = new int[all.length];
        int[] p = new int[all.length];
        for (int row : all) {
            if (!levels.contains(s.level(row))) {
                continue;
            }
            if (expanded.contains(row)) {
                int lines = lineCount(s.message(row));
                if (n + lines > r.length) {
                    r = java.util.Arrays.copyOf(r, Math.max(r.length * 2, n + lines));
                    p = java.util.Arrays.copyOf(p, r.length);
                }
                for (int k = 0; k < lines; k++) {
                    r[n] = row;
                    p[n++] = k;
                }
            } else {
                if (n == r.length) {
                    r = java.util.Arrays.copyOf(r, r.length * 2 + 1);
                    p = java.util.Arrays.copyOf(p, r.length);
                }
                r[n] = row;
                p[n++] = 0;
            }
        }
        rows.setLines(java.util.Arrays.copyOf(r, n), java.util.Arrays.copyOf(p, n));
        selectedIndex.set(-1);
        selectedIndex.set(indexOf(selection.rowProperty().get()));
        updateStatus(selectedIndex.get());
    }

    private static int lineCount(String message) {
        int n = 1;
        for (int i = 0; i < message.length(); i++) {
            if (message.charAt(i) == '\n') {
                n++;
            }
        }
        return n;
    }

    /** Whether the line's message has further lines (a traceback) to open. */
    public boolean hasMore(int index) {
        return index >= 0 && index < rows.size() && rows.part(index) == 0 && store().message(rows.row(index)).indexOf('\n') >= 0;
    }

    public boolean isExpanded(int index) {
        return index >= 0 && index < rows.size() && expanded.contains(rows.row(index));
    }

    /** Opens or closes the traceback of the line's row in place; the row's first line stays selected. */
    public void toggle(int index) {
        if (index < 0 || index >= rows.size()) {
            return;
        }
        int row = rows.row(index);
        if (!expanded.remove(row)) {
            if (!hasMore(index)) {
                return;
            }
            expanded.add(row);
        }
        relist();
        focusIndex.set(-1);
        focusIndex.set(indexOf(row));
    }

    /** Opens (or closes) every traceback shown. */
    public void expandAll(boolean open) {
        if (open) {
            EventStore s = store();
            for (int row : all) {
                if (s.message(row).indexOf('\n') >= 0) {
                    expanded.add(row);
                }
            }
        } else {
            expanded.clear();
        }
        relist();
    }

    /** The text of one shown line: the first line with time, level, task and source, or a traceback's further line. */
    public String text(int index) {
        EventStore s = store();
        int r = rows.row(index);
        String msg = s.message(r);
        int part = rows.part(index);
        if (part > 0) {
            return "    " + nthLine(msg, part);
        }
        Level level = s.level(r);
        int src = s.source(r);
        boolean untimed = src < set().sources().size() && set().sources().get(src).untimed();
        // A log without a clock has no time to show: its lines are in line order.
        String time = untimed ? Messages.get("log.no-clock") : TimeText.clock(s.nanos(r), s.precision(r)) + (s.estimated(r) ? "~" : "");
        int task = s.task(r);
        String id = task >= 0 ? set().task(task).shortId() : "";
        String where = src < set().sources().size() ? set().sources().get(src).name() + ":" + s.line(r) : "";
        int nl = msg.indexOf('\n');
        String first = nl < 0 ? msg : msg.substring(0, nl);
        return String.format("%-16s %-8s %-8s %s   [%s]", time, level, id, first, where);
    }

    private static String nthLine(String msg, int k) {
        int from = 0;
        for (int i = 0; i < k; i++) {
            int nl = msg.indexOf('\n', from);
            if (nl < 0) {
                return "";
            }
            from = nl + 1;
        }
        int end = msg.indexOf('\n', from);
        return end < 0 ? msg.substring(from) : msg.substring(from, end);
    }

    /**
     * The text of the lines at these indices, for the clipboard: each as shown, and a closed
     * traceback with all its lines (a copied traceback is wanted whole).
     */
    public String copyText(List<Integer> indices) {
        StringBuilder sb = new StringBuilder();
        List<Integer> sorted = new ArrayList<>(indices);
        sorted.sort(Integer::compare);
        for (int i : sorted) {
            if (i < 0 || i >= rows.size()) {
                continue;
            }
            sb.append(text(i)).append('\n');
            if (rows.part(i) == 0 && !expanded.contains(rows.row(i))) {
                String msg = store().message(rows.row(i));
                int nl = msg.indexOf('\n');
                if (nl >= 0) {
                    for (String line : msg.substring(nl + 1).split("\n", -1)) {
                        sb.append("    ").append(line).append('\n');
                    }
                }
            }
        }
        return sb.toString();
    }

    private void compile() {
        String q = query.get() == null ? "" : query.get();
        if (q.isEmpty()) {
            pattern = null;
            matchStatus.set("");
            return;
        }
        try {
            pattern = regex.get() ? Pattern.compile(q, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE)
                    : Pattern.compile(Pattern.quote(q), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
            updateStatus(selectedIndex.get());
        } catch (PatternSyntaxException e) {
            pattern = null;
            matchStatus.set(Messages.format("log.bad-regex", e.getDescription().toLowerCase(Locale.ROOT)));
        }
    }

    /** Whether the line matches the search (a closed traceback matches by any of its lines). */
    public boolean matches(int index) {
        if (pattern == null || index < 0 || index >= rows.size()) {
            return false;
        }
        int r = rows.row(index);
        String msg = store().message(r);
        int part = rows.part(index);
        String text;
        if (part > 0) {
            text = nthLine(msg, part);
        } else if (expanded.contains(r)) {
            int nl = msg.indexOf('\n');
            text = nl < 0 ? msg : msg.substring(0, nl);
        } else {
            text = msg;
        }
        return pattern.matcher(text).find();
    }

    /** The next (direction 1) or previous (−1) matching line after the selected one, wrapping; it becomes the selection. */
    public boolean findNext(int direction) {
        if (pattern == null || rows.size() == 0) {
            return false;
        }
        int n = rows.size();
        int from = selectedIndex.get() < 0 ? (direction > 0 ? -1 : 0) : selectedIndex.get();
        for (int step = 1; step <= n; step++) {
            int i = Math.floorMod(from + direction * step, n);
            if (matches(i)) {
                selectLine(i);
                return true;
            }
        }
        matchStatus.set(Messages.get("log.no-match"));
        return false;
    }

    /** The next line at ERROR or above after the selected one (wrapping); it becomes the selection. */
    public boolean nextError() {
        int n = rows.size();
        if (n == 0) {
            return false;
        }
        EventStore s = store();
        int from = selectedIndex.get();
        for (int step = 1; step <= n; step++) {
            int i = Math.floorMod(from + step, n);
            if (rows.part(i) == 0 && s.level(rows.row(i)).isFailure()) {
                selectLine(i);
                return true;
            }
        }
        return false;
    }

    /** Selects a shown line: its event everywhere, and this very line in the log. */
    private void selectLine(int i) {
        select(i);
        selectedIndex.set(i);
        focusIndex.set(-1);
        focusIndex.set(i);
        updateStatus(i);
    }

    private void updateStatus(int at) {
        if (pattern == null) {
            return;
        }
        int total = 0;
        int position = 0;
        for (int i = 0; i < rows.size(); i++) {
            if (matches(i)) {
                total++;
                if (i <= at) {
                    position = total;
                }
            }
        }
        matchStatus.set(total == 0 ? Messages.get("log.no-match") : (at >= 0 && matches(at) ? Messages.format("log.match.at", position, total) : Messages.format("log.matches", total)));
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

    /** The first line of a row, or -1. */
    int indexOf(int row) {
        if (row < 0) {
            return -1;
        }
        int[] a = rows.array();
        for (int i = 0; i < a.length; i++) {
            if (a[i] == row && rows.part(i) == 0) {
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
            selection.taskProperty().set(set().task(task));
        }
        selection.rowProperty().set(row);
    }
}
