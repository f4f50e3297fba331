package faultline.ui;

import javafx.collections.ObservableListBase;

/**
 * A read-only observable list over an int[] of store rows, so that a log of a million lines is one
 * array and not a million objects; the list view decodes only the lines it shows.
 */
final class RowList extends ObservableListBase<Integer> {
    private int[] rows = new int[0];

    void setRows(int[] newRows) {
        int[] old = rows;
        rows = newRows;
        beginChange();
        if (old.length > 0) {
            nextRemove(0, java.util.Arrays.stream(old).boxed().toList());
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

    @Override
    public int size() {
        return rows.length;
    }

    int[] array() {
        return rows;
    }
}
