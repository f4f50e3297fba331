package faultline.ui.database;

import faultline.ui.Messages;

import faultline.importer.ImportMonitor;
import faultline.importer.db.DatabaseSource;
import faultline.importer.db.DbException;
import faultline.importer.db.Passwords;
import faultline.importer.db.TaskQuery;
import faultline.importer.db.TaskRow;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.Arrays;
import java.util.List;
import faultline.ui.background.Job;
import faultline.ui.background.Jobs;

/**
 * State of File ▸ Open Database: the URL and what to fetch, the tasks the database lists for it
 * (each with a check box), and a fetch of the checked ones with progress, cancel and its outcome. The
 * work runs as jobs, so tests drive it on their own thread, without a window.
 */
public final class DatabaseDialogModel {
    /** One listed task and whether its rows are to be fetched. */
    static final class Item {
        final TaskRow row;
        final BooleanProperty chosen = new SimpleBooleanProperty(true);

        Item(TaskRow row) {
            this.row = row;
        }
    }

    final StringProperty url = new SimpleStringProperty("");
    final StringProperty tasks = new SimpleStringProperty("");
    final StringProperty worker = new SimpleStringProperty("");
    final StringProperty failedSince = new SimpleStringProperty("");
    final StringProperty since = new SimpleStringProperty("");
    final StringProperty until = new SimpleStringProperty("");
    final BooleanProperty cascade = new SimpleBooleanProperty(true);
    final ObservableList<Item> listed = FXCollections.observableArrayList();
    final StringProperty message = new SimpleStringProperty("");
    final BooleanProperty failed = new SimpleBooleanProperty(false);
    final BooleanProperty busy = new SimpleBooleanProperty(false);
    final DoubleProperty progress = new SimpleDoubleProperty(0);
    /** The source whose chosen tasks were fetched: what Open opens. */
    final ObjectProperty<DatabaseSource> fetched = new SimpleObjectProperty<>();

    private final Job<List<TaskRow>> lists;
    private final Job<DatabaseSource.Fetched> fetches;
    private final Passwords passwords;
    private final DatabaseSource.PasswordPrompt prompt;
    private DatabaseSource source;
    /** Stop asked: the fetch ends at its next batch and keeps what came (the job is not cancelled, its rows are wanted). */
    private final java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();

    public DatabaseDialogModel(Jobs jobs, Passwords passwords, DatabaseSource.PasswordPrompt prompt) {
        this.lists = jobs.job("list database tasks", Jobs.Lane.COMPUTE);
        this.fetches = jobs.job("fetch database rows", Jobs.Lane.COMPUTE);
        this.passwords = passwords;
        this.prompt = prompt;
        fetches.messageProperty().addListener((o, a, b) -> {
            if (busy.get() && b != null && !b.isEmpty()) {
                message.set(b);
            }
        });
        fetches.progressProperty().addListener((o, a, b) -> {
            if (busy.get()) {
                progress.set(b.doubleValue());
            }
        });
    }

    public TaskQuery query() {
        List<String> ids = Arrays.stream(tasks.get().split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
        return new TaskQuery(ids, worker.get(), failedSince.get(), since.get(), until.get(), cascade.get());
    }

    /** Asks the database for the tasks of the query; the list (or why not) comes back. */
    public void list() {
        DatabaseSource src;
        try {
            src = new DatabaseSource(url.get(), query(), passwords, prompt);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        source = src;
        fetched.set(null);
        start(Messages.format("db.asking", src.spec().server()));
        lists.restart(p -> src.listTasks(), rows -> {
            listed.setAll(rows.stream().map(Item::new).toList());
            done(rows.isEmpty() ? Messages.format("db.listed.none", src.query().describe())
                    : Messages.format("db.listed", rows.size(), rows.stream().filter(TaskRow::failed).count(),
                    rows.size() >= 2000 ? Messages.get("db.listed.capped") : ""), false);
        }, ex -> {
            listed.clear();
            done(ex instanceof DbException ? ex.getMessage() : Messages.format("db.listed.failed", ex), true);
        });
    }

    /** Fetches the rows of the checked tasks; rows fetched before a failure or a cancel are kept and can be opened. */
    public void fetch() {
        DatabaseSource src = source;
        List<TaskRow> chosen = listed.stream().filter(i -> i.chosen.get()).map(i -> i.row).toList();
        if (src == null || chosen.isEmpty()) {
            fail(Messages.get("db.fetch.none"));
            return;
        }
        DatabaseSource target = src.store().size() > 0 || src.store().taskCount() > 0 ? src.again() : src;
        start(Messages.format("db.fetching", chosen.size()));
        stop.set(false);
        fetches.restart(p -> target.fetch(chosen, new ImportMonitor() {
            @Override
            public void progress(long done, long total, String text) {
                p.update(done, total, text);
            }

            @Override
            public boolean isCancelled() {
                return stop.get() || p.isCancelled();
            }
        }), f -> {
            source = target;
            fetched.set(target);
            done(f.problem() == null ? Messages.format("db.fetched", f.rows(), f.tasks())
                    : Messages.format("db.fetched.partly", f.problem()), f.problem() != null);
        }, ex -> done(ex instanceof DbException ? ex.getMessage() : ex instanceof Job.Cancelled ? Messages.get("db.stopped") : Messages.format("db.fetched.failed", ex), true));
    }

    /** Stops the fetch: what came so far is kept. */
    public void cancel() {
        stop.set(true);
        lists.cancel();
    }

    private void start(String text) {
        busy.set(true);
        failed.set(false);
        progress.set(-1);
        message.set(text);
    }

    private void done(String text, boolean error) {
        busy.set(false);
        progress.set(0);
        failed.set(error);
        message.set(text);
    }

    private void fail(String text) {
        failed.set(true);
        message.set(text);
    }
}
