package faultline.ui.opening;

import faultline.ui.Messages;

import faultline.analysis.Alignment;
import faultline.analysis.Analyzer;
import faultline.analysis.DefaultSelection;
import faultline.analysis.QuickSignature;
import faultline.importer.ImportCancelledException;
import faultline.importer.ImportFailedException;
import faultline.importer.ImportMonitor;
import faultline.importer.ImportOptions;
import faultline.importer.Importer;
import faultline.importer.db.DatabaseSource;
import faultline.importer.db.DbException;
import faultline.importer.db.Passwords;
import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.ParseReport;
import faultline.model.Task;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;
import faultline.ui.CompareModel;
import faultline.ui.Document;
import faultline.ui.Notes;
import faultline.ui.SelectionModel;
import faultline.ui.Signatures;
import faultline.ui.Status;
import faultline.ui.UndoStack;
import faultline.ui.ViewIntent;
import faultline.ui.background.Job;
import faultline.ui.background.Jobs;
import faultline.ui.background.Progress;
import faultline.workspace.RecentFiles;
import faultline.workspace.Workspace;
import faultline.workspace.WorkspaceException;
import faultline.workspace.WorkspaceLookup;
import faultline.workspace.WorkspaceStore;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Opening files, workspaces and database rows: the import runs in the background (the files open now
 * stay until the new set is complete), the compared tasks are analysed in the same run, and the result
 * is published at once, with the workspace of these files put back (notes, compared tasks,
 * alignment, shifts, view) and what the timeline is to show of it.
 */
public final class Opener {
    private static final System.Logger LOG = System.getLogger("faultline.ui.import");

    private final Document document;
    private final CompareModel compare;
    private final Notes notes;
    private final SelectionModel selection;
    private final Status status;
    private final UndoStack undo;
    private final WorkspaceModel workspace;
    private final Signatures signatures;
    private final RecentFiles recent;
    private final Job<Opened> imports;
    private final Job<WorkspaceLookup.Found> lookups;
    /** Writes the recent files: the preferences go to disk, not from the FX thread. */
    private final Job<Boolean> recents;
    /** Work on a set read, done before it is published (the views' own preparations). */
    private final List<Preparation> preparations = new java.util.concurrent.CopyOnWriteArrayList<>();

    /**
     * A view's work on a set read, before it is published: made from the signatures known at once (from each
     * failure's text), on the core the compared tasks' analysis leaves free; then told which signatures the
     * analysis made whole.
     */
    public interface Preparation {
        /** Given the set and the signatures known at once (by task index, null: none), which it must not change. */
        void prepare(TaskSet set, String[] signatures);

        /** The analysis made the signatures of these tasks whole (signatures holds them now). */
        default void signed(TaskSet set, String[] signatures, int[] tasks) {
        }
    }
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Faultline");
    private DatabaseSource.PasswordPrompt passwordPrompt;

    public Opener(Document document, CompareModel compare, Notes notes, SelectionModel selection, Status status, UndoStack undo,
                  WorkspaceModel workspace, Signatures signatures, RecentFiles recent, Jobs jobs) {
        this.document = document;
        this.compare = compare;
        this.notes = notes;
        this.selection = selection;
        this.status = status;
        this.undo = undo;
        this.workspace = workspace;
        this.signatures = signatures;
        this.recent = recent;
        this.imports = jobs.job("import", Jobs.Lane.COMPUTE);
        this.lookups = jobs.job("open workspace", Jobs.Lane.COMPUTE);
        this.recents = jobs.job("recent files", Jobs.Lane.WRITE);
        imports.messageProperty().addListener((o, a, b) -> {
            if (imports.runningProperty().get() && b != null && !b.isEmpty()) {
                status.textProperty().set(b);
            }
        });
    }

    /** What to read and what to put back once it is read. */
    private record Request(List<Path> files, Supplier<WorkspaceLookup.Found> lookup, Supplier<Workspace> restore, ImportOptions given,
                           boolean dirty, DatabaseSource fetch, List<String> chosen, DatabaseSource held, String reselect) {
    }

