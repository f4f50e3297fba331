package faultline.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.Observable;
import javafx.beans.InvalidationListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Control;

/**
 * Lets a list or table that never had rows make the cells of the rows in view a few rows a pulse. Such a
 * control fills its whole view with rows, empty or not, as soon as it holds one, and a window's first cells
 * are made and styled by code the JVM has not run before: a fleet's task list took 200–350 ms of the FX
 * thread in one pulse (15–20 ms a row on two slow cores). Held to a growing height, the control makes a few
 * rows a pulse and stands whole a few frames later; after that its cells are reused and it is never held again.
 * The control must not be an item of a split pane, which would keep its divider where the held height put it.
 */
public final class RowsInView extends AnimationTimer {
    private final Control control;
    private final int perPulse;
    private final double rowHeight;
    private int rows;

    private RowsInView(Control control, int perPulse, double rowHeight) {
        this.control = control;
        this.perPulse = perPulse;
        this.rowHeight = rowHeight;
    }

    /**
     * From the first time {@code items} holds something on.
     *
     * @param perPulse  rows made in each pulse after the first (which makes one: it styles the row classes for the first time)
     * @param rowHeight the height of a row when the control has no fixed cell size
     */
    public static void pace(Control control, ObservableList<?> items, int perPulse, double rowHeight) {
        RowsInView pacer = new RowsInView(control, perPulse, rowHeight);
        InvalidationListener first = new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                if (!items.isEmpty()) {
                    items.removeListener(this);
                    pacer.begin();
                }
            }
        };
        items.addListener(first);
    }

    private void begin() {
        rows = 1;
        hold();
        start();
    }

    @Override
    public void handle(long now) {
        double room = control.getParent() == null ? 0 : control.getParent().getLayoutBounds().getHeight();
        // Given less than the height held (or hidden), the control's view is full.
        if (control.getHeight() + 1 < control.getMaxHeight() || control.getMaxHeight() >= room) {
            release();
            return;
        }
        rows += perPulse;
        hold();
    }

    private void hold() {
        double cell = fixedCellSize() > 0 ? fixedCellSize() : rowHeight;
        control.setMaxHeight(header() + rows * cell + control.snappedTopInset() + control.snappedBottomInset());
    }

    private double fixedCellSize() {
        if (control instanceof javafx.scene.control.TreeTableView<?> t) {
            return t.getFixedCellSize();
        }
        if (control instanceof javafx.scene.control.TableView<?> t) {
            return t.getFixedCellSize();
        }
        if (control instanceof javafx.scene.control.ListView<?> l) {
            return l.getFixedCellSize();
        }
        return -1;
    }

    private double header() {
        Node h = control.lookup(".column-header-background");
        return h == null ? 0 : h.getLayoutBounds().getHeight();
    }

    private void release() {
        stop();
        control.setMaxHeight(Double.MAX_VALUE);
    }
}
