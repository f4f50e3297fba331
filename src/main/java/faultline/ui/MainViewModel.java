package faultline.ui;

import faultline.analysis.Alignment;
import faultline.analysis.Analyzer;
import faultline.importer.ImportCancelledException;
import faultline.importer.ImportMonitor;
import faultline.importer.ImportOptions;
import faultline.importer.Importer;
import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.Note;
import faultline.model.ParseReport;
import faultline.model.Task;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;
import faultline.importer.ImportFailedException;
import faultline.workspace.Fingerprint;
import faultline.workspace.RecentFiles;
import faultline.workspace.Workspace;
import faultline.workspace.WorkspaceException;
import faultline.workspace.WorkspaceLookup;
import faultline.workspace.WorkspaceSession;
import faultline.workspace.WorkspaceStore;
import javafx.animation.PauseTransition;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;
import javafx.util.Duration;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * State of the main window: the imported task set, the compared tasks and their comparison, the
 * busy state of the background work, and the messages for the status bar. Views bind to it; only it
 * talks to the importer and the analysis.
 */
public final class MainViewModel {
    /** Failures whose signature is computed right after import for the task list. */
    static final int SIGNATURES_AT_IMPORT = 500;

    private final ReadOnlyObjectWrapper<TaskSet> taskSet = new ReadOnlyObjectWrapper<>(this, "taskSet", TaskSet.empty());
    private final ReadOnlyObjectWrapper<Comparison> comparison = new ReadOnlyObjectWrapper<>(this, "comparison");
    private final ObservableList<Task> compared = FXCollections.observableArrayList();
    private final ObservableMap<Integer, TaskAnalysis> failures = FXCollections.observableHashMap();
    private final ObjectProperty<Anchor> anchor = new SimpleObjectProperty<>(this, "anchor", Anchor.CRASH);
    private final StringProperty status = new SimpleStringProperty(this, "status", "No files open");
    private final StringProperty title = new SimpleStringProperty(this, "title", "Faultline");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy", false);
    private final ObservableList<String> problems = FXCollections.observableArrayList();
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final SelectionModel selection = new SelectionModel();
    private final ObservableList<Note> notes = FXCollections.observableArrayList();
    private final ObjectProperty<Workspace.ViewState> view = new SimpleObjectProperty<>(this, "view");
    /** Where the workspace is autosaved (the user's data folder), null while no files are open. */
    private final ObjectProperty<Path> workspacePath = new SimpleObjectProperty<>(this, "workspacePath");
    private final ObjectProperty<Offer> offer = new SimpleObjectProperty<>(this, "offer");
    private WorkspaceSession session;
    /** The workspace the open files came back with (or were re-read with), and the last one saved of them; or null. */
    private Workspace restoredWorkspace;
    private Workspace lastWritten;
    private final StringProperty workspaceStatus = new SimpleStringProperty(this, "workspaceStatus", "");
    private final PauseTransition autosave = new PauseTransition(Duration.millis(800));
    private Workspace.ViewState pendingView;
    private boolean restoring;
    private final RecentFiles recent;

    private ImportOptions options = ImportOptions.defaults();
    /** The database rows read beside the files, or null. */
    private final ObjectProperty<faultline.importer.db.DatabaseSource> database = new SimpleObjectProperty<>(this, "database");
    /** Rotated copies of followed files, read beside them so that earlier lines stay. */
    private final List<Path> rotated = new ArrayList<>();
    private faultline.importer.db.DatabaseSource.PasswordPrompt passwordPrompt;
    /** Hand-set shifts of lanes, by task index, in ns. */
    private final Map<Integer, Long> shifts = new HashMap<>();
    private Analyzer analyzer;
    private javafx.concurrent.Task<?> running;
    private long generation;

    public MainViewModel(RecentFiles recent) {
        this.recent = recent;
        anchor.addListener((o, a, b) -> {
            if (!restoring) {
                recompare();
            }
            changed();
        });
        autosave.setOnFinished(e -> autosave());
        notes.addListener((javafx.collections.ListChangeListener<Note>) c -> changed());
        compared.addListener((javafx.collections.ListChangeListener<Task>) c -> changed());
        view.addListener((o, a, b) -> changed());
    }

