package faultline.ui.app;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Path;

/** {@code --snapshot=FILE}: once the files are open and drawn, writes the window as a PNG and quits. */
final class Snapshot {
    private Snapshot() {
    }

    /** The task list fills in steps after the set is published: ready is when its last row is in. */
    private static void whenListFilled(MainViewModel vm, Runnable then) {
        if (vm.tasks().showsAll()) {
            then.run();
            return;
        }
        javafx.beans.InvalidationListener[] wait = new javafx.beans.InvalidationListener[1];
        boolean[] done = new boolean[1];
        PauseTransition late = new PauseTransition(Duration.seconds(60));
        Runnable once = () -> {
            if (!done[0]) {
                done[0] = true;
                late.stop();
                vm.tasks().shownProperty().removeListener(wait[0]);
                then.run();
            }
        };
        wait[0] = o -> {
            if (vm.tasks().showsAll()) {
                once.run();
            }
        };
        vm.tasks().shownProperty().addListener(wait[0]);
        // A list that never fills (its tree failed to build) must not keep the snapshot from being taken.
        late.setOnFinished(e -> once.run());
        late.play();
    }

    static void whenReady(MainViewModel vm, Scene scene, Path target) {
        Runnable take = () -> {
            // Ready: the import and the compared failures' analysis are done and published, the task
            // list has all its rows and it and the parameter table have made those in sight; the next pulse draws them. Timed from the JVM's start so that the GUI benchmark can check it.
            Platform.runLater(() -> System.out.printf("faultline: ready after %d ms (%d ms of CPU)%n",
                    System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime(),
                    ProcessFigures.cpuMillis()));
            PauseTransition settle = new PauseTransition(Duration.millis(800));
            settle.setOnFinished(e -> {
                PulseMonitor.finish();
                WritableImage img = scene.snapshot(null);
                try {
                    ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", target.toFile());
                    System.out.println("wrote " + target);
                } catch (IOException ex) {
                    System.err.println("faultline: cannot write " + target + ": " + ex.getMessage());
                }
                Platform.exit();
            });
            settle.play();
        };
        vm.opener().busyProperty().addListener((o, was, now) -> {
            if (was && !now) {
                // The import's end is told before its outcome is published: the list is looked at after.
                // And the parameter table and the task list whole in sight: they make their first rows a few a pulse (the log after them).
                Platform.runLater(() -> whenListFilled(vm, () -> faultline.ui.RowsInView.whenWhole(1, take)));
            }
        });
    }
}
