package faultline.ui;

import faultline.Samples;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The real application started headless for a test, with a data folder of its own. */
final class RunningApp {
    private RunningApp() {
    }

    /** Starts Faultline on the arguments (none: the bundled sample) and waits until the files are open and drawn. */
    static App start(String... args) throws Exception {
        System.setProperty("faultline.data.dir", Files.createTempDirectory("faultline-test").toString());
        Stage stage = FxToolkit.registerPrimaryStage();
        App app = (App) FxToolkit.setupApplication(App.class, args);
        // The comparison and the timeline's scene are published in the same FX event that ends "busy".
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> app.viewModel() != null && !app.viewModel().busyProperty().get() && !app.viewModel().files().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        new FxRobot().interact(stage::requestFocus);
        return app;
    }

    static void stop(App app) throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    /** The bundled sample copied to a folder of the test's (workspaces are written beside the logs). */
    static List<String> sampleIn(Path dir) throws Exception {
        List<String> files = new ArrayList<>();
        for (Path p : Samples.files()) {
            files.add(Files.copy(p, dir.resolve(p.getFileName())).toString());
        }
        return files;
    }
}
