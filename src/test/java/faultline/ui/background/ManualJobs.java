package faultline.ui.background;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Jobs for tests, without a toolkit: work and outcome run on the calling thread. Direct, a job runs the
 * moment it is asked; held, it waits until {@link #runAll()} (so that a test sees what the window shows
 * before the background is done). Timers fire only when the test says so ({@link #fireTimers()}).
 */
public final class ManualJobs implements Jobs {
    private final boolean direct;
    private final Deque<Pending<?>> queue = new ArrayDeque<>();
    private final List<Runnable> timers = new ArrayList<>();
    private final Deque<Runnable> fxSteps = new ArrayDeque<>();
    private int ran;

    private ManualJobs(boolean direct) {
        this.direct = direct;
    }

    /** Every job runs at once, on the calling thread. */
    public static ManualJobs direct() {
        return new ManualJobs(true);
    }

    /** Jobs wait for {@link #runAll()}. */
    public static ManualJobs held() {
        return new ManualJobs(false);
    }

    @Override
    public <T> Job<T> job(String name, Lane lane) {
        return new ManualJob<>(name);
    }

    @Override
    public void fx(Runnable r) {
        r.run();
    }

    /** Held, the steps asked for with {@link #fxNext} wait for {@link #stepFx()} or {@link #runAll()}. */
    @Override
    public void fxNext(Runnable r) {
        if (direct) {
            r.run();
        } else {
            fxSteps.add(r);
        }
    }

    /** Runs the first FX step waiting; false when none waits. */
    public boolean stepFx() {
        Runnable r = fxSteps.poll();
        if (r == null) {
            return false;
        }
        r.run();
        return true;
    }

    @Override
    public Runnable afterDrawn(Runnable r) {
        r.run();
        return () -> {
        };
    }

    @Override
    public Runnable after(long millis, Runnable r) {
        Runnable[] self = new Runnable[1];
        self[0] = () -> {
            timers.remove(self[0]);
            r.run();
        };
        timers.add(self[0]);
        return () -> timers.remove(self[0]);
    }

    /** Fires the timers waiting now (a save due a moment after a change), then runs what they started. */
    public void fireTimers() {
        for (Runnable t : List.copyOf(timers)) {
            t.run();
        }
        runAll();
    }

    public boolean timersWaiting() {
        return !timers.isEmpty();
    }

    /** Runs the jobs waiting, and those they start, in order, and the FX steps between; returns how many jobs ran. */
    public int runAll() {
        int n = 0;
        while (!queue.isEmpty() || !fxSteps.isEmpty()) {
            if (!queue.isEmpty()) {
                queue.poll().run();
                n++;
            } else {
                fxSteps.poll().run();
            }
        }
        return n;
    }

    /** Runs only the first job waiting (one batch of a stream, say); false when none waits. */
    public boolean runOne() {
        Pending<?> p = queue.poll();
        if (p == null) {
            return false;
        }
        p.run();
        return true;
    }

    public int waiting() {
        return queue.size();
    }

    /** How many runs were done in all. */
    public int ran() {
        return ran;
    }

    private final class Pending<T> {
        final ManualJob<T> job;
        final Work<T> work;
        final Consumer<? super T> done;
        final Consumer<Throwable> failed;
        boolean cancelled;

        Pending(ManualJob<T> job, Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
            this.job = job;
            this.work = work;
            this.done = done;
            this.failed = failed;
        }

        void run() {
            job.pending.remove(this);
            job.running.set(true);
            T value;
            try {
                value = work.call(new Progress() {
                    @Override
                    public void update(long d, long total, String message) {
                        job.progress.set(total <= 0 ? -1 : (double) d / total);
                        if (message != null) {
                            job.message.set(message);
                        }
                    }

                    @Override
                    public boolean isCancelled() {
                        return cancelled;
                    }
                });
            } catch (Throwable e) {
                ran++;
                job.running.set(!job.pending.isEmpty());
                failed.accept(cancelled ? new Job.Cancelled() : e);
                return;
            }
            ran++;
            job.running.set(!job.pending.isEmpty());
            if (cancelled) {
                failed.accept(new Job.Cancelled());
            } else {
                done.accept(value);
            }
        }
    }

    private final class ManualJob<T> implements Job<T> {
        final String name;
        final List<Pending<T>> pending = new ArrayList<>();
        final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
        final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
        final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

        ManualJob(String name) {
            this.name = name;
        }

        @Override
        public void restart(Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
            for (Pending<T> p : List.copyOf(pending)) {
                queue.remove(p);
                pending.remove(p);
            }
            queue(work, done, failed);
        }

        @Override
        public void queue(Work<T> work, Consumer<? super T> done, Consumer<Throwable> failed) {
            Pending<T> p = new Pending<>(this, work, done, failed);
            pending.add(p);
            running.set(true);
            if (direct) {
                queue.remove(p);
                p.run();
            } else {
                queue.add(p);
            }
        }

        @Override
        public void cancel() {
            for (Pending<T> p : List.copyOf(pending)) {
                queue.remove(p);
                pending.remove(p);
                p.failed.accept(new Job.Cancelled());
            }
            running.set(false);
        }

        @Override
        public ReadOnlyBooleanProperty runningProperty() {
            return running.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyDoubleProperty progressProperty() {
            return progress.getReadOnlyProperty();
        }

        @Override
        public ReadOnlyStringProperty messageProperty() {
            return message.getReadOnlyProperty();
        }

        @Override
        public String toString() {
            return "job " + name;
        }
    }
}
