package faultline.ui.app;

import faultline.ui.inspector.InspectorView;
import faultline.ui.timeline.TimelineView;

import faultline.render.TimelineScene;
import javafx.scene.control.TableView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Starts the real application headless, on the bundled sample, as a user would see it. */
class AppTest {
    private App app;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void start() throws Exception {
        app = TestWindow.sample();
    }

    @AfterEach
    void stop() throws Exception {
        TestWindow.stop(app);
    }

    @Test
    void showsTheTwoFailuresAsLanesAlignedOnTheCrash() {
        TimelineScene scene = app.viewModel().timeline().sceneProperty().get();
        List<String> lanes = scene.lanes().stream().map(TimelineScene.Lane::title).toList();
        assertEquals(List.of("78cd8678", "e040ae48"), lanes);
        assertTrue(scene.lanes().stream().allMatch(l -> l.crash() != null), "both lanes have a crash marker");
        assertTrue(app.view().timeline().frames() > 0, "the timeline was drawn");
    }

    @Test
    void highlightsEachTasksCrashPointParameter() {
        @SuppressWarnings("unchecked")
        TableView<faultline.analysis.ParamMatrix.Row> table = robot.lookup("#param-table").queryAs(TableView.class);
        Set<String> highlighted = new java.util.HashSet<>();
        for (String param : List.of("guidance_scale", "guidance_phases")) {
            robot.interact(() -> table.getItems().stream().filter(r -> r.name().equals(param)).findFirst().ifPresent(table::scrollTo));
            WaitForAsyncUtils.waitForFxEvents();
            robot.lookup(".param-cell.crash-point").queryAll().stream()
                    .map(n -> (InspectorView.ParamCell) n)
                    .filter(c -> c.getItem() != null && c.getItem().name().equals(param))
                    .forEach(c -> highlighted.add(table.getColumns().get(c.lane + 2).getText() + "=" + c.getItem().name()));
        }
        assertEquals(Set.of("78cd8678=guidance_scale", "e040ae48=guidance_phases"), highlighted);
    }

    @Test
    void statusBarCountsWhatWasImported() {
        org.controlsfx.control.StatusBar bar = robot.lookup("#status-bar").queryAs(org.controlsfx.control.StatusBar.class);
        assertTrue(bar.getText().contains("6 tasks (4 failed)"), bar.getText());
        assertTrue(bar.getText().contains("0 not understood"), bar.getText());
    }

    @Test
    void keysFitAndZoomToTheCrash() {
        TimelineView timeline = app.view().timeline();
        robot.clickOn(timeline);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(timeline.isFocused(), "a click on the timeline gives it the keys; focus is on " + timeline.getScene().getFocusOwner());
        robot.type(javafx.scene.input.KeyCode.F);
        WaitForAsyncUtils.waitForFxEvents();
        long fitted = app.viewModel().timeline().viewportProperty().get().span();
        assertTrue(fitted > 60_000_000_000L, "fit shows the tasks' whole lives, minutes: " + fitted);
        robot.type(javafx.scene.input.KeyCode.C);
        WaitForAsyncUtils.waitForFxEvents();
        long crash = app.viewModel().timeline().viewportProperty().get().span();
        assertTrue(crash < 10_000_000L, "C zooms to the crash windows, milliseconds: " + crash);
    }
}