    public ObservableList<Note> notes() {
        return notes;
    }

    public ObjectProperty<Workspace.ViewState> viewProperty() {
        return view;
    }

    public ObjectProperty<Path> workspacePathProperty() {
        return workspacePath;
    }

    public StringProperty workspaceStatusProperty() {
        return workspaceStatus;
    }

    /**
     * Something the user may choose to do (open a recovered or newer workspace, read files outside a
     * workspace's folder), shown with a button until taken or dismissed; null when there is none.
     */
    public ObjectProperty<Offer> offerProperty() {
        return offer;
    }

    /** A question with one action: the message, the button's text, and what the button does. */
    public record Offer(String message, String action, Runnable accept) {
    }

    /** The shared workspace file of this window (opened, or saved as), or null. */
    public Path sharedWorkspace() {
        WorkspaceSession s = session;
        return s == null ? null : s.shared();
    }

    /** The view a reopened workspace wants, taken once by the timeline when its scene is built. */
    public Workspace.ViewState takePendingView() {
        Workspace.ViewState v = pendingView;
        pendingView = null;
        return v;
    }

    /** Something worth keeping changed: the workspace is saved a moment later (changes in a burst save once). */
    private void changed() {
        if (!restoring && workspacePath.get() != null && (!files.isEmpty() || database.get() != null)) {
            autosave.playFromStart();
        }
    }

    public void addNote(Note n) {
        notes.add(n);
    }

    public void updateNote(Note n) {
        for (int i = 0; i < notes.size(); i++) {
            if (notes.get(i).id().equals(n.id())) {
                notes.set(i, n);
                return;
            }
        }
    }

    public void removeNote(String id) {
        notes.removeIf(n -> n.id().equals(id));
    }

    public Note note(String id) {
        return notes.stream().filter(n -> n.id().equals(id)).findFirst().orElse(null);
    }

    /** Takes the state on the FX thread; the returned supplier builds the workspace (hashing) anywhere. */
    private java.util.function.Supplier<Workspace> captureWorkspace() {
        List<Path> list = List.copyOf(files);
        Map<String, Long> byId = new HashMap<>();
        TaskSet set = taskSet.get();
        shifts.forEach((index, ns) -> {
            if (index < set.tasks().size()) {
                byId.put(set.task(index).id(), ns);
            }
        });
        List<String> ids = new ArrayList<>(compared.stream().map(Task::id).toList());
        Workspace was = lastWritten != null ? lastWritten : restoredWorkspace;
        if (was != null) {
            // Tasks of a file that is missing now (deleted, unreadable) stay in the workspace for when it is back.
            for (String id : was.compared()) {
                if (set.find(id).isEmpty() && !ids.contains(id)) {
                    ids.add(id);
                }
            }
            was.shifts().forEach((id, ns) -> {
                if (set.find(id).isEmpty()) {
                    byId.putIfAbsent(id, ns);
                }
            });
        }
        String a = anchor.get().name();
        Workspace.ViewState v = view.get();
        List<Note> ns = List.copyOf(notes);
        ImportOptions o = options;
        faultline.importer.db.DatabaseSource db = database.get();
        Workspace.DatabaseRef dbRef = db == null ? null : new Workspace.DatabaseRef(db.spec().url(), db.query(),
                db.store().tasks().stream().map(faultline.importer.db.TaskRow::id).toList());
        return () -> {
            List<Workspace.SourceRef> refs = new ArrayList<>();
            for (Path f : list) {
                ImportOptions.SourceOptions so = o.of(f);
                long size;
                try {
                    size = java.nio.file.Files.size(f);
                } catch (java.io.IOException e) {
                    size = -1;
                }
                // A fingerprint, not the SHA-256: saving must not read a gigabyte on every change.
                Fingerprint fp = Fingerprint.of(f);
                Workspace.SourceRef before = fp == null && was != null ? refOf(was, f) : null;
                if (before != null) {
                    refs.add(before); // what is known of a file that cannot be read now is kept
                    continue;
                }
                refs.add(new Workspace.SourceRef(f.toAbsolutePath().normalize().toString(), size, null,
                        so.format() == null ? null : so.format().id(), so.zone().getId(), so.offsetNanos(),
                        so.date() == null ? null : so.date().toString(), fp == null ? null : fp.text()));
            }
            return new Workspace(Workspace.VERSION, refs, ids, a, byId, v, ns, dbRef);
        };
    }

