package faultline.ui.opening;

import faultline.ui.Messages;

import faultline.importer.ImportOptions;
import faultline.importer.db.DatabaseSource;
import faultline.model.Note;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.ui.CompareModel;
import faultline.ui.Document;
import faultline.ui.Notes;
import faultline.ui.Status;
import faultline.ui.background.Job;
import faultline.ui.background.Jobs;
import faultline.workspace.AtomicFile;
import faultline.workspace.Fingerprint;
import faultline.workspace.Workspace;
import faultline.workspace.WorkspaceException;
import faultline.workspace.WorkspaceLookup;
import faultline.workspace.WorkspaceSession;
import faultline.workspace.WorkspaceStore;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.MapChangeListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The workspace of the files open now: every change worth keeping (notes, compared tasks, alignment,
 * shifts, the view) is written to the user's data folder within a second, in the background; Save
 * Workspace, Save As and the database snapshot on demand; and on quit, whatever is not written yet,
 * on the calling thread.
 */
public final class WorkspaceModel {
    /** A change is written this long after it (the changes of a burst together), never later. */
    static final long SAVE_DELAY_MS = 300;
    private static final System.Logger LOG = System.getLogger("faultline.ui.opening");

    private final Document document;
    private final CompareModel compare;
    private final Notes notes;
    private final Status status;
    private final Jobs jobs;
    private final Job<WorkspaceStore.Saved> saves;
    private final Job<Path> snapshots;
    private final ReadOnlyObjectWrapper<Path> path = new ReadOnlyObjectWrapper<>(this, "path");
    private WorkspaceSession session;
    /** The workspace the open files came back with (or were re-read with), or null. */
    private Workspace restored;
    /** The last workspace written for these files, or null. */
    private Workspace lastWritten;
    /** What is on disk now (restored or written): a change back to it needs no save. */
    private State written;
    /** What is to be written and is not yet; read by the shutdown hook. */
    private volatile Pending unsaved;
    /** What an autosave in the background is writing now: a SIGTERM meanwhile writes it again rather than lose it. */
    private final java.util.concurrent.atomic.AtomicReference<Pending> inFlight = new java.util.concurrent.atomic.AtomicReference<>();
    private Runnable timer;
    /** The files the session's workspace is of: a state of other files (while they are published) is not its. */
    private List<Path> sessionFiles = List.of();

    /** The state of the window a workspace keeps, taken on the FX thread. */
    record State(List<Path> files, List<String> compared, String anchor, Map<String, Long> shifts, Workspace.ViewState view,
                 List<Note> notes, ImportOptions options, Workspace.DatabaseRef database) {
    }

    /** A state and the session it belongs to. */
    private record Pending(WorkspaceSession session, State state, Workspace before) {
    }

    public WorkspaceModel(Document document, CompareModel compare, Notes notes, Status status, Jobs jobs) {
        this.document = document;
        this.compare = compare;
        this.notes = notes;
        this.status = status;
        this.jobs = jobs;
        this.saves = jobs.job("save workspace", Jobs.Lane.WRITE);
        this.snapshots = jobs.job("save snapshot", Jobs.Lane.WRITE);
        notes.list().addListener((ListChangeListener<Note>) c -> changed());
        compare.compared().addListener((ListChangeListener<Task>) c -> changed());
        compare.anchorProperty().addListener((o, a, b) -> changed());
        compare.shifts().addListener((MapChangeListener<Integer, Long>) c -> changed());
        compare.viewProperty().addListener((o, a, b) -> changed());
    }

    /** Where the workspace is autosaved (the user's data folder), null while nothing is open that has one. */
    public ReadOnlyObjectProperty<Path> pathProperty() {
        return path.getReadOnlyProperty();
    }

    /** The shared workspace file of this window (opened, or saved as), or null. */
    public Path shared() {
        WorkspaceSession s = session;
        return s == null ? null : s.shared();
    }

    /** The workspace the files were opened with, or the one last written: what a re-read keeps of files gone missing. */
    Workspace before() {
        return lastWritten != null ? lastWritten : restored;
    }

