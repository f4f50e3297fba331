package faultline.cli;

import faultline.text.Prose;

import faultline.analysis.Analyzer;
import faultline.model.Crash;
import faultline.model.EventStore;
import faultline.model.Stamp;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TimeText;

import java.io.IOException;
import java.io.PrintStream;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

/**
 * {@code faultline tasks FILE… [--format jsonl|csv]}: every unit of work found, one a line, in the
 * task list's order (failures first): id, short id, type, status, worker, start and end (as the task
 * list has them: creation or first line, end or last line), and for a failure its exception, crash
 * site and signature.
 */
final class TasksCommand {
    static final List<String> COLUMNS = List.of("id", "shortId", "type", "status", "worker", "start", "end", "exception", "site",
            "signature");

    private TasksCommand() {
    }

    static int run(String[] argv, PrintStream out, PrintStream err) throws Cli.UsageException {
        Args a = Args.parse(argv, DbArgs.with("--format", "--task"), Set.of("--task"));
        RecordOut.Format format = RecordOut.format(a.one("--format", "jsonl"));
        if (a.options.containsKey("--task") && !DbArgs.given(a)) {
            throw new Cli.UsageException(Prose.get("cli.tasks.task"));
        }
        LoadedFiles loaded = LoadedFiles.load(a, err, "tasks");
        if (loaded == null) {
            return 1;
        }
        TaskSet set = loaded.set;
        EventStore store = set.store();
        boolean[] timed = EventsCommand.timedSources(set);
        Analyzer analyzer = new Analyzer(set);
        SourceOffsets zones = SourceOffsets.of(set);
        try (RecordOut w = new RecordOut(format, COLUMNS, out)) {
            for (Task t : set.tasks()) {
                Crash c = t.failed() ? analyzer.crashOf(t) : null;
                ZoneId zone = t.sources().isEmpty() ? null : zones.zoneOf(t.sources().get(0));
                boolean hasTime = false;
                boolean lineOrder = false;
                for (int s : t.sources()) {
                    hasTime |= timed[s];
                    lineOrder |= set.sources().get(s).untimed();
                }
                // A file without a clock places its lines by order: those places are not times. A task known
                // from rows alone (a printed tasks table) has the times the rows gave.
                boolean rowTimes = !hasTime && !lineOrder;
                w.put(t.id())
                        .put(t.shortId())
                        .put(t.type().isEmpty() ? null : t.type())
                        .put(t.status().name())
                        .put(t.workerId().isEmpty() ? null : t.workerId())
                        .put(hasTime || (rowTimes && t.created() != null) ? iso(start(t, store, timed), zone) : null)
                        .put(hasTime || (rowTimes && t.ended() != null) ? iso(end(t, store, timed), zone) : null)
                        .put(c == null || c.exceptionType().isEmpty() ? null : c.exceptionType())
                        .put(c == null || c.site() == null ? null : c.site().text())
                        .put(c == null ? null : c.signature().shortText())
                        .end();
            }
        } catch (IOException e) {
            err.println("faultline tasks: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    private static String iso(Stamp s, ZoneId zone) {
        return s == null ? null : TimeText.isoAt(s.nanos(), s.precision(), zone);
    }

    /** Creation, else the first line of a file with a clock (a file without one places its lines by order, not time). */
    static Stamp start(Task t, EventStore store, boolean[] timed) {
        if (t.created() != null) {
            return t.created();
        }
        int[] ev = t.events();
        for (int k = 0; k < ev.length; k++) {
            if (timed[store.source(ev[k])]) {
                return store.stamp(ev[k]);
            }
        }
        return ev.length == 0 ? null : store.stamp(ev[0]);
    }

    /** The end the rows or lines gave, else the last line of a file with a clock, whichever is later. */
    static Stamp end(Task t, EventStore store, boolean[] timed) {
        int[] ev = t.events();
        Stamp last = null;
        for (int k = ev.length - 1; k >= 0 && last == null; k--) {
            if (timed[store.source(ev[k])]) {
                last = store.stamp(ev[k]);
            }
        }
        if (last == null && ev.length > 0) {
            last = store.stamp(ev[ev.length - 1]);
        }
        if (t.ended() == null) {
            return last;
        }
        return last == null || t.ended().nanos() >= last.nanos() ? t.ended() : last;
    }
}