    private static Workspace.SourceRef refOf(Workspace w, Path f) {
        String p = f.toAbsolutePath().normalize().toString();
        return w.sources().stream().filter(r -> r.path().equals(p)).findFirst().orElse(null);
    }

    /** Autosave, a moment after a change: the user's data folder only (in the background). */
    private void autosave() {
        WorkspaceSession s = session;
        if (s == null || (files.isEmpty() && database.get() == null)) {
            return;
        }
        java.util.function.Supplier<Workspace> w = captureWorkspace();
        Background.run(() -> s.autosave(w.get()), saved -> saved(s, saved, null), ex -> notSaved(ex));
    }

    /** Save Workspace: now, in the data folder and into the shared workspace file this window has, if any. */
    public void saveWorkspace() {
        WorkspaceSession s = session;
        if (s == null || (files.isEmpty() && database.get() == null)) {
            return;
        }
        autosave.stop();
        java.util.function.Supplier<Workspace> w = captureWorkspace();
        Path shared = s.shared();
        Background.run(() -> s.save(w.get()), saved -> saved(s, saved, shared), ex -> notSaved(ex));
    }

    /** Save As: a shareable workspace file at target; Save Workspace writes there too from now on. */
    public void saveWorkspaceAs(Path target) {
        if (files.isEmpty() && database.get() == null) {
            return;
        }
        if (session == null) {
            // Rows of a database only: their workspace begins with the file the user names.
            session = new WorkspaceSession(new WorkspaceLookup.Found(null, WorkspaceStore.locationFor(List.copyOf(files), target), null, null,
                    null, null, List.of(), null, List.of()));
            workspacePath.set(session.saveTo());
        }
        WorkspaceSession s = session;
        java.util.function.Supplier<Workspace> w = captureWorkspace();
        Background.run(() -> {
            Workspace mine = w.get();
            s.autosave(mine);
            return s.saveAs(target, mine);
        }, saved -> saved(s, saved, target), ex -> notSaved(ex));
    }

    private void saved(WorkspaceSession s, WorkspaceStore.Saved saved, Path shared) {
        if (s != session) {
            return;
        }
        lastWritten = saved.workspace();
        String where = shared == null ? "" : " and " + shared.getFileName();
        if (saved.merged()) {
            // Another window on the same files saved notes meanwhile: they are shown here too.
            restoring = true;
            try {
                notes.setAll(saved.workspace().notes());
            } finally {
                restoring = false;
            }
            workspaceStatus.set("Saved" + where + ", with the notes another window saved");
        } else {
            workspaceStatus.set(shared == null ? "Saved" : "Saved " + shared.getFileName());
        }
    }

    private void notSaved(Throwable ex) {
        workspaceStatus.set("Workspace not saved");
        problems.setAll("Workspace not saved: " + ex.getMessage());
    }

    /**
     * Opens a workspace file: read in the background, its sources resolved against its folder; sources
     * outside that folder are read only after the user confirms them.
     */
    public void openWorkspace(Path file) {
        Background.run(() -> WorkspaceLookup.forFile(file), found -> {
            List<Path> logs = found.restore().files();
            Workspace.DatabaseRef db = found.restore().database();
            faultline.importer.db.DatabaseSource again = null;
            if (db != null) {
                try {
                    again = new faultline.importer.db.DatabaseSource(db.url(), db.query(), faultline.importer.db.Passwords.ofSystem(), passwordPrompt);
                } catch (IllegalArgumentException e) {
                    problems.setAll(file.getFileName() + ": its database cannot be asked again (" + e.getMessage() + ")");
                }
            }
            faultline.importer.db.DatabaseSource fetch = again;
            List<String> chosen = db == null ? List.of() : db.tasks();
            if (found.outside().isEmpty()) {
                openWith(logs, () -> found, null, null, false, fetch, chosen);
                return;
            }
            List<String> names = found.outside().stream().map(Path::toString).toList();
            offer.set(new Offer(file.getFileName() + " reads files outside its folder: " + String.join(", ", names.subList(0, Math.min(6, names.size())))
                    + (names.size() > 6 ? " and " + (names.size() - 6) + " more" : "") + ". Read them?", "Read them",
                    () -> openWith(logs, () -> found, null, null, false, fetch, chosen)));
        }, ex -> problems.setAll(ex instanceof WorkspaceException ? ex.getMessage() : file.getFileName() + " cannot be opened: " + ex.getMessage()));
    }