    /** What import and first analysis hand to the FX thread in one piece. */
    private record Opened(Request request, TaskSet set, Analyzer analyzer, String[] signatures, List<Task> compared,
                          Anchor anchor, Comparison comparison, Restored restored, WorkspaceLookup.Found found, ImportOptions options,
                          List<String> warnings) {
    }

    /** A saved workspace's choices resolved against the newly read files. */
    private record Restored(Workspace workspace, Anchor anchor, Map<Integer, Long> shifts, List<String> warnings) {
        static Restored of(Workspace w, TaskSet set, Anchor fallback) {
            Map<Integer, Long> byIndex = new HashMap<>();
            w.shifts().forEach((id, ns) -> set.find(id).ifPresent(t -> byIndex.put(t.index(), ns)));
            return new Restored(w, w.anchorOr(fallback), byIndex, w.changedSources());
        }
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return imports.runningProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return imports.progressProperty();
    }

    /** "Faultline — worker.log, task_….json". */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** How a password is asked for when the database wants one and none was found (a dialog of the window). */
    public void setPasswordPrompt(DatabaseSource.PasswordPrompt prompt) {
        this.passwordPrompt = prompt;
    }

    public DatabaseSource.PasswordPrompt passwordPrompt() {
        return passwordPrompt;
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
        start(new Request(List.copyOf(logs), () -> WorkspaceLookup.forLogs(logs), null, null, false, null, List.of(),
                document.database(), null));
    }

    /**
     * Opens a workspace file: read in the background, its sources resolved against its folder; sources
     * outside that folder are read only after the user confirms them.
     */
    public void openWorkspace(Path file) {
        lookups.restart(p -> WorkspaceLookup.forFile(file), found -> {
            List<Path> logs = found.restore().files();
            Workspace.DatabaseRef db = found.restore().database();
            DatabaseSource again = null;
            if (db != null) {
                try {
                    again = new DatabaseSource(db.url(), db.query(), Passwords.ofSystem(), passwordPrompt);
                } catch (IllegalArgumentException e) {
                    status.problems().setAll(Messages.format("open.database.again", file.getFileName(), e.getMessage()));
                }
            }
            Request r = new Request(logs, () -> found, null, null, false, again, db == null ? List.of() : db.tasks(), again, null);
            if (found.outside().isEmpty()) {
                start(r);
                return;
            }
            List<String> names = found.outside().stream().map(Path::toString).toList();
            status.offerProperty().set(new Status.Offer(Messages.format("open.outside", file.getFileName(),
                    String.join(", ", names.subList(0, Math.min(6, names.size()))),
                    names.size() > 6 ? Messages.format("open.outside.more", names.size() - 6) : ""), Messages.get("open.outside.read"), () -> start(r)));
        }, ex -> {
            if (!(ex instanceof Job.Cancelled)) {
                status.problems().setAll(ex instanceof WorkspaceException ? ex.getMessage() : Messages.format("open.failed", file.getFileName(), ex.getMessage()));
            }
        });
    }

    /**
     * Opens rows fetched from a database: beside the open files when withFiles (de-duplicated against
     * them), else alone. A session of database rows only has no workspace until Save Workspace As.
     */
    public void openDatabase(DatabaseSource fetched, boolean withFiles) {
        if (!withFiles) {
            document.rotated().clear();
            workspace.detach();
        }
        start(new Request(withFiles ? List.copyOf(document.files()) : List.of(), null, null, document.options(), withFiles, null,
                List.of(), fetched, null));
    }

    /**
     * Reads the files again and asks the database again with the same query, keeping what the user
     * set up: compared tasks, alignment, shifts, notes, the view and the selected task.
     */
    public void reload() {
        DatabaseSource db = document.database();
        DatabaseSource again = db == null ? null : db.again();
        List<String> chosen = db == null ? List.of() : db.store().tasks().stream().map(faultline.importer.db.TaskRow::id).toList();
        refreshKeepingView(again, chosen);
    }

