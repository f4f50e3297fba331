package faultline.ui.app;

import faultline.ui.Messages;

import faultline.importer.db.DatabaseSource;
import faultline.ui.Status;
import faultline.ui.actions.Command;
import faultline.ui.actions.Commands;
import faultline.ui.actions.ShortcutsSheet;
import faultline.ui.database.DatabaseDialog;
import faultline.ui.export.ExportDialog;
import faultline.ui.export.ExportModel;
import faultline.ui.export.Exports;
import faultline.ui.inspector.InspectorView;
import faultline.ui.log.LogView;
import faultline.ui.notes.NotesView;
import faultline.ui.sources.FollowController;
import faultline.ui.sources.ParseReportDialog;
import faultline.ui.sources.SourceOptionsDialog;
import faultline.ui.tasks.TaskListView;
import faultline.ui.timeline.TimelineToolbar;
import faultline.ui.timeline.TimelineView;
import faultline.ui.timeline.TimelineViewModel;
import faultline.workspace.OutputTarget;
import faultline.workspace.WorkspaceStore;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.Dragboard;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;
import org.controlsfx.control.StatusBar;
import org.controlsfx.control.action.ActionUtils;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.Preferences;

/**
 * The main window: menus and toolbar made from the commands, task list | timeline | inspector over
 * the log, the problem banner and the status bar. It binds to the view-models and forwards what the
 * user does; dialogs are made when they are asked for.
 */
public final class MainView extends BorderPane {
    private final MainViewModel vm;
    private final Stage stage;
    private final Commands commands;
    private final TimelineViewModel timelineVm;
    private final TimelineView timeline;
    private final TimelineToolbar timelineBar;
    private final ProblemBanner banner;
    private final TaskListView tasks;
    private final Pane tipLayer = new Pane();
    private final SplitPane split;
    private final SplitPane vertical;
    private boolean verticalMoved;
    private boolean sidesMoved;
    private boolean sidesSized;
    private final LogView log;
    private final Tab notesTab = new Tab(Messages.get("tab.notes"));
    private NotesView notesView;
    private final Menu recentMenu = new Menu(faultline.ui.Messages.get("menu.recent"));
    private final FollowController follow;
    private final ExportModel export;

