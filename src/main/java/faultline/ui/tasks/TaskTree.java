package faultline.ui.tasks;

import faultline.model.Task;
import javafx.scene.control.TreeItem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * What the task list shows of a set's rows, filtered, ordered and grouped: the tree's items built whole
 * off the FX thread (no scene holds them yet) and swapped in at once under the list's one root, so that
 * the FX thread never makes tens of thousands of rows nor adds them one by one.
 *
 * @param rows  the rows it was made of
 * @param view  the search, grouping and order it was made for
 * @param top   the rows shown at the tree's top level: the tasks, or the group headers with their tasks as children
 * @param items the tree item of every task shown, by identity (a task record's hash walks all its fields)
 * @param heads the group headers, in order
 */
record TaskTree(TaskRows rows, View view, List<TreeItem<TaskRow>> top, Map<Task, TreeItem<TaskRow>> items, List<TaskRow> heads) {

    /** What the user chose of the list's shape. */
    record View(String query, boolean grouped, TaskListOrder order) {
        static final View PLAIN = new View("", false, TaskListOrder.NONE);
    }

    /** Thrown out of a build that was asked to stop. */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("stopped", null, false, false);
        }
    }

    /**
     * @param signatures the signature of each task by index (null: none), as known when asked
     * @param stop       asked now and then; true ends the build with {@link Stopped}
     */
    static TaskTree build(TaskRows rows, String[] signatures, View view, BooleanSupplier stop) {
        java.util.function.Function<TaskRow, String> sig = r -> r.isGroup() ? r.group() : signatureOf(signatures, r);
        String q = view.query() == null ? "" : view.query().trim().toLowerCase(Locale.ROOT);
        List<TaskRow> kept = new ArrayList<>(q.isEmpty() ? rows.size() : 16);
        int n = 0;
        for (TaskRow r : rows.byTask()) {
            if ((++n & 4095) == 0 && stop.getAsBoolean()) {
                throw new Stopped();
            }
            if (q.isEmpty() || matches(r, sig.apply(r), q)) {
                kept.add(r);
            }
        }
        Comparator<TaskRow> order = view.order().comparator(sig);
        Map<Task, TreeItem<TaskRow>> items = new IdentityHashMap<>(kept.size() * 4 / 3 + 1);
        List<TaskRow> heads = new ArrayList<>();
        List<TreeItem<TaskRow>> top = new ArrayList<>();
        if (view.grouped()) {
            // Failures by signature in list order; the tasks without one (unfailed, or no signature yet) stay
            // together where the first of them was.
            Map<String, List<TaskRow>> groups = new LinkedHashMap<>();
            for (TaskRow r : kept) {
                String key = r.task().failed() ? sig.apply(r) : "";
                groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
            List<TaskRow> tops = new ArrayList<>();
            for (Map.Entry<String, List<TaskRow>> g : groups.entrySet()) {
                if (g.getKey().isEmpty()) {
                    tops.addAll(g.getValue());
                } else {
                    TaskRow head = TaskRow.group(g.getKey(), g.getValue());
                    heads.add(head);
                    tops.add(head);
                }
            }
            if (order != null) {
                tops.sort(order);
            }
            for (TaskRow r : tops) {
                if (stop.getAsBoolean()) {
                    throw new Stopped();
                }
                TreeItem<TaskRow> item = new TreeItem<>(r);
                if (r.isGroup()) {
                    List<TaskRow> members = new ArrayList<>(r.members());
                    if (order != null) {
                        members.sort(order);
                    }
                    item.getChildren().setAll(leaves(members, items));
                    item.setExpanded(true);
                } else {
                    items.put(r.task(), item);
                }
                top.add(item);
            }
        } else {
            if (order != null) {
                kept.sort(order);
            }
            if (stop.getAsBoolean()) {
                throw new Stopped();
            }
            top = leaves(kept, items);
        }
        return new TaskTree(rows, view, top, items, List.copyOf(heads));
    }

    private static List<TreeItem<TaskRow>> leaves(List<TaskRow> rows, Map<Task, TreeItem<TaskRow>> items) {
        List<TreeItem<TaskRow>> out = new ArrayList<>(rows.size());
        for (TaskRow r : rows) {
            TreeItem<TaskRow> item = new TreeItem<>(r);
            items.put(r.task(), item);
            out.add(item);
        }
        return out;
    }

    private static String signatureOf(String[] signatures, TaskRow r) {
        int i = r.task().index();
        String s = i < signatures.length ? signatures[i] : null;
        return s == null ? "" : s;
    }

    /** The search: a task's id, type, status, worker or signature contains the text, in any case. */
    static boolean matches(TaskRow r, String signature, String lowerCaseQuery) {
        Task t = r.task();
        return t.id().toLowerCase(Locale.ROOT).contains(lowerCaseQuery) || t.type().toLowerCase(Locale.ROOT).contains(lowerCaseQuery)
                || t.status().label().toLowerCase(Locale.ROOT).contains(lowerCaseQuery)
                || t.workerId().toLowerCase(Locale.ROOT).contains(lowerCaseQuery)
                || signature.toLowerCase(Locale.ROOT).contains(lowerCaseQuery);
    }
}
