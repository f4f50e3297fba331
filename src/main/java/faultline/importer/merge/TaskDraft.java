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
    public TaskStatus status = TaskStatus.UNKNOWN;
    /** Status from a tasks row, which wins over what lines suggest. */
    public boolean statusFromRow;
    public String workerId = "";
    public Stamp created;
    public Stamp started;
    public Stamp ended;
    public String errorMessage = "";
    public String parentId = "";
    public String runId = "";
    public final Map<String, ParamValue> params = new LinkedHashMap<>();

    TaskDraft(String id) {
        this.id = id;
    }

    void mergeFrom(TaskDraft o) {
        if (type.isEmpty()) {
            type = o.type;
        }
        if (o.statusFromRow || (!statusFromRow && status == TaskStatus.UNKNOWN)) {
            status = o.status;
            statusFromRow |= o.statusFromRow;
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
