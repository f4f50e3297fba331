package faultline.ui.tasks;

import faultline.analysis.Analyzer;
import faultline.model.Crash;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.ui.Document;
import faultline.ui.Signatures;
import faultline.ui.background.Job;
import faultline.ui.background.Jobs;
import faultline.ui.background.MemoryGiveBack;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;

import java.util.Arrays;
import java.util.List;

/**
 * The crash analysis of every failure of the open set, in the background after the window is shown,
 * a batch at a time in list order: each batch runs for a short while, then hands its signatures to
 * the list in one piece and makes way for whatever the user asked for meanwhile (a comparison waits
 * for one batch at most).
 */
public final class SignatureStream {
    /** How long one batch works before it hands over. */
    static final long BATCH_NANOS = 100_000_000L;
    private static final System.Logger LOG = System.getLogger("faultline.ui.signatures");

    private final Document document;
    private final Signatures signatures;
    private final Jobs jobs;
    private final Job<Batch> job;

    /** Signatures of failures [from, next) of the set's failure list. */
    record Batch(TaskSet set, int next, int[] tasks, String[] signatures) {
    }

    public SignatureStream(Document document, Signatures signatures, Jobs jobs) {
        this.document = document;
        this.signatures = signatures;
        this.jobs = jobs;
        this.job = jobs.job("failure signatures", Jobs.Lane.COMPUTE);
        document.taskSetProperty().addListener((o, a, b) -> {
            waiting.run();
            job.cancel();
            analysing.set(true);
            if (b == null || b.failed().size() < DEFERRED_FROM) {
                start(b);
            } else {
                waiting = afterListFilled(() -> start(b));
            }
        });
    }

    private final ReadOnlyBooleanWrapper analysing = new ReadOnlyBooleanWrapper(this, "analysing");

    /** From a set's publication until every failure of it is analysed (or the stream stops). */
    public ReadOnlyBooleanProperty analysingProperty() {
        return analysing.getReadOnlyProperty();
    }

    /**
     * Cancels the start of the stream for a set not yet due. The analyses (and the collection that gives the
     * old set's memory back) start once the window has drawn the set: on two cores they took a core from its
     * first styling and layout, which then waited for one for twice its own time.
     */
    private Runnable waiting = () -> {
    };
    /** From how many failures the analyses wait for the first drawing: fewer are analysed in less than a frame. */
    static final int DEFERRED_FROM = 500;

    /** Whether the task list has all the rows of the set published, and what changes when it may have. */
    private java.util.function.BooleanSupplier listFilled = () -> true;
    private javafx.beans.Observable listShown = new javafx.beans.property.SimpleObjectProperty<>();

    /**
     * The list that the analyses wait for: a fleet's list goes in over a second of pulses, each with a step
     * of rows and its layout, and analyses started beside them took a core from every one of those steps.
     */
    public void waitFor(java.util.function.BooleanSupplier filled, javafx.beans.Observable shown) {
        listFilled = filled;
        listShown = shown;
    }

    private Runnable afterListFilled(Runnable r) {
        if (listFilled.getAsBoolean()) {
            return jobs.afterDrawn(r);
        }
        Runnable[] drawn = {() -> {
        }};
        javafx.beans.InvalidationListener[] wait = new javafx.beans.InvalidationListener[1];
        wait[0] = o -> {
            if (listFilled.getAsBoolean()) {
                listShown.removeListener(wait[0]);
                drawn[0] = jobs.afterDrawn(r);
            }
        };
        listShown.addListener(wait[0]);
        return () -> {
            listShown.removeListener(wait[0]);
            drawn[0].run();
        };
    }

    private void start(TaskSet set) {
        // The set read before and the reading's own garbage are gone once every view has let go of it (the
        // listeners after this one): the largest drop of an open. Asked for after them, or the cycle's snapshot keeps it.
        jobs.fxNext(MemoryGiveBack::now);
        Analyzer an = document.analyzer();
        if (an == null || an.set() != set || set.failed().isEmpty()) {
            job.cancel();
            analysing.set(false);
            return;
        }
        next(set, an, 0, System.nanoTime());
    }

    private void next(TaskSet set, Analyzer an, int from, long began) {
        List<Task> failed = set.failed();
        job.restart(p -> batch(set, an, failed, from, p), b -> {
            signatures.update(b.set(), b.tasks(), b.signatures());
            if (b.next() < failed.size() && document.taskSet() == set) {
                next(set, an, b.next(), began);
            } else {
                LOG.log(System.Logger.Level.INFO, () -> String.format("analysed %,d failures for their signatures in %.0f ms",
                        failed.size(), (System.nanoTime() - began) / 1e6));
                if (document.taskSet() == set) {
                    analysing.set(false);
                }
                MemoryGiveBack.now();
            }
        }, ex -> {
            if (!(ex instanceof Job.Cancelled)) {
                analysing.set(false);
                LOG.log(System.Logger.Level.ERROR, "the failures' signatures stopped", ex);
            }
        });
    }

    private static Batch batch(TaskSet set, Analyzer an, List<Task> failed, int from, faultline.ui.background.Progress p) {
        long t0 = System.nanoTime();
        int n = 0;
        int[] tasks = new int[64];
        String[] sigs = new String[64];
        int k = from;
        while (k < failed.size() && !p.isCancelled() && (n == 0 || System.nanoTime() - t0 < BATCH_NANOS)) {
            Task t = failed.get(k++);
            String sig;
            try {
                Crash c = an.crashOf(t);
                sig = c == null ? null : c.signature().shortText();
            } catch (RuntimeException | StackOverflowError e) {
                // The error text's signature stays for a failure the analysis trips over.
                LOG.log(System.Logger.Level.WARNING, "task " + t.shortId() + " could not be analysed", e);
                sig = null;
            }
            if (sig == null) {
                continue;
            }
            if (n == tasks.length) {
                tasks = Arrays.copyOf(tasks, n * 2);
                sigs = Arrays.copyOf(sigs, n * 2);
            }
            tasks[n] = t.index();
            sigs[n++] = sig;
        }
        return new Batch(set, k, Arrays.copyOf(tasks, n), Arrays.copyOf(sigs, n));
    }
}