    public ReadOnlyObjectProperty<TaskSet> taskSetProperty() {
        return taskSet.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Comparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    public ObservableList<Task> compared() {
        return compared;
    }

    public ObservableMap<Integer, TaskAnalysis> failures() {
        return failures;
    }

    public ObjectProperty<Anchor> anchorProperty() {
        return anchor;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ObservableList<String> problems() {
        return problems;
    }

    public ObservableList<Path> files() {
        return files;
    }

    public SelectionModel selection() {
        return selection;
    }

    public RecentFiles recent() {
        return recent;
    }

    /** What import and first analysis hand to the FX thread in one piece. */
    private record Opened(List<Path> files, TaskSet set, Analyzer analyzer, Map<Integer, TaskAnalysis> failures,
                          List<Task> preselected, Comparison comparison, Restored restored, WorkspaceLookup.Found found,
                          ImportOptions options, List<String> warnings) {
    }

    /** A saved workspace's choices resolved against the newly read files. */
    private record Restored(Workspace workspace, Anchor anchor, Map<Integer, Long> shifts, List<String> warnings) {
        static Restored of(Workspace w, TaskSet set, Anchor fallback) {
            Map<Integer, Long> byIndex = new HashMap<>();
            w.shifts().forEach((id, ns) -> set.find(id).ifPresent(t -> byIndex.put(t.index(), ns)));
            return new Restored(w, w.anchorOr(fallback), byIndex, w.changedSources());
        }
    }

    /**
     * Imports the files in the background; the current set stays until the new one is complete. The
     * workspace of exactly these files comes back (looked up in the background too).
     */
    public void open(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        // A workspace picked or dropped together with logs is never read as a log.
        List<Path> logs = paths.stream().filter(p -> !WorkspaceStore.isWorkspace(p)).toList();
        if (logs.isEmpty()) {
            openWorkspace(paths.get(0));
            return;
        }
        openWith(logs, () -> WorkspaceLookup.forLogs(logs), null, null, false);
    }

    /**
     * @param lookup  finds the workspace and where to save it (in the background), or null to keep this window's
     * @param restore the state to put back once the files are read (built in the background), or null for the lookup's
     * @param given   how to read the files, or null for what the restored workspace says
     * @param dirty   whether the result differs from the saved workspace and is to be saved
     */
    private void openWith(List<Path> paths, java.util.function.Supplier<WorkspaceLookup.Found> lookup,
                          java.util.function.Supplier<Workspace> restore, ImportOptions given, boolean dirty) {
        openWith(paths, lookup, restore, given, dirty, null, List.of());
    }

    /**
     * @param fetch  a database to fetch from before reading (Reload, a reopened workspace), or null to read
     *               the rows held by the current one
     * @param chosen ids of the tasks to fetch (empty: every task the query lists)
     */
    private void openWith(List<Path> paths, java.util.function.Supplier<WorkspaceLookup.Found> lookup,
                          java.util.function.Supplier<Workspace> restore, ImportOptions given, boolean dirty,
                          faultline.importer.db.DatabaseSource fetch, List<String> chosen) {
        cancel();
        offer.set(null);
        List<Path> list = List.copyOf(paths);
        List<Path> extra = List.copyOf(rotated);
        faultline.importer.db.DatabaseSource held = fetch != null ? fetch : database.get();
        Anchor a = anchor.get();
        javafx.concurrent.Task<Opened> job = new javafx.concurrent.Task<>() {
            @Override
            protected Opened call() {
                ImportMonitor monitor = new ImportMonitor() {
                    @Override
                    public void progress(long done, long total, String message) {
                        updateProgress(done, Math.max(total, 1));
                        updateMessage(message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return isCancelled0();
                    }
                };
                updateMessage("Looking for the workspace of these files…");
                WorkspaceLookup.Found found = lookup == null ? null : lookup.get();
                Workspace toRestore = restore != null ? restore.get() : found == null ? null : found.restore();
                ImportOptions opts = given != null ? given : toRestore != null ? toRestore.importOptions() : ImportOptions.defaults();
                if (fetch != null) {
                    fetchAgain(fetch, chosen, monitor);
                }
                List<Path> read = new ArrayList<>(extra);
                read.addAll(list);
                TaskSet set = new Importer(opts).importSources(read, held == null ? List.of() : List.of(held.rows()), monitor);
                updateMessage("Analysing failures…");
                Analyzer an = new Analyzer(set);
                Map<Integer, TaskAnalysis> fails = new HashMap<>();
                List<String> failedAnalyses = new ArrayList<>();
                for (Task t : set.failed()) {
                    if (fails.size() >= SIGNATURES_AT_IMPORT || isCancelled()) {
                        break;
                    }
                    // One task the analysis trips over is told about; the others still open.
                    try {
                        fails.put(t.index(), an.analyse(t));
                    } catch (RuntimeException | StackOverflowError e) {
                        failedAnalyses.add("Task " + t.shortId() + " could not be analysed (" + e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
                    }
                }
                if (isCancelled()) {
                    throw new ImportCancelledException();
                }
                List<Task> pre = faultline.analysis.DefaultSelection.of(set);
                Anchor anc = a;
                List<Long> laneShifts = List.of();
                // A reopened workspace is compared as it was saved straight away, so the view never jumps.
                Restored r = toRestore == null ? null : Restored.of(toRestore, set, a);
                if (r != null) {
                    List<Task> saved = r.workspace().comparedIn(set);
                    pre = saved.isEmpty() ? pre : saved;
                    anc = r.anchor();
                    laneShifts = pre.stream().map(t -> r.shifts().getOrDefault(t.index(), 0L)).toList();
                }
                Comparison c;
                try {
                    c = Alignment.align(an.analyse(pre), anc, laneShifts, set);
                } catch (RuntimeException | StackOverflowError e) {
                    c = null;
                    failedAnalyses.add("The compared tasks could not be analysed (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
                }
                return new Opened(list, set, an, fails, pre, c, r, found, opts, List.copyOf(failedAnalyses));
            }

            private boolean isCancelled0() {
                return isCancelled();
            }
        };
        long gen = ++generation;
        job.setOnSucceeded(e -> {
            if (gen != generation) {
                return;
            }
            restoring = true;
            try {
                Opened o = job.getValue();
                database.set(held);
                if (o.restored() != null) {
                    // Notes, view and anchor go in before the comparison so the first drawing is already the saved one.
                    notes.setAll(o.restored().workspace().notes());
                    pendingView = o.restored().workspace().view();
                    anchor.set(o.restored().anchor());
                } else {
                    notes.clear();
                }
                publish(o);
                options = o.options();
                if (o.found() != null) {
                    session = new WorkspaceSession(o.found());
                    workspacePath.set(o.found().saveTo());
                }
                List<String> all = new ArrayList<>(problems);
                all.addAll(o.warnings());
                if (o.found() != null) {
                    all.addAll(o.found().warnings());
                    WorkspaceLookup.Offer f = o.found().offer();
                    if (f != null) {
                        offer.set(new Offer(f.message(), f.action(), () -> openWorkspace(f.workspace())));
                    }
                }
                restoredWorkspace = o.restored() == null ? null : o.restored().workspace();
                if (o.found() != null) {
                    lastWritten = null; // another set of files, or the same opened anew
                }
                if (o.restored() != null) {
                    shifts.putAll(o.restored().shifts());
                    all.addAll(o.restored().warnings());
                }
                problems.setAll(all);
            } finally {
                restoring = false;
            }
            if (dirty) {
                changed();
            }
            finishBusy();
        });
        job.setOnFailed(e -> {
            if (gen != generation) {
                return;
            }
            // Unbound first: the status is bound to the job's message until then.
            finishBusy();
            Throwable ex = job.getException();
            String why = ex instanceof ImportFailedException ? ex.getMessage()
                    : ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
            problems.setAll(ex instanceof ImportCancelledException ? "Import cancelled — the files open before are kept."
                    : ex instanceof FetchFailed ? ex.getMessage() : "Import failed: " + why + ". The files open before are kept.");
            status.set(ex instanceof ImportCancelledException ? "Import cancelled" : "Import failed");
        });
        job.setOnCancelled(e -> {
            if (gen == generation) {
                finishBusy();
                status.set("Import cancelled — the files open before are kept");
            }
        });
        running = job;
        busy.set(true);
        progress.unbind();
        progress.bind(job.progressProperty());
        status.unbind();
        status.bind(job.messageProperty());
        Background.EXECUTOR.submit(job);
    }

    private void finishBusy() {
        progress.unbind();
        status.unbind();
        progress.set(0);
        busy.set(false);
        running = null;
        if (comparison.get() != null || !taskSet.get().tasks().isEmpty()) {
            status.set(summary(taskSet.get()));
        }
    }

    public void cancel() {
        if (running != null) {
            running.cancel(false);
        }
    }

    private void publish(Opened o) {
        analyzer = o.analyzer();
        shifts.clear();
        selection.clear();
        taskSet.set(o.set());
        files.setAll(o.files());
        failures.clear();
        failures.putAll(o.failures());
        compared.setAll(o.preselected());
        comparison.set(o.comparison());
        problems.setAll(o.set().report().warnings());
        List<String> names = new ArrayList<>(o.files().stream().map(p -> String.valueOf(p.getFileName())).toList());
        if (database.get() != null) {
            names.add(database.get().spec().url());
        }
        title.set("Faultline — " + String.join(", ", names));
        if (o.set().sources().size() > 0 && !o.files().isEmpty()) {
            recent.add(o.files());
        }
        Task again = pendingSelection == null ? null : o.set().find(pendingSelection).orElse(null);
        pendingSelection = null;
        if (again != null) {
            selection.taskProperty().set(again);
        } else if (!o.preselected().isEmpty()) {
            selection.taskProperty().set(o.preselected().get(0));
        }
    }

    public ImportOptions options() {
        return options;
    }

    /** A fetch that could not even start (no connection): its message names the server and the reason. */
    private static final class FetchFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FetchFailed(String message) {
            super(message, null, false, false);
        }
    }

    private static void fetchAgain(faultline.importer.db.DatabaseSource src, List<String> chosen, ImportMonitor monitor) {
        try {
            monitor.progress(0, 1, "Asking " + src.spec().server() + " for the tasks…");
            List<faultline.importer.db.TaskRow> listed = src.listTasks();
            List<faultline.importer.db.TaskRow> pick = chosen.isEmpty() ? listed
                    : listed.stream().filter(t -> chosen.contains(t.id())).toList();
            src.fetch(pick.isEmpty() ? listed : pick, monitor);
        } catch (faultline.importer.db.DbException e) {
            throw new FetchFailed(e.getMessage());
        }
    }

    public ObjectProperty<faultline.importer.db.DatabaseSource> databaseProperty() {
        return database;
    }

    /** How a password is asked for when the database wants one and none was found (a dialog of the window). */
    public void setPasswordPrompt(faultline.importer.db.DatabaseSource.PasswordPrompt prompt) {
        this.passwordPrompt = prompt;
    }

    public faultline.importer.db.DatabaseSource.PasswordPrompt passwordPrompt() {
        return passwordPrompt;
    }

    /**
     * Opens rows fetched from a database: beside the open files when withFiles (de-duplicated against
     * them), else alone. A session of database rows only has no workspace until Save Workspace As.
     */
    public void openDatabase(faultline.importer.db.DatabaseSource fetched, boolean withFiles) {
        List<Path> keep = withFiles ? List.copyOf(files) : List.of();
        if (!withFiles) {
            rotated.clear();
        }
        database.set(fetched);
        if (!withFiles) {
            // Rows alone have no workspace until Save Workspace As names one.
            session = null;
            workspacePath.set(null);
        }
        openWith(keep, null, null, options, withFiles, null, List.of());
        if (!withFiles) {
            database.set(fetched);
        }
    }

    /**
     * Reads the files again and asks the database again with the same query, keeping what the user
     * set up: compared tasks, alignment, shifts, notes, the view and the selected task.
     */
    public void reload() {
        faultline.importer.db.DatabaseSource db = database.get();
        faultline.importer.db.DatabaseSource again = db == null ? null : db.again();
        List<String> chosen = db == null ? List.of() : db.store().tasks().stream().map(faultline.importer.db.TaskRow::id).toList();
        refreshKeepingView(again, chosen);
    }

    /** Reads the sources again after a follow step, keeping the user's view; rotated copies join the files. */
    public void followed(List<Path> rotatedFiles) {
        for (Path p : rotatedFiles) {
            if (!rotated.contains(p)) {
                rotated.add(p);
            }
        }
        refreshKeepingView(null, List.of());
    }

    private void refreshKeepingView(faultline.importer.db.DatabaseSource fetch, List<String> chosen) {
        if (files.isEmpty() && database.get() == null) {
            return;
        }
        Task selected = selection.taskProperty().get();
        String selectedId = selected == null ? null : selected.id();
        java.util.function.Supplier<Workspace> state = captureWorkspace();
        pendingSelection = selectedId;
        openWith(List.copyOf(files), null, state, options, false, fetch, chosen);
    }

    /** The task to select again once a re-read is published, or null. */
    private String pendingSelection;

    /** Rows of the database held now, written as a JSON-lines snapshot (atomically, in the background). */
    public void saveSnapshot(Path target) {
        faultline.importer.db.DatabaseSource db = database.get();
        if (db == null) {
            return;
        }
        workspaceStatus.set("Saving " + target.getFileName() + "…");
        Background.run(() -> {
            faultline.workspace.AtomicFile.write(target, db::writeSnapshot);
            return target;
        }, t -> workspaceStatus.set(String.format("Snapshot saved: %s (%d tasks, %,d rows)", t.getFileName(),
                db.store().taskCount(), db.store().size())), ex -> {
            workspaceStatus.set("Snapshot not saved");
            problems.setAll("Snapshot not saved: " + target.getFileName() + ": " + ex.getMessage());
        });
    }

    /** New per-file settings: the files are read again with them. */
    public void reopenWith(ImportOptions o) {
        if (files.isEmpty()) {
            options = o;
            return;
        }
        // What is on screen now (notes not yet autosaved included) comes back after the re-read,
        // and the new settings are saved with it, to the same workspace.
        options = o;
        openWith(List.copyOf(files), null, captureWorkspace(), o, true);
    }

    /** Shifts a task's lane by hand (added to what the alignment gives). */
    public void shift(Task task, long nanos) {
        shifts.merge(task.index(), nanos, Long::sum);
        recompare();
    }

    public void resetShifts() {
        if (!shifts.isEmpty()) {
            shifts.clear();
            recompare();
        }
    }

    public Map<Integer, Long> shifts() {
        return java.util.Collections.unmodifiableMap(shifts);
    }

    /** Sets the compared tasks (lane order) and recomputes the comparison in the background. */
    public void setCompared(List<Task> tasks) {
        if (tasks.equals(compared)) {
            return;
        }
        compared.setAll(tasks);
        recompare();
    }

    private long compareGeneration;

    private void recompare() {
        Analyzer an = analyzer;
        if (an == null) {
            return;
        }
        long gen = ++compareGeneration;
        List<Task> list = List.copyOf(compared);
        Anchor a = anchor.get();
        TaskSet set = taskSet.get();
        List<Long> laneShifts = new ArrayList<>();
        for (Task t : list) {
            laneShifts.add(shifts.getOrDefault(t.index(), 0L));
        }
        Background.run(() -> Alignment.align(an.analyse(list), a, laneShifts, set), c -> {
            // Only the newest request counts: an older one finishing late must not undo a newer choice.
            if (gen == compareGeneration && an == analyzer && list.equals(compared)) {
                comparison.set(c);
            }
        }, ex -> problems.setAll("Analysis failed: " + ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage())));
    }

    static String summary(TaskSet set) {
        ParseReport r = set.report();
        return String.format("%,d lines · %,d events · %,d tasks (%,d failed) · %,d not understood",
                r.totalLines(), set.store().size(), set.tasks().size(), set.failed().size(), r.totalUnparsed());
    }
}
