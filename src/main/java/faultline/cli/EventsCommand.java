package faultline.cli;

import faultline.model.EventStore;
import faultline.model.Level;
import faultline.model.SourceFile;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TimeText;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;
import java.util.Set;

/**
 * {@code faultline events FILE… [--format jsonl|csv] [--task ID]}: every event of the files as the
 * importer read it, one a line, in file order: its file, the line it starts on, its time in the
 * offset the file writes (else its source's zone) with the digits the line had (null when the file
 * gives none), precision, whether it
 * was estimated, level (null for a line without one), task and message. An event seen in two files is
 * written once, from the file it was kept from.
 */
final class EventsCommand {
    static final List<String> COLUMNS = List.of("file", "line", "time", "precision", "estimated", "level", "task", "message");

    private EventsCommand() {
    }

    static int run(String[] argv, PrintStream out, PrintStream err) throws Cli.UsageException {
        Args a = Args.parse(argv, DbArgs.with("--format", "--task"), Set.of());
        RecordOut.Format format = RecordOut.format(a.one("--format", "jsonl"));
        LoadedFiles loaded = LoadedFiles.load(a, err, "events");
        if (loaded == null) {
            return 1;
        }
        TaskSet set = loaded.set;
        int only = -1;
        String id = a.one("--task", null);
        if (id != null) {
            List<Task> t = loaded.select(List.of(id), err);
            if (t == null) {
                return 1;
            }
            only = t.get(0).index();
        }
        EventStore store = set.store();
        boolean[] timed = timedSources(set);
        SourceOffsets zones = SourceOffsets.of(set);
        try (RecordOut w = new RecordOut(format, COLUMNS, out)) {
            for (int i = 0; i < store.size(); i++) {
                if (store.isDuplicate(i) || (only >= 0 && store.task(i) != only)) {
                    continue;
                }
                int s = store.source(i);
                SourceFile f = set.sources().get(s);
                boolean known = timed[s] && store.nanos(i) != Long.MIN_VALUE;
                int task = store.task(i);
                Level level = store.level(i);
                w.put(f.name())
                        .put(store.line(i))
                        .put(known ? TimeText.isoAt(store.nanos(i), store.precision(i), zones.zoneOf(store, i)) : null)
                        .put(known ? store.precision(i) : null)
                        .put(store.estimated(i))
                        .put(level == Level.PRINT ? null : level.name())
                        .put(task < 0 ? null : set.task(task).id())
                        .put(store.message(i))
                        .end();
            }
        } catch (IOException e) {
            err.println("faultline events: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /**
     * Per source: some event has a time of its own; in a file without any (laid out by line), every
     * time is unknown.
     */
    static boolean[] timedSources(TaskSet set) {
        EventStore store = set.store();
        boolean[] timed = new boolean[set.sources().size()];
        for (int i = 0; i < store.size(); i++) {
            if (!store.estimated(i)) {
                timed[store.source(i)] = true;
            }
        }
        for (int s = 0; s < timed.length; s++) {
            timed[s] &= !set.sources().get(s).untimed();
        }
        return timed;
    }
}
