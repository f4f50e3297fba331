package faultline.ui.background;

/**
 * Where the window's background work runs and how its outcome gets back: in the window, each job is a
 * {@link javafx.concurrent.Service} on an executor passed in and outcomes come on the FX thread; in
 * tests, work and outcome run on the calling thread, so view-models are tested without a toolkit.
 */
public interface Jobs {
    /** A job running its work on the executor for computing (import, analysis) or for writing files. */
    <T> Job<T> job(String name, Lane lane);

    /** Runs on the FX thread, later (from another thread) or now (tests). */
    void fx(Runnable r);

    /**
     * Runs on the FX thread at the start of the next pulse (tests: now): a long piece of FX-thread work cut
     * into steps, each asking for the next, lets the window style, lay out and draw what each step did
     * before the next one starts.
     */
    void fxNext(Runnable r);

    /**
     * Runs on the FX thread once the window has had time to style, lay out and draw what it was just given
     * (tests: now), unless the returned handle is run first to cancel it: for background work that would
     * take a core from that first drawing.
     */
    Runnable afterDrawn(Runnable r);

    /** Runs on the FX thread after a delay, unless the returned handle is run first to cancel it. */
    Runnable after(long millis, Runnable r);

    /**
     * Which executor a job's work runs on: reading and analysing, writing files, or preparing what a
     * view shows (the task list's rows in their filter, order and groups), which must not wait behind
     * an import.
     */
    enum Lane { COMPUTE, WRITE, VIEW }
}
