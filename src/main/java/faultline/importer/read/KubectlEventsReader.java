package faultline.importer.read;

import faultline.importer.ImportException;
import faultline.importer.Lines;
import faultline.importer.ReadContext;
import faultline.importer.Sample;
import faultline.importer.SourceReader;
import faultline.importer.merge.TaskDraft;
import faultline.model.Level;
import faultline.model.SourceFormat;
import faultline.model.SourceText;
import faultline.model.TaskStatus;
import faultline.text.Prose;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code kubectl get events} as a table: a header ({@code LAST SEEN   TYPE   REASON   OBJECT   MESSAGE}, with
 * {@code NAMESPACE} first under {@code -A}, and {@code SUBOBJECT}, {@code SOURCE}, {@code FIRST SEEN}, {@code COUNT},
 * {@code NAME} under {@code -o wide}) whose columns kubectl aligns, then a row an event. The object a row is about
 * ({@code pod/web-7f9c}, {@code job.batch/nightly}, {@code node/gpu-3}) is the unit, by its name, its kind the unit's
 * type (a pod's name is the one its logs and its job's lines give it); a Warning whose reason says the
 * object's work failed (BackOff, Failed…, OOMKilling, Evicted) fails it with the row's message as its error. Ages
 * ({@code 5m}, {@code 2m30s}, {@code <unknown>}) are relative to when the command ran: rows keep the file's order.
 * {@code kubectl describe}'s Events section ({@code Type  Reason  Age  From  Message}) is read the same way, its rows
 * about the object the description opens with ({@code Name:}); what the description says of its containers' states
 * before that ({@link DescribedStates}) is the pod's too, and a termination's cause is its error.
 */
public final class KubectlEventsReader implements SourceReader {
    public static final SourceFormat FORMAT = new SourceFormat("KUBECTL_EVENTS", Prose.get("format.KUBECTL_EVENTS"));

    @Override
    public SourceFormat format() {
        return FORMAT;
    }

    /** The file opens on the table's header. */
    @Override
    public double fit(Sample sample) {
        boolean described = false;
        for (String line : sample.lines()) {
            if (line.isBlank()) {
                continue;
            }
            if (!described && EventTable.of(line) != null) {
                return 0.95;
            }
            if (!described && !line.startsWith("Name:")) {
                return 0;
            }
            described = true; // kubectl describe: "Name:" first, its Events section further down
            if (EventTable.ofDescribed(line) != null || (line.startsWith("Events:") && line.substring(7).strip().equals("<none>"))) {
                return 0.9;
            }
        }
        return 0;
    }

    @Override
    public SourceText read(ReadContext ctx) throws ImportException {
        PooledText text = new PooledText();
        Lines lines = new Lines(ctx.content, ctx.report, null);
        EventTable table = null;
        Map<Integer, Outcome> outcomes = new LinkedHashMap<>();
        Map<String, Integer> refs = new HashMap<>();
        int rows = 0;
        String described = "";
        Map<Integer, DescribedStates> states = new LinkedHashMap<>();
        DescribedStates state = null;
        while (lines.next()) {
            String raw = lines.text;
            int line = (int) lines.number;
            if (raw.isBlank()) {
                continue;
            }
            EventTable header = EventTable.of(raw);
            if (header == null) {
                header = EventTable.ofDescribed(raw);
            }
            if (header != null) {
                table = header; // another listing's header: its own column widths
                continue;
            }
            if (raw.startsWith("Name:")) {
                described = raw.substring(5).strip(); // kubectl describe: the object its Events section is about
                table = null;
                state = described.isEmpty() ? null : states.computeIfAbsent(refs.computeIfAbsent(described, ctx.tasks::ref), r -> new DescribedStates());
            } else if (raw.startsWith("Events:")) {
                state = null; // the table that follows is read as events
            }
            if (table == null && state != null) {
                boolean failing = state.line(raw);
                int ref = refs.get(described);
                int ev = ctx.estimated(failing ? Level.ERROR : Level.PRINT, ref, text.add(raw.strip(), raw, line));
                ctx.events.setTime(ev, line * faultline.model.SourceFile.LINE_NANOS, 3, true);
                continue;
            }
            EventRow row = table == null || raw.strip().startsWith("----") ? null : table.row(raw);
            String name = row == null ? "" : row.name().isEmpty() ? described : row.name();
            int ref = name.isEmpty() ? -1 : refs.computeIfAbsent(name, ctx.tasks::ref);
            int ev;
            if (ref < 0) {
                ev = ctx.estimated(Level.PRINT, -1, text.add(raw.strip(), raw, line));
            } else {
                TaskDraft d = ctx.tasks.draftOfRef(ref);
                if (d.type.isEmpty()) {
                    d.type = row.unitKind();
                }
                boolean failed = row.failure();
                Level level = failed ? Level.ERROR : row.warning() ? Level.WARNING : Level.INFO;
                String message = row.reason().isEmpty() ? row.message() : row.reason() + ": " + row.message();
                ev = ctx.estimated(level, ref, text.add(message, raw, line));
                outcomes.computeIfAbsent(ref, r -> new Outcome()).add(row, failed);
                rows++;
            }
            ctx.events.setTime(ev, line * faultline.model.SourceFile.LINE_NANOS, 3, true);
        }
        if (rows == 0 && states.values().stream().noneMatch(DescribedStates::any)) {
            throw new ImportException(Prose.format("import.kubectl-events.no-row", ctx.path.getFileName()));
        }
        for (Map.Entry<Integer, Outcome> o : outcomes.entrySet()) {
            o.getValue().settle(ctx.tasks.draftOfRef(o.getKey()));
        }
        for (Map.Entry<Integer, DescribedStates> s : states.entrySet()) {
            TaskDraft d = ctx.tasks.draftOfRef(s.getKey());
            Outcome o = outcomes.get(s.getKey());
            String failure = s.getValue().failure(o == null ? null : o.error);
            if (failure != null) {
                d.status = TaskStatus.FAILED;
                d.errorMessage = failure;
            } else if (s.getValue().succeeded() && d.status != TaskStatus.FAILED) {
                d.status = TaskStatus.COMPLETE;
            }
            if (d.type.isEmpty()) {
                d.type = "pod";
            }
        }
        ctx.markUntimed();
        ctx.report.note(0, Prose.get("import.no-time.line-order"), null);
        ctx.finish();
        return text;
    }

    /** What an object's rows said, in file order: the first failure's message is its error. */
    private static final class Outcome {
        String error;
        boolean completed;
        boolean started;

        void add(EventRow row, boolean failed) {
            if (failed && error == null) {
                error = row.message();
            }
            completed |= row.reason().equals("Completed");
            started |= row.reason().equals("Started"); // a container that started: the pod runs
        }

        void settle(TaskDraft d) {
            if (error != null) {
                d.status = TaskStatus.FAILED;
                d.errorMessage = error;
            } else if (completed) {
                d.status = TaskStatus.COMPLETE;
            } else if (started) {
                d.status = TaskStatus.IN_PROGRESS;
            }
        }
    }
}
