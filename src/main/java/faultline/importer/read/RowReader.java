package faultline.importer.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import faultline.importer.LogRow;
import faultline.importer.ReadContext;
import faultline.importer.merge.TaskDraft;
import faultline.importer.merge.TaskIds;
import faultline.importer.time.TimeParser;
import faultline.model.Level;
import faultline.model.ParamValue;
import faultline.model.Stamp;
import faultline.model.TaskStatus;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Turns system_logs rows and tasks rows (from JSON or CSV) into events and task facts. Shared by the
 * structured readers so that both treat a row the same way.
 */
public final class RowReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReadContext ctx;
    private final PooledText text;
    private final TimeParser.Parsed parsed = new TimeParser.Parsed();
    /** The task each worker is processing, for rows that carry no task id. */
    private final Map<String, Integer> currentOfWorker = new HashMap<>();

    public RowReader(ReadContext ctx, PooledText text) {
        this.ctx = ctx;
        this.text = text;
    }

    /** One system_logs row; line is where it starts in the file. */
    public void logRow(JsonNode row, int line) {
        String message = str(row, "message");
        if (message == null) {
            ctx.report.unparsed(line, "row without a message", row.toString());
            return;
        }
        String levelText = str(row, "log_level");
        if (levelText == null) {
            levelText = str(row, "level");
        }
        JsonNode metadata = metadata(row.get("metadata"));
        String worker = str(row, "worker_id");
        String sourceType = str(row, "source_type");
        String sourceId = str(row, "source_id");
        int ref = attribute(message, str(row, "task_id"), metadata, worker, sourceType);
        String raw = rawLine(row, sourceType, sourceId, levelText, message, metadata);
        int pooled = text.add(message, raw, line);
        String ts = str(row, "timestamp");
        if (ts == null) {
            ts = str(row, "created_at");
        }
        Level level = level(levelText);
        if (ts != null && ctx.time.parseDateTime(ts.trim(), 0, parsed) && !parsed.placeholder) {
            ctx.timed(parsed.nanos, parsed.precision, level, ref, pooled);
        } else {
            if (ts != null && !ts.isBlank() && !parsed.placeholder) {
                ctx.report.note(line, "timestamp not understood, time estimated: " + ts, null);
            }
            ctx.estimated(level, ref, pooled);
        }
    }

    /**
     * A system_logs row of a {@link RowSource}, its time already read; its text stays with the
     * source, which knows it by textRef. Attributed to a task exactly as a row of a JSON export.
     */
    public void logRow(LogRow row, long textRef, int line) {
        if (row.message() == null) {
            ctx.report.unparsed(line, "row without a message", null);
            return;
        }
        // The metadata only matters for a row without a task id of its own: parse it only then.
        JsonNode metadata = row.taskId() != null || row.metadata() == null || row.metadata().equals("{}")
                ? null : metadata(TextNode.valueOf(row.metadata()));
        int ref = attribute(row.message(), row.taskId(), metadata, row.workerId(), row.sourceType());
        ctx.timed(row.nanos(), row.precision(), level(row.level()), ref, textRef);
    }

    private static Level level(String levelText) {
        Level level = levelText == null ? Level.INFO : Level.parse(levelText);
        return level == null ? Level.INFO : level;
    }

    /** The task ref of a row: its task_id, else the metadata's, else an id in the message, else the worker's current task. */
    private int attribute(String message, String taskId, JsonNode metadata, String worker, String sourceType) {
        int ref = ctx.tasks.ref(taskId);
        if (ref < 0 && metadata != null) {
            ref = ctx.tasks.ref(str(metadata, "task_id"));
        }
        if (ref < 0) {
            String found = TaskIds.findIn(message);
            ref = found != null ? ctx.tasks.ref(found) : -1;
        }
        if (ref < 0 && worker != null) {
            ref = currentOfWorker.getOrDefault(worker, -1);
        }
        if (worker != null && ref >= 0) {
            if (message.contains("Processing ") && message.contains(" task")) {
                currentOfWorker.put(worker, ref);
            } else if (message.contains("Finished task")) {
                currentOfWorker.remove(worker);
            }
            TaskDraft d = ctx.tasks.draftOfRef(ref);
            if (d.workerId.isEmpty() && "worker".equals(sourceType)) {
                d.workerId = worker;
            }
        }
        return ref;
    }

    private static String rawLine(JsonNode row, String sourceType, String sourceId, String level, String message, JsonNode metadata) {
        StringBuilder sb = new StringBuilder();
        String ts = str(row, "timestamp");
        sb.append(ts == null ? "?" : ts).append(" [").append(level == null ? "INFO" : level).append("]");
        if (sourceType != null) {
            sb.append(" [").append(sourceType).append(sourceId == null ? "" : "/" + sourceId).append("]");
        }
        sb.append(' ').append(message);
        if (metadata != null && metadata.size() > 0) {
            sb.append("  ").append(metadata);
        }
        return sb.toString();
    }

    /** A tasks row (debug tool "state", "child_tasks"). parentHint names the orchestrator for child rows. */
    public void taskRow(JsonNode state, String parentHint) {
        String id = str(state, "id");
        if (id == null) {
            id = str(state, "task_id");
        }
        TaskDraft d = ctx.tasks.draft(id);
        if (d == null) {
            return;
        }
        String type = str(state, "task_type");
        if (type != null) {
            d.type = type;
        }
        String status = str(state, "status");
        if (status != null) {
            d.status = TaskStatus.parse(status);
            d.statusFromRow = true;
        }
        String worker = str(state, "worker_id");
        if (worker != null) {
            d.workerId = worker;
        }
        d.created = stamp(state, "created_at", d.created);
        d.started = stamp(state, "generation_started_at", d.started);
        Stamp processed = stamp(state, "generation_processed_at", null);
        Stamp updated = stamp(state, "updated_at", null);
        if (processed != null) {
            d.ended = processed;
        } else if (updated != null && (d.status == TaskStatus.FAILED || d.status == TaskStatus.COMPLETE || d.status == TaskStatus.CANCELLED)) {
            d.ended = updated;
        }
        String error = str(state, "error_message");
        if (error != null) {
            d.errorMessage = error;
        }
        JsonNode params = state.get("params");
        if (params != null && params.isTextual()) {
            params = metadata(params);
        }
        if (params != null && params.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                d.params.put(e.getKey(), value(e.getValue()));
            }
            String orchestrator = str(params, "orchestrator_task_id_ref");
            if (orchestrator == null) {
                orchestrator = str(params, "orchestrator_task_id");
            }
            if (orchestrator != null && d.parentId.isEmpty()) {
                d.parentId = orchestrator;
            }
            String run = str(params, "run_id");
            if (run == null) {
                run = str(params, "orchestrator_run_id");
            }
            if (run != null) {
                d.runId = run;
            }
        }
        if (d.parentId.isEmpty() && parentHint != null && !parentHint.equals(d.id)) {
            d.parentId = parentHint;
        }
    }

    private Stamp stamp(JsonNode node, String field, Stamp fallback) {
        String s = str(node, field);
        if (s == null || !ctx.time.parseDateTime(s.trim(), 0, parsed)) {
            return fallback;
        }
        return new Stamp(parsed.nanos + ctx.offsetNanos, parsed.precision, false);
    }

    /** A JSON value as Python would print it, with its type. */
    static ParamValue value(JsonNode v) {
        if (v == null || v.isNull()) {
            return new ParamValue("None", "NoneType");
        }
        if (v.isTextual()) {
            return new ParamValue("'" + v.asText() + "'", "str");
        }
        if (v.isBoolean()) {
            return new ParamValue(v.asBoolean() ? "True" : "False", "bool");
        }
        if (v.isIntegralNumber()) {
            return new ParamValue(v.asText(), "int");
        }
        if (v.isNumber()) {
            return new ParamValue(v.asText(), "float");
        }
        if (v.isArray()) {
            return new ParamValue(v.toString(), "list");
        }
        return new ParamValue(v.toString(), "dict");
    }

    static JsonNode metadata(JsonNode m) {
        if (m == null || m.isNull()) {
            return null;
        }
        if (m.isTextual()) {
            String s = m.asText().trim();
            if (s.isEmpty()) {
                return null;
            }
            try {
                return JSON.readTree(s);
            } catch (Exception e) {
                return null;
            }
        }
        return m;
    }

    static String str(JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.isValueNode() ? v.asText() : v.toString();
        return s.isEmpty() ? null : s;
    }
}
