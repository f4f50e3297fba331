package faultline.ui;

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
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * State of File ▸ Open Database: the URL and what to fetch, the tasks the database lists for it
 * (each with a check box), and a fetch of the checked ones with progress, cancel and its outcome. The
 * work runs on the given executor and comes back through fx, so tests drive it without a window.
 */
final class DatabaseDialogModel {
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

    private final Executor background;
    private final Consumer<Runnable> fx;
    private final Passwords passwords;
    private final DatabaseSource.PasswordPrompt prompt;
    private DatabaseSource source;
    private final AtomicBoolean cancelled = new AtomicBoolean();

    DatabaseDialogModel(Executor background, Consumer<Runnable> fx, Passwords passwords, DatabaseSource.PasswordPrompt prompt) {
        this.background = background;
        this.fx = fx;
        this.passwords = passwords;
        this.prompt = prompt;
    }

    TaskQuery query() {
        List<String> ids = Arrays.stream(tasks.get().split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
        return new TaskQuery(ids, worker.get(), failedSince.get(), since.get(), until.get(), cascade.get());
    }

    /** Asks the database for the tasks of the query; the list (or why not) comes back. */
    void list() {
        DatabaseSource src;
        try {
            src = new DatabaseSource(url.get(), query(), passwords, prompt);
        } catch (IllegalArgumentException e) {
            fail(e.getMessage());
            return;
        }
        source = src;
        fetched.set(null);
        start("Asking " + src.spec().server() + " for the tasks…");
        background.execute(() -> {
            try {
                List<TaskRow> rows = src.listTasks();
                fx.accept(() -> {
                    listed.setAll(rows.stream().map(Item::new).toList());
                    done(rows.isEmpty() ? "No task matches " + src.query().describe() + "."
                            : String.format("%d tasks (%d failed)%s. Check the ones to fetch.", rows.size(),
                            rows.stream().filter(TaskRow::failed).count(), rows.size() >= 2000 ? ", the first 2000: narrow the query" : ""), false);
                });
            } catch (DbException e) {
                fx.accept(() -> {
                    listed.clear();
                    done(e.getMessage(), true);
                });
            }
        });
    }

    /** Fetches the rows of the checked tasks; rows fetched before a failure or a cancel are kept and can be opened. */
    void fetch() {
        DatabaseSource src = source;
        List<TaskRow> chosen = listed.stream().filter(i -> i.chosen.get()).map(i -> i.row).toList();
        if (src == null || chosen.isEmpty()) {
            fail("List the tasks and check at least one.");
            return;
        }
        DatabaseSource target = src.store().size() > 0 || src.store().taskCount() > 0 ? src.again() : src;
        cancelled.set(false);
        start("Fetching the rows of " + chosen.size() + " tasks…");
        background.execute(() -> {
            try {
                DatabaseSource.Fetched f = target.fetch(chosen, new ImportMonitor() {
                    @Override
                    public void progress(long done, long total, String text) {
                        fx.accept(() -> {
                            progress.set(total > 0 ? (double) done / total : -1);
                            message.set(text);
                        });
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled.get();
                    }
                });
                fx.accept(() -> {
                    source = target;
                    fetched.set(target);
                    done(f.problem() == null ? String.format("Fetched %,d rows of %d tasks. Open them.", f.rows(), f.tasks())
                            : f.problem() + ". Open what came, or fetch again.", f.problem() != null);
                });
            } catch (DbException e) {
                fx.accept(() -> done(e.getMessage(), true));
            }
        });
    }

    void cancel() {
        cancelled.set(true);
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
