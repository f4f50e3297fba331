package faultline.ui;

import faultline.workspace.BundledSample;
import faultline.workspace.RecentFiles;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.stage.Stage;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The composition root: builds the view-models and the window, opens the files given or the sample. */
public final class App extends Application {
    private MainViewModel vm;
    private MainView view;

    @Override
    public void start(Stage stage) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> Platform.runLater(() -> showUnexpected(e)));
        vm = new MainViewModel(new RecentFiles(RecentFiles.defaultNode()));
        view = new MainView(vm, stage);
        // A first window fills the screen up to 1600 × 1000; a saved one is restored below.
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(1600, screen.getWidth()), Math.min(1000, screen.getHeight()));
        scene.getStylesheets().add(App.class.getResource("app.css").toExternalForm());
        if ("dark".equals(System.getProperty("faultline.theme", RecentFiles.defaultNode().get("theme", "light")))) {
            scene.getStylesheets().add(App.class.getResource("dark.css").toExternalForm());
        }
        stage.setScene(scene);
        stage.titleProperty().bind(vm.titleProperty());
        for (int size : new int[]{16, 32, 48, 64, 128, 256, 512}) {
            var url = App.class.getResource("/faultline/icons/app-" + size + ".png");
            if (url != null) {
                stage.getIcons().add(new Image(url.toExternalForm()));
            }
        }
        WindowState.restore(stage);
        stage.setOnCloseRequest(e -> WindowState.save(stage));
        stage.show();
        PulseMonitor.startIfAsked();
        List<Path> files = new ArrayList<>();
        for (String a : getParameters().getRaw()) {
            files.add(Path.of(a));
        }
        if (files.isEmpty()) {
            try {
                files = BundledSample.files();
            } catch (IOException e) {
                vm.problems().setAll("The bundled sample could not be opened: " + e.getMessage());
            }
        }
        vm.open(files);
        if (Boolean.getBoolean("faultline.follow")) {
            view.follow.followingProperty().set(true);
        }
        String snapshot = System.getProperty("faultline.snapshot");
        if (snapshot != null) {
            Snapshot.whenReady(vm, scene, Path.of(snapshot));
        }
    }

    public MainViewModel viewModel() {
        return vm;
    }

    public MainView view() {
        return view;
    }

    private static void showUnexpected(Throwable e) {
        faultline.workspace.AppLog.unexpected("unexpected problem shown in the window", e);
        StringWriter sw = new StringWriter();
        e.printStackTrace(new PrintWriter(sw));
        Alert a = new Alert(Alert.AlertType.ERROR);
        a.setTitle("Unexpected problem");
        a.setHeaderText("Something went wrong inside Faultline. Your files were not changed.");
        a.setContentText(String.valueOf(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        TextArea details = new TextArea(sw.toString());
        details.setEditable(false);
        a.getDialogPane().setExpandableContent(details);
        a.show();
    }
}
