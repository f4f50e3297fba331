package faultline.ui.app;

import faultline.ui.Messages;

import faultline.ui.Theme;
import faultline.ui.actions.Commands;
import faultline.ui.background.ServiceJobs;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.image.Image;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The composition root: the settings, the app log, the workers, the view-models and the window; then
 * the files given (or the bundled sample) are opened. Quitting in any way (the menu, Ctrl+Q, closing
 * the window, a SIGTERM) writes what is not written yet: the workspace, the window's place and panes.
 */
public final class App extends Application {
    private static final System.Logger LOG = System.getLogger("faultline.ui.app");

    private MainViewModel vm;
    private MainView view;
    private Stage stage;
    private Settings settings;
    private ExecutorService compute;
    private ExecutorService write;
    private ExecutorService views;
    private Thread onTerm;
    private Runnable uninstallKeys;

    @Override
    public void start(Stage stage) {
        long t0 = System.nanoTime();
        RecordWarmUp.start();
        this.stage = stage;
        AppLog.install();
        List<String> raw = getParameters().getRaw();
        settings = Settings.ofUser();
        if (raw.contains("--dark")) {
            settings.darkForNow();
        }
        UnexpectedProblem unexpected = new UnexpectedProblem(stage, this::openLogFolder);
        Thread.setDefaultUncaughtExceptionHandler(unexpected::tell);
        compute = Executors.newSingleThreadExecutor(r -> daemon(r, "faultline-compute"));
        write = Executors.newSingleThreadExecutor(r -> daemon(r, "faultline-write"));
        views = Executors.newSingleThreadExecutor(r -> daemon(r, "faultline-views"));
        vm = new MainViewModel(settings, new ServiceJobs(compute, write, views));
        Commands commands = new Commands();
        view = new MainView(vm, stage, commands, this::quit, this::openLogFolder);
        // A first window fills the screen up to 1600 × 1000; a saved one is restored below.
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        Theme.install(view);
        Theme.setDark(view, settings.darkProperty().get());
        settings.darkProperty().addListener((o, a, b) -> Theme.setDark(view, b));
        uninstallKeys = commands.install(stage);
        stage.setScene(scene);
        stage.titleProperty().bind(vm.opener().titleProperty());
        for (int size : new int[]{16, 32, 48, 64, 128, 256, 512}) {
            var url = App.class.getResource("/faultline/icons/app-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm(), true));
            }
        }
        WindowState.restore(stage, settings.window());
        if (Double.isNaN(stage.getWidth()) && WindowState.fillsScreen(scene.getWidth(), scene.getHeight(), screen)) {
            // A first window as large as its screen is maximised: asked for the whole screen plus its title bar, a
            // window manager gave it its 640×400 first guess (at 1280×720, and now and then at 1600×1000, under openbox).
            stage.setMaximized(true);
        }
        onTerm = new Thread(this::writeOnTerm, "faultline-quit");
        Runtime.getRuntime().addShutdownHook(onTerm);
        // The size asked for (the saved one, else the scene's): re-applied after the first layout if the window manager gave less.
        double wantW = Double.isNaN(stage.getWidth()) ? scene.getWidth() : stage.getWidth();
        double wantH = Double.isNaN(stage.getHeight()) ? scene.getHeight() : stage.getHeight();
        stage.show();
        Platform.runLater(() -> WindowState.keepSize(stage, wantW, wantH));
        // The keys work from the start: the first focus is the timeline's, not the task list's search box.
        view.timeline().requestFocus();
        long t1 = System.nanoTime();
        LOG.log(System.Logger.Level.INFO, () -> String.format("window shown %d ms after the JVM started (built in %.0f ms)",
                System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime(), (t1 - t0) / 1e6));
        PulseMonitor.startIfAsked(scene);
        List<Path> files = new ArrayList<>();
        for (String a : raw) {
            if (!a.equals("--dark")) {
                files.add(Path.of(a));
            }
        }
        if (files.isEmpty()) {
            vm.openSample();
        } else {
            vm.opener().open(files);
        }
        if (Boolean.getBoolean("faultline.follow")) {
            view.follow().followingProperty().set(true);
        }
        ReopenProbe.startIfAsked(vm);
        String snapshot = System.getProperty("faultline.snapshot");
        if (snapshot != null) {
            Snapshot.whenReady(vm, scene, Path.of(snapshot));
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** File ▸ Quit and Ctrl+Q: the same as closing the window. */
    private void quit() {
        Platform.exit();
    }

    /** Written on every way out: what the user did must not be lost. */
    @Override
    public void stop() {
        if (vm == null) {
            return;
        }
        vm.workspace().flush();
        uninstallKeys.run();
        stage.titleProperty().unbind();
        if (!scripted()) {
            WindowState.save(stage, settings.window());
            view.savePanes(settings.panes());
        }
        settings.flush();
        if (onTerm != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(onTerm);
            } catch (IllegalStateException e) {
                // the JVM is going down already; the hook runs
            }
        }
        compute.shutdownNow();
        views.shutdownNow();
        write.shutdown();
        try {
            write.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.log(System.Logger.Level.INFO, "quit");
    }

    /**
     * A start that takes a snapshot and quits (the GUI benchmark, a script): the window it had under whatever
     * display and window manager ran it is not the user's, so it is not kept for the next start.
     */
    private static boolean scripted() {
        return System.getProperty("faultline.snapshot") != null;
    }

    /** SIGTERM (or an exit without the window closing): the workspace and the window's place, from what was taken last. */
    private void writeOnTerm() {
        vm.workspace().flushUnsaved();
        if (!scripted()) {
            WindowState.save(stage, settings.window());
        }
        settings.flush();
        LOG.log(System.Logger.Level.INFO, "stopped by the system; unsaved changes written");
    }

    private void openLogFolder() {
        Path dir = AppLog.folder();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            vm.status().problems().setAll(Messages.format("status.log-folder.failed", dir, e.getMessage()));
            return;
        }
        getHostServices().showDocument(dir.toUri().toString());
        vm.status().savedProperty().set(Messages.format("status.log-folder", dir));
    }

    public MainViewModel viewModel() {
        return vm;
    }

    public MainView view() {
        return view;
    }

    /** The window's stage (tests). */
    public Stage stage() {
        return stage;
    }
}
