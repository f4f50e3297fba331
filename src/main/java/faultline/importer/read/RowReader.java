package faultline.importer.read;

import faultline.text.Prose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import faultline.importer.LogRow;
import faultline.importer.ReadContext;
import faultline.importer.merge.StatusEvidence;
import faultline.importer.merge.TaskDraft;
import faultline.importer.merge.TaskIds;
import faultline.importer.merge.UnitContext;
import faultline.importer.merge.UnitVocabulary;
import faultline.model.Level;
import faultline.model.ParamValue;
import faultline.model.Stamp;
import faultline.model.TaskStatus;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns structured records into events and task facts: log records of any schema (what they say is
 * read by {@link RecordFields}), system_logs rows, tasks rows, and lines of text between records; each
 * record goes to the unit it names, else to the one its writer is on. Shared by the structured
 * readers (JSON, CSV, a database) so that all treat a row the same way.
 */
public final class RowReader {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReadContext ctx;
    private final PooledText text;
    private final RecordFields fields;
    private final JsonTime time;
    /** The task each worker is processing, for rows that carry no task id. */
    private final Map<String, Integer> currentOfWorker = new HashMap<>();
    private final TracebackLines traceback = new TracebackLines();
    /** A structured record was read: text lines after it may be the output of the unit it took on. */
    private boolean recordsSeen;
    private final UnitContext context = new UnitContext();
    /** Events of tasks rows not yet known to be needed. */
    private final List<RowEvent> pending = new java.util.ArrayList<>();
    private boolean logsSeen;
    /** A system_logs row or a tasks row was read: the file is the worker system's export, not another program's log. */
    private boolean systemRows;
    /** The pooled text of the last record, which a traceback's next line may continue. */
    private int lastPooled = -1;
    /** The last record was an error: a traceback right after it is the one it was logged with. */
    private boolean lastFailure;

    public RowReader(ReadContext ctx, PooledText text) {
        this.ctx = ctx;
        this.text = text;
        this.fields = new RecordFields(ctx.time);
        this.time = fields.time();
    }

    /** Whether a system_logs row or a tasks row was read, not only other programs' records. */
    public boolean sawSystemRows() {
        return systemRows;
    }

