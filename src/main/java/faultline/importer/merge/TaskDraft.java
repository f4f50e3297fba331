package faultline.importer.merge;

import faultline.model.ParamValue;
import faultline.model.Stamp;
import faultline.model.TaskStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the importer learns about one task while reading; merged into a {@link faultline.model.Task}. */
public final class TaskDraft {
    public final String id;
    public String type = "";
    /**
     * The settled status. Readers state statuses through {@link #rowStatus} and {@link #lineStatus};
     * a reader that only sets this field is taken as a tasks row of unknown age.
     */
    public TaskStatus status = TaskStatus.UNKNOWN;
    public String workerId = "";
    public Stamp created;
    public Stamp started;
    public Stamp ended;
    public String errorMessage = "";
    public String parentId = "";
    public String runId = "";
    public final Map<String, ParamValue> params = new LinkedHashMap<>();
    public final StatusEvidence evidence = new StatusEvidence();

    TaskDraft(String id) {
        this.id = id;
    }

    /**
     * A tasks row's status, as of the row's latest time: when it was updated, else when it was
     * processed, else (for a status that does not end the task) when it started or was created.
     */
    public void rowStatus(TaskStatus s, Stamp updated, Stamp processed, Stamp started, Stamp created, String worker) {
        Stamp asOf = updated != null ? updated : processed;
        if (asOf == null && !StatusEvidence.ends(s)) {
            asOf = started != null ? started : created;
        }
        evidence.row(s, asOf, worker);
    }

    /** A status a log line states, at the line's time. */
    public void lineStatus(TaskStatus s, Stamp at, String worker) {
        evidence.line(s, at, worker);
    }

    /** A log line that says the task is over: completed, unless a line before said how it ended. */
    public void over(Stamp at, String worker) {
        evidence.over(at, worker);
    }

    /** A log line that sends the task back to the queue for another attempt. */
    public void retried(Stamp at, String worker) {
        evidence.retry(at, worker);
    }

    /** A log line that takes the task on: after a requeue, the next attempt. */
    public void startedAgain(Stamp at, String worker) {
        evidence.start(at, worker);
    }

    /**
     * Settles the status from all the evidence read; the worker of the deciding statement, when it
     * names one, is the task's worker, and a line that ended the task gives its end.
     */
    public void settle() {
        if (status != TaskStatus.UNKNOWN) {
            evidence.row(status, null, "");
        }
        StatusEvidence.Claim c = evidence.settle();
        if (c != null) {
            status = c.status();
            if (!c.worker().isEmpty()) {
                workerId = c.worker();
            }
            if (c.ends() && ended == null && c.kind() == StatusEvidence.Kind.LINE) {
                ended = new Stamp(c.nanos(), c.precision(), false);
            }
            if (!c.ends()) {
                ended = null;
            }
        }
        if (status == TaskStatus.UNKNOWN && started != null) {
            status = TaskStatus.IN_PROGRESS;
        }
    }

    public void mergeFrom(TaskDraft o) {
        if (type.isEmpty()) {
            type = o.type;
        }
        evidence.addAll(o.evidence);
        if (status == TaskStatus.UNKNOWN) {
            status = o.status;
        }
        if (workerId.isEmpty()) {
            workerId = o.workerId;
        }
        created = created == null ? o.created : created;
        started = started == null ? o.started : started;
        ended = ended == null ? o.ended : ended;
        if (errorMessage.isEmpty()) {
            errorMessage = o.errorMessage;
        }
        if (parentId.isEmpty()) {
            parentId = o.parentId;
        }
        if (runId.isEmpty()) {
            runId = o.runId;
        }
        o.params.forEach(params::putIfAbsent);
    }
}
