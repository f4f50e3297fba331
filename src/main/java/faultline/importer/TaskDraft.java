package faultline.importer;

import faultline.model.ParamValue;
import faultline.model.Stamp;
import faultline.model.TaskStatus;

import java.util.LinkedHashMap;
import java.util.Map;

/** What the importer learns about one task while reading; merged into a {@link faultline.model.Task}. */
final class TaskDraft {
    final String id;
    String type = "";
    TaskStatus status = TaskStatus.UNKNOWN;
    /** Status from a tasks row, which wins over what lines suggest. */
    boolean statusFromRow;
    String workerId = "";
    Stamp created;
    Stamp started;
    Stamp ended;
    String errorMessage = "";
    String parentId = "";
    String runId = "";
    final Map<String, ParamValue> params = new LinkedHashMap<>();

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
