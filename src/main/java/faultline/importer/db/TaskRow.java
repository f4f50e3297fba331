package faultline.importer.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One row of the tasks table, each column as the database wrote it (times in the export form, null
 * when empty), and how it came into the list: matched by the query, or found through a cascade.
 *
 * @param relation "matched", "orchestrator", "sibling", "child" or "dependency"
 */
public record TaskRow(String id, String taskType, String status, String projectId, String params, String createdAt,
                      String updatedAt, String generationStartedAt, String generationProcessedAt, String attempts,
                      String errorMessage, String workerId, String dependantOn, String relation) {
    private static final ObjectMapper JSON = new ObjectMapper();

    public boolean failed() {
        return "Failed".equalsIgnoreCase(status);
    }

    public TaskRow withRelation(String r) {
        return new TaskRow(id, taskType, status, projectId, params, createdAt, updatedAt, generationStartedAt,
                generationProcessedAt, attempts, errorMessage, workerId, dependantOn, r);
    }

    /** The params column as JSON, or null when it is empty or not JSON. */
    public JsonNode paramsJson() {
        if (params == null || params.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(params);
        } catch (Exception e) {
            return null;
        }
    }

    /** The row as a JSON export of the tasks table writes it: what the importer and a snapshot read. */
    public ObjectNode toJson() {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        put(o, "task_type", taskType);
        put(o, "status", status);
        put(o, "project_id", projectId);
        JsonNode p = paramsJson();
        if (p != null) {
            o.set("params", p);
        } else if (params != null) {
            o.put("params", params);
        }
        put(o, "created_at", createdAt);
        put(o, "updated_at", updatedAt);
        put(o, "generation_started_at", generationStartedAt);
        put(o, "generation_processed_at", generationProcessedAt);
        if (attempts != null) {
            try {
                o.put("attempts", Integer.parseInt(attempts));
            } catch (NumberFormatException e) {
                o.put("attempts", attempts);
            }
        }
        put(o, "error_message", errorMessage);
        put(o, "worker_id", workerId);
        put(o, "dependant_on", dependantOn);
        return o;
    }

    private static void put(ObjectNode o, String field, String value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }

    /** A database time in the export form; other text unchanged. */
    static String time(String dbText) {
        if (dbText == null) {
            return null;
        }
        PgTime.Read r = PgTime.read(dbText);
        return r.valid() ? PgTime.iso(r.nanos(), r.precision()) : dbText;
    }
}
