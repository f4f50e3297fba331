package faultline.importer;

import faultline.text.Prose;

import faultline.importer.merge.DuplicateMerger;
import faultline.importer.merge.IndexSort;
import faultline.importer.merge.TaskDraft;
import faultline.importer.merge.RowGroups;
import faultline.importer.merge.TaskFacts;
import faultline.importer.merge.TaskRegistry;
import faultline.importer.time.TimeRefiner;
import faultline.model.EventStore;
import faultline.model.ParseReport.Repair;
import faultline.model.ParseReport;
import faultline.model.SourceFile;
import faultline.model.SourceFormat;
import faultline.model.SourceText;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports log files into one {@link TaskSet}: per file, load and repair the text, detect the format,
 * read it; then resolve task ids, merge the same event seen in two sources, and assemble the tasks.
 * A file that cannot be read is reported with the reason and the others are still imported.
 */
public final class Importer {
    private static final Pattern WORKER_ID = Pattern.compile("gpu-\\d{8}_\\d{6}-[0-9a-f]{8}");

    private final ImportOptions options;

    public Importer(ImportOptions options) {
        this.options = options;
    }

    public Importer() {
        this(ImportOptions.defaults());
    }

    /** Rows read after the files by the import that {@link #importSources} runs. */
    private List<RowSource> rowSources = List.of();

    /**
     * Imports the files and then the row sources (rows fetched from a database) into one task set,
     * merged and de-duplicated alike; throws {@link ImportCancelledException} if the monitor cancels.
     */
    public TaskSet importSources(List<Path> files, List<RowSource> rows, ImportMonitor monitor) {
        Importer withRows = new Importer(options);
        withRows.rowSources = List.copyOf(rows);
        return withRows.importFiles(files, monitor);
    }

