package faultline.importer;

import faultline.text.Prose;

import faultline.importer.merge.TaskRegistry;
import faultline.importer.time.TimeParser;
import faultline.model.EventStore;
import faultline.model.Level;
import faultline.model.ParseReport.Repair;

import java.nio.file.Path;

/**
 * What a reader writes into while it reads one file: the event columns, the task registry, the
 * file's report. Also keeps the last known time so that lines without one get an estimate.
 */
public final class ReadContext {
    /** Marks an event whose time is not known yet (no timed line before it). */
    public static final long UNKNOWN_TIME = Long.MIN_VALUE;

    public final int source;
    public final Path path;
    public final Content content;
    /** Reads the file's times; times without an offset in the zone given, or the one {@link #readUnzonedAt} learned. */
    public TimeParser time;
    public final EventStore.Builder events;
    public final TaskRegistry tasks;
    public final FileReportBuilder report;
    public final ImportMonitor monitor;
    public final ImportOptions.SourceOptions options;
    public final long offsetNanos;

    private long lastNanos = UNKNOWN_TIME;
    private int lastPrecision;
    private final java.util.List<Integer> waitingForTime = new java.util.ArrayList<>();
    private long lastProgress;
    private boolean untimed;

    ReadContext(int source, Path path, Content content, EventStore.Builder events, TaskRegistry tasks,
                FileReportBuilder report, ImportMonitor monitor, ImportOptions.SourceOptions options) {
        this.source = source;
        this.path = path;
        this.content = content;
        this.time = new TimeParser(options.zone());
        this.events = events;
        this.tasks = tasks;
        this.report = report;
        this.monitor = monitor;
        this.options = options;
        this.offsetNanos = options.offsetNanos();
    }

    /** Whether the user gave this file's settings (File ▸ Sources): then its zone is the one to read times in. */
    public boolean zoneGiven() {
        return options != ImportOptions.SourceOptions.DEFAULT;
    }

    /**
     * Times written without an offset are read at this one: the offset every other line of the file writes, when
     * the user gave no zone (a server's records with {@code +01:00} beside its access lines' bare local clock). Before
     * any line is read; the parse report says so.
     */
    public void readUnzonedAt(java.time.ZoneOffset offset) {
        time = new TimeParser(offset);
        report.note(0, Prose.format("import.zone-from-lines", offset.getId()), null);
    }

    /**
     * A context for one part of this file read in parallel: its own event columns, task ids and
     * report, joined into this context afterwards; it only asks whether the import was cancelled.
     */
    public ReadContext part(EventStore.Builder partEvents, TaskRegistry partTasks, FileReportBuilder partReport) {
        ImportMonitor cancelOnly = new ImportMonitor() {
            @Override
            public void progress(long done, long total, String message) {
                // parts report nothing: the joining reader does
            }

            @Override
            public boolean isCancelled() {
                return monitor.isCancelled();
            }
        };
        ReadContext part = new ReadContext(source, path, content, partEvents, partTasks, partReport, cancelOnly, options);
        // The zone learned for the file's bare clocks holds in each of its parts; a parser of its own (it keeps a cache).
        part.time = new TimeParser(time.zone());
        return part;
    }

    /** An event with a time the line gave. */
    public int timed(long nanos, int precision, Level level, int taskRef, long ref) {
        long t = nanos + offsetNanos;
        int i = events.add(t, precision, false, level, taskRef, source, ref);
        lastNanos = t;
        lastPrecision = precision;
        if (!waitingForTime.isEmpty()) {
            for (int w : waitingForTime) {
                events.setTime(w, t, precision, true);
            }
            waitingForTime.clear();
        }
        report.events++;
        return i;
    }

    /** An event without a time of its own: it takes the time of the line before and is marked estimated. */
    public int estimated(Level level, int taskRef, long ref) {
        int i = events.add(lastNanos, lastPrecision, true, level, taskRef, source, ref);
        if (lastNanos == UNKNOWN_TIME) {
            waitingForTime.add(i);
        }
        report.repair(Repair.ESTIMATED_TIME);
        report.events++;
        return i;
    }

    /** The event's text runs over `bytes` bytes from its reference (continuation lines, a cut line). */
    public void extend(int event, long bytes) {
        events.setExtent(event, (int) Math.min(Integer.MAX_VALUE, bytes));
    }

    long lastNanos() {
        return lastNanos;
    }

    /** No line of the file has a time: the reader laid its events out by line and the source says so. */
    public void markUntimed() {
        untimed = true;
        waitingForTime.clear();
    }

    boolean untimed() {
        return untimed;
    }

    /** Events still without any time at the end of the file get the file's last known time (or none). */
    public void finish() {
        if (lastNanos == UNKNOWN_TIME && !waitingForTime.isEmpty()) {
            report.note(0, Prose.get("import.no-time.file-order"), null);
        }
        for (int w : waitingForTime) {
            events.setTime(w, lastNanos == UNKNOWN_TIME ? 0 : lastNanos, lastPrecision, true);
        }
        waitingForTime.clear();
    }

    /** Reports progress every 4 MiB and stops the import if the user cancelled. */
    public void tick(long position) {
        if (position - lastProgress >= (4 << 20)) {
            lastProgress = position;
            if (monitor.isCancelled()) {
                throw new ImportCancelledException();
            }
            monitor.progress(position, content.size(), Prose.format("import.progress.reading", path.getFileName()));
        }
    }
}