    /**
     * Files were opened: found says where their workspace lives (null: the same as before), restored what
     * came back of it. dirty: what is shown differs from what is on disk and is to be written.
     */
    void opened(WorkspaceLookup.Found found, Workspace restoredWith, boolean dirty) {
        if (found != null) {
            session = new WorkspaceSession(found);
            path.set(found.saveTo());
            lastWritten = null;
            sessionFiles = List.copyOf(document.files());
            unsaved = null;
            written = dirty ? null : state();
        }
        restored = restoredWith;
        changed();
    }

    /** Before other files are shown: the last changes of those open now are written first. */
    void writePending() {
        stopTimer();
        writeUnsaved();
    }

    /** Rows of a database alone: no workspace until Save As names one. */
    void detach() {
        writePending();
        session = null;
        path.set(null);
    }

    private State state() {
        DatabaseSource db = document.database();
        Workspace.DatabaseRef dbRef = db == null ? null : new Workspace.DatabaseRef(db.spec().url(), db.query(),
                db.store().tasks().stream().map(faultline.importer.db.TaskRow::id).toList());
        List<String> ids = new ArrayList<>(compare.compared().stream().map(Task::id).toList());
        Map<String, Long> byId = new java.util.HashMap<>(compare.shiftsById());
        Workspace was = before();
        TaskSet set = document.taskSet();
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
        return new State(List.copyOf(document.files()), List.copyOf(ids), compare.anchor().name(), Map.copyOf(byId),
                compare.viewProperty().get(), List.copyOf(notes.list()), document.options(), dbRef);
    }

    /** The state as a workspace: reads each file's size and first bytes (not the FX thread's work). */
    static Workspace build(State s, Workspace before) {
        List<Workspace.SourceRef> refs = new ArrayList<>();
        for (Path f : s.files()) {
            ImportOptions.SourceOptions so = s.options().of(f);
            long size;
            try {
                size = Files.size(f);
            } catch (IOException e) {
                size = -1;
            }
            // A fingerprint, not the SHA-256: saving must not read a gigabyte on every change.
            Fingerprint fp = Fingerprint.of(f);
            Workspace.SourceRef known = fp == null && before != null ? refOf(before, f) : null;
            if (known != null) {
                refs.add(known); // what is known of a file that cannot be read now is kept
                continue;
            }
            refs.add(new Workspace.SourceRef(f.toAbsolutePath().normalize().toString(), size, null,
                    so.format() == null ? null : so.format().id(), so.zone().getId(), so.offsetNanos(),
                    so.date() == null ? null : so.date().toString(), fp == null ? null : fp.text()));
        }
        return new Workspace(Workspace.VERSION, refs, s.compared(), s.anchor(), s.shifts(), s.view(), s.notes(), s.database());
    }

    private static Workspace.SourceRef refOf(Workspace w, Path f) {
        String p = f.toAbsolutePath().normalize().toString();
        return w.sources().stream().filter(r -> r.path().equals(p)).findFirst().orElse(null);
    }

    /** The state of the window now, as a workspace would keep it (a re-read puts it back). */
    java.util.function.Supplier<Workspace> capture() {
        State s = state();
        Workspace was = before();
        return () -> build(s, was);
    }

    /** Something changed: written a moment later unless it is what is on disk already. */
    private void changed() {
        WorkspaceSession s = session;
        if (s == null || !document.hasSources()) {
            return;
        }
        State now = state();
        if (!now.files().equals(sessionFiles)) {
            return;
        }
        if (now.equals(written)) {
            unsaved = null;
            return;
        }
        unsaved = new Pending(s, now, before());
        if (timer == null) {
            timer = jobs.after(SAVE_DELAY_MS, this::writeUnsaved);
        }
    }

    private void writeUnsaved() {
        timer = null;
        Pending p = unsaved;
        if (p == null) {
            return;
        }
        unsaved = null;
        inFlight.set(p);
        saves.queue(progress -> {
            try {
                return p.session().autosave(build(p.state(), p.before()));
            } finally {
                inFlight.compareAndSet(p, null);
            }
        }, saved -> saved(p, saved, null), this::notSaved);
    }

