package faultline.ui.background;

import javafx.application.Platform;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Steps asked for the next pulse: one chain of steps advances one step a pulse, and a failing step stops no other. */
class PulseStepsTest {

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @Test
    void aStepAskedForByAStepWaitsForTheNextPulseAndAFailureStopsNoOther() throws Exception {
        ServiceJobs jobs = new ServiceJobs(Runnable::run, Runnable::run, Runnable::run);
        List<String> ran = Collections.synchronizedList(new ArrayList<>());
        List<Long> pulses = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch done = new CountDownLatch(1);
        Thread.UncaughtExceptionHandler[] before = new Thread.UncaughtExceptionHandler[1];
        List<Throwable> told = Collections.synchronizedList(new ArrayList<>());
        Platform.runLater(() -> {
            Thread fx = Thread.currentThread();
            before[0] = fx.getUncaughtExceptionHandler();
            fx.setUncaughtExceptionHandler((t, e) -> told.add(e));
            // Three chains asked for at once: their first steps share a pulse; each next step waits for its own.
            jobs.fxNext(() -> {
                ran.add("a1");
                pulses.add(System.nanoTime());
                jobs.fxNext(() -> {
                    ran.add("a2");
                    pulses.add(System.nanoTime());
                    jobs.fxNext(() -> {
                        ran.add("a3");
                        pulses.add(System.nanoTime());
                        done.countDown();
                    });
                });
            });
            jobs.fxNext(() -> {
                throw new IllegalStateException("a step that fails");
            });
            jobs.fxNext(() -> ran.add("b1"));
        });
        assertTrue(done.await(10, TimeUnit.SECONDS), "the chain ran to its end: " + ran);
        CountDownLatch restored = new CountDownLatch(1);
        Platform.runLater(() -> {
            Thread.currentThread().setUncaughtExceptionHandler(before[0]);
            restored.countDown();
        });
        restored.await(5, TimeUnit.SECONDS);
        assertEquals(List.of("a1", "b1", "a2", "a3"), ran, "the first steps together, then one step of the chain a pulse");
        assertEquals(1, told.size(), "the failure is told once");
        // Steps of one chain one pulse apart: never two in the same pulse.
        assertTrue(pulses.get(1) - pulses.get(0) > 1_000_000L && pulses.get(2) - pulses.get(1) > 1_000_000L, "pulses: " + pulses);
    }
}