    /** Reads the sources again after a follow step, keeping the user's view; rotated copies join the files. */
    public void followed(List<Path> rotatedFiles) {
        for (Path p : rotatedFiles) {
            if (!document.rotated().contains(p)) {
                document.rotated().add(p);
            }
        }
        refreshKeepingView(null, List.of());
    }

    private void refreshKeepingView(DatabaseSource fetch, List<String> chosen) {
        if (!document.hasSources()) {
            return;
        }
        Task selected = selection.taskProperty().get();
        start(new Request(List.copyOf(document.files()), null, workspace.capture(), document.options(), false, fetch, chosen,
                fetch != null ? fetch : document.database(), selected == null ? null : selected.id()));
    }

    /** New per-file settings: the files are read again with them. */
    public void reopenWith(ImportOptions o) {
        if (document.files().isEmpty()) {
            document.setOptions(o);
            return;
        }
        // What is on screen now (notes not yet autosaved included) comes back after the re-read,
        // and the new settings are saved with it, to the same workspace.
        document.setOptions(o);
        start(new Request(List.copyOf(document.files()), null, workspace.capture(), o, true, null, List.of(), document.database(), null));
    }

    public void cancel() {
        imports.cancel();
    }

    private void start(Request r) {
        status.offerProperty().set(null);
        List<Path> extra = List.copyOf(document.rotated());
        Anchor a = compare.anchor();
        long asked = System.nanoTime();
        imports.restart(p -> read(r, extra, a, p), o -> published(o, asked), ex -> failed(r, ex));
    }

    private Opened read(Request r, List<Path> extra, Anchor a, Progress p) {
        ImportMonitor monitor = new ImportMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                p.update(done, total, message);
            }

