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

    private static Path root;
    private static Path shared;

    /**
     * The data folder of the tests' windows (autosaved workspaces, the sample's copy), in one temporary
     * folder removed when the run ends: one for every window on a test's own files, so that a test can
     * reopen them and find their workspace (each test's files have paths of their own); a new one for
     * every window on the bundled sample, whose workspace no test may inherit from another.
     */
    static synchronized Path dataDir() throws java.io.IOException {
        if (shared == null) {
            shared = Files.createDirectory(root().resolve("files"));
        }
        System.setProperty("faultline.data.dir", shared.toString());
        return shared;
    }

    private static synchronized Path freshDataDir() throws java.io.IOException {
        Path d = Files.createTempDirectory(root(), "sample");
        System.setProperty("faultline.data.dir", d.toString());
        return d;
    }

    private static synchronized Path root() throws java.io.IOException {
        if (root == null) {
            root = Files.createTempDirectory("faultline-test");
            Path r = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(r)));
        }
        return root;
    }

    private static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            // a folder in the system's temp space; nothing of the user's
        }
    }

    /** Starts Faultline on the arguments (none: the bundled sample) and waits until the files are open and drawn. */
    static App start(String... args) throws Exception {
        if (args.length == 0) {
            freshDataDir();
        } else {
            dataDir();
        }
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
        // Saves still running finish before the next test looks at the files.
        Background.EXECUTOR.submit(() -> { }).get(30, TimeUnit.SECONDS);
    }

    /** The bundled sample copied to a folder of the test's. */
    static List<String> sampleIn(Path dir) throws Exception {
        List<String> files = new ArrayList<>();
        for (Path p : Samples.files()) {
            files.add(Files.copy(p, dir.resolve(p.getFileName())).toString());
        }
        return files;
    }
}
