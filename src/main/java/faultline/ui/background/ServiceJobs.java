package faultline.ui.background;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.util.Duration;

import java.util.concurrent.Executor;

/** The window's jobs: one {@link javafx.concurrent.Service} per job, on the executors given. */
public final class ServiceJobs implements Jobs {
    private final Executor compute;
    private final Executor write;
    private final Executor view;
    /** Made on the FX thread when first asked for: a timer needs the toolkit running. */
    private PulseSteps pulses;

    public ServiceJobs(Executor compute, Executor write, Executor view) {
        this.compute = compute;
        this.write = write;
        this.view = view;
    }

    @Override
    public <T> Job<T> job(String name, Lane lane) {
        return new ServiceJob<>(name, switch (lane) {
            case COMPUTE -> compute;
            case WRITE -> write;
            case VIEW -> view;
        });
    }

    @Override
    public void fx(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            r.run();
        } else {
            Platform.runLater(r);
        }
    }

    @Override
    public void fxNext(Runnable r) {
        if (Platform.isFxApplicationThread()) {
            nextPulse(r);
        } else {
            Platform.runLater(() -> nextPulse(r));
        }
    }

    private void nextPulse(Runnable r) {
        if (pulses == null) {
            pulses = new PulseSteps();
        }
        pulses.add(r);
    }

    /**
     * Half a second: the first styling and layout of a fleet's filled panes took 135 ms of the FX thread's CPU
     * and, with the background analyses and a collection beside it on two cores, 300 ms of wall time.
     */
    @Override
    public Runnable afterDrawn(Runnable r) {
        return after(500, r);
    }

    @Override
    public Runnable after(long millis, Runnable r) {
        PauseTransition p = new PauseTransition(Duration.millis(millis));
        p.setOnFinished(e -> r.run());
        p.play();
        return p::stop;
    }
}
