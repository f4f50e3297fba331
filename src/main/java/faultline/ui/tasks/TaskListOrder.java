package faultline.ui.tasks;

import java.util.Comparator;
import java.util.List;

/**
 * How the task list is ordered: the columns clicked, first decides; empty keeps the set's order (failed
 * first). Text columns compare their text, the start and the duration their times.
 */
public record TaskListOrder(List<Key> keys) {
    public static final TaskListOrder NONE = new TaskListOrder(List.of());

    public TaskListOrder {
        keys = List.copyOf(keys);
    }

    /** The columns the list can be ordered by. */
    public enum Column { ID, STATUS, SIGNATURE, TYPE, WORKER, START, DURATION, FULL_ID }

    public record Key(Column column, boolean ascending) {
    }

    /** The comparator of these keys, given the signature of each row; null when the order is the set's. */
    Comparator<TaskRow> comparator(java.util.function.Function<TaskRow, String> signature) {
        Comparator<TaskRow> all = null;
        for (Key k : keys) {
            Comparator<TaskRow> c = of(k.column(), signature);
            c = k.ascending() ? c : c.reversed();
            all = all == null ? c : all.thenComparing(c);
        }
        return all;
    }

    private static Comparator<TaskRow> of(Column column, java.util.function.Function<TaskRow, String> signature) {
        return switch (column) {
            case ID -> text(r -> r.task().shortId());
            case STATUS -> text(r -> r.task().status().label());
            case SIGNATURE -> Comparator.comparing(signature);
            case TYPE -> text(r -> r.task().type());
            case WORKER -> text(r -> r.task().workerId());
            case FULL_ID -> text(r -> r.task().id());
            case START -> Comparator.comparingLong(TaskRow::start);
            case DURATION -> Comparator.comparingLong(r -> r.isGroup() || r.start() == Long.MIN_VALUE ? Long.MIN_VALUE : r.duration());
        };
    }

    /** A group's header has no text in the task's columns: it sorts as empty text. */
    private static Comparator<TaskRow> text(java.util.function.Function<TaskRow, String> f) {
        return Comparator.comparing(r -> r.isGroup() ? "" : f.apply(r));
    }
}
