package faultline.ui.app;

import faultline.Samples;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

/**
 * The real application, headless, for the window's tests. Most tests share one window (each begins
 * with the bundled sample opened afresh, in a data folder of its own, so that no test inherits another's
 * workspace); tests of quitting and coming back start their own. Preferences, data and the app log go
 * to a temporary folder and a preferences node of this run, both removed when the run ends.
 */
public final class TestWindow {
    private static Path root;
    private static Path shared;
    private static String prefsNode;
    private static App window;
    private static boolean windowIsShared;

    private TestWindow() {
    }

    private static synchronized Path root() throws IOException {
        if (root == null) {
            root = Files.createTempDirectory("faultline-test");
            prefsNode = "faultline-test-" + ProcessHandle.current().pid();
            System.setProperty("faultline.prefs.node", prefsNode);
            System.setProperty("faultline.log.dir", root.resolve("log").toString());
            Path r = root;
            String node = prefsNode;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    Preferences.userRoot().node(node).removeNode();
                    Preferences.userRoot().flush();
                } catch (Exception e) {
                    // preferences of a test run, in the build's folder
                }
                deleteTree(r);
            }));
        }
        return root;
    }

    /** The folder of this run's app log. */
    public static Path logFolder() throws IOException {
        return root().resolve("log");
    }

    /** The data folder of windows on a test's own files (each test's files have paths of their own). */
    public static synchronized Path dataDir() throws IOException {
        if (shared == null) {
            shared = Files.createDirectory(root().resolve("files"));
        }
        System.setProperty("faultline.data.dir", shared.toString());
        return shared;
    }

    /** A data folder no window used before: the sample opened there comes back with no workspace. */
    public static synchronized Path freshDataDir() throws IOException {
        Path d = Files.createTempDirectory(root(), "sample");
        System.setProperty("faultline.data.dir", d.toString());
        return d;
    }

    /** A temporary folder of this run, removed when it ends. */
    public static Path tempDir(String name) throws IOException {
        return Files.createTempDirectory(root(), name);
    }

    static void deleteTree(Path root) {
        try (java.util.stream.Stream<Path> all = Files.walk(root)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a folder in the system's temp space; nothing of the user's
        }
    }

    /**
     * The shared window, on the bundled sample opened afresh: no notes, the failures compared at their
     * crash windows, every pane as it starts.
     */
    public static synchronized App sample() throws Exception {
        if (window == null || !windowIsShared) {
            stopOwn();
            freshDataDir();
            window = launch();
            windowIsShared = true;
        } else {
            freshDataDir();
            App app = window;
            FxRobot robot = new FxRobot();
            robot.interact(() -> reset(app));
            robot.interact(() -> app.viewModel().openSample());
            waitOpen(app);
        }
        new FxRobot().interact(() -> window.stage().requestFocus());
        return window;
    }

    /** The shared window on the given files (read afresh). */
    public static synchronized App sharedOn(List<Path> files) throws Exception {
        App app = sample();
        dataDir();
        long before = System.nanoTime();
        new FxRobot().interact(() -> app.viewModel().opener().open(files));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !app.viewModel().opener().busyProperty().get()
                && !app.viewModel().analysingProperty().get()
                && app.viewModel().document().files().size() == files.size() && app.viewModel().document().files().stream()
                .allMatch(f -> files.stream().anyMatch(g -> g.toAbsolutePath().normalize().equals(f.toAbsolutePath().normalize()))));
        WaitForAsyncUtils.waitForFxEvents();
        return app;
    }

    /** The panes as a first start shows them, and no dialog open. */
    private static void reset(App app) {
        for (Window w : List.copyOf(Window.getWindows())) {
            if (w != app.stage() && w.getScene() != null && w.getScene().getRoot() instanceof DialogPane) {
                w.hide();
            }
        }
        MainViewModel vm = app.viewModel();
        vm.compare().publish(List.of(), faultline.model.Anchor.CRASH, java.util.Map.of(), null, faultline.ui.ViewIntent.FRESH);
        vm.undo().clear();
        vm.tasks().searchProperty().set("");
        vm.tasks().groupedProperty().set(false);
        vm.timeline().measuringProperty().set(false);
        vm.timeline().clearMeasure();
        vm.timeline().expandAll();
        vm.log().queryProperty().set("");
        vm.log().regexProperty().set(false);
        vm.log().levels().addAll(java.util.EnumSet.allOf(faultline.model.Level.class));
        vm.log().onlySelectedTaskProperty().set(false);
        vm.log().followCursorProperty().set(true);
        vm.settings().darkProperty().set(false);
        app.view().follow().followingProperty().set(false);
        vm.status().problems().clear();
        vm.status().offerProperty().set(null);
    }

    /** A window of its own on the arguments (none: the bundled sample); the shared one is closed first. */
    public static synchronized App start(String... args) throws Exception {
        stopOwn();
        if (args.length == 0) {
            freshDataDir();
        } else {
            dataDir();
        }
        window = launch(args);
        windowIsShared = false;
        return window;
    }

    private static void stopOwn() throws Exception {
        if (window != null) {
            App w = window;
            window = null;
            FxToolkit.cleanupApplication(w);
            FxToolkit.cleanupStages();
        }
    }

    /** Quits a window of its own as the user does (its stop writes what is not written yet). */
    public static synchronized void stop(App app) throws Exception {
        if (app == window && windowIsShared) {
            return;
        }
        if (app == window) {
            window = null;
        }
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private static App launch(String... args) throws Exception {
        root();
        Stage stage = FxToolkit.registerPrimaryStage();
        App app = (App) FxToolkit.setupApplication(App.class, args);
        waitOpen(app);
        new FxRobot().interact(stage::requestFocus);
        return app;
    }

    private static void waitOpen(App app) throws Exception {
        // The comparison and the timeline's scene are published in the same FX event that ends "busy".
        // The failures' analyses start once the set is drawn: a test acts on the window once they are done too.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.viewModel() != null && !app.viewModel().opener().busyProperty().get()
                && !app.viewModel().document().files().isEmpty() && !app.viewModel().analysingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The bundled sample copied to a folder of the test's. */
    public static List<String> sampleIn(Path dir) throws Exception {
        List<String> files = new ArrayList<>();
        for (Path p : Samples.files()) {
            files.add(Files.copy(p, dir.resolve(p.getFileName())).toString());
        }
        return files;
    }
}
