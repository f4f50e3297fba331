package faultline.importer.merge;

import faultline.model.EventStore;
import faultline.model.Level;
import faultline.model.SourceText;
import faultline.model.Stamp;
import faultline.model.TaskStatus;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills what the log lines say about a task where no tasks row did: its type, status, creation,
 * start, end, error and parent. Reads only the first and last lines of a task and its first
 * failures, so that a task of a million lines costs no more than one of a hundred: the task list of
 * a 10-million-line file is ready without decoding the file twice.
 */
public final class TaskFacts {
    private static final int EDGE = 12;
    private static final int MAX_FAILURES = 4;
    private static final Pattern TYPE = Pattern.compile("Found task of type: (\\w+)|Processing (\\w+) task\\b|\\(type=(\\w+)|task_type='(\\w+)'");
    private static final Pattern ORCHESTRATOR = Pattern.compile("\"orchestrator_task_id(?:_ref)?\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern STATUS_IN_META = Pattern.compile("\"status\"\\s*:\\s*\"([A-Za-z ]+)\"");
    private static final Pattern ERROR_TEXT = Pattern.compile(
            "(?:\\[TASK_ERROR\\].*?: |Generation failed: |Failed during [^:]+: |Task failed\\. Output: )(.+)$");
    private static final Pattern CREATED = Pattern.compile("^(?:Task created successfully|Creating task)");
    private static final Pattern STARTED = Pattern.compile("(?:^|: )Processing \\w+ task$");

    private TaskFacts() {
    }

    public static void fill(TaskDraft d, int[] rows, EventStore.Builder b, List<SourceText> texts) {
        int n = rows.length;
        boolean dups = b.hasDuplicates();
        int failures = 0;
        for (int k = 0; k < n; k++) {
            if (k == EDGE && n - EDGE > k) {
                // The middle: only its first few failures are read, found from the level column alone.
                int j = k;
                while (j < n - EDGE && failures < MAX_FAILURES) {
                    if (b.failureLevel(rows[j]) && !(dups && b.isDuplicate(rows[j]))) {
                        read(d, rows[j], b, texts);
                        failures++;
                    }
                    j++;
                }
                k = n - EDGE - 1;
                continue;
            }
            if (dups && b.isDuplicate(rows[k])) {
                continue;
            }
            read(d, rows[k], b, texts);
        }
        if (d.status == TaskStatus.UNKNOWN && d.started != null) {
            d.status = TaskStatus.IN_PROGRESS;
        }
    }

    private static void read(TaskDraft d, int r, EventStore.Builder b, List<SourceText> texts) {
        SourceText t = texts.get(b.source(r));
        String msg = faultline.model.MessageText.withoutComponent(t.message(b.ref(r), b.extent(r)).strip());
        Stamp when = new Stamp(b.nanos(r), b.precision(r), b.estimated(r));
        if (d.type.isEmpty()) {
            Matcher m = TYPE.matcher(msg);
            if (m.find()) {
                String type = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
                if (!type.equals("status")) {
                    d.type = type;
                }
            }
        }
        if (d.created == null && CREATED.matcher(msg).find()) {
            d.created = when;
        }
        if (d.started == null && STARTED.matcher(msg).find()) {
            d.started = when;
        }
        if (!d.statusFromRow) {
            TaskStatus s = statusOf(msg, t, b, r, d.id);
            if (s != null) {
                d.status = s;
                if (s == TaskStatus.FAILED || s == TaskStatus.COMPLETE) {
                    d.ended = d.ended == null ? when : d.ended;
                }
            }
        }
        if (d.errorMessage.isEmpty() && b.level(r).isFailure()) {
            Matcher e = ERROR_TEXT.matcher(msg.lines().findFirst().orElse(""));
            if (e.find()) {
                d.errorMessage = e.group(1).trim();
            }
        }
        if (d.parentId.isEmpty() && msg.contains("orchestrator")) {
            Matcher o = ORCHESTRATOR.matcher(t.raw(b.ref(r), b.extent(r)));
            if (o.find() && !o.group(1).equals(d.id)) {
                d.parentId = o.group(1);
            }
        }
    }


    private static TaskStatus statusOf(String msg, SourceText t, EventStore.Builder b, int r, String id) {
        if (msg.contains("Finished task (Success: False)") || msg.contains("[TASK_ERROR]") || msg.contains("Cascaded failed from related task")
                || msg.startsWith("Task failed") || msg.contains("] Task failed")
                || (b.failureLevel(r) && msg.startsWith("Failed during"))) {
            return TaskStatus.FAILED;
        }
        if (msg.contains("Finished task (Success: True)") || msg.contains("Task completed successfully")) {
            return TaskStatus.COMPLETE;
        }
        if (msg.startsWith("Processing status update") || msg.startsWith("Task status updated")) {
            Matcher m = STATUS_IN_META.matcher(t.raw(b.ref(r), b.extent(r)));
            if (m.find()) {
                TaskStatus s = TaskStatus.parse(m.group(1));
                return s == TaskStatus.UNKNOWN ? null : s;
            }
        }
        if (b.level(r) == Level.CRITICAL && msg.contains("exception")) {
            return TaskStatus.FAILED;
        }
        boolean traceback = msg.contains("Traceback (most recent call last)");
        if (traceback && !b.failureLevel(r)) {
            return null; // a traceback logged as a warning was handled
        }
        return UnitVocabulary.statusOf(msg, names(msg, id));
    }

    /** Whether the message names the unit: its id, or the 8-hex start of a UUID. */
    private static boolean names(String msg, String id) {
        if (msg.contains(id)) {
            return true;
        }
        return id.length() == 36 && msg.contains(id.substring(0, 8));
    }
}
