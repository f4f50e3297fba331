package faultline.ui;

import faultline.model.Anchor;
import faultline.workspace.BundledSample;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;
import org.controlsfx.control.NotificationPane;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.action.ActionUtils;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The main window: menu and toolbar, task list | timeline | inspector, status bar. */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final Stage stage;
    private final TimelineViewModel timelineVm;
    private final TimelineView timeline;
    private final NotificationPane notifications;
    private final Menu recentMenu = new Menu("Open Recent");

    final Action open;
    final Action openSample;
    final Action sources;
    final Action fit;
    final Action crash;
    final Action cancel;
    final Action quit;

    public MainView(MainViewModel vm, Stage stage) {
        this.vm = vm;
        this.stage = stage;
        getStyleClass().add("main-view");
        open = new Action("Open…", e -> chooseFiles());
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setLongText("Open worker logs and system_logs exports");
        openSample = new Action("Open Bundled Sample", e -> openSample());
        sources = new Action("Sources…", e -> SourceOptionsDialog.show(stage, List.copyOf(vm.files()),
                vm.taskSetProperty().get().report(), vm.options()).ifPresent(vm::reopenWith));
        sources.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        sources.setLongText("Format, time zone, clock offset and date of each open file");
        sources.disabledProperty().bind(Bindings.isEmpty(vm.files()));
        fit = new Action("Fit All (F)", e -> timelineVmFit());
        fit.setLongText("Show every compared task's whole life");
        crash = new Action("Crash Windows (C)", e -> timelineVmCrash());
        crash.setLongText("Zoom every lane to its crash window");
        cancel = new Action("Cancel", e -> vm.cancel());
        cancel.disabledProperty().bind(vm.busyProperty().not());
        quit = new Action("Quit", e -> stage.close());
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));

        timelineVm = new TimelineViewModel(vm);
        timeline = new TimelineView(timelineVm);
        TaskListView tasks = new TaskListView(new TaskListViewModel(vm));
        InspectorView inspector = new InspectorView(new InspectorViewModel(vm));

        ScrollPane timelineScroll = new ScrollPane(timeline);
        timelineScroll.setFitToWidth(true);
        timelineScroll.setFitToHeight(true);
        timelineScroll.getStyleClass().add("timeline-scroll");
        timelineScroll.setFocusTraversable(false);
        VBox centre = new VBox(timelineToolbar(), timelineScroll);
        VBox.setVgrow(timelineScroll, Priority.ALWAYS);

        SplitPane split = new SplitPane(tasks, centre, inspector);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.25, 0.66);
        SplitPane.setResizableWithParent(tasks, false);
        SplitPane.setResizableWithParent(inspector, false);

        notifications = new NotificationPane(split);
        notifications.setId("notifications");
        vm.problems().addListener((ListChangeListener<String>) c -> showProblems());

        setTop(new VBox(menuBar(), toolBar()));
        setCenter(notifications);
        setBottom(statusBar());
        installDragAndDrop();
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        file.getItems().addAll(ActionUtils.createMenuItem(open), recentMenu, ActionUtils.createMenuItem(openSample),
                new SeparatorMenuItem(), ActionUtils.createMenuItem(sources), new SeparatorMenuItem(), ActionUtils.createMenuItem(cancel), new SeparatorMenuItem(), ActionUtils.createMenuItem(quit));
        file.setOnShowing(e -> fillRecent());
        Menu view = new Menu("View");
        view.getItems().addAll(ActionUtils.createMenuItem(fit), ActionUtils.createMenuItem(crash));
        MenuBar bar = new MenuBar(file, view);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private ToolBar toolBar() {
        return ActionUtils.createToolBar(List.of(open, ActionUtils.ACTION_SEPARATOR, fit, crash), ActionUtils.ActionTextBehavior.SHOW);
    }

    private ToolBar timelineToolbar() {
        ChoiceBox<Anchor> anchor = new ChoiceBox<>();
        anchor.getItems().setAll(Anchor.values());
        anchor.valueProperty().bindBidirectional(vm.anchorProperty());
        anchor.setConverter(new StringConverter<>() {
            @Override
            public String toString(Anchor a) {
                return a == null ? "" : a.label();
            }

            @Override
            public Anchor fromString(String s) {
                return Anchor.parse(s);
            }
        });
        anchor.setId("anchor-choice");
        Label l = new Label("Align on");
        ToolBar bar = new ToolBar(l, anchor);
        bar.getStyleClass().add("timeline-toolbar");
        return bar;
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(vm.statusProperty());
        bar.progressProperty().bind(Bindings.when(vm.busyProperty()).then(vm.progressProperty()).otherwise(0.0));
        Button report = new Button();
        report.setId("parse-report-button");
        report.textProperty().bind(Bindings.createStringBinding(() -> {
            long n = vm.taskSetProperty().get().report().totalUnparsed();
            return n == 0 ? "Parse report" : String.format("%,d lines not understood", n);
        }, vm.taskSetProperty()));
        report.setOnAction(e -> ParseReportDialog.show(stage, vm.taskSetProperty().get().report()));
        Button stop = ActionUtils.createButton(cancel);
        stop.visibleProperty().bind(vm.busyProperty());
        stop.managedProperty().bind(vm.busyProperty());
        bar.getRightItems().addAll(stop, report);
        return bar;
    }

    private void showProblems() {
        if (vm.problems().isEmpty()) {
            notifications.hide();
        } else {
            notifications.setText(String.join("\n", vm.problems()));
            notifications.show();
        }
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (List<Path> set : vm.recent().list()) {
            String label = String.join(", ", set.stream().map(p -> String.valueOf(p.getFileName())).toList());
            MenuItem item = new MenuItem(label.length() > 90 ? label.substring(0, 87) + "…" : label);
            item.setOnAction(e -> vm.open(set));
            recentMenu.getItems().add(item);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    private void chooseFiles() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open log files");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Logs", "*.log", "*.txt", "*.json", "*.jsonl", "*.csv"),
                new FileChooser.ExtensionFilter("All files", "*"));
        if (!vm.files().isEmpty() && vm.files().get(0).getParent() != null) {
            File dir = vm.files().get(0).getParent().toFile();
            if (dir.isDirectory()) {
                fc.setInitialDirectory(dir);
            }
        }
        List<File> chosen = fc.showOpenMultipleDialog(stage);
        if (chosen != null && !chosen.isEmpty()) {
            vm.open(chosen.stream().map(File::toPath).toList());
        }
    }

    private void openSample() {
        try {
            vm.open(BundledSample.files());
        } catch (IOException e) {
            vm.problems().setAll("The bundled sample could not be opened: " + e.getMessage());
        }
    }

    private void installDragAndDrop() {
        setOnDragOver(e -> {
            Dragboard db = e.getDragboard();
            if (db.hasFiles()) {
                e.acceptTransferModes(TransferMode.COPY);
            }
            e.consume();
        });
        setOnDragDropped(e -> {
            Dragboard db = e.getDragboard();
            boolean ok = db.hasFiles();
            if (ok) {
                vm.open(db.getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    private void timelineVmFit() {
        timelineVm.fit();
    }

    private void timelineVmCrash() {
        timelineVm.crashWindows();
    }

    public TimelineView timeline() {
        return timeline;
    }

    public TimelineViewModel timelineViewModel() {
        return timelineVm;
    }
}
