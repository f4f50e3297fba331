package faultline.ui.background;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.concurrent.Service;
import javafx.concurrent.Task;

import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * A job as a {@link Service}: {@link #restart} is the service's restart (the old task is cancelled and
 * its outcome never reported); {@link #queue} waits for the running task. The work's own cancel checks
 * stop it: the worker thread is never interrupted, so a file being read or written is never cut off.
 */
final class ServiceJob<T> implements Job<T> {
    /** One run asked for; it reports once, or never when a restart replaced it. */
    private static final class Run<T> {
        final Work<T> work;
        final Consumer<? super T> done;
        final Consumer<Throwable> failed;
        boolean over;

        Run(Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
            this.work = work;
            this.done = done;
            this.failed = failed;
        }
    }

    private final String name;
    private final Service<T> service;
    /** The service's properties, taken while it may still be asked from any thread (tests poll them). */
    private final ReadOnlyBooleanProperty running;
    private final ReadOnlyDoubleProperty progress;
    private final ReadOnlyStringProperty message;
    /** The run whose task the service has now, until it reports; null when none. */
    private Run<T> current;
    private final java.util.ArrayDeque<Run<T>> waiting = new java.util.ArrayDeque<>();

    ServiceJob(String name, Executor executor) {
        this.name = name;
        service = new Service<>() {
            @Override
            protected Task<T> createTask() {
                return task(current);
            }
        };
        service.setExecutor(executor);
        running = service.runningProperty();
        progress = service.progressProperty();
        message = service.messageProperty();
    }

    /*
     * Each task reports to its own run, not through the service's handlers: a task the toolkit has
     * called succeeded may still be cancellable for a moment (its future completes after), so the
     * restart that starts the next run can cancel it again; that second outcome must not reach the
     * next run.
     */
    private Task<T> task(Run<T> r) {
        Task<T> t = new Task<>() {
            @Override
            protected T call() throws Exception {
                Task<T> self = this;
                return r.work.call(new Progress() {
                    @Override
                    public void update(long done, long total, String message) {
                        updateProgress(done, Math.max(total, 1));
                        if (message != null) {
                            updateMessage(message);
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return self.isCancelled();
                    }
                });
            }

            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                return super.cancel(false);
            }
        };
        t.setOnSucceeded(e -> end(r, () -> r.done.accept(t.getValue())));
        t.setOnFailed(e -> end(r, () -> r.failed.accept(t.getException())));
        t.setOnCancelled(e -> end(r, () -> r.failed.accept(new Cancelled())));
        return t;
    }

    private void end(Run<T> r, Runnable report) {
        if (r.over) {
            return;
        }
        r.over = true;
        if (r == current) {
            current = waiting.poll();
            if (current != null) {
                service.restart();
            }
        }
        report.run();
    }

    @Override
    public void restart(Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        waiting.clear();
        if (current != null) {
            current.over = true; // replaced: its outcome is dropped
        }
        current = new Run<>(work, done, failed);
        service.restart();
    }

    @Override
    public void queue(Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        Run<T> r = new Run<>(work, done, failed);
        if (current != null) {
            waiting.add(r);
        } else {
            current = r;
            service.restart();
        }
    }

    @Override
    public void cancel() {
        waiting.clear();
        if (current != null) {
            service.cancel();
        }
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return running;
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return progress;
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return message;
    }

    @Override
    public String toString() {
        return "job " + name;
    }
}
