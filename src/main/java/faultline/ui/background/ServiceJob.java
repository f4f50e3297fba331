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
    private record Run<T>(Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
    }

    private final String name;
    private final Service<T> service;
    private Run<T> current;
    private final java.util.ArrayDeque<Run<T>> waiting = new java.util.ArrayDeque<>();
    /** Set while a restart cancels the old run: that cancel is not the user's and is not reported. */
    private boolean replacing;

    ServiceJob(String name, Executor executor) {
        this.name = name;
        service = new Service<>() {
            @Override
            protected Task<T> createTask() {
                return task(current);
            }
        };
        service.setExecutor(executor);
        service.setOnSucceeded(e -> finish(r -> r.done().accept(service.getValue())));
        service.setOnFailed(e -> finish(r -> r.failed().accept(service.getException())));
        service.setOnCancelled(e -> {
            if (!replacing) {
                finish(r -> r.failed().accept(new Cancelled()));
            }
        });
    }

    private static <T> Task<T> task(Run<T> r) {
        return new Task<>() {
            @Override
            protected T call() throws Exception {
                Task<T> self = this;
                return r.work().call(new Progress() {
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
    }

    private void finish(Consumer<Run<T>> report) {
        Run<T> r = current;
        current = waiting.poll();
        if (current != null) {
            service.restart();
        }
        if (r != null) {
            report.accept(r);
        }
    }

    @Override
    public void restart(Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        waiting.clear();
        current = new Run<>(work, done, failed);
        replacing = true;
        try {
            service.restart();
        } finally {
            replacing = false;
        }
    }

    @Override
    public void queue(Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
        Run<T> r = new Run<>(work, done, failed);
        if (service.isRunning()) {
            waiting.add(r);
        } else {
            current = r;
            service.restart();
        }
    }

    @Override
    public void cancel() {
        waiting.clear();
        if (service.isRunning()) {
            service.cancel();
        }
    }

    @Override
    public ReadOnlyBooleanProperty runningProperty() {
        return service.runningProperty();
    }

    @Override
    public ReadOnlyDoubleProperty progressProperty() {
        return service.progressProperty();
    }

    @Override
    public ReadOnlyStringProperty messageProperty() {
        return service.messageProperty();
    }

    @Override
    public String toString() {
        return "job " + name;
    }
}
