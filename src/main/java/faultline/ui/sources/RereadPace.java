package faultline.ui.sources;

/**
 * How often following may read the sources again: a read of a large file takes seconds of both
 * cores, and a log that grows every second would otherwise be read back to back, leaving the window
 * none. After a read that took d, the next waits until 2·d has passed, so following takes at most
 * a third of the time; a small file (a read of a tenth of a second) is read at every look.
 */
final class RereadPace {
    static final int QUIET_PER_READ = 2;

    private long startedAt;
    /** A read is running; nanoTime may be any value, so no time stands for "none". */
    private boolean reading;
    private long quietUntil;
    private boolean quiet;

    /** Whether a read may start at now (nanoseconds of one clock). */
    boolean mayStart(long now) {
        return !reading && (!quiet || now - quietUntil >= 0);
    }

    void started(long now) {
        startedAt = now;
        reading = true;
    }

    /** The read's result was shown (or it failed): the quiet time starts. */
    void finished(long now) {
        if (reading) {
            quietUntil = now + QUIET_PER_READ * (now - startedAt);
            quiet = true;
            reading = false;
        }
    }
}
