package faultline.importer.read;

import faultline.text.Prose;

import faultline.importer.ImportException;
import faultline.importer.Lines;
import faultline.importer.ReadContext;
import faultline.importer.Sample;
import faultline.importer.SourceReader;
import faultline.importer.merge.TaskDraft;
import faultline.importer.merge.TaskIds;
import faultline.importer.time.TimeParser;
import faultline.model.Level;
import faultline.model.SourceFormat;
import faultline.model.SourceText;
import faultline.model.Stamp;
import faultline.model.TaskStatus;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Printouts of tasks rows: the debug script's "Task Details" ({@code created_at: …}, {@code status: …})
 * and generated failure reports ({@code Task 1: <id>}, {@code Created: …}, {@code Failed: …},
 * {@code Error: …}), with the worker-log excerpts they quote. Each row field with a time becomes an
 * event of the task; quoted log lines are read as console lines dated by the task's creation.
 */
public final class TaskReportReader implements SourceReader {
    private static final Pattern REPORT_KEY = Pattern.compile(
            "^\\s*+(?:[^\\w\\s]++\\s*+)?(?:- \\*\\*)?(task_type|status|created_at|updated_at|generation_started_at|Created|Failed|Worker|Error|Attempts|Category)(?:\\*\\*)?:");

    @Override
    public SourceFormat format() {
        return SourceFormat.TASK_REPORT;
    }

