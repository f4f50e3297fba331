package faultline.importer.merge;

import faultline.model.Stamp;
import faultline.model.TaskStatus;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Everything the files say about one task's status, and the one rule that settles it, so that the
 * answer does not depend on which files were opened or in which order. Statements are taken in time
 * order: an end (Failed, Complete, Cancelled) is not undone by a weaker status or by a line written
 * after it; a later line's end replaces an earlier line's, but not a tasks row's end (the row was not
 * updated by it) and a cancel does not undo a failure (what was aborted after it failed, failed); only a retry after the end reopens the task: a tasks row updated after it that shows
 * the task queued or running again, or a requeue line followed by the start of a new attempt (a
 * requeue with no attempt after it leaves the failure standing: it is the last thing that happened). A tasks row without any time of its own is
 * an authority of unknown age: its end stands against the lines', its other statuses decide only where
 * no end was seen.
 */
public final class StatusEvidence {
    /** No time known for a claim. */
    static final long UNTIMED = Long.MIN_VALUE;

    enum Kind {
        /** A tasks row: the database's status as of the row's latest time. */
        ROW,
        /** A log line that states a status (finished, failed, completed…). */
        LINE,
        /** A log line that sends the task back to the queue. */
        RETRY,
        /** A log line that takes the task on (again): after a requeue, the start of the next attempt. */
        START,
        /** A log line that says the task is over: completed, unless a line said before how it ended. */
        OVER
    }

    /**
     * One statement about the status.
     *
     * @param nanos  as of when (epoch ns), or {@link #UNTIMED}
     * @param precision fraction digits of that time
     * @param seq    order of the statement among those of equal time (file order)
     * @param worker the worker the statement is about, or ""
     */
    record Claim(TaskStatus status, long nanos, int precision, long seq, Kind kind, String worker) {
        boolean ends() {
            return StatusEvidence.ends(status);
        }
    }

    private final List<Claim> claims = new ArrayList<>(2);
    private long nextSeq;

    public static boolean ends(TaskStatus s) {
        return s == TaskStatus.FAILED || s == TaskStatus.COMPLETE || s == TaskStatus.CANCELLED;
    }

    void row(TaskStatus status, Stamp asOf, String worker) {
        add(status, asOf, Kind.ROW, worker);
    }

    void line(TaskStatus status, Stamp at, String worker) {
        add(status, at, Kind.LINE, worker);
    }

    void over(Stamp at, String worker) {
        add(TaskStatus.COMPLETE, at, Kind.OVER, worker);
    }

    void retry(Stamp at, String worker) {
        add(TaskStatus.QUEUED, at, Kind.RETRY, worker);
    }

    void start(Stamp at, String worker) {
        add(TaskStatus.IN_PROGRESS, at, Kind.START, worker);
    }

    /** Some line sent the task back to the queue: the lines that start it again then matter. */
    boolean hasRetry() {
        for (Claim c : claims) {
            if (c.kind() == Kind.RETRY) {
                return true;
            }
        }
        return false;
    }

    private void add(TaskStatus status, Stamp at, Kind kind, String worker) {
        if (status != TaskStatus.UNKNOWN) {
            claims.add(new Claim(status, at == null ? UNTIMED : at.nanos(), at == null ? 0 : at.precision(), nextSeq++, kind,
                    worker == null ? "" : worker));
        }
    }

    public void addAll(StatusEvidence o) {
        for (Claim c : o.claims) {
            claims.add(new Claim(c.status(), c.nanos(), c.precision(), nextSeq++, c.kind(), c.worker()));
        }
    }

    boolean isEmpty() {
        return claims.isEmpty();
    }

    /** The claim that decides the status, or null when nothing was said. */
    Claim settle() {
        List<Claim> timed = new ArrayList<>(claims.size());
        List<Claim> untimed = new ArrayList<>(1);
        for (Claim c : claims) {
            (c.nanos() == UNTIMED ? untimed : timed).add(c);
        }
        // At one instant a row's snapshot is taken after the lines that led to it.
        timed.sort(Comparator.comparingLong(Claim::nanos).thenComparing(c -> c.kind() == Kind.ROW ? 1 : 0).thenComparingLong(Claim::seq));
        Claim state = null;
        Claim retry = null;
        for (Claim c : timed) {
            boolean takes;
            if (c.kind() == Kind.RETRY) {
                // A requeue after the end reopens the task only once a new attempt starts: until then the failure stands.
                if (state != null && state.ends()) {
                    retry = c;
                    continue;
                }
                takes = true;
            } else if (c.kind() == Kind.START) {
                takes = state == null || !state.ends() || retry != null;
                retry = null;
            } else if (c.kind() == Kind.OVER) {
                takes = state == null || !state.ends(); // "over" after a failure: the failure stands
            } else if (state == null || c.kind() == Kind.ROW) {
                takes = true; // a row updated later is the newer truth
            } else if (c.ends()) {
                takes = !(state.kind() == Kind.ROW && state.ends()) // the database's end stands: the line did not change it
                        // a unit aborted after it failed (a server dropping the requests its dead engine held) failed
                        && !(c.status() == TaskStatus.CANCELLED && state.status() == TaskStatus.FAILED);
            } else {
                takes = !state.ends(); // a line after the end (cleanup, shutdown) does not reopen the task
            }
            if (takes) {
                state = c;
            }
        }
        for (Claim c : untimed) {
            if (state == null
                    || (c.ends() && state.kind() != Kind.ROW)
                    || (!c.ends() && !state.ends() && state.kind() != Kind.ROW)) {
                state = c;
            }
        }
        return state;
    }
}