            @Override
            public boolean isCancelled() {
                return p.isCancelled();
            }
        };
        p.update(0, 1, Messages.get("open.looking"));
        long t0 = System.nanoTime();
        // The files of the command line may be read already, or be being read, since the program started.
        boolean plain = r.lookup() != null && r.restore() == null && r.given() == null && r.fetch() == null && r.held() == null
                && extra.isEmpty();
        EarlyImport early = plain ? EarlyImport.take(r.files()) : null;
        EarlyImport.Result earlier = early == null ? null : early.await(p);
        WorkspaceLookup.Found found = earlier != null ? earlier.found() : r.lookup() == null ? null : r.lookup().get();
        Workspace toRestore = r.restore() != null ? r.restore().get() : found == null ? null : found.restore();
        ImportOptions opts = earlier != null ? earlier.options()
                : r.given() != null ? r.given() : toRestore != null ? toRestore.importOptions() : ImportOptions.defaults();
        if (r.fetch() != null) {
            fetchAgain(r.fetch(), r.chosen(), monitor);
        }
        List<Path> read = new ArrayList<>(extra);
        read.addAll(r.files());
        long t1 = System.nanoTime();
        TaskSet set = earlier != null ? earlier.set()
                : new Importer(opts).importSources(read, r.held() == null ? List.of() : List.of(r.held().rows()), monitor);
        long t2 = System.nanoTime();
        LOG.log(System.Logger.Level.INFO, () -> String.format("read %d files%s: %,d lines, %,d events, %,d tasks (%,d failed) in %.0f ms (workspace lookup %.0f ms)",
                read.size(), r.held() == null ? "" : " and database rows", set.report().totalLines(), set.store().size(), set.tasks().size(),
                set.failed().size(), (t2 - t1) / 1e6, (t1 - t0) / 1e6));
        p.update(0, 1, Messages.get("open.analysing"));
        Analyzer an = new Analyzer(set);
        List<String> warnings = new ArrayList<>();
        List<Task> pre = DefaultSelection.of(set);
        Anchor anc = a;
        List<Long> laneShifts = List.of();
        // A reopened workspace is compared as it was saved straight away, so the view never jumps.
        Restored restored = toRestore == null ? null : Restored.of(toRestore, set, a);
        if (restored != null) {
            List<Task> saved = restored.workspace().comparedIn(set);
            pre = saved.isEmpty() ? pre : saved;
            anc = restored.anchor();
            Restored rs = restored;
            laneShifts = pre.stream().map(t -> rs.shifts().getOrDefault(t.index(), 0L)).toList();
        }
        if (p.isCancelled()) {
            throw new ImportCancelledException();
        }
        // The list's signatures from each failure's text, on the other core while the compared tasks are analysed:
        // a fleet's ten thousand failures take a fresh process a tenth of a second.
        // Then the views' rows, on the same core: the list's 64,000 rows of a fleet took as long again as the analysis.
        java.util.concurrent.CompletableFuture<String[]> quick = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            String[] s = new String[set.tasks().size()];
            for (Task t : set.failed()) {
                s[t.index()] = QuickSignature.of(t);
            }
            return s;
        });
        java.util.concurrent.CompletableFuture<String[]> prepared = quick.thenApplyAsync(s -> {
            for (Preparation prepare : preparations) {
                prepare.prepare(set, s);
            }
            return s;
        });
        Comparison c;
        List<TaskAnalysis> analysed = List.of();
        try {
            analysed = an.analyse(pre);
            c = Alignment.align(analysed, anc, laneShifts, set);
        } catch (RuntimeException | StackOverflowError e) {
            // One task the analysis trips over is told about; the files still open.
            LOG.log(System.Logger.Level.ERROR, "the compared tasks could not be analysed", e);
            c = null;
            warnings.add(Messages.format("open.analysis.failed", e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }
        long tAnalysed = System.nanoTime();
        // The list shows a signature for every failure at once, from its error text; the compared ones' are already whole.
        String[] sigs = joined(prepared);
        long tSigned = System.nanoTime();
        int[] whole = analysed.stream().filter(ta -> ta.crash() != null).mapToInt(ta -> ta.task().index()).toArray();
        for (TaskAnalysis ta : analysed) {
            if (ta.crash() != null) {
                sigs[ta.task().index()] = ta.crash().signature().shortText();
            }
        }
        for (Preparation prepare : preparations) {
            prepare.signed(set, sigs, whole);
        }
        long t3 = System.nanoTime();
        int n = pre.size();
        LOG.log(System.Logger.Level.INFO, () -> String.format("analysed the %d compared tasks and prepared the list's signatures and rows in %.0f ms"
                + " (analysis %.0f ms, then signatures and rows %.0f ms more, the compared ones' signatures %.0f ms)",
                n, (t3 - t2) / 1e6, (tAnalysed - t2) / 1e6, (tSigned - tAnalysed) / 1e6, (t3 - tSigned) / 1e6));
        return new Opened(r, set, an, sigs, pre, anc, c, restored, found, opts, List.copyOf(warnings));
    }

    private void published(Opened o, long asked) {
        long t0 = System.nanoTime();
        Request r = o.request();
        workspace.writePending();
        if (o.found() != null) {
            undo.clear(); // other files, or the same opened anew: the edits before were of another set
        }
        Restored restored = o.restored();
        Workspace view = restored == null ? null : restored.workspace();
        // Notes go in before the comparison so that the first drawing is already the saved one.
        notes.replaceAll(restored == null ? List.of() : restored.workspace().notes());
        selection.clear();
        signatures.reset(o.set(), o.signatures());
        document.publish(new Document.Loaded(r.files(), o.set(), o.analyzer(), o.options(), r.held()));
        compare.publish(o.compared(), o.anchor(),
                restored == null ? Map.of() : restored.shifts(), o.comparison(),
                view == null ? ViewIntent.FRESH : ViewIntent.restore(view.view()));
        List<String> names = new ArrayList<>(r.files().stream().map(f -> String.valueOf(f.getFileName())).toList());
        if (r.held() != null) {
            names.add(r.held().spec().url());
        }
        title.set("Faultline — " + String.join(", ", names));
        if (o.set().sources().size() > 0 && !r.files().isEmpty()) {
            List<Path> opened = List.copyOf(r.files());
            recents.queue(p -> {
                recent.add(opened);
                return Boolean.TRUE;
            }, done -> {
            }, ex -> LOG.log(System.Logger.Level.WARNING, "the recent files could not be kept", ex));
        }
        Task again = r.reselect() == null ? null : o.set().find(r.reselect()).orElse(null);
        if (again != null) {
            selection.taskProperty().set(again);
        } else if (!o.compared().isEmpty()) {
            selection.taskProperty().set(o.compared().get(0));
        }
        List<String> all = new ArrayList<>(o.set().report().warnings());
        all.addAll(o.warnings());
        if (o.found() != null) {
            all.addAll(o.found().warnings());
            WorkspaceLookup.Offer f = o.found().offer();
            if (f != null) {
                status.offerProperty().set(new Status.Offer(f.message(), f.action(), () -> openWorkspace(f.workspace())));
            }
        }
        if (restored != null) {
            all.addAll(restored.warnings());
        }
        status.problems().setAll(all);
        workspace.opened(o.found(), restored == null ? null : restored.workspace(), r.dirty());
        status.textProperty().set(summary(o.set()));
        long t1 = System.nanoTime();
        LOG.log(System.Logger.Level.INFO, () -> String.format("published %,d tasks in %.0f ms on the FX thread, %.0f ms after the open was asked",
                o.set().tasks().size(), (t1 - t0) / 1e6, (t1 - asked) / 1e6));
    }

    private void failed(Request r, Throwable ex) {
        if (ex instanceof Job.Cancelled || ex instanceof ImportCancelledException) {
            LOG.log(System.Logger.Level.INFO, "import cancelled");
            status.problems().setAll(Messages.get("open.cancelled") + ".");
            status.textProperty().set(Messages.get("open.cancelled"));
            return;
        }
        String why;
        if (ex instanceof ImportFailedException || ex instanceof FetchFailed) {
            LOG.log(System.Logger.Level.WARNING, "import failed: " + ex.getMessage());
            why = ex.getMessage();
        } else {
            LOG.log(System.Logger.Level.ERROR, "import failed unexpectedly", ex);
            why = ex.getClass().getSimpleName() + (ex.getMessage() == null ? "" : ": " + ex.getMessage());
        }
        status.problems().setAll(ex instanceof FetchFailed ? why : Messages.format("open.import.failed.why", why));
        status.textProperty().set(Messages.get("open.import.failed"));
    }

    /** A fetch that could not even start (no connection): its message names the server and the reason. */
    private static final class FetchFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        FetchFailed(String message) {
            super(message, null, false, false);
        }
    }

    private static void fetchAgain(DatabaseSource src, List<String> chosen, ImportMonitor monitor) {
        try {
            monitor.progress(0, 1, Messages.format("db.asking", src.spec().server()));
            List<faultline.importer.db.TaskRow> listed = src.listTasks();
            List<faultline.importer.db.TaskRow> pick = chosen.isEmpty() ? listed
                    : listed.stream().filter(t -> chosen.contains(t.id())).toList();
            src.fetch(pick.isEmpty() ? listed : pick, monitor);
        } catch (DbException e) {
            throw new FetchFailed(e.getMessage());
        }
    }

    /** Adds work done on every set read, before the set is published (see {@link Preparation}). */
    public void prepareWith(Preparation preparation) {
        preparations.add(preparation);
    }

    /** The prepared signatures; a preparation's own failure comes out as itself, not wrapped. */
    private static String[] joined(java.util.concurrent.CompletableFuture<String[]> prepared) {
        try {
            return prepared.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    public static String summary(TaskSet set) {
        ParseReport rep = set.report();
        return Messages.format("open.summary", rep.totalLines(), set.store().size(), set.tasks().size(), set.failed().size(), rep.totalUnparsed());
    }
}
