package faultline.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** The one worker thread for import, analysis and writing: the model is built off the FX thread, one job at a time. */
final class Background {
    static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "faultline-worker");
        t.setDaemon(true);
        return t;
    });

    private Background() {
    }

    /** Runs work on the worker; its result or its failure is handed back on the FX thread. */
    static <T> void run(Callable<T> work, Consumer<T> done, Consumer<Throwable> failed) {
        javafx.concurrent.Task<T> job = new javafx.concurrent.Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        job.setOnSucceeded(e -> done.accept(job.getValue()));
        job.setOnFailed(e -> failed.accept(job.getException()));
        EXECUTOR.submit(job);
    }
}