    /** One system_logs row; line is where it starts in the file. */
    public void logRow(JsonNode row, int line) {
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
        RecordFields.Read r = fields.read(row);
        if (r == null) {
            ctx.report.unparsed(line, Prose.get("import.row.empty"), row.toString());
            return;
        }
        logsSeen();
        if (r.whole()) {
            ctx.report.note(line, Prose.get("import.row.no-message-field"), null);
        }
        String message = r.message();
        Level level = r.level();
        boolean rowShape = r.rowShape();
        systemRows |= rowShape;
        // A traceback shipped one line per record (by a wrapper that stamps each line) joins the record that
        // opened it, or the error it was logged with.
        if (!rowShape && !r.appTime() && continuesTraceback(message, end)) {
            return;
        }
        if (rowShape || r.appTime()) {
            traceback.reset();
            traceback.continues(message); // a record may end with the header of a traceback its next records carry
        }
        lastFailure = level.isFailure();
        JsonNode metadata = metadata(row.get("metadata"));
        String worker = LogFields.text(LogFields.outerFirst(row, LogFields.WORKER));
        String sourceType = str(row, "source_type");
        String sourceId = str(row, "source_id");
        int fieldRef = unitRef(row);
        if (fieldRef >= 0 && LogFields.outerFirst(row, JID) != null) {
            sidekiqJob(row, fieldRef, message, r.timed() ? new faultline.model.Stamp(r.nanos(), r.precision(), false) : null);
        }
        int ref = attribute(message, fieldRef, metadata, worker, sourceType, !rowShape, level);
        if (fieldRef < 0) {
            int reported = reportedJob(row, message, level);
            ref = reported >= 0 ? reported : ref;
        }
        if (fieldRef >= 0 && r.timed() && UnitVocabulary.claimsInRecord(message)) {
            // A record naming its unit in a field that takes it on ("starting prediction"): under way from then on.
            TaskDraft d = ctx.tasks.draftOfRef(fieldRef);
            if (d.started == null) {
                d.started = new faultline.model.Stamp(r.nanos(), r.precision(), false);
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
        boolean opens = !rowShape && TracebackLines.isHeader(message);
        if (opens && !level.isFailure() && level != Level.WARNING) {
            level = Level.ERROR; // a traceback is an error whatever stream or level the line was shipped with
        }
        int ev;
        if (r.timed()) {
            ev = ctx.timed(r.nanos(), r.precision(), level, ref, pooled);
        } else {
            if (r.badTime() != null && !r.badTime().isBlank()) {
                ctx.report.note(line, Prose.format("import.row.bad-time", r.badTime()), null);
            }
            ev = ctx.estimated(level, ref, pooled);
        }
        seen(ev, ref, opens);
    }

    /** Tracebacks of no unit, in file order: the last may be the worker's crash. */
    private final List<Integer> crashes = new java.util.ArrayList<>();
    /** A unit was named before the event of this index: a traceback after it is not a crash before any claim. */
    private int firstUnitEvent = -1;

    /** An event read: the first of a unit ends the time a traceback could be a crash before any claim; opens: it is a traceback. */
    private void seen(int ev, int ref, boolean opens) {
        if (ev < 0 || firstUnitEvent >= 0) {
            return;
        }
        if (ref >= 0) {
            firstUnitEvent = ev;
        } else if (opens) {
            crashes.add(ev);
        }
    }

    /** How many events may follow a traceback that the process did not outlive. */
    private static final int CRASH_TAIL = 12;

    /**
     * A process that crashed before it took any unit on (a container's traceback at its end, shipped a line per
     * record) is a failed unit of its own, as in a text log.
     */
    void finishCrashes() {
        int end = ctx.events.size();
        crashes.removeIf(c -> end - 1 - c > CRASH_TAIL || ctx.events.task(c) >= 0);
        if (!crashes.isEmpty()) {
            faultline.importer.merge.WorkerUnit.assign(ctx, crashes);
        }
    }

    /**
     * A system_logs row of a {@link RowSource}, its time already read; its text stays with the
     * source, which knows it by textRef. Attributed to a task exactly as a row of a JSON export.
     */
    public void logRow(LogRow row, long textRef, int line) {
        if (row.message() == null) {
            ctx.report.unparsed(line, Prose.get("import.row.no-message"), null);
            return;
        }
        // The metadata only matters for a row without a task id of its own: parse it only then.
        JsonNode metadata = row.taskId() != null || row.metadata() == null || row.metadata().equals("{}")
                ? null : metadata(TextNode.valueOf(row.metadata()));
        Level level = level(row.level());
        int ref = attribute(row.message(), ctx.tasks.ref(row.taskId()), metadata, row.workerId(), row.sourceType(), false, level);
        ctx.timed(row.nanos(), row.precision(), level, ref, textRef);
    }

    private static Level level(String levelText) {
        Level level = levelText == null ? Level.INFO : Level.parse(levelText);
        return level == null ? Level.INFO : level;
    }

    /**
     * The task ref of a row: the unit its fields name, else the metadata's task, else an id in the
     * message, else the worker's current task. A record of another schema than system_logs (generic)
     * goes by what its writer claimed ({@link UnitContext}).
     */
    private int attribute(String message, int fieldRef, JsonNode metadata, String worker, String sourceType, boolean generic,
                          Level level) {
        recordsSeen = true;
        int ref = fieldRef;
        boolean spokenOf = false;
        if (ref < 0 && metadata != null) {
            ref = ctx.tasks.ref(str(metadata, "task_id"));
        }
        if (ref < 0 && generic) {
            String workerUnit = TaskIds.workerUnitIn(message);
            if (workerUnit != null) {
                ref = ctx.tasks.ref(workerUnit);
                spokenOf = true; // an orchestrator spawns and stops workers; it does not run them
                TaskDraft w = ctx.tasks.draftOfRef(ref);
                if (w.type.isEmpty()) {
                    w.type = "worker";
                }
            }
        }
        if (ref < 0) {
            String found = TaskIds.findIn(message);
            ref = found != null ? ctx.tasks.ref(found) : -1;
        }
        if (ref < 0 && generic) {
            ref = unitByNoun(message);
        } else if (ref >= 0 && generic) {
            kindFromWords(message, ref);
        }
        boolean named = ref >= 0;
        if (ref < 0 && worker != null) {
            ref = currentOfWorker.getOrDefault(worker, -1);
        }
        if (generic && !spokenOf) {
            ref = context.attribute(worker, ref, named, message, level);
        }
        if (worker != null && ref >= 0) {
            if (message.contains(" task") && UnitVocabulary.processingTakesOn(message)) {
                currentOfWorker.put(worker, ref);
            } else if (message.contains("Finished task")) {
                currentOfWorker.remove(worker);
            }
            TaskDraft d = ctx.tasks.draftOfRef(ref);
            if (d.workerId.isEmpty() && ("worker".equals(sourceType) || (sourceType == null && generic))) {
                d.workerId = worker;
            }
        }
        return ref;
    }

    private final UnitVocabulary vocabulary = new UnitVocabulary();

    /**
     * The kind of a unit a record names by its UUID, from the word before it ({@code job <uuid> claimed}, {@code request
     * <uuid>}), as a text log's line gives it: a record's id field says only that it is a unit, its words say which.
     */
    private void kindFromWords(String message, int ref) {
        TaskDraft d = ctx.tasks.draftOfRef(ref);
        if (!d.type.isEmpty() || message.indexOf('-') < 0) {
            return;
        }
        byte[] b = message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (vocabulary.find(b, 0, b.length) && !UnitVocabulary.TASK.equals(vocabulary.kind)
                && vocabulary.id(b).equalsIgnoreCase(d.id)) {
            d.type = vocabulary.kind;
        }
    }
    /** Units named by a noun and a number, by their id in lower case: "Job 12" and "job 12" are one. */
    private final Map<String, Integer> numbered = new HashMap<>();

    /**
     * A unit a record's message names by its noun ({@code job 12}, {@code request abc123}, {@code prompt 7}),
     * as a text log's line would: a generic schema's record often has no id field, only the words.
     */
    private int unitByNoun(String message) {
        byte[] b = message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (!vocabulary.find(b, 0, b.length) || !vocabulary.named) {
            return -1;
        }
        String id = vocabulary.id(b);
        String key = id.toLowerCase(java.util.Locale.ROOT);
        Integer known = numbered.get(key);
        if (known != null) {
            return known;
        }
        int ref = ctx.tasks.ref(id);
        if (ref >= 0) {
            numbered.put(key, ref);
            TaskDraft d = ctx.tasks.draftOfRef(ref);
            if (d.type.isEmpty() && !UnitVocabulary.TASK.equals(vocabulary.kind)) {
                d.type = vocabulary.kind;
            }
        }
        return ref;
    }

    /**
     * A line of text among structured records (a status line, a comment, a print): an event of its
     * own in file order, at the time it opens with if any, else untimed; a traceback's lines join the
     * line that opened it.
     */
    void textLine(String line, int number, long start, long end) {
        flushRowEvents();
        RecordFields.Read r = fields.line(line);
        if (!r.timed() && continuesTraceback(line, end)) {
            return;
        }
        boolean opens = TracebackLines.isHeader(line);
        if (r.timed() || opens) {
            traceback.reset();
            traceback.continues(line);
        }
        // A log line names its unit; a status line or a comment around the data only speaks of it. A print between
        // records once they took a unit on (a predictor's output, its bars, its traceback) is that unit's.
        String found = r.timed() ? TaskIds.findIn(r.message()) : null;
        int ref = found != null ? ctx.tasks.ref(found) : -1;
        Level level = opens && !r.level().isFailure() ? Level.ERROR : r.level();
        ref = r.timed() ? context.attribute(null, ref, ref >= 0, r.message(), level)
                : recordsSeen ? context.attribute(null, -1, false, r.message(), Level.INFO) : -1;
        int pooled = text.addRecord(r.message(), start, end, number);
        lastPooled = pooled;
        lastFailure = level.isFailure();
        int ev = r.timed() ? ctx.timed(r.nanos(), r.precision(), level, ref, pooled) : ctx.estimated(level, ref, pooled);
        seen(ev, ref, opens);
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

    private static final List<String> JID = List.of(LogFields.JID);
    private static final List<String> CLASS = List.of("class");

    /** The job Sidekiq's error handler reports on, and the thread and level of its report, while it goes on. */
    private int reportRef = -1;
    private String reportTid;
    private Level reportLevel;

    /**
     * The job of a record of Sidekiq's error handler, which names no jid in its "ctx": its context JSON names the job
     * ({@code {"context":"Job raised exception","job":{…"jid":…}}}), and the records right after it on the same thread
     * and at its level (the exception's class and message, the backtrace) are that job's too; -1 for any other record.
     */
    private int reportedJob(JsonNode row, String message, Level level) {
        String tid = LogFields.text(row.get("tid"));
        if (tid == null) {
            return -1;
        }
        byte[] b = message.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        if (faultline.importer.merge.JobReport.isContext(b, 0, b.length)) {
            String jid = faultline.importer.merge.JobReport.jid(b, 0, b.length);
            reportRef = jid == null ? -1 : ctx.tasks.ref(jid);
            reportTid = tid;
            reportLevel = level;
            return reportRef;
        }
        if (reportRef >= 0 && tid.equals(reportTid) && level == reportLevel) {
            return reportRef;
        }
        reportRef = -1;
        return -1;
    }

    /**
     * A record Sidekiq's JSON formatter writes about a job, named by the jid in its "ctx": the job's type is the worker
     * class beside the jid, and the job logger's bare words ("start", "done", "fail") are its steps, which name no
     * unit in their text as the general words of other layouts need.
     */
    private void sidekiqJob(JsonNode row, int ref, String message, faultline.model.Stamp at) {
        TaskDraft d = ctx.tasks.draftOfRef(ref);
        String cls = d.type.isEmpty() ? LogFields.text(LogFields.outerFirst(row, CLASS)) : null;
        if (cls != null && !cls.isEmpty() && Character.isUpperCase(cls.charAt(0))) {
            d.type = cls;
        }
        switch (message.strip()) {
            case "start" -> d.startedAgain(at, "");
            case "done" -> d.lineStatus(faultline.model.TaskStatus.COMPLETE, at, "");
            case "fail" -> d.lineStatus(faultline.model.TaskStatus.FAILED, at, "");
            default -> {
            }
        }
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
        JsonNode rank = row.path("span").path("rank");
        if (rank.isInt()) {
            // A tracing span's rank (TGI's --json-output: "span":{"rank":1,"name":"shard-manager"}): the shard the
            // record is about, the one its launcher's "Shard 1 failed to start" names.
            return unitByNoun("Shard " + rank.asInt());
        }
        return -1;
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
        taskRow(state, parentHint, -1, -1, -1);
    }

    /**
     * A tasks row that is also shown as events of its task, at line of the file (bytes [start, end)
     * when known): its creation, start, processing and last update, the update as the failure when the
     * row says Failed, with its error text — in a file of tasks rows alone, so that a task known only
     * from its row has lines to show; a file that brings the tasks' log rows too (a snapshot) has them
     * as its lines instead.
     */
    void taskRow(JsonNode state, String parentHint, int line, long start, long end) {
        systemRows = true;
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
            if (run == null) {
                run = str(params, "orchestrator_run_id");
            }
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
                } else if (!logsSeen) {
                    pending.add(new RowEvent(null, "Task failed (tasks.status)" + withError, Level.ERROR, ref, line, start, end));
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

    /** A tasks row's time as an event, held until the file shows whether it brings its own log rows. */
    private record RowEvent(Stamp at, String message, Level level, int ref, int line, long start, long end) {
    }

    /**
     * The row events held so far become events: a file of tasks rows alone (a printout, a CSV of the
     * table) has no other lines for its tasks. Called before a line of text and at the end of the file,
     * so that events stay in file order.
     */
    void flushRowEvents() {
        for (RowEvent e : pending) {
            int pooled = pooled(e.message(), e.line(), e.start(), e.end());
            if (e.at() == null) {
                ctx.estimated(e.level(), e.ref(), pooled);
            } else {
                ctx.timed(e.at().nanos() - ctx.offsetNanos, e.at().precision(), e.level(), e.ref(), pooled);
            }
        }
        pending.clear();
    }

    /** The file brings log rows (a snapshot of tasks and their rows): they are the tasks' lines, not the rows' times. */
    private void logsSeen() {
        logsSeen = true;
        pending.clear();
    }

    private void rowEvent(Stamp at, String message, Level level, int ref, int line, long start, long end) {
        if (at != null && !logsSeen) {
            pending.add(new RowEvent(at, message, level, ref, line, start, end));
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
