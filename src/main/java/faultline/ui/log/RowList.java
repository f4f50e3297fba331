package faultline.ui.log;

import javafx.collections.ObservableListBase;

/**
 * A read-only observable list of log lines over two int arrays (store row, and which line of the
 * row's message: 0 for the first, k for the k-th line of an expanded traceback), so that a log of
 * a million lines is two arrays and not a million objects; the list view decodes only the lines it
 * shows. Element i is the store row of line i (a traceback's further lines repeat their row); part(i)
 * says which of its lines it is.
 */
final class RowList extends ObservableListBase<Integer> {
    private int[] rows = new int[0];
    private int[] parts = new int[0];

    void setRows(int[] newRows) {
        setLines(newRows, new int[newRows.length]);
    }

    void setLines(int[] newRows, int[] newParts) {
        int old = rows.length;
        int[] oldRows = rows;
        rows = newRows;
        parts = newParts;
        beginChange();
        if (old > 0) {
            int[] was = oldRows;
            java.util.List<Integer> removed = new java.util.AbstractList<>() {
                @Override
                public Integer get(int index) {
                    return was[index];
                }

                @Override
                public int size() {
                    return old;
                }
            };
            nextRemove(0, removed);
        }
        if (newRows.length > 0) {
            nextAdd(0, newRows.length);
        }
        endChange();
    }

    @Override
    public Integer get(int index) {
        return rows[index];
    }

    int row(int index) {
        return rows[index];
    }

    /** 0 for the first line of the row's message, k for its k-th further line. */
    int part(int index) {
        return parts[index];
    }

    @Override
    public int size() {
        return rows.length;
    }

    int[] array() {
        return rows;
    }
}
