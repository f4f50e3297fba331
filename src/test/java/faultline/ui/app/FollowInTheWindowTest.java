package faultline.ui.app;

import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * View ▸ Follow in the window: lines appended to an open log show up as events and tasks, a task
 * that fails while followed is announced, the selected task stays selected, and what was read stays
 * after following stops.
 */
class FollowInTheWindowTest {
    private static final String A = "3c5d7e9f-1a2b-4c3d-8e4f-5a6b7c8d9e0f";
    private static final String B = "4d6e8f0a-2b3c-4d4e-9f5a-6b7c8d9e0f1a";
    private final FxRobot robot = new FxRobot();

    private static String task(String id, int minute, boolean fails) {
        String t = String.format("2026-03-02T10:%02d:", minute);
        StringBuilder sb = new StringBuilder();
        sb.append(t).append("00.100000 [INFO] [worker] HEADLESS: [CLAIM] Claimed task ").append(id).append(" (type=travel_segment)\n");
        for (int i = 1; i <= 8; i++) {
            sb.append(t).append(String.format("%02d.200000 [INFO] [worker] GENERATION: step %d/8%n", i, i));
        }
        if (fails) {
            sb.append(t).append("09.300000 [ERROR] [worker] HEADLESS: [TASK_ERROR] Task ").append(id)
                    .append(" failed: RuntimeError: CUDA error: device-side assert triggered\n");
        } else {
            sb.append(t).append("09.300000 [INFO] [worker] HEADLESS: Finished task ").append(id).append(" (Success: True)\n");
        }
        return sb.toString();
    }

    private static Task find(App app, String id) {
        TaskSet set = app.viewModel().document().taskSetProperty().get();
        return set == null ? null : set.find(id).orElse(null);
    }

    /** The text of every labelled node of the windows beside the main one (a notification is one). */
    private static boolean anyPopupSays(App app, String words) {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != app.stage() && w.isShowing() && w.getScene() != null && says(w.getScene().getRoot(), words)) {
                return true;
            }
        }
        return false;
    }

    private static boolean says(Node n, String words) {
        if (n instanceof Labeled l && l.getText() != null && l.getText().contains(words)) {
            return true;
        }
        if (n instanceof javafx.scene.Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                if (says(c, words)) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void appendedLinesAreReadWithTheViewKeptAndANewFailureAnnounced() throws Exception {
        Path log = Files.writeString(TestWindow.tempDir("follow").resolve("worker.log"), task(A, 0, false), StandardCharsets.UTF_8);
        App app = TestWindow.sharedOn(List.of(log));
        MainViewModel vm = app.viewModel();
        Task a = find(app, A);
        assertEquals(TaskStatus.COMPLETE, a.status());
        robot.interact(() -> vm.selection().taskProperty().set(a));
        robot.interact(() -> app.view().follow().followingProperty().set(true));

        Files.writeString(log, task(B, 1, true), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> find(app, B) != null && !vm.opener().busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Task b = find(app, B);
        assertEquals(TaskStatus.FAILED, b.status(), "the task that failed while followed is failed");
        assertEquals(10, b.eventCount(), "its claim, steps and error, although only its first and last lines name it");
        assertEquals(A, vm.selection().taskProperty().get().id(), "the selected task stays selected");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.waitForAsyncFx(5000, () -> anyPopupSays(app, B.substring(0, 8))));
        assertTrue(WaitForAsyncUtils.waitForAsyncFx(5000, () -> anyPopupSays(app, B.substring(0, 8))), "the new failure is announced");

        robot.interact(() -> app.view().follow().followingProperty().set(false));
        String c = "5e7f9a1b-3c4d-4e5f-8a6b-7c8d9e0f1a2b";
        Files.writeString(log, task(c, 2, true), StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        Thread.sleep(5000);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(null, find(app, c), "stopped: nothing more is read");
        assertEquals(TaskStatus.FAILED, find(app, B).status(), "and what was read stays");
    }
}
