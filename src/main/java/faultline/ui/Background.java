package faultline.ui;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The one worker thread for import and analysis: the model is built off the FX thread, one job at a time. */
final class Background {
    static final ExecutorService EXECUTOR = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "faultline-worker");
        t.setDaemon(true);
        return t;
    });

    private Background() {
    }
}