    /** Several task-row keys ({@code status:}, {@code Created:}…) and a task id, and not a console capture. */
    @Override
    public double fit(Sample sample) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        String firstBracketed = "";
        for (String line : sample.lines()) {
            Matcher m = REPORT_KEY.matcher(line);
            if (m.lookingAt()) {
                keys.add(m.group(1).toLowerCase(Locale.ROOT));
            }
            if (firstBracketed.isEmpty() && line.startsWith("[")) {
                firstBracketed = line;
            }
        }
        if (keys.size() < 3 || !TaskIds.UUID.matcher(sample.text()).find() || ConsoleReader.CONSOLE.matcher(firstBracketed).matches()) {
            return 0;
        }
        return Math.min(0.9, 0.5 + keys.size() * 0.08);
    }

    private static final Pattern TASK_START = Pattern.compile(
            "^(?:.*?\\bTask \\d+: |\\s*id: |\\s*-\\s*)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?::\\s*(.*))?$");
    private static final Pattern KEY_VALUE = Pattern.compile("^\\s*(?:[-*]\\s*)?(?:\\*\\*)?([A-Za-z_][A-Za-z_ ()]*?)(?::\\*\\*|\\*\\*:|:)\\s+(.*)$");
    private static final Pattern WORKER_SECTION = Pattern.compile("Worker Status:|Worker Log|Orchestrator Log|Timing Analysis|Metadata:");
    private static final Pattern QUOTED_LINE = Pattern.compile("^\\s*\\[\\s*\\d+\\] (.*)$");
    private static final Pattern STATUS_AND_TYPE = Pattern.compile("^(Queued|In Progress|Complete|Failed|Cancelled)(?: \\((\\w+)\\))?");
    private static final Pattern WORKER_ID = Pattern.compile("gpu-\\d{8}_\\d{6}-[0-9a-f]{8}");

    @Override
    public SourceText read(ReadContext ctx) throws ImportException {
        PooledText text = new PooledText();
        Lines lines = new Lines(ctx.content, ctx.report, null);
        TimeParser.Parsed parsed = new TimeParser.Parsed();
        TaskDraft task = null;
        PrintedRow row = new PrintedRow();
        int ref = -1;
        boolean inWorker;
        int found = 0;
        while (lines.next()) {
            String raw = lines.text;
            String t = raw.strip();
            int line = (int) lines.number;
            if (t.isEmpty()) {
                continue;
            }
            Matcher start = TASK_START.matcher(raw);
            if (start.matches()) {
                row.flush(task);
                ref = ctx.tasks.ref(start.group(1));
                task = ctx.tasks.draft(start.group(1));
                found++;
                if (start.group(2) != null) {
                    Matcher st = STATUS_AND_TYPE.matcher(start.group(2));
                    if (st.find()) {
                        row.status = TaskStatus.parse(st.group(1));
                        if (st.group(2) != null && task.type.isEmpty()) {
                            task.type = st.group(2);
                        }
                    }
                }
                continue;
            }
            if (WORKER_SECTION.matcher(t).find()) {
                // A worker's row, or a block that restates the task's times: its keys are not the task's.
                inWorker = t.contains("Worker Status") || t.contains("Metadata") || t.contains("Timing Analysis");
                if (inWorker) {
                    row.flush(task);
                    task = null;
                    ref = -1;
                }
                continue;
            }
            if (task == null) {
                continue;
            }
            Matcher q = QUOTED_LINE.matcher(raw);
            if (q.matches()) {
                quoted(ctx, text, q.group(1), raw, line, ref, task, parsed);
                continue;
            }
            Matcher kv = KEY_VALUE.matcher(raw);
            if (kv.matches()) {
                field(ctx, text, task, row, ref, kv.group(1).trim().toLowerCase(Locale.ROOT), kv.group(2).strip(), raw, line, parsed);
            }
        }
        row.flush(task);
        ctx.finish();
        if (found == 0) {
            throw new ImportException(Prose.format("import.task-report.no-task", ctx.path.getFileName()));
        }
        return text;
    }

    /** The status of one printed row and the times it is as of, stated to the task when the row ends. */
    private static final class PrintedRow {
        TaskStatus status = TaskStatus.UNKNOWN;
        Stamp updated;
        Stamp processed;
        String worker;

        void flush(TaskDraft task) {
            if (task != null && status != TaskStatus.UNKNOWN) {
                task.rowStatus(status, updated, processed, task.started, task.created, worker);
            }
            status = TaskStatus.UNKNOWN;
            updated = null;
            processed = null;
            worker = null;
        }
    }

    private static void field(ReadContext ctx, PooledText text, TaskDraft task, PrintedRow row, int ref, String key, String value, String raw,
                              int line, TimeParser.Parsed parsed) {
        String v = value.replace("**", "").strip();
        boolean none = v.equalsIgnoreCase("None") || v.equalsIgnoreCase("null") || v.isEmpty();
        switch (key) {
            case "task_type": case "type":
                task.type = v;
                break;
            case "status":
                row.status = TaskStatus.parse(v);
                break;
            case "worker_id": case "worker": {
                Matcher w = WORKER_ID.matcher(v);
                if (w.find()) {
                    task.workerId = w.group();
                    row.worker = w.group();
                }
                break;
            }
            case "error_message": case "error":
                if (!none) {
                    task.errorMessage = v;
                }
                break;
            case "created_at": case "created":
                task.created = event(ctx, text, ref, v, "Task created (tasks.created_at)", Level.INFO, raw, line, parsed, task.created);
                break;
            case "generation_started_at": case "generation started": case "started":
                task.started = event(ctx, text, ref, v, "tasks.generation_started_at", Level.INFO, raw, line, parsed, task.started);
                break;
            case "generation_processed_at":
                task.ended = event(ctx, text, ref, v, "tasks.generation_processed_at", Level.INFO, raw, line, parsed, task.ended);
                row.processed = task.ended;
                break;
            case "failed": case "updated (failed)": {
                row.status = TaskStatus.FAILED;
                String msg = "Task failed (tasks.updated_at)" + (task.errorMessage.isEmpty() ? "" : ": " + task.errorMessage);
                task.ended = event(ctx, text, ref, v, msg, Level.ERROR, raw, line, parsed, task.ended);
                row.updated = task.ended;
                break;
            }
            case "updated_at":
                row.updated = event(ctx, text, ref, v, "tasks.updated_at", Level.INFO, raw, line, parsed, null);
                break;
            default:
                break;
        }
    }

    /** A row field with a time: an event of the task, and the stamp for the task. */
    private static Stamp event(ReadContext ctx, PooledText text, int ref, String value, String message, Level level, String raw,
                               int line, TimeParser.Parsed parsed, Stamp fallback) {
        if (!ctx.time.parseDateTime(value, 0, parsed)) {
            return fallback;
        }
        ctx.timed(parsed.nanos, parsed.precision, level, ref, text.add(message, raw, line));
        return new Stamp(parsed.nanos + ctx.offsetNanos, parsed.precision, false);
    }

    /** A worker-log line the report quotes: a console line, dated by the task's creation. */
    private static void quoted(ReadContext ctx, PooledText text, String body, String raw, int line, int ref, TaskDraft task,
                               TimeParser.Parsed parsed) {
        Matcher c = ConsoleReader.CONSOLE.matcher(body);
        int r = ref;
        String msg = ConsoleReader.message(body);
        if (c.matches()) {
            int tagged = c.group(4) == null ? -1 : ctx.tasks.ref(c.group(4));
            r = tagged >= 0 ? tagged : ref;
            if (task.created != null) {
                long day = Math.floorDiv(task.created.nanos(), 86_400_000_000_000L);
                int tod = TimeParser.timeOfDay(c.group(1), 0);
                long nanos = ctx.time.localToNanos(day, tod * 1_000_000_000L);
                if (nanos < task.created.nanos() - 12 * 3_600_000_000_000L) {
                    nanos += 86_400_000_000_000L;
                }
                ctx.timed(nanos - ctx.offsetNanos, 0, ConsoleReader.levelOf(c.group(2)), r, text.add(msg, raw, line));
                return;
            }
        }
        ctx.estimated(Level.PRINT, r, text.add(msg, raw, line));
    }
}