    /**
     * @param quit          what Quit does (the app saves and closes)
     * @param openLogFolder shows the app log's folder
     */
    public MainView(MainViewModel vm, Stage stage, Commands commands, Runnable quit, Runnable openLogFolder) {
        this.vm = vm;
        this.stage = stage;
        this.commands = commands;
        getStyleClass().add("main-view");
        getStylesheets().add(MainView.class.getResource("main.css").toExternalForm());
        timelineVm = vm.timeline();
        timeline = new TimelineView(timelineVm, commands);
        timelineBar = new TimelineToolbar(timelineVm, commands);
        export = new ExportModel(vm.document(), vm.compare(), timelineVm, vm.status(), vm.jobs(), timeline::style,
                scale -> Exports.window(getScene(), scale), Exports::copy);
        vm.opener().setPasswordPrompt(DatabaseDialog.prompt(stage));
        follow = new FollowController(vm.document(), vm.status(), vm.opener(), vm.jobs(), this::notifyFailure);
        bindCommands(quit, openLogFolder);

        tasks = new TaskListView(vm.tasks());
        InspectorView inspectorPane = new InspectorView(vm.inspector());
        TabPane inspector = new TabPane(new Tab(Messages.get("tab.parameters"), inspectorPane), notesTab);
        inspector.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        inspector.setId("side-tabs");
        // The Notes tab is made when it is first shown.
        notesTab.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                notes();
            }
        });
        notesTab.textProperty().bind(Bindings.createStringBinding(
                () -> vm.notes().list().isEmpty() ? Messages.get("tab.notes") : Messages.format("tab.notes.count", vm.notes().list().size()), vm.notes().list()));

        // The timeline scrolls its lanes itself, under an axis that stays in view.
        VBox centre = new VBox(timelineBar, timeline);
        VBox.setVgrow(timeline, Priority.ALWAYS);
        timeline.setTipHost(tipLayer);
        split = new SplitPane(tasks, centre, inspector);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.24, 0.66);
        SplitPane.setResizableWithParent(tasks, false);
        SplitPane.setResizableWithParent(inspector, false);
        log = new LogView(vm.log());
        vertical = new SplitPane(split, log);
        vertical.setOrientation(Orientation.VERTICAL);
        vertical.setDividerPositions(0.66);
        SplitPane.setResizableWithParent(log, false);
        restorePanes(vm.settings().panes());
        // A divider the user has dragged stays where it was put.
        vertical.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof Node n && dividerOf(n) == vertical) {
                verticalMoved = true;
            }
        });
        split.addEventFilter(MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof Node n && dividerOf(n) == split) {
                sidesMoved = true;
            }
        });
        timelineVm.layoutProperty().addListener((o, a, b) -> fitTimelineHeight());
        vertical.heightProperty().addListener((o, a, b) -> fitTimelineHeight());
        timelineBar.measureBar().visibleProperty().addListener((o, a, b) -> fitTimelineHeight());
        split.widthProperty().addListener((o, a, b) -> sizeSidePanes());

        banner = new ProblemBanner();
        vm.status().problems().addListener((ListChangeListener<String>) c -> showProblems());
        vm.status().offerProperty().addListener((o, a, b) -> showProblems());
        VBox body = new VBox(banner, vertical);
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

    private void bindCommands(Runnable quit, Runnable openLogFolder) {
        commands.bind(Command.OPEN, this::chooseFiles);
        commands.bind(Command.OPEN_SAMPLE, vm::openSample);
        commands.bind(Command.OPEN_DATABASE, this::chooseDatabase);
        commands.bind(Command.RELOAD, vm.opener()::reload);
        commands.disableWhen(Command.RELOAD, Bindings.isEmpty(vm.document().files()).and(vm.document().databaseProperty().isNull())
                .or(vm.opener().busyProperty()));
        commands.bind(Command.SAVE, vm.workspace()::save);
        commands.disableWhen(Command.SAVE, vm.workspace().pathProperty().isNull());
        commands.bind(Command.SAVE_AS, this::saveAs);
        commands.disableWhen(Command.SAVE_AS, Bindings.isEmpty(vm.document().files()).and(vm.document().databaseProperty().isNull()));
        commands.bind(Command.SAVE_SNAPSHOT, this::saveSnapshot);
        commands.disableWhen(Command.SAVE_SNAPSHOT, vm.document().databaseProperty().isNull());
        commands.bind(Command.EXPORT, this::exportImage);
        commands.disableWhen(Command.EXPORT, export.nothingToExport());
        commands.bind(Command.COPY_IMAGE, export::copy);
        commands.disableWhen(Command.COPY_IMAGE, export.nothingToExport());
        commands.bind(Command.PARSE_REPORT, () -> ParseReportDialog.show(stage, vm.document().taskSet().report()));
        commands.disableWhen(Command.PARSE_REPORT, Bindings.isEmpty(vm.document().files()));
        commands.bind(Command.SOURCES, () -> SourceOptionsDialog.show(stage, List.copyOf(vm.document().files()),
                vm.document().taskSet().report(), vm.document().options()).ifPresent(vm.opener()::reopenWith));
        commands.disableWhen(Command.SOURCES, Bindings.isEmpty(vm.document().files()));
        commands.bind(Command.CANCEL, vm.opener()::cancel);
        commands.disableWhen(Command.CANCEL, vm.opener().busyProperty().not());
        commands.bind(Command.QUIT, quit);
        commands.bind(Command.UNDO, vm.undo()::undo);
        commands.disableWhen(Command.UNDO, vm.undo().undoNameProperty().isEmpty());
        commands.action(Command.UNDO).textProperty().bind(Bindings.createStringBinding(() -> vm.undo().undoNameProperty().get().isEmpty()
                ? Command.UNDO.text : faultline.ui.Messages.format("command.UNDO.named", vm.undo().undoNameProperty().get()),
                vm.undo().undoNameProperty()));
        commands.bind(Command.REDO, vm.undo()::redo);
        commands.disableWhen(Command.REDO, vm.undo().redoNameProperty().isEmpty());
        commands.action(Command.REDO).textProperty().bind(Bindings.createStringBinding(() -> vm.undo().redoNameProperty().get().isEmpty()
                ? Command.REDO.text : faultline.ui.Messages.format("command.REDO.named", vm.undo().redoNameProperty().get()),
                vm.undo().redoNameProperty()));
        commands.bindToggle(Command.FOLLOW, follow.followingProperty());
        commands.bindToggle(Command.DARK_THEME, vm.settings().darkProperty());
        commands.bind(Command.SHORTCUTS, () -> ShortcutsSheet.show(stage, commands));
        commands.bind(Command.OPEN_LOG_FOLDER, openLogFolder);
    }

    @Override
    protected void layoutChildren() {
        super.layoutChildren();
        tipLayer.resizeRelocate(0, 0, getWidth(), getHeight());
        tipLayer.toFront();
    }

    private static SplitPane dividerOf(Node n) {
        boolean divider = false;
        for (Node p = n; p != null; p = p.getParent()) {
            if (p.getStyleClass().contains("split-pane-divider")) {
                divider = true;
            }
            if (p instanceof SplitPane s) {
                return divider ? s : null;
            }
        }
        return null;
    }

    /** Dividers the user moved in an earlier run. */
    private void restorePanes(Preferences p) {
        double[] sides = WindowState.dividers("sides", 2, p);
        if (sides != null) {
            split.setDividerPositions(sides);
            sidesMoved = true;
            sidesSized = true;
        }
        double[] log = WindowState.dividers("log", 1, p);
        if (log != null) {
            vertical.setDividerPositions(log);
            verticalMoved = true;
        }
    }

    /** On quit: the dividers the user moved are kept for the next run (and the others forgotten). */
    void savePanes(Preferences p) {
        if (sidesMoved) {
            WindowState.saveDividers(split, "sides", p);
        } else {
            WindowState.forget("sides", p);
        }
        if (verticalMoved) {
            WindowState.saveDividers(vertical, "log", p);
        } else {
            WindowState.forget("log", p);
        }
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
        double wanted = timeline.prefHeight(-1) + 52 + (timelineBar.measureBar().isVisible() ? timelineBar.measureBar().getHeight() : 0);
        double share = PaneSizes.timelineShare(wanted, h);
        // After the split has laid itself out for its new height (it keeps the log's height when it shrinks).
        Platform.runLater(() -> {
            if (!verticalMoved) {
                vertical.setDividerPositions(share);
            }
        });
    }

    private MenuBar menuBar() {
        Menu file = new Menu(Command.Group.FILE.menuTitle);
        file.getItems().addAll(item(Command.OPEN), recentMenu, item(Command.OPEN_SAMPLE), item(Command.OPEN_DATABASE), item(Command.RELOAD),
                new SeparatorMenuItem(), item(Command.SAVE), item(Command.SAVE_AS), item(Command.SAVE_SNAPSHOT),
                new SeparatorMenuItem(), item(Command.EXPORT), new SeparatorMenuItem(), item(Command.SOURCES), item(Command.PARSE_REPORT),
                new SeparatorMenuItem(), item(Command.CANCEL), new SeparatorMenuItem(), item(Command.QUIT));
        file.setOnShowing(e -> fillRecent());
        Menu edit = new Menu(Command.Group.EDIT.menuTitle);
        edit.getItems().addAll(item(Command.UNDO), item(Command.REDO), new SeparatorMenuItem(), item(Command.COPY_IMAGE));
        Menu view = new Menu(Command.Group.VIEW.menuTitle);
        view.getItems().addAll(item(Command.FIT), item(Command.CRASH_WINDOWS), item(Command.SAME_MOMENT), item(Command.FOLD), alignMenu(),
                new SeparatorMenuItem(), item(Command.ZOOM_IN), item(Command.ZOOM_OUT), item(Command.BACK), item(Command.FORWARD),
                new SeparatorMenuItem(), item(Command.PREVIOUS_EVENT), item(Command.NEXT_EVENT), item(Command.MEASURE), item(Command.ADD_NOTE),
                item(Command.RESET_SHIFTS), timelineMenu(), new SeparatorMenuItem(), item(Command.FOLLOW), new SeparatorMenuItem(), item(Command.DARK_THEME));
        Menu help = new Menu(Command.Group.HELP.menuTitle);
        help.getItems().addAll(item(Command.SHORTCUTS), item(Command.OPEN_LOG_FOLDER), faultline.ui.about.AboutDialog.aboutItem(stage));
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /**
     * View ▸ Timeline Keys: what the timeline's own keys do (they work while it has the focus), so that
     * they can be found and run from the menu too; the key is in the text, not an accelerator.
     */
    private Menu timelineMenu() {
        Menu m = new Menu(faultline.ui.Messages.get("menu.timeline"));
        m.setId("menu-timeline");
        for (Command c : Command.values()) {
            if (c.onTimeline()) {
                m.getItems().add(commands.contextItem(c));
            }
        }
        return m;
    }

    /** View ▸ Align On: the toolbar's choice of anchor, for the keyboard too. */
    private Menu alignMenu() {
        Menu align = new Menu(faultline.ui.Messages.get("menu.align"));
        align.setId("menu-align");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        java.util.Set<Character> taken = new java.util.HashSet<>();
        for (faultline.model.Anchor a : faultline.model.Anchor.values()) {
            String label = Character.toUpperCase(a.label().charAt(0)) + a.label().substring(1);
            javafx.scene.control.RadioMenuItem item = new javafx.scene.control.RadioMenuItem(mnemonic(label, taken));
            item.setToggleGroup(group);
            item.setSelected(timelineVm.anchorProperty().get() == a);
            item.setOnAction(e -> timelineVm.align(a));
            timelineVm.anchorProperty().addListener((o, was, now) -> item.setSelected(now == a));
            align.getItems().add(item);
        }
        return align;
    }

    /** The label with its first letter no other item of its menu has marked as the mnemonic. */
    private static String mnemonic(String label, java.util.Set<Character> taken) {
        for (int i = 0; i < label.length(); i++) {
            char c = Character.toLowerCase(label.charAt(i));
            if (Character.isLetter(c) && taken.add(c)) {
                return label.substring(0, i) + "_" + label.substring(i);
            }
        }
        return label;
    }

    private MenuItem item(Command c) {
        return commands.menuItem(c);
    }

    private ToolBar toolBar() {
        return new ToolBar(commands.button(Command.OPEN, ActionUtils.ActionTextBehavior.SHOW), new Separator(),
                commands.button(Command.FIT, ActionUtils.ActionTextBehavior.SHOW),
                commands.button(Command.CRASH_WINDOWS, ActionUtils.ActionTextBehavior.SHOW),
                commands.button(Command.SAME_MOMENT, ActionUtils.ActionTextBehavior.SHOW), new Separator(),
                commands.button(Command.UNDO, ActionUtils.ActionTextBehavior.HIDE),
                commands.button(Command.REDO, ActionUtils.ActionTextBehavior.HIDE));
    }

    private StatusBar statusBar() {
        StatusBar bar = new StatusBar();
        bar.setId("status-bar");
        bar.textProperty().bind(vm.status().textProperty());
        bar.progressProperty().bind(Bindings.when(vm.opener().busyProperty()).then(vm.opener().progressProperty()).otherwise(0.0));
        Button report = new Button();
        report.setId("parse-report-button");
        report.textProperty().bind(Bindings.createStringBinding(() -> {
            long n = vm.document().taskSet().report().totalUnparsed();
            return n == 0 ? Messages.get("status.report") : Messages.format("status.report.unparsed", n);
        }, vm.document().taskSetProperty()));
        report.setOnAction(e -> ParseReportDialog.show(stage, vm.document().taskSet().report()));
        report.setFocusTraversable(false);
        Button stop = commands.button(Command.CANCEL, ActionUtils.ActionTextBehavior.SHOW);
        stop.visibleProperty().bind(vm.opener().busyProperty());
        stop.managedProperty().bind(vm.opener().busyProperty());
        // The cursor's full time lives here, not in the timeline's toolbar, where a narrow pane would hide it.
        Label readout = new Label();
        readout.setId("cursor-readout");
        readout.getStyleClass().add("cursor-readout");
        readout.textProperty().bind(timelineVm.readoutProperty());
        Label following = new Label();
        following.setId("follow-status");
        following.textProperty().bind(follow.statusProperty());
        // The list's signatures are those of the failures' text until their analyses, in the background, make them whole.
        Label analysing = new Label(Messages.get("status.analysing"));
        analysing.setId("analysing-status");
        analysing.visibleProperty().bind(vm.analysingProperty().and(vm.opener().busyProperty().not()));
        analysing.managedProperty().bind(analysing.visibleProperty());
        Label saved = new Label();
        saved.setId("workspace-status");
        saved.textProperty().bind(vm.status().savedProperty());
        bar.getRightItems().addAll(readout, new Separator(Orientation.VERTICAL), analysing, following, saved, new Separator(Orientation.VERTICAL), stop, report);
        return bar;
    }

    /** Problems, and an offer with its button (a recovered or newer workspace, files outside a workspace's folder). */
    private void showProblems() {
        Status.Offer o = vm.status().offerProperty().get();
        List<String> lines = new java.util.ArrayList<>(vm.status().problems());
        if (o != null) {
            lines.add(o.message());
            banner.offer(o.action(), () -> {
                vm.status().offerProperty().set(null);
                o.accept().run();
            });
        } else {
            banner.offer(null, null);
        }
        if (lines.isEmpty()) {
            banner.hide();
        } else {
            banner.show(String.join("\n", lines));
        }
    }

    private void fillRecent() {
        recentMenu.getItems().clear();
        for (List<Path> set : vm.settings().recent().list()) {
            String label = String.join(", ", set.stream().map(p -> String.valueOf(p.getFileName())).toList());
            MenuItem item = new MenuItem(label.length() > 90 ? label.substring(0, 87) + "…" : label);
            // File names are shown as written: an underscore is not a mnemonic.
            item.setMnemonicParsing(false);
            item.setOnAction(e -> vm.opener().open(set));
            recentMenu.getItems().add(item);
        }
        if (recentMenu.getItems().isEmpty()) {
            MenuItem none = new MenuItem(faultline.ui.Messages.get("menu.recent.none"));
            none.setDisable(true);
            recentMenu.getItems().add(none);
        }
    }

    private void saveAs() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("chooser.save-as"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("chooser.workspace"), "*" + WorkspaceStore.SUFFIX));
        // Next to the shared workspace of this window, else next to the logs (the autosave lives in the data folder).
        Path current = vm.workspace().shared() != null ? vm.workspace().shared()
                : vm.document().files().isEmpty() ? null : WorkspaceStore.besideLocation(vm.document().files());
        if (current != null && current.getParent() != null && current.getParent().toFile().isDirectory()) {
            fc.setInitialDirectory(current.getParent().toFile());
            fc.setInitialFileName(String.valueOf(current.getFileName()));
        }
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            Path p = f.toPath();
            if (!WorkspaceStore.isWorkspace(p)) {
                p = p.resolveSibling(p.getFileName() + WorkspaceStore.SUFFIX);
            }
            // Checked before anything is written: a log, a device or a pipe is never a workspace's file.
            String refusal = OutputTarget.refusal(p, vm.document().files());
            if (refusal != null) {
                vm.status().problems().setAll(Messages.format("status.workspace.refused", refusal));
                return;
            }
            vm.workspace().saveAs(p);
        }
    }

    private void exportImage() {
        ExportDialog.show(stage, export.defaultTitle(), export.proposedFile(), export::refusal)
                .ifPresent(c -> export.export(c.choice(), c.target()));
    }

    private void chooseDatabase() {
        DatabaseSource db = vm.document().database();
        String last = db != null ? db.spec().url() : vm.settings().databaseUrl();
        DatabaseDialog d = new DatabaseDialog(stage, vm.jobs(), last, !vm.document().files().isEmpty(), vm.opener().passwordPrompt());
        d.showAndWait().ifPresent(c -> {
            // Only the URL without its password is remembered.
            vm.settings().setDatabaseUrl(c.source().spec().url());
            vm.opener().openDatabase(c.source(), c.withFiles());
        });
    }

    private void saveSnapshot() {
        DatabaseSource db = vm.document().database();
        if (db == null) {
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("chooser.snapshot"));
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(Messages.get("chooser.jsonl"), "*.jsonl"));
        fc.setInitialFileName("system_logs-" + db.spec().host() + "-" + java.time.LocalDate.now() + ".jsonl");
        File f = fc.showSaveDialog(stage);
        if (f != null) {
            vm.workspace().saveSnapshot(f.toPath());
        }
    }

    private void notifyFailure(String text) {
        org.controlsfx.control.Notifications.create().owner(stage).title(Messages.get("follow.notification")).text(text)
                .hideAfter(javafx.util.Duration.seconds(8)).showWarning();
    }

    private void chooseFiles() {
        FileChooser fc = new FileChooser();
        fc.setTitle(Messages.get("chooser.open"));
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(Messages.get("chooser.logs"), "*.log", "*.txt", "*.json", "*.jsonl", "*.csv"),
                new FileChooser.ExtensionFilter(Messages.get("chooser.all"), "*"));
        List<Path> open = vm.document().files();
        if (!open.isEmpty() && open.get(0).getParent() != null) {
            File dir = open.get(0).getParent().toFile();
            if (dir.isDirectory()) {
                fc.setInitialDirectory(dir);
            }
        }
        List<File> chosen = fc.showOpenMultipleDialog(stage);
        if (chosen != null && !chosen.isEmpty()) {
            vm.opener().open(chosen.stream().map(File::toPath).toList());
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
                vm.opener().open(db.getFiles().stream().map(File::toPath).toList());
            }
            e.setDropCompleted(ok);
            e.consume();
        });
    }

    public TimelineView timeline() {
        return timeline;
    }

    /** The Notes tab's content (made now if it was not shown yet). */
    public NotesView notes() {
        if (notesView == null) {
            notesView = new NotesView(vm.notesList());
            notesTab.setContent(notesView);
        }
        return notesView;
    }

    public LogView log() {
        return log;
    }

    public ProblemBanner banner() {
        return banner;
    }

    /** The Open Recent menu, filled as when the File menu opens. */
    public Menu recentMenu() {
        fillRecent();
        return recentMenu;
    }

    public TaskListView taskList() {
        return tasks;
    }

    public ExportModel export() {
        return export;
    }

    public FollowController follow() {
        return follow;
    }

    public Commands commands() {
        return commands;
    }
}
