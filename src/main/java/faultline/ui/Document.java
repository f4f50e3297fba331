package faultline.ui;

import faultline.analysis.Analyzer;
import faultline.importer.ImportOptions;
import faultline.importer.db.DatabaseSource;
import faultline.model.TaskSet;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the window has open: the files and database rows, how they were read, and the task set built
 * from them with the analyzer of that set. It changes as a whole when an import is published, so
 * that nothing of the set before stays reachable from here.
 */
public final class Document {
    /** One published import. */
    public record Loaded(List<Path> files, TaskSet set, Analyzer analyzer, ImportOptions options, DatabaseSource database) {
    }

    private final ReadOnlyObjectWrapper<TaskSet> taskSet = new ReadOnlyObjectWrapper<>(this, "taskSet", TaskSet.empty());
    private final ReadOnlyObjectWrapper<DatabaseSource> database = new ReadOnlyObjectWrapper<>(this, "database");
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<Path> filesView = FXCollections.unmodifiableObservableList(files);
    /** Rotated copies of followed files, read beside them so that earlier lines stay. */
    private final List<Path> rotated = new ArrayList<>();
    private ImportOptions options = ImportOptions.defaults();
    private Analyzer analyzer;

    public void publish(Loaded l) {
        analyzer = l.analyzer();
        options = l.options();
        database.set(l.database());
        taskSet.set(l.set());
        files.setAll(l.files());
    }

    public ReadOnlyObjectProperty<TaskSet> taskSetProperty() {
        return taskSet.getReadOnlyProperty();
    }

    public TaskSet taskSet() {
        return taskSet.get();
    }

    public ObservableList<Path> files() {
        return filesView;
    }

    public ReadOnlyObjectProperty<DatabaseSource> databaseProperty() {
        return database.getReadOnlyProperty();
    }

    public DatabaseSource database() {
        return database.get();
    }

    /** Rows of a database chosen before they are read (they are published with the next import). */
    public void setDatabase(DatabaseSource db) {
        database.set(db);
    }

    public ImportOptions options() {
        return options;
    }

    /** Settings chosen while nothing is open: used by the next import. */
    public void setOptions(ImportOptions o) {
        options = o;
    }

    /** The analyzer of the task set open now, or null before the first import. */
    public Analyzer analyzer() {
        return analyzer;
    }

    public List<Path> rotated() {
        return rotated;
    }

    /** Whether anything is open that a workspace can be kept for. */
    public boolean hasSources() {
        return !files.isEmpty() || database.get() != null;
    }
}
