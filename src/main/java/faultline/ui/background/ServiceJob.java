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
        /** Let go once the run has reported: the service keeps its last task, and the task this run. */
        Work<T> work;
        Consumer<? super T> done;
        Consumer<Throwable> failed;
        boolean over;

        Run(Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
            this.work = work;
            this.done = done;
            this.failed = failed;
        }
    }

    /**
     * A run's outcome, handed over once and then let go: a service keeps its last task's value until the
     * next run ends, and the value of an import is a whole model (the one before would stay beside the next).
     */
    private static final class Outcome<T> {
        private T value;

        Outcome(T value) {
            this.value = value;
        }

        T take() {
            T v = value;
            value = null;
            return v;
        }
    }

    private final String name;
    private final Service<Outcome<T>> service;
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
            protected Task<Outcome<T>> createTask() {
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
    private Task<Outcome<T>> task(Run<T> r) {
        Task<Outcome<T>> t = new Task<>() {
            @Override
            protected Outcome<T> call() throws Exception {
                Task<Outcome<T>> self = this;
                Work<T> work = r.work;
                if (work == null) {
                    throw new Cancelled(); // replaced and let go before it started
                }
                return new Outcome<>(work.call(new Progress() {
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
                }));
            }

            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                return super.cancel(false);
            }
        };
        t.setOnSucceeded(e -> {
            T value = t.getValue().take();
            end(r, () -> r.done.accept(value));
        });
        t.setOnFailed(e -> end(r, () -> r.failed.accept(t.getException())));
        t.setOnCancelled(e -> end(r, () -> r.failed.accept(new Cancelled())));
        return t;
    }

    private void end(Run<T> r, Runnable report) {
        if (r.over) {
            forget(r);
            return;
        }
        r.over = true;
        if (r == current) {
            current = waiting.poll();
            if (current != null) {
                service.restart();
            }
        }
        try {
            report.run();
        } finally {
            forget(r);
        }
    }

    /** What a run that has ended held (its work may hold a whole model) is let go. */
    private static void forget(Run<?> r) {
        r.work = null;
        r.done = null;
        r.failed = null;
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
