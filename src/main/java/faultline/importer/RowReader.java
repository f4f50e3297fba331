package faultline.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.model.Level;
import faultline.model.ParamValue;
import faultline.model.Stamp;
import faultline.model.TaskStatus;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns system_logs rows and tasks rows (from JSON or CSV) into events and task facts. Shared by the
 * structured readers so that both treat a row the same way.
 */
final class RowReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReadContext ctx;
    private final PooledText text;
    private final JsonTime time;
    /** The task each worker is processing, for rows that carry no task id. */
    private final Map<String, Integer> currentOfWorker = new HashMap<>();
    private final TracebackLines traceback = new TracebackLines();
    private final UnitContext context = new UnitContext();
    /** The pooled text of the last record, which a traceback's next line may continue. */
    private int lastPooled = -1;
    /** The last record was an error: a traceback right after it is the one it was logged with. */
    private boolean lastFailure;
    /** Some record carried the application's own clock (nested, or at the start of its message). */
    private boolean appClockSeen;

    RowReader(ReadContext ctx, PooledText text) {
        this.ctx = ctx;
        this.text = text;
        this.time = new JsonTime(ctx.time);
    }

    /** One system_logs row; line is where it starts in the file. */
    void logRow(JsonNode row, int line) {
        logRow(row, line, -1, -1);
    }

    /**
     * One log record of any schema: a system_logs row, or the record of a JSON logger or a platform,
     * its fields found by name ({@link LogFields}). The application's time wins over a wrapper's: a
     * nested {@code asctime}, else a timestamp that opens the message (docker's {@code log}), else the
     * record's own time field; the others stay in the raw record. line is where the record starts;
     * [start, end) its bytes in the file when known, shown as its raw text.
     */
    void logRow(JsonNode row, int line, long start, long end) {
        String message = LogFields.text(LogFields.outerFirst(row, LogFields.MESSAGE));
        String exception = exceptionText(LogFields.outerFirst(row, LogFields.EXCEPTION));
        // A system_logs row: its own columns are the application's, its metadata only context.
        boolean rowShape = row.has("log_level") || row.has("source_type");
        if (message == null && exception == null) {
            if (row.size() == 0) {
                ctx.report.unparsed(line, "an empty record", row.toString());
                return;
            }
            ctx.report.note(line, "record without a message field: shown whole", null);
            message = row.toString();
        } else if (message == null) {
            message = exception;
        } else if (exception != null && !message.contains(exception.lines().findFirst().orElse(""))) {
            message = message + "\n" + exception;
        }
        message = withoutTrailingNewline(message);
        long nanos = 0;
        int precision = 0;
        boolean timed = false;
        Level level = null;
        String badTime = null;
        JsonNode innerTime = rowShape ? null : LogFields.nested(row, LogFields.TIME);
        if (innerTime != null && time.read(innerTime)) {
            nanos = time.nanos;
            precision = time.precision;
            timed = true;
        }
        int cut = time.leading(message);
        boolean ownTimeInText = cut > 0;
        if (ownTimeInText) {
            if (!timed) {
                nanos = time.nanos;
                precision = time.precision;
                timed = true;
            }
            String rest = message.substring(cut);
            int afterLevel = levelToken(rest);
            if (afterLevel > 0) {
                level = tokenLevel;
                rest = rest.substring(afterLevel);
            }
            message = stripSeparators(rest);
        }
        boolean appTime = timed;
        appClockSeen |= appTime && !rowShape;
        // Once records carry the application's clock, a record with only the wrapper's (docker's, the
        // platform's) is placed by file order: the two clocks need not agree.
        if (!timed && !(appClockSeen && !rowShape)) {
            for (String name : LogFields.TIME) {
                JsonNode v = row.get(name);
                if (v != null && !v.isNull()) {
                    if (time.read(v)) {
                        nanos = time.nanos;
                        precision = time.precision;
                        timed = true;
                        break;
                    }
                    badTime = badTime == null ? LogFields.text(v) : badTime;
                }
            }
        }
        boolean python = row.has("levelno") || LogFields.nested(row, List.of("levelno")) != null;
        Level nestedLevel = rowShape ? null : LogFields.level(LogFields.nested(row, LogFields.LEVEL), python);
        if (nestedLevel != null) {
            level = nestedLevel;
        } else if (level == null) {
            level = LogFields.level(LogFields.field(row, LogFields.LEVEL), python);
        }
        if (level == null) {
            level = rowShape ? Level.INFO : Level.PRINT;
        }
        // A traceback shipped one line per record (by a wrapper that stamps each line) joins the record that
        // opened it, or the error it was logged with.
        if (!rowShape && !appTime && continuesTraceback(message, end)) {
            return;
        }
        if (rowShape || appTime) {
            traceback.reset();
            traceback.continues(message); // a record may end with the header of a traceback its next records carry
        }
        lastFailure = level.isFailure();
        JsonNode metadata = metadata(row.get("metadata"));
        String worker = LogFields.text(LogFields.outerFirst(row, LogFields.WORKER));
        String sourceType = str(row, "source_type");
        String sourceId = str(row, "source_id");
        int ref = unitRef(row);
        if (ref < 0 && metadata != null) {
            ref = ctx.tasks.ref(str(metadata, "task_id"));
        }
        if (ref < 0) {
            String found = TaskIds.findIn(message);
            ref = found != null ? ctx.tasks.ref(found) : -1;
        }
        boolean named = ref >= 0;
        if (ref < 0 && worker != null) {
            ref = currentOfWorker.getOrDefault(worker, -1);
        }
        if (!rowShape) {
            ref = context.attribute(worker, ref, named, message, level);
        }
        if (worker != null && ref >= 0) {
            if (message.contains("Processing ") && message.contains(" task")) {
                currentOfWorker.put(worker, ref);
            } else if (message.contains("Finished task")) {
                currentOfWorker.remove(worker);
            }
            TaskDraft d = ctx.tasks.draftOfRef(ref);
            if (d.workerId.isEmpty() && ("worker".equals(sourceType) || (sourceType == null && !rowShape))) {
                d.workerId = worker;
            }
        }
        int pooled;
        if (rowShape || start < 0) {
            String levelText = LogFields.text(LogFields.field(row, LogFields.LEVEL));
            pooled = text.add(message, rawLine(row, sourceType, sourceId, levelText, message, metadata), line);
        } else {
            pooled = text.addRecord(message, start, end, line);
        }
        lastPooled = pooled;
        if (timed) {
            ctx.timed(nanos, precision, level, ref, pooled);
        } else {
            if (badTime != null && !badTime.isBlank()) {
                ctx.report.note(line, "timestamp not understood, time estimated: " + badTime, null);
            }
            ctx.estimated(level, ref, pooled);
        }
    }

    /**
     * A line of text among structured records (a status line, a comment, a print): an event of its
     * own in file order, at the time it opens with if any, else untimed; a traceback's lines join the
     * line that opened it.
     */
    void textLine(String line, int number, long start, long end) {
        int cut = time.leading(line);
        if (cut < 0 && continuesTraceback(line, end)) {
            return;
        }
        if (cut >= 0) {
            traceback.reset();
            traceback.continues(line);
        }
        String message = line;
        Level level = Level.PRINT;
        if (cut > 0) {
            String rest = line.substring(cut);
            int afterLevel = levelToken(rest);
            if (afterLevel > 0) {
                level = tokenLevel;
                rest = rest.substring(afterLevel);
            }
            message = stripSeparators(rest);
        }
        // A log line names its unit; a status line or a comment around the data only speaks of it.
        String found = cut > 0 ? TaskIds.findIn(message) : null;
        int ref = found != null ? ctx.tasks.ref(found) : -1;
        ref = cut > 0 ? context.attribute(null, ref, ref >= 0, message, level) : -1;
        int pooled = text.addRecord(message, start, end, number);
        lastPooled = pooled;
        lastFailure = level.isFailure();
        if (cut > 0) {
            ctx.timed(time.nanos, time.precision, level, ref, pooled);
        } else {
            ctx.estimated(level, ref, pooled);
        }
    }

    /**
     * Whether a line without a time of its own continues the traceback of the records before it (or
     * opens one right after an error record); if so it was added to that record's event.
     */
    private boolean continuesTraceback(String line, long end) {
        boolean opens = TracebackLines.isHeader(line);
        boolean joins = traceback.continues(line) || (opens && lastFailure);
        if (joins && lastPooled >= 0) {
            text.append(lastPooled, line, end);
            ctx.report.repair(faultline.model.ParseReport.Repair.CONTINUATION);
            return true;
        }
        return false;
    }

    /** The unit of work a record names in a field: task, job, request or prompt id. */
    private int unitRef(JsonNode row) {
        for (String name : LogFields.UNIT) {
            String v = LogFields.text(LogFields.outerFirst(row, List.of(name)));
            if (v != null) {
                int r = ctx.tasks.ref(v);
                if (r >= 0) {
                    return r;
                }
            }
        }
        return -1;
    }

    private static String exceptionText(JsonNode v) {
        if (v == null || v.isNull() || v.isBoolean()) {
            return null;
        }
        if (v.isObject()) {
            String stack = LogFields.text(v.get("stack"));
            if (stack != null) {
                return stack;
            }
            String type = LogFields.text(v.has("type") ? v.get("type") : v.get("name"));
            String msg = LogFields.text(v.get("message"));
            return msg == null ? null : (type == null ? msg : type + ": " + msg);
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode e : v) {
                sb.append(sb.length() == 0 ? "" : "\n").append(e.isValueNode() ? e.asText() : e.toString());
            }
            return sb.length() == 0 ? null : sb.toString();
        }
        return LogFields.text(v);
    }

    private static String withoutTrailingNewline(String s) {
        int n = s.length();
        while (n > 0 && (s.charAt(n - 1) == '\n' || s.charAt(n - 1) == '\r')) {
            n--;
        }
        return n == s.length() ? s : s.substring(0, n);
    }

    private Level tokenLevel;

    /** A level word after a timestamp ({@code  ERROR }, {@code  [INFO] }, {@code  - WARNING - }): the index after it, or -1. */
    private int levelToken(String s) {
        int i = 0;
        int n = s.length();
        while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '-' || s.charAt(i) == '|' || s.charAt(i) == '[' || s.charAt(i) == ':')) {
            i++;
        }
        int w = i;
        while (w < n && Character.isLetter(s.charAt(w))) {
            w++;
        }
        if (w - i < 4) {
            return -1; // single letters and short words are not read as levels inside a message
        }
        Level l = LogFields.word(s.substring(i, w));
        if (l == null || (w < n && s.charAt(w) != ' ' && s.charAt(w) != ']' && s.charAt(w) != ':' && s.charAt(w) != '|')) {
            return -1;
        }
        tokenLevel = l;
        return w < n && s.charAt(w) == ']' ? w + 1 : w;
    }

    private static String stripSeparators(String s) {
        int i = 0;
        while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '-' || s.charAt(i) == '|' || s.charAt(i) == ':')) {
            i++;
        }
        return s.substring(i);
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
    void taskRow(JsonNode state, String parentHint) {
        taskRow(state, parentHint, -1, -1, -1);
    }

    /**
     * A tasks row that is also shown as events of its task, at line of the file (bytes [start, end)
     * when known): its creation, start, processing and last update, the update as the failure when the
     * row says Failed, with its error text. A task known only from its row so has lines to show.
     */
    void taskRow(JsonNode state, String parentHint, int line, long start, long end) {
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
        TaskStatus status = TaskStatus.parse(str(state, "status"));
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
        } else if (updated != null && StatusEvidence.ends(status)) {
            d.ended = updated;
        }
        d.rowStatus(status, updated, processed, d.started, d.created, worker);
        String error = str(state, "error_message");
        if (error != null && !error.equalsIgnoreCase("None")) {
            d.errorMessage = error;
        }
        if (line >= 0) {
            rowEvents(d, status, error == null || error.equalsIgnoreCase("None") ? "" : error, stamp(state, "created_at", null),
                    stamp(state, "generation_started_at", null), processed, updated, line, start, end);
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
            String dependsOn = str(params, "dependant_on");
            if (dependsOn != null && d.parentId.isEmpty() && TaskIds.isFull(dependsOn)) {
                d.parentId = dependsOn.toLowerCase(java.util.Locale.ROOT);
            }
            String run = str(params, "run_id");
            if (run != null) {
                d.runId = run;
            }
        }
        String dependsOn = str(state, "dependant_on");
        if (d.parentId.isEmpty() && dependsOn != null) {
            java.util.regex.Matcher m = TaskIds.UUID.matcher(dependsOn);
            if (m.find() && !m.group().equalsIgnoreCase(d.id)) {
                d.parentId = m.group().toLowerCase(java.util.Locale.ROOT);
            }
        }
        if (d.parentId.isEmpty() && parentHint != null && !parentHint.equals(d.id)) {
            d.parentId = parentHint;
        }
    }

    private void rowEvents(TaskDraft d, TaskStatus status, String error, Stamp created, Stamp started, Stamp processed, Stamp updated,
                           int line, long start, long end) {
        int ref = ctx.tasks.ref(d.id);
        rowEvent(created, "Task created (tasks.created_at)", Level.INFO, ref, line, start, end);
        rowEvent(started, "tasks.generation_started_at", Level.INFO, ref, line, start, end);
        rowEvent(processed, "tasks.generation_processed_at", Level.INFO, ref, line, start, end);
        String withError = error.isEmpty() ? "" : ": " + error;
        switch (status) {
            case FAILED: {
                String msg = "Task failed (tasks.updated_at)" + withError;
                if (updated != null || processed != null) {
                    rowEvent(updated != null ? updated : processed, msg, Level.ERROR, ref, line, start, end);
                } else {
                    ctx.estimated(Level.ERROR, ref, pooled("Task failed (tasks.status)" + withError, line, start, end));
                }
                break;
            }
            case COMPLETE:
                rowEvent(updated, "Task complete (tasks.updated_at)", Level.INFO, ref, line, start, end);
                break;
            case CANCELLED:
                rowEvent(updated, "Task cancelled (tasks.updated_at)" + withError, Level.WARNING, ref, line, start, end);
                break;
            default:
                rowEvent(updated, "tasks.updated_at (status: " + status.label() + ")", Level.INFO, ref, line, start, end);
        }
    }

    private void rowEvent(Stamp at, String message, Level level, int ref, int line, long start, long end) {
        if (at != null) {
            ctx.timed(at.nanos() - ctx.offsetNanos, at.precision(), level, ref, pooled(message, line, start, end));
        }
    }

    private int pooled(String message, int line, long start, long end) {
        return start >= 0 ? text.addRecord(message, start, end, line) : text.add(message, message, line);
    }

    private Stamp stamp(JsonNode node, String field, Stamp fallback) {
        JsonNode v = node.get(field);
        if (v == null || !time.read(v)) {
            return fallback;
        }
        return new Stamp(time.nanos + ctx.offsetNanos, time.precision, false);
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
