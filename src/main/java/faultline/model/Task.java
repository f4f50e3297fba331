package faultline.model;

import java.util.List;
import java.util.Map;

/**
 * A task found in the logs.
 *
 * @param index     position in the task set
 * @param id        full id (UUID) or the best id known (8-hex short form, unknown_task_…)
 * @param type      task_type (travel_segment, …) or "" when no line said
 * @param status    last known status
 * @param workerId  worker that ran it, or ""
 * @param created   tasks.created_at or the first creation marker, may be null
 * @param started   generation start, may be null
 * @param ended     end of the task (status update, processed_at), may be null
 * @param errorMessage tasks.error_message or the failure line, may be ""
 * @param parentId  orchestrator task id, or ""
 * @param runId     run id, or ""
 * @param params    task parameters (tasks.params), as printed values
 * @param events    rows of the event store, in time order (file order for ties); do not modify
 * @param sources   indices of the sources that mention the task
 */
public record Task(int index, String id, String type, TaskStatus status, String workerId, Stamp created,
                   Stamp started, Stamp ended, String errorMessage, String parentId, String runId,
                   Map<String, ParamValue> params, int[] events, List<Integer> sources) {

    /** A UUID's first eight hex digits; any other id whole ({@code chatcmpl-9e8d…} is not cut to its prefix). */
    public String shortId() {
        return id.length() > 8 && id.charAt(8) == '-' && hex8(id) ? id.substring(0, 8) : id;
    }

    private static boolean hex8(String id) {
        for (int i = 0; i < 8; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
                return false;
            }
        }
        return true;
    }

    public boolean failed() {
        return status == TaskStatus.FAILED;
    }

    public int eventCount() {
        return events.length;
    }

    public long firstNanos(EventStore store) {
        return events.length == 0 ? Long.MIN_VALUE : store.nanos(events[0]);
    }

    public long lastNanos(EventStore store) {
        return events.length == 0 ? Long.MIN_VALUE : store.nanos(events[events.length - 1]);
    }

    @Override
    public String toString() {
        return shortId() + " " + type + " " + status.label();
    }
}
