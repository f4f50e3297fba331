package faultline.ui;

import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A list's first rows made a few a pulse, and the list whole a few frames later, at the height its pane gives it. */
class RowsInViewTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void theFirstRowsOfAListAreMadeAFewAPulseAndThenTheListFillsItsPane() throws Exception {
        ObservableList<String> items = FXCollections.observableArrayList();
        ListView<String>[] list = new ListView[1];
        List<Integer> cellsPerPulse = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch whole = new CountDownLatch(1);
        double[] heights = new double[2];
        Stage[] stage = new Stage[1];
        FxToolkit.setupFixture(() -> {
            ListView<String> l = new ListView<>(items);
            l.setFixedCellSize(20);
            RowsInView.pace(l, items, 0, 4, 20);
            list[0] = l;
            VBox box = new VBox(l);
            VBox.setVgrow(l, Priority.ALWAYS);
            stage[0] = new Stage();
            stage[0].setScene(new Scene(box, 300, 400));
            stage[0].show();
        });
        Platform.runLater(() -> {
            items.setAll(IntStream.range(0, 1000).mapToObj(i -> "row " + i).toList());
            new AnimationTimer() {
                @Override
                public void handle(long now) {
                    if (cellsPerPulse.size() < 40) {
                        cellsPerPulse.add(madeCells(list[0]));
                    }
                    if (list[0].getMaxHeight() == Double.MAX_VALUE && cellsPerPulse.size() > 1) {
                        heights[0] = list[0].getHeight();
                        heights[1] = list[0].getParent().getLayoutBounds().getHeight();
                        stop();
                        whole.countDown();
                    }
                }
            }.start();
        });
        assertTrue(whole.await(20, TimeUnit.SECONDS), "the list is let go: " + cellsPerPulse);
        FxToolkit.setupFixture(() -> stage[0].hide());
        assertTrue(cellsPerPulse.get(0) <= 3, "the first pulse made a row or two: " + cellsPerPulse);
        for (int k = 1; k < cellsPerPulse.size(); k++) {
            assertTrue(cellsPerPulse.get(k) - cellsPerPulse.get(k - 1) <= 6, "a few rows a pulse: " + cellsPerPulse);
        }
        assertTrue(cellsPerPulse.size() >= 4, "the 20 rows in view took several pulses: " + cellsPerPulse);
        assertEquals(heights[1], heights[0], 1, "once let go, the list has its pane's whole height");
    }

    @Test
    void twoListsShownAtOnceFillOneAfterTheOtherTheFirstAskedForFirst() throws Exception {
        ObservableList<String> firstItems = FXCollections.observableArrayList();
        ObservableList<String> secondItems = FXCollections.observableArrayList();
        ListView<String>[] lists = new ListView[2];
        List<int[]> cells = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch whole = new CountDownLatch(1);
        int[] toldWhole = new int[1];
        int[] toldFirst = new int[1];
        Stage[] stage = new Stage[1];
        FxToolkit.setupFixture(() -> {
            lists[0] = new ListView<>(firstItems);
            lists[1] = new ListView<>(secondItems);
            VBox box = new VBox();
            for (ListView<String> l : lists) {
                l.setFixedCellSize(20);
                VBox pane = new VBox(l);
                VBox.setVgrow(l, Priority.ALWAYS);
                VBox.setVgrow(pane, Priority.ALWAYS);
                box.getChildren().add(pane);
            }
            // Asked for in the other order than they are shown: the order given wins.
            RowsInView.pace(lists[1], secondItems, 1, 4, 20);
            RowsInView.pace(lists[0], firstItems, 0, 4, 20);
            stage[0] = new Stage();
            stage[0].setScene(new Scene(box, 300, 600));
            stage[0].show();
        });
        Platform.runLater(() -> {
            secondItems.setAll(IntStream.range(0, 500).mapToObj(i -> "b" + i).toList());
            firstItems.setAll(IntStream.range(0, 500).mapToObj(i -> "a" + i).toList());
            RowsInView.whenWhole(1, () -> toldWhole[0] = lists[0].getMaxHeight() == Double.MAX_VALUE && lists[1].getMaxHeight() == Double.MAX_VALUE ? 1 : 2);
            RowsInView.whenWhole(0, () -> toldFirst[0] = lists[0].getMaxHeight() == Double.MAX_VALUE && lists[1].getMaxHeight() != Double.MAX_VALUE ? 1 : 2);
            new AnimationTimer() {
                private int after;

                @Override
                public void handle(long now) {
                    if (cells.size() < 200) {
                        cells.add(new int[]{madeCells(lists[0]), madeCells(lists[1]), lists[0].getMaxHeight() == Double.MAX_VALUE ? 1 : 0});
                    }
                    // A few pulses after both are let go, so that the last one has the height its pane gives it.
                    if (lists[0].getMaxHeight() == Double.MAX_VALUE && lists[1].getMaxHeight() == Double.MAX_VALUE && ++after > 3) {
                        stop();
                        whole.countDown();
                    }
                }
            }.start();
        });
        assertTrue(whole.await(20, TimeUnit.SECONDS), "both lists are let go");
        FxToolkit.setupFixture(() -> stage[0].hide());
        int firstWhole = -1;
        for (int k = 0; k < cells.size() && firstWhole < 0; k++) {
            if (cells.get(k)[2] == 1) {
                firstWhole = k;
            }
        }
        assertTrue(firstWhole > 0 && cells.get(firstWhole)[0] >= 14, "the first list fills its view: " + describe(cells));
        for (int k = 0; k < firstWhole; k++) {
            assertEquals(0, cells.get(k)[1], "the second list waits while the first fills: " + describe(cells));
        }
        assertTrue(cells.get(cells.size() - 1)[1] >= 14, "then the second fills its view too: " + describe(cells));
        assertEquals(1, toldWhole[0], "told once both lists were let go, not before (2) nor never (0)");
        assertEquals(1, toldFirst[0], "told of the first list alone once it was let go, before the second was");
    }

    private static String describe(List<int[]> cells) {
        StringBuilder s = new StringBuilder();
        synchronized (cells) {
            for (int[] c : cells) {
                s.append(c[0]).append('/').append(c[1]).append(' ');
            }
        }
        return s.toString();
    }

    @Test
    void aPulseMakesAsManyRowsAsTheLastPulsesCostPerRowFitsInTheBudget() {
        long ms = 1_000_000L;
        // Cold rows (20 ms each on a slow machine): one a pulse.
        assertEquals(1, RowsInView.nextStep(1, 180 * ms, 25 * ms, 16));
        assertEquals(1, RowsInView.nextStep(2, 40 * ms, 25 * ms, 16));
        // Warmer: 5 ms a row, five fit; never more than twice the last step.
        assertEquals(5, RowsInView.nextStep(4, 20 * ms, 25 * ms, 16));
        assertEquals(4, RowsInView.nextStep(2, 2 * ms, 25 * ms, 16));
        // Warm and cheap: up to the most asked for.
        assertEquals(16, RowsInView.nextStep(12, 3 * ms, 25 * ms, 16));
        // A pulse whose cost is not known keeps the step.
        assertEquals(3, RowsInView.nextStep(3, -1, 25 * ms, 16));
    }

    private static int madeCells(ListView<?> l) {
        int n = 0;
        for (Node c : l.lookupAll(".list-cell")) {
            if (c instanceof ListCell<?> cell && cell.isVisible()) {
                n++;
            }
        }
        return n;
    }
}