    /** Save Workspace: now, in the data folder and into the shared workspace file this window has, if any. */
    public void save() {
        WorkspaceSession s = session;
        if (s == null || !document.hasSources()) {
            return;
        }
        stopTimer();
        Pending p = new Pending(s, state(), before());
        unsaved = null;
        Path shared = s.shared();
        saves.queue(progress -> s.save(build(p.state(), p.before())), saved -> saved(p, saved, shared), this::notSaved);
    }

    /** Save As: a shareable workspace file at target; Save Workspace writes there too from now on. */
    public void saveAs(Path target) {
        if (!document.hasSources()) {
            return;
        }
        if (session == null) {
            // Rows of a database only: their workspace begins with the file the user names.
            session = new WorkspaceSession(new WorkspaceLookup.Found(null, WorkspaceStore.locationFor(List.copyOf(document.files()), target),
                    null, null, null, null, List.of(), null, List.of()));
            path.set(session.saveTo());
            sessionFiles = List.copyOf(document.files());
        }
        stopTimer();
        WorkspaceSession s = session;
        Pending p = new Pending(s, state(), before());
        unsaved = null;
        saves.queue(progress -> {
            Workspace mine = build(p.state(), p.before());
            s.autosave(mine);
            return s.saveAs(target, mine);
        }, saved -> saved(p, saved, target), this::notSaved);
    }

    private void saved(Pending p, WorkspaceStore.Saved saved, Path shared) {
        if (p.session() != session) {
            return;
        }
        lastWritten = saved.workspace();
        written = p.state();
        String where = shared == null ? "" : Messages.format("saved.and", shared.getFileName());
        if (saved.merged()) {
            // Another window on the same files saved notes meanwhile: they are shown here too.
            notes.replaceAll(saved.workspace().notes());
            written = state();
            status.savedProperty().set(Messages.format("saved.merged", where));
        } else {
            status.savedProperty().set(shared == null ? Messages.get("saved") : Messages.format("saved.shared", shared.getFileName()));
        }
    }

    private void notSaved(Throwable ex) {
        LOG.log(System.Logger.Level.WARNING, "workspace not saved", ex);
        status.savedProperty().set(Messages.get("saved.not"));
        status.problems().setAll(Messages.format("saved.not.why", ex.getMessage()));
    }

    private void stopTimer() {
        if (timer != null) {
            timer.run();
            timer = null;
        }
    }

    /**
     * Quit: what is not written yet is written now, on the calling thread (the FX thread, whose state is
     * taken first). Never throws: a workspace that cannot be written is told in the app log.
     */
    public void flush() {
        stopTimer();
        WorkspaceSession s = session;
        if (s != null && document.hasSources()) {
            State now = state();
            if (!now.equals(written)) {
                unsaved = new Pending(s, now, before());
            }
        }
        flushUnsaved();
    }

    /** What is not written yet, written on the calling thread (a shutdown hook's, which must not touch the window). */
    public void flushUnsaved() {
        Pending p = unsaved;
        unsaved = null;
        if (p == null) {
            // The session writes one at a time: this waits for the background write, then makes sure of it.
            p = inFlight.getAndSet(null);
        }
        if (p == null) {
            return;
        }
        try {
            p.session().autosave(build(p.state(), p.before()));
            LOG.log(System.Logger.Level.INFO, "workspace written on quit: " + p.session().saveTo());
        } catch (WorkspaceException | RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "workspace not written on quit: " + p.session().saveTo(), e);
        }
    }

    /** Rows of the database held now, written as a JSON-lines snapshot (atomically, in the background). */
    public void saveSnapshot(Path target) {
        DatabaseSource db = document.database();
        if (db == null) {
            return;
        }
        status.savedProperty().set(Messages.format("snapshot.saving", target.getFileName()));
        snapshots.queue(progress -> {
            AtomicFile.write(target, db::writeSnapshot);
            return target;
        }, t -> status.savedProperty().set(Messages.format("snapshot.saved", t.getFileName(),
                db.store().taskCount(), db.store().size())), ex -> {
            LOG.log(System.Logger.Level.WARNING, "snapshot not saved: " + target, ex);
            status.savedProperty().set(Messages.get("snapshot.not"));
            status.problems().setAll(Messages.format("snapshot.not.why", target.getFileName(), ex.getMessage()));
        });
    }
}
