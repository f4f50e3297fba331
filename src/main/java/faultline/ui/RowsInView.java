package faultline.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.InvalidationListener;
import javafx.beans.Observable;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Control;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Lets a list or table that never had rows make the cells of the rows in view a few rows a pulse. Such a
 * control fills its whole view with rows, empty or not, as soon as it holds one, and a window's first cells
 * are made and styled by code the JVM has not run before: a fleet's task list took 200–350 ms of the FX
 * thread in one pulse (15–20 ms a row on two slow cores). Held to a growing height, the control makes a few
 * rows a pulse and stands whole a few frames later; after that its cells are reused and it is never held again.
 * <p>
 * The controls paced at once share one budget a pulse and fill one after the other, the first asked for first:
 * three controls growing side by side made three cold rows a pulse, 90–140 ms of a loaded machine's FX thread.
 * How many rows a pulse follows what the last pulse cost: a row costs 15–20 ms cold on a slow machine and well
 * under one warm, so a fixed count is either a stall there or a slow fill here.
 * A control must not be an item of a split pane, which would keep its divider where the held height put it.
 */
public final class RowsInView {
    /** The FX thread's CPU a pulse may spend on new rows: a pulse is due every 16 ms, a stall is felt past 50. */
    static final long BUDGET_NANOS = 25_000_000L;

    private static final System.Logger LOG = System.getLogger("faultline.ui.rows");
    private static final Pacer PACER = new Pacer();

    private final Control control;
    private final int order;
    private final int mostPerPulse;
    private final double rowHeight;
    private int rows;

    private RowsInView(Control control, int order, int mostPerPulse, double rowHeight) {
        this.control = control;
        this.order = order;
        this.mostPerPulse = mostPerPulse;
        this.rowHeight = rowHeight;
    }

    /**
     * From the first time {@code items} holds something on.
     *
     * @param order        which of the controls paced at once fills first (the lowest)
     * @param mostPerPulse the most rows made in one pulse
     * @param rowHeight    the height of a row when the control has no fixed cell size
     */
    public static void pace(Control control, ObservableList<?> items, int order, int mostPerPulse, double rowHeight) {
        RowsInView held = new RowsInView(control, order, mostPerPulse, rowHeight);
        InvalidationListener first = new InvalidationListener() {
            @Override
            public void invalidated(Observable o) {
                if (!items.isEmpty()) {
                    items.removeListener(this);
                    PACER.add(held);
                }
            }
        };
        items.addListener(first);
    }

    /**
     * Runs {@code then} once no control of {@code order} or lower is held any more (now, if none is): those
     * views in sight are whole. On the FX thread.
     */
    public static void whenWhole(int order, Runnable then) {
        if (!PACER.holdsUpTo(order)) {
            then.run();
        } else {
            PACER.whenWhole.add(new Waiting(order, then));
        }
    }

    private record Waiting(int order, Runnable then) {
    }

    /**
     * The rows the next pulse makes: as many as the last pulse's cost per row says fit in the budget, at
     * least one, at most twice the last step (a cheap pulse may owe its cost to rows not yet styled) and
     * at most {@code most}.
     *
     * @param lastStep     rows the last pulse made
     * @param lastPulseCpu the FX thread's CPU time over the last pulse, or a negative number where unknown
     */
    static int nextStep(int lastStep, long lastPulseCpu, long budget, int most) {
        int grown = (int) Math.min(most, 2L * Math.max(1, lastStep));
        if (lastPulseCpu < 0) {
            return Math.max(1, Math.min(most, lastStep));
        }
        long perRow = lastPulseCpu / Math.max(1, lastStep);
        long fits = perRow == 0 ? grown : budget / perRow;
        return (int) Math.max(1, Math.min(grown, fits));
    }

    /** Whether the control's view is full (it was given less than the height held) or it is out of sight. */
    private boolean whole() {
        double room = control.getParent() == null ? 0 : control.getParent().getLayoutBounds().getHeight();
        return control.getHeight() + 1 < control.getMaxHeight() || control.getMaxHeight() >= room;
    }

    private void hold() {
        double cell = fixedCellSize() > 0 ? fixedCellSize() : rowHeight;
        control.setMaxHeight(header() + rows * cell + control.snappedTopInset() + control.snappedBottomInset());
    }

    private void release() {
        control.setMaxHeight(Double.MAX_VALUE);
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

    /** One timer for every control held: each pulse's rows go to the first of them that is not whole yet. */
    private static final class Pacer extends AnimationTimer {
        private final List<RowsInView> held = new ArrayList<>();
        private final List<Waiting> whenWhole = new ArrayList<>();
        private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        private boolean running;
        private int step;
        private long cpuAtLastPulse;
        private long began;
        private long cpuAtBegin;
        private int pulses;
        private int made;

        void add(RowsInView r) {
            // Held to none until its turn: whichever is asked for first, the first in order fills first.
            r.rows = 0;
            r.hold();
            held.add(r);
            held.sort(Comparator.comparingInt(h -> h.order));
            if (!running) {
                running = true;
                step = 1;
                cpuAtLastPulse = cpuNow();
                began = System.nanoTime();
                cpuAtBegin = cpuAtLastPulse;
                pulses = 0;
                made = 0;
                start();
            }
        }

        @Override
        public void handle(long now) {
            long cpu = cpuNow();
            long lastPulse = cpu < 0 || cpuAtLastPulse < 0 ? -1 : cpu - cpuAtLastPulse;
            cpuAtLastPulse = cpu;
            while (!held.isEmpty() && held.get(0).rows > 0 && held.get(0).whole()) {
                held.remove(0).release();
            }
            if (held.isEmpty()) {
                running = false;
                stop();
                long wall = System.nanoTime() - began;
                long spent = cpu - cpuAtBegin;
                LOG.log(System.Logger.Level.INFO, () -> String.format("the views in sight made %d rows in %d pulses, %.0f ms (%.0f ms of the FX thread's CPU)",
                        made, pulses, wall / 1e6, spent / 1e6));
                tell();
                return;
            }
            tell();
            RowsInView next = held.get(0);
            step = next.rows == 0 ? 1 : nextStep(step, lastPulse, BUDGET_NANOS, next.mostPerPulse);
            next.rows += step;
            made += step;
            pulses++;
            next.hold();
        }

        boolean holdsUpTo(int order) {
            return running && !held.isEmpty() && held.get(0).order <= order;
        }

        /** Runs what waits for the controls up to its order, once none of them is held. */
        private void tell() {
            List<Waiting> ready = whenWhole.stream().filter(w -> !holdsUpTo(w.order())).toList();
            whenWhole.removeAll(ready);
            ready.forEach(w -> w.then().run());
        }

        private long cpuNow() {
            return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
        }
    }
}
