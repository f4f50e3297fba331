package faultline.ui.sources;

import faultline.ui.Messages;

import faultline.importer.db.DbException;
import faultline.importer.follow.Follower;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.ui.Document;
import faultline.ui.Status;
import faultline.ui.background.Jobs;
import faultline.ui.opening.Opener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * View ▸ Follow: every two seconds the open files are looked at, every few seconds the database is
 * polled; when something arrived the sources are read again in the background with the user's view
 * kept (compared tasks, alignment, zoom, notes, selection). Rotation and truncation are said in the
 * window; a failure that was not there before raises a notification. Stopping keeps all that was read.
 */
public final class FollowController {
    static final long FILE_PERIOD_MS = 2000;
    /** The database is asked every this many file looks. */
    static final int DATABASE_EVERY = 3;

    private final Document document;
    private final Status window;
    private final Opener opener;
    private final Jobs jobs;
    private final Consumer<String> notify;
    private final BooleanProperty following = new SimpleBooleanProperty(this, "following", false);
    private final StringProperty status = new SimpleStringProperty(this, "status", "");
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "faultline-follow");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> ticking;
    private Follower follower;
    private List<Path> followedFiles = List.of();
    private Object followedDatabase;
    private long ticks;
    private volatile boolean rereadPending;
    private final List<Path> rotatedPending = new ArrayList<>();
    private Set<String> failedBefore = Set.of();
    private final RereadPace pace = new RereadPace();

    public FollowController(Document document, Status status, Opener opener, Jobs jobs, Consumer<String> notify) {
        this.document = document;
        this.window = status;
        this.opener = opener;
        this.jobs = jobs;
        this.notify = notify;
        following.addListener((o, was, on) -> {
            if (on) {
                start();
            } else {
                stop();
            }
        });
        document.files().addListener((ListChangeListener<Path>) c -> sourcesChanged());
        document.databaseProperty().addListener((o, a, b) -> sourcesChanged());
        document.taskSetProperty().addListener((o, a, b) -> published(b));
        // Shown or failed, a read is over when the opener is idle again.
        opener.busyProperty().addListener((o, was, busy) -> {
            if (!busy) {
                pace.finished(System.nanoTime());
            }
        });
    }

    public BooleanProperty followingProperty() {
        return following;
    }

    public StringProperty statusProperty() {
        return status;
    }

    private void start() {
        failedBefore = failedIds(document.taskSet());
        restart();
    }

    /** Another set of sources was opened: follow those from now on. */
    private void sourcesChanged() {
        if (following.get() && (!followedFiles.equals(List.copyOf(document.files())) || followedDatabase != document.database())) {
            restart();
        }
    }

    private void restart() {
        if (ticking != null) {
            ticking.cancel(false);
        }
        followedFiles = List.copyOf(document.files());
        followedDatabase = document.database();
        Follower f = new Follower(followedFiles, document.database());
        follower = f;
        ticks = 0;
        status.set(describe());
        ticking = timer.scheduleWithFixedDelay(() -> tick(f), 0, FILE_PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private String describe() {
        List<String> what = new ArrayList<>();
        if (!followedFiles.isEmpty()) {
            what.add(followedFiles.size() == 1 ? followedFiles.get(0).getFileName().toString() : followedFiles.size() + " files");
        }
        if (followedDatabase != null) {
            what.add(document.database().spec().server());
        }
        return what.isEmpty() ? Messages.get("follow.nothing") : Messages.format("follow.what", String.join(Messages.get("follow.and"), what));
    }

    private void tick(Follower f) {
        if (f != follower) {
            return;
        }
        try {
            if (ticks == 0) {
                f.start();
            }
            Follower.Step s = f.step(ticks % DATABASE_EVERY == 0 && ticks > 0);
            ticks++;
            List<String> said = new ArrayList<>(s.messages());
            if (s.databaseProblem() != null) {
                said.add(s.databaseProblem());
            }
            if (s.reread() || !said.isEmpty() || rereadPending) {
                jobs.fx(() -> apply(f, s, said));
            }
        } catch (DbException e) {
            jobs.fx(() -> window.problems().setAll(Messages.format("follow.failed", e.getMessage())));
        } catch (RuntimeException e) {
            jobs.fx(() -> window.problems().setAll(Messages.format("follow.stopped", e)));
        }
    }

    private void apply(Follower f, Follower.Step s, List<String> said) {
        if (f != follower || !following.get()) {
            return;
        }
        if (!said.isEmpty()) {
            List<String> all = new ArrayList<>(window.problems());
            all.addAll(said);
            window.problems().setAll(all);
        }
        rotatedPending.addAll(s.rotatedFiles());
        if (s.reread() || rereadPending) {
            if (opener.busyProperty().get() || !pace.mayStart(System.nanoTime())) {
                // Never cancel what the user started, and leave the window time between reads of a large file: read again at a later look.
                rereadPending = true;
                return;
            }
            rereadPending = false;
            pace.started(System.nanoTime());
            List<Path> rotated = List.copyOf(rotatedPending);
            rotatedPending.clear();
            try {
                opener.followed(rotated);
            } finally {
                if (!opener.busyProperty().get()) {
                    pace.finished(System.nanoTime()); // nothing to read (or it could not start): no quiet time either
                }
            }
        }
    }

    /** A new task set while following: failures not seen before are announced. */
    private void published(TaskSet set) {
        Set<String> now = failedIds(set);
        if (following.get()) {
            List<Task> fresh = new ArrayList<>();
            for (Task t : set.failed()) {
                if (!failedBefore.contains(t.id())) {
                    fresh.add(t);
                }
            }
            if (!fresh.isEmpty()) {
                Task t = fresh.get(0);
                notify.accept(Messages.format("follow.new", fresh.size(), t.shortId()
                        + (t.type().isEmpty() ? "" : " " + t.type()) + (t.workerId().isEmpty() ? "" : Messages.format("follow.new.on", t.workerId()))
                        + (t.errorMessage().isEmpty() ? "" : " — " + t.errorMessage())));
            }
        }
        failedBefore = now;
    }

    private static Set<String> failedIds(TaskSet set) {
        Set<String> out = new HashSet<>();
        for (Task t : set.failed()) {
            out.add(t.id());
        }
        return out;
    }

    private void stop() {
        if (ticking != null) {
            ticking.cancel(false);
            ticking = null;
        }
        follower = null;
        rereadPending = false;
        status.set("");
    }
}
