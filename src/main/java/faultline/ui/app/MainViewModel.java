package faultline.ui.app;

import faultline.ui.Messages;

import faultline.ui.CompareModel;
import faultline.ui.Document;
import faultline.ui.Notes;
import faultline.ui.SelectionModel;
import faultline.ui.Signatures;
import faultline.ui.Status;
import faultline.ui.UndoStack;
import faultline.ui.background.Jobs;
import faultline.ui.inspector.InspectorViewModel;
import faultline.ui.log.LogViewModel;
import faultline.ui.notes.NotesViewModel;
import faultline.ui.tasks.SignatureStream;
import faultline.ui.tasks.TaskListViewModel;
import faultline.ui.timeline.TimelineViewModel;
import faultline.ui.opening.Opener;
import faultline.ui.opening.WorkspaceModel;
import faultline.workspace.BundledSample;

import java.io.IOException;

/**
 * The window's view-models and the state they share, made in one place: what is open, the
 * comparison, the notes, the selection, undo, the workspace and the opening of files, and a
 * view-model per pane. Nothing here needs a toolkit: with jobs that run on the calling thread, tests
 * drive all of it without a window.
 */
public final class MainViewModel {
    private final Settings settings;
    private final Jobs jobs;
    private final UndoStack undo = new UndoStack();
    private final Status status = new Status();
    private final Document document = new Document();
    private final SelectionModel selection = new SelectionModel();
    private final Notes notes = new Notes(undo);
    private final Signatures signatures = new Signatures();
    private final CompareModel compare;
    private final WorkspaceModel workspace;
    private final Opener opener;
    private final TimelineViewModel timeline;
    private final TaskListViewModel tasks;
    private final InspectorViewModel inspector;
    private final LogViewModel log;
    private NotesViewModel notesList;
    private final SignatureStream signatureStream;

    public MainViewModel(Settings settings, Jobs jobs) {
        this.settings = settings;
        this.jobs = jobs;
        compare = new CompareModel(document, status, undo, jobs);
        workspace = new WorkspaceModel(document, compare, notes, status, jobs);
        opener = new Opener(document, compare, notes, selection, status, undo, workspace, signatures, settings.recent(), jobs);
        signatureStream = new SignatureStream(document, signatures, jobs);
        timeline = new TimelineViewModel(document, compare, notes, selection);
        tasks = new TaskListViewModel(document, compare, signatures, selection, jobs);
        opener.prepareWith(tasks.preparation());
        signatureStream.waitFor(tasks::showsAll, tasks.shownProperty());
        inspector = new InspectorViewModel(document, compare, selection);
        log = new LogViewModel(document, compare, selection, timeline);
    }

    public Settings settings() {
        return settings;
    }

    public Jobs jobs() {
        return jobs;
    }

    public UndoStack undo() {
        return undo;
    }

    public Status status() {
        return status;
    }

    public Document document() {
        return document;
    }

    public SelectionModel selection() {
        return selection;
    }

    public Notes notes() {
        return notes;
    }

    /** True while the failures of the set shown are being analysed in the background. */
    public javafx.beans.property.ReadOnlyBooleanProperty analysingProperty() {
        return signatureStream.analysingProperty();
    }

    public Signatures signatures() {
        return signatures;
    }

    public CompareModel compare() {
        return compare;
    }

    public WorkspaceModel workspace() {
        return workspace;
    }

    public Opener opener() {
        return opener;
    }

    public TimelineViewModel timeline() {
        return timeline;
    }

    public TaskListViewModel tasks() {
        return tasks;
    }

    public InspectorViewModel inspector() {
        return inspector;
    }

    public LogViewModel log() {
        return log;
    }

    /** The Notes tab's view-model, made when the tab is first shown. */
    public NotesViewModel notesList() {
        if (notesList == null) {
            notesList = new NotesViewModel(document, notes, timeline);
        }
        return notesList;
    }

    public void openSample() {
        try {
            opener.open(BundledSample.files());
        } catch (IOException e) {
            status.problems().setAll(Messages.format("status.sample.failed", e.getMessage()));
        }
    }
}