    /** Imports the files; throws {@link ImportCancelledException} if the monitor cancels. */
    public TaskSet importFiles(List<Path> files, ImportMonitor monitor) {
        EventStore.Builder events = EventStore.builder(1024);
        TaskRegistry registry = new TaskRegistry();
        List<SourceFile> sources = new ArrayList<>();
        List<SourceText> texts = new ArrayList<>();
        List<FileReportBuilder> reports = new ArrayList<>();
        List<String> workerOfSource = new ArrayList<>();
        List<Boolean> sequential = new ArrayList<>();
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                // reported when the file is read
            }
        }
        long done = 0;
        long expectedLines = 0;
        for (Path file : files) {
            if (monitor.isCancelled()) {
                throw new ImportCancelledException();
            }
            Path path = file.toAbsolutePath().normalize();
            FileReportBuilder report = new FileReportBuilder(String.valueOf(path.getFileName()), path.toString());
            reports.add(report);
            ImportOptions.SourceOptions opts = options.of(path);
            int mark = events.size();
            long base = done;
            long all = total;
            ImportMonitor fileMonitor = new ImportMonitor() {
                @Override
                public void progress(long d, long t, String message) {
                    monitor.progress(base + d, Math.max(all, base + t), message);
                }

                @Override
                public boolean isCancelled() {
                    return monitor.isCancelled();
                }
            };
            try {
                long tOpen = System.nanoTime();
                SourceLoader.Loaded loaded = SourceLoader.load(path, monitor::isCancelled);
                fileMonitor.progress(0, loaded.size(), "Reading " + path.getFileName());
                report.bytes = loaded.size();
                loaded.repairs().forEach(report::repair);
                Timing.log("  load", tOpen);
                long tDetect = System.nanoTime();
                // One sample for detection and the memory check: decoding it is a quarter megabyte each time.
                Sample sample = Sample.of(loaded.content(), path);
                Readers.Detection d = opts.format() != null
                        ? new Readers.Detection(opts.format(), 1.0)
                        : Readers.detect(sample);
                if (d.format() == SourceFormat.UNKNOWN) {
                    // Nothing but blank lines: read as text, which says so.
                    d = new Readers.Detection(SourceFormat.TEXT_LOG, 0);
                }
                report.format = d.format();
                report.confidence = d.confidence();
                Timing.log("  detect", tDetect);
                // A file plainly too large for the heap is refused before it is read, with what it needs.
                long lines = MemoryNeed.lines(loaded.size(), sample);
                expectedLines += lines;
                long need = MemoryNeed.bytesFor(expectedLines);
                if (need > MemoryNeed.available()) {
                    expectedLines -= lines;
                    throw new ImportException(MemoryNeed.tooLarge(path.getFileName().toString(), loaded.size(), need, MemoryNeed.available()));
                }
                int sourceIndex = sources.size();
                ReadContext ctx = new ReadContext(sourceIndex, path, loaded.content(), events, registry, report, fileMonitor, opts);
                Timing.log("open + detect " + path.getFileName(), tOpen);
                long tRead = System.nanoTime();
                SourceText text;
                try {
                    text = Readers.of(d.format()).read(ctx);
                } catch (ImportException e) {
                    if (opts.format() != null || d.format().equals(SourceFormat.TEXT_LOG)) {
                        throw e;
                    }
                    // The detected layout did not hold: the file is still text, read as such, and the report says why.
                    events.truncate(mark);
                    report = report.restart();
                    reports.set(reports.size() - 1, report);
                    d = new Readers.Detection(SourceFormat.TEXT_LOG, d.confidence() / 2);
                    report.format = d.format();
                    report.confidence = d.confidence();
                    report.note(0, Prose.format("import.read-as-text", e.getMessage()), null);
                    ctx = new ReadContext(sourceIndex, path, loaded.content(), events, registry, report, fileMonitor, opts);
                    text = Readers.of(d.format()).read(ctx);
                }
                Timing.log("read " + path.getFileName(), tRead);
                sources.add(new SourceFile(sourceIndex, path, loaded.size(), d.format(), ctx.time.zone(), opts.offsetNanos(), ctx.untimed()));
                texts.add(text);
                // Rows of a JSON export say their worker; a worker id somewhere in the export is not every task's worker.
                workerOfSource.add(d.format() == SourceFormat.SYSTEM_LOGS_JSON ? null : workerOf(path, loaded.content()));
                sequential.add(d.format() != SourceFormat.COMPARISON_DIGEST);
                String partly = incomplete(loaded);
                if (partly != null) {
                    report.incomplete = report.incomplete == null ? partly : report.incomplete + "; " + partly;
                }
            } catch (ImportException e) {
                events.truncate(mark);
                report.fatal = e.getMessage();
            } catch (OutOfMemoryError e) {
                events.truncate(mark);
                report.fatal = MemoryNeed.ranOut(String.valueOf(path.getFileName()), report.bytes, events.size() + report.lines);
            } catch (StackOverflowError e) {
                events.truncate(mark);
                report.fatal = Prose.format("import.too-deep", path.getFileName());
            } catch (RuntimeException e) {
                if (e instanceof ImportCancelledException) {
                    throw e;
                }
                events.truncate(mark);
                report.fatal = Prose.format("import.internal-error", path.getFileName(), internal(e));
            }
            done += report.bytes;
            monitor.progress(done, Math.max(total, done), Prose.format("import.progress.read", path.getFileName()));
        }
        readRowSources(events, registry, sources, texts, reports, workerOfSource, sequential, monitor);
        monitor.progress(done, Math.max(total, done), Prose.get("import.progress.assembling"));
        long tAssemble = System.nanoTime();
        List<Task> tasks;
        try {
            tasks = assemble(events, registry, texts, reports, workerOfSource, sequential, monitor);
        } catch (ImportCancelledException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            long bytes = 0;
            for (SourceFile f : sources) {
                bytes += f.size();
            }
            throw new ImportFailedException(MemoryNeed.ranOut(names(sources), bytes, events.size()), null);
        } catch (RuntimeException | StackOverflowError e) {
            throw new ImportFailedException(Prose.format("import.assemble-failed", names(sources), internal(e)), e);
        }
        Timing.log("assemble", tAssemble);
        List<ParseReport.FileReport> fileReports = new ArrayList<>();
        for (FileReportBuilder r : reports) {
            fileReports.add(r.build());
        }
        try {
            long tSet = System.nanoTime();
            TaskSet set = new TaskSet(sources, events.build(texts), tasks, new ParseReport(fileReports));
            Timing.log("task set", tSet);
            return set;
        } catch (OutOfMemoryError e) {
            long bytes = 0;
            for (SourceFile f : sources) {
                bytes += f.size();
            }
            throw new ImportFailedException(MemoryNeed.ranOut(names(sources), bytes, events.size()), null);
        }
    }

    /** An internal error's class and message, as the messages above name it. */
    private static String internal(Throwable e) {
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ", " + e.getMessage());
    }

    /** Why only part of a file was read (a gzip file cut off, a file that changed while read), or null. */
    private static String incomplete(SourceLoader.Loaded loaded) {
        String changed = SourceLoader.changeNote(loaded);
        if (loaded.note() == null) {
            return changed;
        }
        return changed == null ? loaded.note() : loaded.note() + "; " + changed;
    }

    private static final List<Integer> ONLY_SOURCE = List.of(0);

    private static String names(List<SourceFile> sources) {
        return String.join(", ", sources.stream().map(f -> String.valueOf(f.path().getFileName())).toList());
    }

    private static void checkCancelled(ImportMonitor monitor) {
        if (monitor.isCancelled()) {
            throw new ImportCancelledException();
        }
    }

    /** Each row source becomes one more source after the files; one that fails leaves nothing behind and is reported. */
    private void readRowSources(EventStore.Builder events, TaskRegistry registry, List<SourceFile> sources, List<SourceText> texts,
                                List<FileReportBuilder> reports, List<String> workerOfSource, List<Boolean> sequential,
                                ImportMonitor monitor) {
        for (RowSource rows : rowSources) {
            if (monitor.isCancelled()) {
                throw new ImportCancelledException();
            }
            Path path = RowSourceReader.pathOf(rows);
            FileReportBuilder report = new FileReportBuilder(rows.name(), rows.description());
            report.format = SourceFormat.SYSTEM_LOGS_JSON;
            report.confidence = 1.0;
            reports.add(report);
            int mark = events.size();
            int sourceIndex = sources.size();
            ImportOptions.SourceOptions opts = ImportOptions.SourceOptions.DEFAULT;
            ReadContext ctx = new ReadContext(sourceIndex, path, new ArrayContent(new byte[0], 0), events, registry, report, monitor, opts);
            try {
                texts.add(RowSourceReader.read(rows, ctx));
                sources.add(new SourceFile(sourceIndex, path, 0, SourceFormat.SYSTEM_LOGS_JSON, opts.zone(), opts.offsetNanos()));
                workerOfSource.add(null);
                sequential.add(true);
            } catch (ImportException e) {
                events.truncate(mark);
                report.fatal = e.getMessage();
            }
        }
    }

    /**
     * @param sequential per source: its file order is time order (a log), so that imprecise times can
     *                   be narrowed by their neighbours; false for a digest, whose sections jump in time
     */
    private static List<Task> assemble(EventStore.Builder events, TaskRegistry registry, List<SourceText> texts,
                                       List<FileReportBuilder> reports, List<String> workerOfSource,
                                       List<Boolean> sequential, ImportMonitor monitor) {
        long t0 = System.nanoTime();
        int n = events.size();
        RowGroups groups = RowGroups.count(events, registry.size());
        Timing.log("    count", t0);
        long tr = System.nanoTime();
        TaskRegistry.Resolution res = registry.resolve(groups.usedRefs());
        Timing.log("    resolve", tr);
        long tg = System.nanoTime();
        int taskCount = res.tasks().size();
        int[][] rowsOf = groups.group(res.taskOfRef(), taskCount);
        Timing.log("    group", tg);
        Timing.log("  resolve + group", t0);
        checkCancelled(monitor);
        long t1 = System.nanoTime();
        long merged = 0;
        for (int t = 0; t < taskCount; t++) {
            if (monitor.isCancelled()) {
                throw new ImportCancelledException();
            }
            IndexSort.byTime(rowsOf[t], events);
            merged += DuplicateMerger.merge(rowsOf[t], events, texts);
        }
        Timing.log("  sort + merge", t1);
        checkCancelled(monitor);
        long t2 = System.nanoTime();
        // Rows of one source are contiguous and in file order: refine each source's imprecise times.
        int from = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || events.source(i) != events.source(from)) {
                if (sequential.get(events.source(from))) {
                    TimeRefiner.refine(events, from, i);
                }
                from = i;
            }
        }
        Timing.log("  refine", t2);
        checkCancelled(monitor);
        long t3 = System.nanoTime();
        int[][] keptOf = new int[taskCount][];
        for (int t = 0; t < taskCount; t++) {
            if ((t & 1023) == 0) {
                checkCancelled(monitor);
            }
            int[] kept = events.hasDuplicates() ? withoutDuplicates(rowsOf[t], events) : rowsOf[t];
            if (events.hasDuplicates() || events.hasRefinements()) {
                IndexSort.byTime(kept, events);
            }
            keptOf[t] = kept;
        }
        Timing.log("    kept", t3);
        long t4 = System.nanoTime();
        // Each task's facts read a few of its own lines: tasks are independent, so both cores share the reading.
        java.util.stream.IntStream.range(0, taskCount).parallel().forEach(t -> {
            // Checked per task: a cancelled import skips the rest and stops right after.
            if (!monitor.isCancelled()) {
                TaskFacts.fill(res.tasks().get(t), keptOf[t], events, texts, workerOfSource);
            }
        });
        Timing.log("    fill", t4);
        if (monitor.isCancelled()) {
            throw new ImportCancelledException();
        }
        linkCascades(res.tasks());
        faultline.importer.merge.RankRuns.stopWithFailedSibling(res.tasks(), keptOf, events);
        List<Task> tasks = new ArrayList<>(taskCount);
        for (int t = 0; t < taskCount; t++) {
            int[] kept = keptOf[t];
            TaskDraft d = res.tasks().get(t);
            // One file read (the common case): every task's rows come from it, no need to walk them.
            List<Integer> sources = texts.size() == 1 ? (kept.length == 0 ? List.of() : ONLY_SOURCE) : sourcesOf(kept, events);
            for (int s : sources) {
                if (d.workerId.isEmpty() && s < workerOfSource.size() && workerOfSource.get(s) != null) {
                    d.workerId = workerOfSource.get(s);
                }
            }
            tasks.add(new Task(t, d.id, d.type, d.status, d.workerId, d.created, d.started, d.ended, d.errorMessage,
                    d.parentId, d.runId, java.util.Map.copyOf(d.params), kept, List.copyOf(sources)));
        }
        Timing.log("  facts", t3);
        if (merged > 0) {
            // Merged sightings are counted once, against the files they came from.
            for (int i = 0; i < n; i++) {
                if (events.isDuplicate(i)) {
                    int s = events.source(i);
                    reportOfSource(reports, s).repair(Repair.DUPLICATE_MERGED);
                }
            }
        }
        long[] firstSeen = new long[taskCount];
        for (Task t : tasks) {
            firstSeen[t.index()] = t.created() != null ? t.created().nanos()
                    : t.events().length > 0 ? events.nanos(t.events()[0]) : Long.MIN_VALUE;
        }
        tasks.sort((a, b) -> {
            int fa = a.status() == TaskStatus.FAILED ? 0 : 1;
            int fb = b.status() == TaskStatus.FAILED ? 0 : 1;
            return fa != fb ? Integer.compare(fa, fb) : Long.compare(firstSeen[b.index()], firstSeen[a.index()]);
        });
        List<Task> numbered = new ArrayList<>(tasks.size());
        int[] newIndex = new int[taskCount];
        for (int k = 0; k < tasks.size(); k++) {
            Task t = tasks.get(k);
            newIndex[t.index()] = k;
            numbered.add(new Task(k, t.id(), t.type(), t.status(), t.workerId(), t.created(), t.started(), t.ended(),
                    t.errorMessage(), t.parentId(), t.runId(), t.params(), t.events(), t.sources()));
        }
        for (int i = 0; i < n; i++) {
            int t = events.task(i);
            if (t >= 0) {
                events.setTask(i, newIndex[t]);
            }
        }
        return numbered;
    }

    /** Sources that failed have no index; find the report of a source by counting the successful ones. */
    private static FileReportBuilder reportOfSource(List<FileReportBuilder> reports, int source) {
        int k = -1;
        for (FileReportBuilder r : reports) {
            if (r.fatal == null) {
                k++;
                if (k == source) {
                    return r;
                }
            }
        }
        return reports.get(reports.size() - 1);
    }

    /**
     * An orchestrator failed "from related task X" is X's parent when no row said so: the cascade
     * runs from a failed child up to its orchestrator.
     */
    private static void linkCascades(List<TaskDraft> drafts) {
        java.util.Map<String, TaskDraft> byId = new java.util.HashMap<>();
        for (TaskDraft d : drafts) {
            byId.put(d.id, d);
        }
        for (TaskDraft d : drafts) {
            Matcher m = CASCADED.matcher(d.errorMessage);
            if (d.type.contains("orchestrator") && m.find()) {
                TaskDraft child = byId.get(m.group(1).toLowerCase(java.util.Locale.ROOT));
                if (child != null && child.parentId.isEmpty()) {
                    child.parentId = d.id;
                }
            }
        }
    }

    private static final Pattern CASCADED = Pattern.compile("Cascaded failed from related task ([0-9a-fA-F-]{36})");

    /** Distinct sources of the rows, in order of first appearance, without boxing every row. */
    private static List<Integer> sourcesOf(int[] rows, EventStore.Builder b) {
        List<Integer> out = new ArrayList<>(2);
        java.util.BitSet seen = new java.util.BitSet();
        int last = -1;
        for (int r : rows) {
            int s = b.source(r);
            if (s != last) {
                last = s;
                if (!seen.get(s)) {
                    seen.set(s);
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static int[] withoutDuplicates(int[] rows, EventStore.Builder b) {
        int k = 0;
        for (int r : rows) {
            if (!b.isDuplicate(r)) {
                k++;
            }
        }
        if (k == rows.length) {
            return rows;
        }
        int[] out = new int[k];
        int j = 0;
        for (int r : rows) {
            if (!b.isDuplicate(r)) {
                out[j++] = r;
            }
        }
        return out;
    }

    private static String workerOf(Path path, Content content) {
        Matcher m = WORKER_ID.matcher(String.valueOf(path.getFileName()));
        if (m.find()) {
            return m.group();
        }
        String head = content.decode(0, (int) Math.min(content.size(), 16384));
        Matcher c = WORKER_ID.matcher(head);
        return c.find() ? c.group() : queueWorker(head);
    }

    /**
     * A task queue's worker node as its start names it: celery's banner and ready line ({@code celery@gpu-7 v5.3.6},
     * {@code celery@gpu-7 ready.}), RQ's start ({@code Worker rq:worker:gpu-7.41 started}). Only when the head names one
     * node: the logs of several workers together (docker compose) leave the worker to each line's own prefix.
     */
    static String queueWorker(String head) {
        String found = null;
        for (Matcher m = QUEUE_NODE.matcher(head); m.find(); ) {
            String node = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            if (found != null && !found.equals(node)) {
                return null;
            }
            found = node;
        }
        return found;
    }

    private static final Pattern QUEUE_NODE = Pattern.compile(
            "(?m)^ -{6,} ([\\w.-]+@[\\w.-]+) v\\d|\\] ([\\w.-]+@[\\w.-]+) ready\\.$|\\bWorker (rq:worker:[\\w.:-]+) started\\b");
}
