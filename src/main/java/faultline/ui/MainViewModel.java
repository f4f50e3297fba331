package faultline.ui;

import faultline.analysis.Alignment;
import faultline.analysis.Analyzer;
import faultline.importer.ImportCancelledException;
import faultline.importer.ImportMonitor;
import faultline.importer.ImportOptions;
import faultline.importer.Importer;
import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.ParseReport;
import faultline.model.Task;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;
import faultline.workspace.RecentFiles;
import javafx.application.Platform;
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
    private final RecentFiles recent;

    private ImportOptions options = ImportOptions.defaults();
    /** Hand-set shifts of lanes, by task index, in ns. */
    private final Map<Integer, Long> shifts = new HashMap<>();
    private Analyzer analyzer;
    private javafx.concurrent.Task<?> running;
    private long generation;

    public MainViewModel(RecentFiles recent) {
        this.recent = recent;
        anchor.addListener((o, a, b) -> recompare());
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
                          List<Task> preselected, Comparison comparison) {
    }

    /** Imports the files in the background; the current set stays until the new one is complete. */
    public void open(List<Path> paths) {
        if (paths.isEmpty()) {
            return;
        }
        cancel();
        List<Path> list = List.copyOf(paths);
        Anchor a = anchor.get();
        ImportOptions opts = options;
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
                TaskSet set = new Importer(opts).importFiles(list, monitor);
                updateMessage("Analysing failures…");
                Analyzer an = new Analyzer(set);
                Map<Integer, TaskAnalysis> fails = new HashMap<>();
                for (Task t : set.failed()) {
                    if (fails.size() >= SIGNATURES_AT_IMPORT || isCancelled()) {
                        break;
                    }
                    fails.put(t.index(), an.analyse(t));
                }
                List<Task> pre = preselect(set);
                Comparison c = Alignment.align(an.analyse(pre), a, List.of(), set);
                return new Opened(list, set, an, fails, pre, c);
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
            publish(job.getValue());
            finishBusy();
        });
        job.setOnFailed(e -> {
            if (gen != generation) {
                return;
            }
            Throwable ex = job.getException();
            problems.setAll(ex instanceof ImportCancelledException ? "Import cancelled." : "Import failed: " + ex);
            status.set(ex instanceof ImportCancelledException ? "Import cancelled" : "Import failed");
            finishBusy();
        });
        job.setOnCancelled(e -> {
            if (gen == generation) {
                status.set("Import cancelled — the files open before are kept");
                finishBusy();
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
        title.set("Faultline — " + String.join(", ", o.files().stream().map(p -> String.valueOf(p.getFileName())).toList()));
        if (o.set().sources().size() > 0) {
            recent.add(o.files());
        }
        if (!o.preselected().isEmpty()) {
            selection.taskProperty().set(o.preselected().get(0));
        }
    }

    public ImportOptions options() {
        return options;
    }

    /** New per-file settings: the files are read again with them. */
    public void reopenWith(ImportOptions o) {
        options = o;
        open(List.copyOf(files));
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

    private void recompare() {
        Analyzer an = analyzer;
        if (an == null) {
            return;
        }
        List<Task> list = List.copyOf(compared);
        Anchor a = anchor.get();
        TaskSet set = taskSet.get();
        List<Long> laneShifts = new ArrayList<>();
        for (Task t : list) {
            laneShifts.add(shifts.getOrDefault(t.index(), 0L));
        }
        javafx.concurrent.Task<Comparison> job = new javafx.concurrent.Task<>() {
            @Override
            protected Comparison call() {
                return Alignment.align(an.analyse(list), a, laneShifts, set);
            }
        };
        job.setOnSucceeded(e -> {
            if (an == analyzer && list.equals(compared)) {
                comparison.set(job.getValue());
            }
        });
        job.setOnFailed(e -> problems.setAll("Analysis failed: " + job.getException()));
        Background.EXECUTOR.submit(job);
    }

    static List<Task> preselect(TaskSet set) {
        return faultline.analysis.DefaultSelection.of(set);
    }

    static String summary(TaskSet set) {
        ParseReport r = set.report();
        return String.format("%,d lines · %,d events · %,d tasks (%,d failed) · %,d not understood",
                r.totalLines(), set.store().size(), set.tasks().size(), set.failed().size(), r.totalUnparsed());
    }

    /** Runs on the FX thread when called from tests that need to wait for the background. */
    static void runLater(Runnable r) {
        Platform.runLater(r);
    }
}
