package faultline.ui.background;

import javafx.animation.AnimationTimer;

import java.util.ArrayDeque;

/**
 * Runs FX-thread steps one pulse apart: each step asked for runs at the start of the next pulse, before
 * that pulse's styling and layout. A step queued with {@code runLater} may run several to a pulse (the
 * toolkit drains its queue before it pulses), so rows added in three steps would still be styled and laid
 * out in one pulse; paced by the pulse, what each step adds is drawn before the next one starts.
 */
final class PulseSteps extends AnimationTimer {
    private ArrayDeque<Runnable> due = new ArrayDeque<>();
    private ArrayDeque<Runnable> running = new ArrayDeque<>();
    private boolean started;

    /** On the FX thread. */
    void add(Runnable step) {
        due.add(step);
        if (!started) {
            started = true;
            start();
        }
    }

    @Override
    public void handle(long now) {
        // What a step asks for now waits for the pulse after this one.
        ArrayDeque<Runnable> these = due;
        due = running;
        running = these;
        while (!these.isEmpty()) {
            Runnable step = these.poll();
            try {
                step.run();
            } catch (RuntimeException | Error e) {
                // One step's failure is told as any on the FX thread is, and the steps queued beside it still run.
                Thread t = Thread.currentThread();
                t.getUncaughtExceptionHandler().uncaughtException(t, e);
            }
        }
        if (due.isEmpty()) {
            stop();
            started = false;
        }
    }
}
