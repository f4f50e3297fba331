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
            RowsInView.pace(l, items, 4, 20);
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
