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
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Dragboard;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import javafx.util.StringConverter;
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
    private final ProblemBanner notifications;
    private javafx.scene.layout.HBox measureBar;
    private final TaskListView tasks;
    private final javafx.scene.layout.Pane tipLayer = new javafx.scene.layout.Pane();
    private final SplitPane split;
    private final SplitPane vertical;
    private boolean verticalMoved;
    private boolean sidesSized;
    private final LogView log;
    private final NotesView notesView;
    private final Menu recentMenu = new Menu("Open Recent");

    final Action open;
    final Action openSample;
    final Action sources;
    final Action fit;
    final Action crash;
    final Action cancel;
    final Action sameMoment;
    final Action fold;
    final Action back;
    final Action forward;
    final Action dark;
    final Action save;
    final Action saveAs;
    final Action export;
    final Action copyImage;
    final Action quit;
    final Action openDatabase;
    final Action saveSnapshot;
    final Action reload;
    final FollowController follow;

    public MainView(MainViewModel vm, Stage stage) {
        this.vm = vm;
        this.stage = stage;
        getStyleClass().add("main-view");
        timelineVm = new TimelineViewModel(vm);
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
        sameMoment = new Action("Same Moment (Shift+C)", e -> timelineVm.sameMoment());
        sameMoment.setLongText("Wall clock: what every lane did at the first lane's crash");
        fold = new Action("Fold Idle Gaps (G)", e -> timelineVm.toggleFold());
        fold.setLongText("Fold stretches where no lane logs anything into breaks of the axis");
        back = new Action("◀", e -> timelineVm.back());
        back.setLongText("Back to the previous view (Alt+Left)");
        forward = new Action("▶", e -> timelineVm.forward());
        forward.setLongText("Forward (Alt+Right)");
        dark = new Action("Dark Theme", e -> toggleTheme());
        save = new Action("Save Workspace", e -> vm.saveWorkspace());
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setLongText("Save sources, compared tasks, alignment, view and notes (saved on every change anyway)");
        save.disabledProperty().bind(vm.workspacePathProperty().isNull());
        saveAs = new Action("Save Workspace As…", e -> saveAs());
        saveAs.disabledProperty().bind(Bindings.isEmpty(vm.files()));
        export = new Action("Export Image…", e -> exportImage());
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+E"));
        export.setLongText("The timeline or the window as PNG or SVG, with title, legend, notes and caption");
        copyImage = new Action("Copy Image", e -> copyImage());
        copyImage.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+C"));
        export.disabledProperty().bind(vm.comparisonProperty().isNull());
        copyImage.disabledProperty().bind(vm.comparisonProperty().isNull());
        cancel = new Action("Cancel", e -> vm.cancel());
        cancel.disabledProperty().bind(vm.busyProperty().not());
        openDatabase = new Action("Open Database…", e -> chooseDatabase());
        openDatabase.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+O"));
        openDatabase.setLongText("Fetch failures and their rows from the worker system's Postgres");
        saveSnapshot = new Action("Save Snapshot…", e -> saveSnapshot());
        saveSnapshot.setLongText("Keep the fetched rows as JSON lines before the database deletes them");
        saveSnapshot.disabledProperty().bind(vm.databaseProperty().isNull());
        reload = new Action("Reload", e -> vm.reload());
        reload.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        reload.setLongText("Read the files again and fetch again from the database, keeping the view");
        reload.disabledProperty().bind(Bindings.isEmpty(vm.files()).and(vm.databaseProperty().isNull()).or(vm.busyProperty()));
        vm.setPasswordPrompt(DatabaseDialog.prompt(stage));
        follow = new FollowController(vm, this::notifyFailure);
        quit = new Action("Quit", e -> stage.close());
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));

        timeline = new TimelineView(timelineVm);
        notesView = new NotesView(vm, timelineVm);
        back.disabledProperty().bind(timelineVm.canGoBackProperty().not());
        forward.disabledProperty().bind(timelineVm.canGoForwardProperty().not());
        tasks = new TaskListView(new TaskListViewModel(vm));
        InspectorView inspectorPane = new InspectorView(new InspectorViewModel(vm));
        javafx.scene.control.TabPane inspector = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab("Parameters", inspectorPane), new javafx.scene.control.Tab("Notes", null));
        inspector.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        inspector.setId("side-tabs");

        // The timeline scrolls its lanes itself, under an axis that stays in view.
        VBox centre = new VBox(timelineToolbar(), measureBar, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        timeline.setTipHost(tipLayer);

        inspector.getTabs().get(1).setContent(notesView);
        inspector.getTabs().get(1).textProperty().bind(Bindings.createStringBinding(
                () -> vm.notes().isEmpty() ? "Notes" : "Notes (" + vm.notes().size() + ")", vm.notes()));
        split = new SplitPane(tasks, centre, inspector);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.24, 0.66);
        SplitPane.setResizableWithParent(tasks, false);
        SplitPane.setResizableWithParent(inspector, false);
        log = new LogView(new LogViewModel(vm, timelineVm));
        vertical = new SplitPane(split, log);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(log, false);
        // A divider the user has dragged stays where it was put.
        vertical.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof javafx.scene.Node n && isDivider(n)) {
                verticalMoved = true;
            }
        });
        timelineVm.layoutProperty().addListener((o, a, b) -> fitTimelineHeight());
        vertical.heightProperty().addListener((o, a, b) -> fitTimelineHeight());
        split.widthProperty().addListener((o, a, b) -> sizeSidePanes());

        notifications = new ProblemBanner();
        vm.problems().addListener((ListChangeListener<String>) c -> showProblems());
        vm.offerProperty().addListener((o, a, b) -> showProblems());
        VBox body = new VBox(notifications, vertical);
        VBox.setVgrow(vertical, Priority.ALWAYS);

        setTop(new VBox(menuBar(), toolBar()));
        setCenter(body);
        setBottom(statusBar());
        tipLayer.setMouseTransparent(true);
        tipLayer.setPickOnBounds(false);
        tipLayer.setManaged(false);
        getChildren().add(tipLayer);
        installDragAndDrop();
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        tipLayer.resizeRelocate(0, 0, getWidth(), getHeight());
        tipLayer.toFront();
    }

    private static boolean isDivider(javafx.scene.Node n) {
        for (javafx.scene.Node p = n; p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("split-pane-divider")) {
                return true;
            }
            if (p instanceof SplitPane) {
                return false;
            }
        }
        return false;
    }

    /**
     * The side panes start wide enough for what they must show: the task list its check, id and
     * status columns, the inspector two task columns beside the parameter names.
     */
    private void sizeSidePanes() {
        double w = split.getWidth();
        if (sidesSized || w < 600) {
            return;
        }
        sidesSized = true;
        double[] d = PaneSizes.dividers(w);
        split.setDividerPositions(d[0], d[1]);
    }

    /** The timeline takes the height its lanes need (within bounds), the log the rest, until the user moves the divider. */
    private void fitTimelineHeight() {
        double h = vertical.getHeight();
        if (verticalMoved || h < 200) {
            return;
        }
        // The timeline toolbar, the measurement bar when it shows, and the split's padding come on top of the lanes.
        double wanted = timeline.prefHeight(-1) + 52 + (measureBar.isVisible() ? measureBar.getHeight() : 0);
        double share = PaneSizes.timelineShare(wanted, h);
        // After the split has laid itself out for its new height (it keeps the log's height when it shrinks).
        javafx.application.Platform.runLater(() -> {
            if (!verticalMoved) {
                vertical.setDividerPositions(share);
            }
        });
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        file.getItems().addAll(ActionUtils.createMenuItem(open), recentMenu, ActionUtils.createMenuItem(openSample),
                ActionUtils.createMenuItem(openDatabase), ActionUtils.createMenuItem(reload),
                new SeparatorMenuItem(), ActionUtils.createMenuItem(save), ActionUtils.createMenuItem(saveAs),
                ActionUtils.createMenuItem(saveSnapshot),
                new SeparatorMenuItem(), ActionUtils.createMenuItem(export), new SeparatorMenuItem(),
                ActionUtils.createMenuItem(sources), new SeparatorMenuItem(), ActionUtils.createMenuItem(cancel), new SeparatorMenuItem(), ActionUtils.createMenuItem(quit));
        file.setOnShowing(e -> fillRecent());
        Menu view = new Menu("View");
        javafx.scene.control.CheckMenuItem foldItem = new javafx.scene.control.CheckMenuItem("Fold Idle Gaps (G)");
        foldItem.selectedProperty().bindBidirectional(timelineVm.foldedProperty());
        foldItem.setOnAction(e -> {
            // The check item already flipped the property; let the view-model refit for it.
            timelineVm.foldedProperty().set(!foldItem.isSelected());
            timelineVm.toggleFold();
        });
        javafx.scene.control.CheckMenuItem darkItem = new javafx.scene.control.CheckMenuItem("Dark Theme");
        darkItem.setSelected(isDark());
        darkItem.setOnAction(e -> toggleTheme());
        javafx.scene.control.CheckMenuItem followItem = new javafx.scene.control.CheckMenuItem("Follow");
        followItem.setId("follow-item");
        followItem.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+F"));
        followItem.selectedProperty().bindBidirectional(follow.followingProperty());
        view.getItems().addAll(ActionUtils.createMenuItem(fit), ActionUtils.createMenuItem(crash), ActionUtils.createMenuItem(sameMoment),
                foldItem, new SeparatorMenuItem(), menuItem("Back (Alt+Left)", back), menuItem("Forward (Alt+Right)", forward),
                resetShiftsItem(), new SeparatorMenuItem(), followItem, new SeparatorMenuItem(), darkItem);
        Menu edit = new Menu("Edit");
        edit.getItems().addAll(ActionUtils.createMenuItem(copyImage));
        MenuBar bar = new MenuBar(file, edit, view);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private ToolBar toolBar() {
        return ActionUtils.createToolBar(List.of(open, ActionUtils.ACTION_SEPARATOR, fit, crash, sameMoment, fold), ActionUtils.ActionTextBehavior.SHOW);
    }

    private MenuItem resetShiftsItem() {
        MenuItem m = new MenuItem("Reset Lane Shifts (Alt+drag shifts a lane)");
        m.setOnAction(e -> timelineVm.resetShifts());
        return m;
    }

    private static MenuItem menuItem(String text, Action a) {
        MenuItem m = new MenuItem(text);
        m.setOnAction(a::handle);
        m.disableProperty().bind(a.disabledProperty());
        return m;
    }

    private boolean isDark() {
        return "dark".equals(System.getProperty("faultline.theme", faultline.workspace.RecentFiles.defaultNode().get("theme", "light")));
    }

    private void toggleTheme() {
        javafx.scene.Scene scene = getScene();
        if (scene == null) {
            return;
        }
        String dark = App.class.getResource("dark.css").toExternalForm();
        boolean on = !scene.getStylesheets().contains(dark);
        if (on) {
            scene.getStylesheets().add(dark);
        } else {
            scene.getStylesheets().remove(dark);
        }
        System.setProperty("faultline.theme", on ? "dark" : "light");
        faultline.workspace.RecentFiles.defaultNode().put("theme", on ? "dark" : "light");
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
        Button backButton = ActionUtils.createButton(back);
        Button forwardButton = ActionUtils.createButton(forward);
        javafx.scene.control.ToggleButton foldButton = new javafx.scene.control.ToggleButton("Fold gaps");
        foldButton.setSelected(timelineVm.foldedProperty().get());
        timelineVm.foldedProperty().addListener((o, a, b) -> foldButton.setSelected(b));
        foldButton.setOnAction(e -> {
            foldButton.setSelected(timelineVm.foldedProperty().get());
            timelineVm.toggleFold();
        });
        foldButton.setTooltip(new javafx.scene.control.Tooltip("Fold idle gaps into breaks of the axis (G)"));
        javafx.scene.control.ToggleButton measure = new javafx.scene.control.ToggleButton("Measure");
        measure.setId("measure-toggle");
        measure.selectedProperty().bindBidirectional(timelineVm.measuringProperty());
        measure.setTooltip(new javafx.scene.control.Tooltip("Drag from one event to another for the exact Δ (M); Shift+click measures from the selected event"));
        Label measured = new Label();
        measured.setId("measure-text");
        measured.getStyleClass().add("measure-text");
        measured.textProperty().bind(timelineVm.measureTextProperty());
        measured.setMinWidth(0);
        Button noteIt = new Button("Note");
        noteIt.setId("measure-note");
        noteIt.setTooltip(new javafx.scene.control.Tooltip("Keep the measurement as a note on the lane"));
        noteIt.setOnAction(e -> timelineVm.measureAsNote());
        Button clear = new Button("✕");
        clear.setTooltip(new javafx.scene.control.Tooltip("Clear the measurement (Esc)"));
        clear.setOnAction(e -> timelineVm.clearMeasure());
        javafx.scene.control.Label title = new javafx.scene.control.Label("Measured");
        title.getStyleClass().add("measure-title");
        for (javafx.scene.control.Control c : List.of(title, noteIt, clear)) {
            // Only the measurement's text gives way when the bar is narrow.
            c.setMinWidth(javafx.scene.control.Control.USE_PREF_SIZE);
        }
        measured.setTooltip(new javafx.scene.control.Tooltip());
        measured.getTooltip().textProperty().bind(timelineVm.measureTextProperty());
        measureBar = new javafx.scene.layout.HBox(8, title, measured, noteIt, clear);
        measureBar.getStyleClass().add("measure-bar");
        measureBar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        HBox.setHgrow(measured, Priority.ALWAYS);
        measured.setMaxWidth(Double.MAX_VALUE);
        // The measurement gets a line of its own under the toolbar, only while there is one.
        measureBar.visibleProperty().bind(timelineVm.measureProperty().isNotNull());
        measureBar.managedProperty().bind(measureBar.visibleProperty());
        measureBar.visibleProperty().addListener((o, a, b) -> fitTimelineHeight());
        ToolBar bar = new ToolBar(backButton, forwardButton, new javafx.scene.control.Separator(), l, anchor, foldButton, measure);
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
        // The cursor's full time lives here, not in the timeline's toolbar, where a narrow pane would hide it.
        Label readout = new Label();
        readout.setId("cursor-readout");
        readout.getStyleClass().add("cursor-readout");
        readout.textProperty().bind(timelineVm.readoutProperty());
        Label following = new Label();
        following.setId("follow-status");
        following.textProperty().bind(follow.statusProperty());
        Label saved = new Label();
        saved.setId("workspace-status");
        saved.textProperty().bind(vm.workspaceStatusProperty());
        bar.getRightItems().addAll(readout, new javafx.scene.control.Separator(Orientation.VERTICAL), following, saved, new javafx.scene.control.Separator(Orientation.VERTICAL), stop, report);
        return bar;
    }

    /** Problems, and an offer with its button (a recovered or newer workspace, files outside a workspace's folder). */
    private void showProblems() {
        MainViewModel.Offer o = vm.offerProperty().get();
        List<String> lines = new java.util.ArrayList<>(vm.problems());
        if (o != null) {
            lines.add(o.message());
            notifications.offer(o.action(), () -> {
                vm.offerProperty().set(null);
                o.accept().run();
            });
        } else {
            notifications.offer(null, null);
        }
        if (lines.isEmpty()) {
            notifications.hide();
        } else {
            notifications.show(String.join("\n", lines));
        }
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (List<Path> set : vm.recent().list()) {
            String label = String.join(", ", set.stream().map(p -> String.valueOf(p.getFileName())).toList());
            MenuItem item = new MenuItem(label.length() > 90 ? label.substring(0, 87) + "…" : label);
            // File names are shown as written: an underscore is not a mnemonic.
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.open(set));
            recentMenu.getItems().add(item);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    private void saveAs() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Save workspace as");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("Faultline workspace", "*" + faultline.workspace.WorkspaceStore.SUFFIX));
        // Next to the shared workspace of this window, else next to the logs (the autosave lives in the data folder).
        Path current = vm.sharedWorkspace() != null ? vm.sharedWorkspace()
                : vm.files().isEmpty() ? null : faultline.workspace.WorkspaceStore.besideLocation(vm.files());
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            fc.setInitialDirectory(current.getParent().toFile());
            fc.setInitialFileName(String.valueOf(current.getFileName()));
        }
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            Path p = f.toPath();
            if (!faultline.workspace.WorkspaceStore.isWorkspace(p)) {
                p = p.resolveSibling(p.getFileName() + faultline.workspace.WorkspaceStore.SUFFIX);
            }
            // Checked before anything is written: a log, a device or a pipe is never a workspace's file.
            String refusal = faultline.workspace.OutputTarget.refusal(p, vm.files());
            if (refusal != null) {
                vm.problems().setAll("Workspace not saved: " + refusal + ".");
                return;
            }
            vm.saveWorkspaceAs(p);
        }
    }

    private void exportImage() {
        String title = Exports.defaultTitle(vm.comparisonProperty().get());
        String name = title.replaceAll("[^A-Za-z0-9_.-]+", "_").replaceAll("_+$", "") + ".png";
        Path dir = !vm.files().isEmpty() && vm.files().get(0).toAbsolutePath().getParent() != null
                ? vm.files().get(0).toAbsolutePath().getParent() : Path.of(System.getProperty("user.home"));
        List<Path> open = List.copyOf(vm.files());
        ExportDialog.show(stage, title, dir.resolve(name), p -> faultline.workspace.OutputTarget.refusal(p, open))
                .ifPresent(c -> exportTo(c.choice(), c.target()));
    }

    /**
     * Writes the chosen picture in the background (hashing the logs and encoding take a moment); the
     * outcome is told in the status bar, a failure in the window, never lost.
     */
    void exportTo(ExportDialog.Choice choice, Path target) {
        java.util.function.Supplier<faultline.export.TimelineExport> export = Exports.timeline(vm, timelineVm, timeline, choice.title(), choice.width());
        java.awt.image.BufferedImage window = choice.what() == ExportDialog.What.WINDOW ? Exports.window(getScene(), choice.scale()) : null;
        String name = String.valueOf(target.getFileName());
        vm.workspaceStatusProperty().set("Exporting " + name + "…");
        Background.run(() -> {
            faultline.export.TimelineExport e = export.get();
            if (window != null) {
                Exports.writePng(window, e.metadata(), target);
            } else if (choice.svg()) {
                e.writeSvg(target);
            } else {
                e.writePng(target, choice.scale());
            }
            return target;
        }, t -> vm.workspaceStatusProperty().set("Exported " + name), ex -> {
            vm.workspaceStatusProperty().set("Export failed");
            vm.problems().setAll("Export failed: " + name + ": " + ex.getMessage());
        });
    }

    private void copyImage() {
        java.util.function.Supplier<faultline.export.TimelineExport> export =
                Exports.timeline(vm, timelineVm, timeline, Exports.defaultTitle(vm.comparisonProperty().get()), ExportDialog.DEFAULT_WIDTH);
        Background.run(() -> {
            faultline.export.TimelineExport e = export.get();
            return new Copied(e.image(1), e.metadata().title());
        }, c -> {
            Exports.copy(c.image(), c.title());
            vm.workspaceStatusProperty().set("Timeline copied to the clipboard");
        }, ex -> vm.problems().setAll("Copy failed: " + ex.getMessage()));
    }

    private record Copied(java.awt.image.BufferedImage image, String title) {
    }

    private String lastDatabaseUrl() {
        faultline.importer.db.DatabaseSource db = vm.databaseProperty().get();
        return db != null ? db.spec().url() : faultline.workspace.RecentFiles.defaultNode().get("database.url", "");
    }

    private void chooseDatabase() {
        DatabaseDialog d = new DatabaseDialog(stage, lastDatabaseUrl(), !vm.files().isEmpty(), vm.passwordPrompt());
        d.showAndWait().ifPresent(c -> {
            // Only the URL without its password is remembered.
            faultline.workspace.RecentFiles.defaultNode().put("database.url", c.source().spec().url());
            vm.openDatabase(c.source(), c.withFiles());
        });
    }

    private void saveSnapshot() {
        faultline.importer.db.DatabaseSource db = vm.databaseProperty().get();
        if (db == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Save snapshot of the fetched rows");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("JSON lines", "*.jsonl"));
        fc.setInitialFileName("system_logs-" + db.spec().host() + "-" + java.time.LocalDate.now() + ".jsonl");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            vm.saveSnapshot(f.toPath());
        }
    }

    private void notifyFailure(String text) {
        org.controlsfx.control.Notifications.create().owner(stage).title("Faultline — new failure").text(text)
                .hideAfter(javafx.util.Duration.seconds(8)).showWarning();
    }

    private void chooseFiles() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open log files");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Logs and workspaces", "*.log", "*.txt", "*.json", "*.jsonl", "*.csv"),
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

    public NotesView notes() {
        return notesView;
    }

    public LogView log() {
        return log;
    }

    ProblemBanner banner() {
        return notifications;
    }

    /** The Open Recent menu, filled as when the File menu opens. */
    Menu recentMenu() {
        fillRecent();
        return recentMenu;
    }

    TaskListView taskList() {
        return tasks;
    }

    public TimelineViewModel timelineViewModel() {
        return timelineVm;
    }
}
