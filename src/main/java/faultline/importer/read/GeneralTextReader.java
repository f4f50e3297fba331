package faultline.importer.read;

import faultline.text.Prose;

import faultline.importer.Content;
import faultline.importer.ImportException;
import faultline.importer.ReadContext;
import faultline.importer.Sample;
import faultline.importer.SourceReader;
import faultline.importer.merge.TaskDraft;
import faultline.importer.merge.UnitVocabulary;
import faultline.importer.merge.WorkerUnit;
import faultline.importer.scan.Bytes;
import faultline.importer.scan.LineBlocks;
import faultline.importer.scan.Continuation;
import faultline.importer.scan.ConsoleWrap;
import faultline.importer.scan.LayoutInference;
import faultline.importer.scan.LineIndex;
import faultline.importer.scan.ElapsedPrefix;
import faultline.importer.scan.LineLayout;
import faultline.importer.scan.LinePrefixes;
import faultline.importer.scan.QuoteMarks;
import faultline.importer.time.Clock;
import faultline.importer.time.FileDates;
import faultline.model.Level;
import faultline.model.ParseReport.Repair;
import faultline.model.SourceFormat;
import faultline.model.SourceText;
import faultline.model.Stamp;

import java.util.HashMap;
import java.util.Map;

/**
 * Any text log. The file's layout is inferred once from its first lines ({@link LayoutInference});
 * then every line is read by that layout's byte steps: time, level, worker and message. Lines
 * that carry no time continue the event before when they look like it (indented lines,
 * tracebacks, wrapped text) and are events of their own otherwise, in file order. Units of work
 * come from {@link UnitVocabulary}; a line without an id belongs to the unit its worker last claimed.
 * Fits every text file, below every reader that knows the file's layout by heart.
 */
public final class GeneralTextReader implements SourceReader {
    /** Events after a traceback of no unit beyond which the process outlived it: not a crash. */
    private static final int CRASH_TAIL = 12;
    /** The longest line read again to ask whether it said its unit completed. */
    private static final int MAX_ENDED_LINE = 4096;
    /** Events after a crash within which a line saying its process died confirms it. */
    private static final int DIED_WITHIN = 40;
    /** Why a line has no time of its own, taken once: it may be said of every line. */
    private static final String UNTIMED_LINE = Prose.get("import.untimed.line");
    private static final String UNTIMED_FILE = Prose.get("import.untimed.file");

    @Override
    public SourceFormat format() {
        return SourceFormat.TEXT_LOG;
    }

    @Override
    public double fit(Sample sample) {
        if (sample.nonBlank().isEmpty()) {
            return 0;
        }
        // At most half sure: a reader that knows the layout by heart fits better when it fits at all.
        LayoutInference.Result r = LayoutInference.infer(sample);
        return Math.max(0.02, MOST_FIT * r.share());
    }

    private static final double MOST_FIT = 0.5;

    @Override
    public double mostFit() {
        return MOST_FIT;
    }

    @Override
    public SourceText read(ReadContext ctx) throws ImportException {
        Sample sample = Sample.of(ctx.content, ctx.path);
        LayoutInference.Result inferred = LayoutInference.infer(sample);
        if (!ctx.zoneGiven()) {
            java.time.ZoneOffset written = UnzonedClocks.offsetBeside(sample, inferred.layouts());
            if (written != null) {
                ctx.readUnzonedAt(written);
            }
        }
        FileDates dates = FileDates.of(ctx, sample, inferred.layouts());
        LineLayout[] layouts = inferred.layouts().toArray(new LineLayout[0]);
        // The sample's text runs on past its first lines: the lines it kept say how long a line is.
        double bytesPerLine = (double) ctx.content.size() / Math.max(1, faultline.importer.MemoryNeed.lines(ctx.content.size(), sample));
        long[] bounds = roomForParts(ctx.content.size(), bytesPerLine) ? parallel(ctx.content, layouts, inferred) : new long[]{0, ctx.content.size()};
        LineIndex index;
        if (bounds.length > 2) {
            index = new Parts(ctx, layouts, dates, bounds, bytesPerLine).read();
        } else {
            Scan scan = new Scan(ctx, layouts, dates, 0, ctx.content.size(), false);
            scan.run();
            scan.finish();
            index = scan.index;
        }
        return new ContentText(ctx.content, raw -> GeneralMessage.of(raw, layouts), index);
    }

    /**
     * Files from this size on (32 MiB, or {@code -Dfaultline.partsFrom=BYTES}) are read in parallel parts, one per
     * core, when every layout writes full dates. A part's lines whose worker claimed nothing in it yet wait for
     * the unit the parts before left that worker on, and the join replays them with the part's ends in file order,
     * so that the parts read every line as one pass does (PartsAgreementTest).
     */
    static long parallelFrom = Long.getLong("faultline.partsFrom", 32L << 20);

    /**
     * Whether the heap holds the parts' columns and the file's side by side while they are joined: a file too
     * large for that is read in one pass, slower but within the memory it needs anyway.
     */
    static boolean roomForParts(long size, double bytesPerLine) {
        double lines = size / Math.max(16, bytesPerLine);
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        return lines * PARTS_BYTES_PER_LINE < free * 0.8;
    }

    /** The heap a line takes at the peak of a read in parts, with room to spare (measured: 36 bytes; one pass, 32). */
    private static final int PARTS_BYTES_PER_LINE = 56;

    /**
     * Part boundaries, each at the start of a line in the file's main layout (so that no part starts
     * inside a traceback); just {0, size} when the file is read in one pass: small, or with lines
     * whose date depends on the lines before (time-only, no year).
     */
    static long[] parallel(Content c, LineLayout[] layouts, LayoutInference.Result inferred) {
        long size = c.size();
        int cores = Math.min(8, Runtime.getRuntime().availableProcessors());
        boolean datesOwn = layouts.length > 0;
        for (LineLayout l : layouts) {
            datesOwn &= l.shape.hasYear;
        }
        if (size < parallelFrom || cores < 2 || !datesOwn || inferred.share() < 0.5) {
            return new long[]{0, size};
        }
        java.util.List<Long> b = new java.util.ArrayList<>();
        b.add(0L);
        Clock clock = new Clock();
        LinePrefixes.Found prefix = new LinePrefixes.Found();
        byte[] w = new byte[256 * 1024];
        for (int i = 1; i < cores; i++) {
            long at = Math.max(b.get(b.size() - 1), size * i / cores);
            int len = (int) Math.min(w.length, size - at);
            c.copy(at, w, 0, len);
            int p = Bytes.newline(w, 0, len) + 1;
            boolean afterTracebackLine = true; // the line before the first is not seen whole
            boolean afterFlushFrame = false;
            int leastLead = Integer.MAX_VALUE;
            long lastTimedAt = Long.MIN_VALUE;
            while (p < len) {
                int nl = Bytes.newline(w, p, len);
                if (nl == len) {
                    break;
                }
                // As the reader reads the line: its supervisor's prefixes first (a kubelet's pod and clock stamp every
                // line of a traceback too; only a line of the application's own layout starts a part). A traceback
                // printed a record per line has the layout on each of its lines: a part starts neither at one of its
                // frames nor right after one (its exception line).
                boolean timed = layouts[0].read(w, LinePrefixes.strip(w, p, nl, prefix), nl, clock);
                int raw = timed && clock.end < nl && w[clock.end] == ' ' ? clock.end + 1 : clock.end; // indentation kept
                boolean tracebackLine = timed && (Continuation.mayGoOnTraceback(w, layouts[0].messageStart, nl)
                        || Continuation.mayGoOnTraceback(w, raw, nl));
                // A traceback relayed a record per line without its indentation (Metaflow's task prefix on each): a frame
                // flush left and the source line under it are inside it too.
                int spec = timed ? UnitVocabulary.taskPathspecEnd(w, layouts[0].messageStart, nl) : -1;
                boolean flushFrame = spec > 0 && Continuation.isFrameLine(w, spec, nl);
                tracebackLine |= flushFrame || (spec > 0 && afterFlushFrame);
                afterFlushFrame = flushFrame;
                if (timed) {
                    // A layout that takes the spaces off its message leaves a frame more of them than its records have.
                    int m = layouts[0].messageStart;
                    int lead = 0;
                    while (m - lead > p && lead < 64 && w[m - lead - 1] == ' ') {
                        lead++;
                    }
                    tracebackLine |= lead >= 2 && lead > leastLead;
                    leastLead = Math.min(leastLead, lead);
                }
                // Nor at a failure's line of the same moment as the timed line before: processes that fail together
                // interleave their records' lines there (see resumeRecord).
                long timedAt = timed ? clock.nanosOfDay() : Long.MIN_VALUE;
                boolean sameMomentFailure = timed && timedAt == lastTimedAt && layouts[0].level >= 0
                        && Level.ofOrdinal(layouts[0].level).isFailure();
                if (timed) {
                    lastTimedAt = timedAt;
                }
                if (timed && !tracebackLine && !afterTracebackLine && !sameMomentFailure) {
                    b.add(at + p);
                    break;
                }
                afterTracebackLine = !timed || tracebackLine;
                p = nl + 1;
            }
        }
        b.add(size);
        long[] out = new long[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    /** Reads the parts in parallel, each into its own columns and task ids, then joins them in file order. */
    private static final class Parts {
        final ReadContext ctx;
        final LineLayout[] layouts;
        final FileDates dates;
        final long[] bounds;

        final double bytesPerLine;

        Parts(ReadContext ctx, LineLayout[] layouts, FileDates dates, long[] bounds, double bytesPerLine) {
            this.bytesPerLine = Math.max(16, bytesPerLine);
            this.ctx = ctx;
            this.layouts = layouts;
            this.dates = dates;
            this.bounds = bounds;
        }

        LineIndex read() throws ImportException {
            int n = bounds.length - 1;
            long t0 = System.nanoTime();
            java.util.List<Scan> scans = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                // Sized from the sample's line length, so that a part's columns are not copied as they grow.
                int rows = (int) Math.min(Integer.MAX_VALUE / 2, (bounds[i + 1] - bounds[i]) / bytesPerLine + 1024);
                ReadContext part = ctx.part(faultline.model.EventStore.builder(rows), new faultline.importer.merge.TaskRegistry(),
                        new faultline.importer.FileReportBuilder("", ""));
                LineLayout[] own = new LineLayout[layouts.length];
                for (int k = 0; k < own.length; k++) {
                    own[k] = layouts[k].copy(); // a layout holds the fields of the line it read last
                }
                scans.add(new Scan(part, own, dates, bounds[i], bounds[i + 1], i > 0));
            }
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "faultline-text");
                t.setDaemon(true);
                return t;
            });
            try {
                java.util.List<java.util.concurrent.Future<?>> futures = new java.util.ArrayList<>();
                for (Scan sc : scans) {
                    futures.add(pool.submit(() -> {
                        sc.run();
                        sc.ctx.finish();
                        return null;
                    }));
                }
                for (int k = 0; k < futures.size(); k++) {
                    futures.get(k).get();
                    ctx.monitor.progress(bounds[k + 1], ctx.content.size(), Prose.format("import.progress.reading", ctx.path.getFileName()));
                }
                faultline.importer.Timing.log("  scan " + n + " parts", t0);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new faultline.importer.ImportCancelledException();
            } catch (java.util.concurrent.ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new ImportException(Prose.format("import.could-not-read", ctx.path.getFileName(), cause), cause);
            } finally {
                pool.shutdownNow();
            }
            long t1 = System.nanoTime();
            LineIndex index = join(scans);
            faultline.importer.Timing.log("  join " + n + " parts", t1);
            return index;
        }

        /**
         * Gives the rows of a part that waited for their worker's unit the one it was on where the parts before
         * ended, as one pass would: replayed in file order with what the part said of units it could not know
         * (an end, which one pass takes from every worker on the unit; a worker gone idle; a unit named while its
         * worker may have been idle). A request in flight is no waiting line's, as in one pass. Workers this part
         * never claimed or ended for stay on what they had.
         */
        private void inherit(Scan sc, Map<Long, Integer> running, int[] map, int base, java.util.BitSet requests, Scan all) {
            if (sc.pending.isEmpty() && sc.replay.isEmpty() && sc.pendingBares == 0) {
                return;
            }
            Map<Long, Integer> on = new HashMap<>(running);
            int[] rows = new int[sc.pending.size()];
            int k = 0;
            for (int r : sc.pending.keySet()) {
                rows[k++] = r;
            }
            java.util.Arrays.sort(rows);
            int e = 0;
            int bareNext = 0;
            // The pending rows and the bare rows, each in row order, are walked together with the replayed steps.
            for (int i = 0; i < rows.length || bareNext < sc.pendingBares; ) {
                boolean bareFirst = bareNext < sc.pendingBares && (i == rows.length || sc.pendingBareRow[bareNext] < rows[i]);
                int row = bareFirst ? sc.pendingBareRow[bareNext] : rows[i];
                for (; e < sc.replay.size() && sc.replay.get(e)[0] <= row; e++) {
                    replay(on, sc.replay.get(e), map, requests);
                }
                if (bareFirst) {
                    Integer owner = on.get(sc.pendingBareWorker[bareNext++]);
                    if (owner != null && owner >= 0) {
                        all.addBareOwner(base + row, owner);
                    }
                    continue;
                }
                i++;
                Integer v = on.get(sc.pending.get(row));
                if ((v == null || v < 0) && sc.toParent.contains(row)) {
                    v = on.get(0L); // a prefixed process on nothing works for what its script claimed
                }
                if (v != null && v >= 0 && !requests.get(v)) {
                    ctx.events.setTask(base + row, v);
                }
            }
            for (; e < sc.replay.size(); e++) {
                replay(on, sc.replay.get(e), map, requests);
            }
            for (Map.Entry<Long, Integer> w : on.entrySet()) {
                if (!sc.touched.contains(w.getKey())) {
                    running.put(w.getKey(), w.getValue());
                }
            }
        }

        private static void replay(Map<Long, Integer> on, long[] what, int[] map, java.util.BitSet requests) {
            long worker = what[2];
            switch ((int) what[1]) {
                case Scan.ENDS -> endFor(on, map[(int) what[2]]);
                case Scan.GOES_IDLE -> on.put(worker, -1);
                case Scan.ENDS_ITS_UNIT -> {
                    Integer v = on.get(worker);
                    if (v != null) {
                        endFor(on, v);
                    }
                    on.put(worker, -1);
                }
                case Scan.TAKES_IF_IDLE -> {
                    Integer v = on.get(worker);
                    int ref = map[(int) what[3]];
                    if ((v == null || v < 0 || requests.get(v)) && ref >= 0) {
                        on.put(worker, ref);
                    }
                }
                default -> throw new IllegalStateException("replay kind " + what[1]);
            }
        }

        private static void endFor(Map<Long, Integer> on, int ref) {
            if (ref >= 0) {
                on.replaceAll((w, r) -> r == ref ? -1 : r);
            }
        }

        /** Appends every part's rows with their task ids mapped, gives inherited units to the rows that waited for them. */
        private LineIndex join(java.util.List<Scan> scans) {
            LineIndex index = new LineIndex();
            Scan all = new Scan(ctx, layouts, dates, 0, 0, false);
            Map<Long, Integer> running = new HashMap<>();
            long lineBase = 0;
            faultline.model.EventStore.Builder to = ctx.events;
            // The columns grow once, to all the parts' rows: growing them part by part copied the rows before again.
            int rows = to.size();
            for (Scan sc : scans) {
                rows += sc.ctx.events.size();
            }
            to.ensure(rows);
            // A rank is one unit whatever a part first called it, as in one pass: the first spelling in the file wins.
            // Keyed by number and launch: the parts before count the worker group's restarts a part's own count starts from.
            Map<Integer, Integer> rankOfNumber = new HashMap<>();
            int launchBase = 0;
            // A noun with its number is one unit in any case ("Job 5521", "job 5521"), whichever part wrote which.
            Map<String, Integer> numberedOf = new HashMap<>();
            // The joined row of each unit's last claim, for the ends of a later part that say only that it is over.
            Map<Integer, Integer> claimRowOf = new HashMap<>();
            for (Scan sc : scans) {
                faultline.model.EventStore.Builder from = sc.ctx.events;
                faultline.importer.merge.TaskRegistry reg = sc.ctx.tasks;
                int[] map = new int[reg.size()];
                for (int r = 0; r < map.length; r++) {
                    String id = reg.id(r);
                    boolean rank = sc.rankRefs.get(r);
                    int rankKey = 0;
                    if (rank) {
                        String bare = faultline.importer.merge.RankLaunch.rank(id);
                        int launch = launchBase + faultline.importer.merge.RankLaunch.of(id);
                        id = faultline.importer.merge.RankLaunch.name(bare, launch);
                        rankKey = Scan.rankKey(Scan.trailingNumber(bare), launch);
                    }
                    Integer same = rank ? rankOfNumber.get(rankKey) : null;
                    String folded = sc.numberedRefs.get(r) ? id.toLowerCase(java.util.Locale.ROOT) : null;
                    if (same == null && folded != null) {
                        same = numberedOf.get(folded);
                    }
                    map[r] = same != null ? same : ctx.tasks.ref(id);
                    if (folded != null && map[r] >= 0) {
                        numberedOf.putIfAbsent(folded, map[r]);
                    }
                    if (map[r] >= 0) {
                        // What each part learned of its units, for the checks made once the whole file is read.
                        if (rank) {
                            rankOfNumber.putIfAbsent(rankKey, map[r]);
                            all.rankRefs.set(map[r]);
                        }
                        if (sc.recordClaimed.get(r)) {
                            all.recordClaimed.set(map[r]);
                            all.requests.clear(map[r]);
                        }
                        if (sc.requests.get(r) && !all.recordClaimed.get(map[r])) {
                            all.requests.set(map[r]);
                        }
                        if (sc.bare.get(r)) {
                            all.bare.set(map[r]);
                        }
                        if (sc.confirmed.get(r)) {
                            all.confirmed.set(map[r]);
                        }
                        if (sc.namedAsUnit.get(r)) {
                            all.namedAsUnit.set(map[r]);
                        }
                    }
                    // A part's unit that nothing was learnt of has no draft, as in one pass: one made here would list it.
                    TaskDraft d = reg.draftIfAny(r);
                    if (d != null && map[r] >= 0) {
                        TaskDraft mine = ctx.tasks.draftOfRef(map[r]);
                        if (mine.type.isEmpty()) {
                            mine.type = d.type;
                        }
                        mine.evidence.addAll(d.evidence);
                        if (mine.errorMessage.isEmpty()) {
                            mine.errorMessage = d.errorMessage;
                        }
                        if (mine.created == null) {
                            mine.created = d.created;
                        }
                    }
                }
                int base = to.size();
                for (int i = 0; i < from.size(); i++) {
                    int t = from.task(i);
                    to.add(from.nanos(i), from.precision(i), from.estimated(i), from.level(i), t >= 0 ? map[t] : -1,
                            ctx.source, from.ref(i));
                }
                // The part's extents by themselves: a lookup per row missed the cache for every one of ten million rows.
                from.forEachExtent((row, x) -> to.setExtent(base + row, (int) x));
                for (int k = 0; k < sc.bareOwners; k++) {
                    int owner = map[sc.bareOwner[k]];
                    if (owner >= 0) {
                        all.addBareOwner(base + sc.bareAt[k] - sc.mark, owner);
                    }
                }
                all.vocabulary.otherUuids.addAll(sc.vocabulary.otherUuids);
                from.release();
                inherit(sc, running, map, base, all.requests, all);
                for (long[] o : sc.openOvers) {
                    int ref = map[(int) o[1]];
                    Integer claimRow = ref >= 0 ? claimRowOf.get(ref) : null;
                    if (claimRow != null && Scan.failedBetween(to, claimRow, base + (int) o[0], ref)) {
                        Scan.failedAtOver(ctx.tasks.draftOfRef(ref), o[2], (int) o[3]);
                    }
                }
                for (Map.Entry<Integer, Integer> c : sc.lastClaim.entrySet()) {
                    if (map[c.getKey()] >= 0) {
                        claimRowOf.put(map[c.getKey()], base + c.getValue() - sc.mark);
                    }
                }
                sc.current.forEachTouched(sc.touched, (w, r) -> running.put(w, r >= 0 ? map[r] : -1));
                index.append(sc.index, (int) Math.min(Integer.MAX_VALUE, lineBase));
                ctx.report.addPart(sc.ctx.report, lineBase);
                // A traceback before anything was claimed is the worker's crash; one pass sees claims of the parts before.
                for (int c : sc.crashes) {
                    if ((all.firstClaimEvent < 0 || sc.printedCrashes.contains(c)) && to.task(base + c - sc.mark) < 0) {
                        all.crashes.add(base + c - sc.mark);
                        if (sc.printedCrashes.contains(c)) {
                            all.printedCrashes.add(base + c - sc.mark);
                        }
                    }
                }
                for (int d : sc.deaths) {
                    all.deaths.add(base + d - sc.mark);
                }
                for (int[] r : sc.runnerRows) {
                    all.runnerRows.add(new int[]{base + r[0] - sc.mark, r[1] >= 0 ? map[r[1]] : -1});
                }
                all.ollama.join(sc.ollama, base, sc.mark, map);
                for (int[] r : sc.rayCliRows) {
                    all.rayCliRows.add(new int[]{base + r[0] - sc.mark, r[1], r[2] >= 0 ? map[r[2]] : -1});
                }
                // A traceback that fails the units in flight is judged once the file is read, as in one pass.
                for (int[] f : sc.fanOuts) {
                    int[] g = new int[f.length];
                    g[0] = base + f[0] - sc.mark;
                    int k = 1;
                    for (int j = 1; j < f.length; j++) {
                        if (f[j] >= 0 && map[f[j]] >= 0) {
                            g[k++] = map[f[j]];
                        }
                    }
                    all.fanOuts.add(java.util.Arrays.copyOf(g, k));
                }
                if (sc.firstClaimEvent >= 0 && all.firstClaimEvent < 0) {
                    all.firstClaimEvent = base + sc.firstClaimEvent - sc.mark;
                }
                if (sc.lastStep >= 0) {
                    all.lastStep = base + sc.lastStep - sc.mark;
                }
                all.anyTime |= sc.anyTime;
                for (long[] g : sc.groupEnds) {
                    all.groupEnds.add(new long[]{launchBase + g[0], base + g[1] - sc.mark});
                }
                launchBase += sc.launch;
                all.launch = launchBase;
                lineBase += sc.lineNumber;
            }
            all.finishJoined(to.size());
            ctx.finish();
            dates.report(ctx);
            return index;
        }
    }

    /** A rank's open traceback set aside while another rank writes: its event and what its next line goes on with. */
    private record Parked(int event, long ref, int task, int rank, boolean pending, long pendingWorker, Continuation cont) {
    }

    /** A failure report a writer is in the middle of: the unit it is about, and the level its lines are written at. */
    private record Reporting(int ref, Level level) {
    }

    /** One pass over the file. */
    private static final class Scan {
        final ReadContext ctx;
        final LineLayout[] layouts;
        final FileDates dates;
        final LineIndex index = new LineIndex();
        final Clock clock = new Clock();
        final LinePrefixes.Found prefix = new LinePrefixes.Found();
        final UnitVocabulary vocabulary = new UnitVocabulary();
        final CurrentUnits current = new CurrentUnits();
        final Map<String, Integer> refs = new HashMap<>();
        /** The continuation state of the last event; swapped for a parked rank's own when that rank writes again. */
        Continuation cont = new Continuation();
        final LineLayout[] fallbacks = LineLayout.fallbacks();
        /** The line before was marked partial by the container runtime. */
        boolean partialBefore;
        final boolean timedFile;
        final int mark;
        long lineNumber;
        int lastEvent = -1;
        long lastEventRef;
        /** The worker that line prefixes named for the last event (continuation lines carry the same prefixes). */
        long lastEventWorker;
        int lastEventTask = -1;
        /** The last timed record's message is java.util.logging's first line: its class and method only. */
        boolean lastEventJulHeader;
        /** The last timed record has nothing after its header: its text follows on the lines below, to a blank line (logcat -v long). */
        boolean lastEventHeaderOnly;
        /** The time of the last timed event, or MIN_VALUE; its precision and writer. */
        long lastEventNanos = Long.MIN_VALUE;
        int lastEventPrecision;
        long lastTimedWorker;
        /** The unit of the last event when a rank prefix named it, else -1. */
        int lastEventRank = -1;
        /** The last event's unit is a rank its logger named on the record (see {@link LinePrefixes.Found#ownRecord}). */
        boolean lastEventOwnRank;
        /** The event the last timed line started: the record the untimed lines after it go on with. */
        int lastTimedEvent = -1;
        long lastRecordNanos = Long.MIN_VALUE;
        /** The last event whose line claimed or ended work: a traceback before it was outlived. */
        int lastStep = -1;
        /** The line just read ended its unit. */
        boolean ended;
        /**
         * The crashes (among crashes) printed without the file's layout, as an interpreter prints the exception it dies
         * of: only such a traceback after units were claimed can be the process's own crash, not a record it logged.
         */
        final java.util.Set<Integer> printedCrashes = new java.util.HashSet<>();
        int firstClaimEvent = -1;
        /** Tracebacks of no unit before anything was claimed: the worker's own crash. */
        final java.util.List<Integer> crashes = new java.util.ArrayList<>();
        /**
         * Events that say a worker process died ("Load model failed: m, error: Worker died."): a crash shortly before
         * one is a crash however much the server writes after it.
         */
        final java.util.List<Integer> deaths = new java.util.ArrayList<>();
        /** Ids met with a noun ({@code Job RJ-0071 accepted}), found again where they stand alone ({@code RJ-0071: ffmpeg …}). */
        final Map<String, Integer> named = new HashMap<>();
        /** Luigi's task ids as the scheduler's lines name them, for the worker's lines that name the task by its repr. */
        private final faultline.importer.merge.LuigiTasks luigi = new faultline.importer.merge.LuigiTasks();
        /** Hashes of the named ids' bytes: a token of a line is decoded and looked up only when its hash is one of them. */
        final faultline.model.IntLongMap namedHashes = new faultline.model.IntLongMap();
        /** Refs of UUIDs the file wrote as a unit's somewhere (a noun before, a tag, a claim), and of those seen only bare. */
        final java.util.BitSet confirmed = new java.util.BitSet();
        final java.util.BitSet bare = new java.util.BitSet();
        /** Rank units by number: {@code rank=1}, {@code rank1}, {@code [rank1]:} and {@code Shard 1} name one rank, kept as first written. */
        final Map<Integer, Integer> ranks = new HashMap<>();
        final java.util.BitSet rankRefs = new java.util.BitSet();
        /**
         * Restarts of the worker group read in this scan (counted from where it began): the launch the ranks named
         * from here on are of, each launch's ranks units of their own.
         */
        int launch;
        /**
         * The restart the last restart line told ({@link WorkerGroupLine#restartTold}), 0 if none. A part counts from
         * its own start: the same restart told on both sides of a part's edge counts twice (parts are large).
         */
        int restartTold;
        /** Launches (of this scan's count) whose worker group the agent said successfully finished: {launch, event row}. */
        final java.util.List<long[]> groupEnds = new java.util.ArrayList<>();
        /** The line being read says the worker group finished: its event ends the launch. */
        boolean groupEndsHere;
        /** Open tracebacks of ranks another rank's lines interrupted, by the ranks' writers (see {@link #resumeRank}). */
        final Map<Long, Parked> parked = new HashMap<>();
        /** Rank units whose name a line prefix gave. */
        final java.util.BitSet spelledByPrefix = new java.util.BitSet();
        /** Refs of requests: a server runs several at once, so a line without an id belongs to none of them. */
        final java.util.BitSet requests = new java.util.BitSet();
        /** Rows before an end of a unit never claimed in which its failure counts. */
        private static final int UNCLAIMED_LOOKBACK = 4096;
        /** The event row of each unit's last claim in this scan. */
        final Map<Integer, Integer> lastClaim = new HashMap<>();
        /** The event whose line claimed a unit last: a rule right under it frames that line, it closes no block. */
        int claimedAt = -1;
        /** The line of that claim: a rule boxes it in only on the very next line, not after the record's lines below it. */
        long claimedLine = -1;
        /**
         * Ends that say only that a unit is over, read in a part that did not see it claimed: {row − mark, ref, nanos,
         * precision}. Whether its attempt failed is judged when the parts are joined.
         */
        final java.util.List<long[]> openOvers = new java.util.ArrayList<>();
        /** Requests taken on by a record's words: run one at a time, so no request in flight, also across parts. */
        final java.util.BitSet recordClaimed = new java.util.BitSet();
        /** Refs of ids that are a noun with its number: one unit in any case, also across parts. */
        final java.util.BitSet numberedRefs = new java.util.BitSet();
        /** Rows (row − mark) waiting for their worker's unit that may take the script's around it instead. */
        final java.util.Set<Integer> toParent = new java.util.HashSet<>();
        private boolean parentEligible;
        /** Per writer, the requests it received that have not ended, oldest first. */
        final Map<Long, java.util.ArrayDeque<Integer>> inFlight = new HashMap<>();
        /** Processes riding on the level ({@code ForkPoolWorker-1}), by prefix and name, → their worker key. */
        final Map<String, Long> processes = new HashMap<>();
        long lastProcessKey;
        /** Per writer, the unit it ended last: a report of that unit's failure may follow without its id (Sidekiq's). */
        final Map<Long, Integer> endedOn = new HashMap<>();
        /** Per writer, the job whose failure report it is writing, and the report's level: its lines at that level are the job's. */
        final Map<Long, Reporting> reporting = new HashMap<>();
        /** Per writer, the unit of a child process it reported dead: its next failure lines without an id are that unit's. */
        final Map<Long, Integer> lost = new HashMap<>();
        /** Failure events of a writer with requests in flight, each with those requests: they failed with it. */
        final java.util.List<int[]> fanOuts = new java.util.ArrayList<>();
        /** Line of each event while no line had a time: an untimed file is laid out by line. */
        int[] lineOf = new int[256];
        boolean anyTime;

        /** The part of the file this scan reads, and whether parts before it were read by others. */
        final long from;
        final long to;
        final boolean continues;
        /** Rows (in this scan's columns) of id-less lines read before their worker claimed or ended anything here → worker. */
        final Map<Integer, Long> pending = new HashMap<>();
        /** Rows (in order) naming only a UUID that may prove another thing's, of a worker whose unit the parts before tell. */
        int[] pendingBareRow = new int[16];
        long[] pendingBareWorker = new long[16];
        int pendingBares;
        /** Workers that claimed or ended a unit in this scan. */
        final java.util.Set<Long> touched = new java.util.HashSet<>();
        boolean lastEventPending;
        /** The line being read waits for a unit its worker claimed in a part before. */
        boolean pendingNow;
        /**
         * What this part said, in file order, of units an earlier part may have left its workers on, for the join to
         * replay: (event index in the part from which it holds, kind, worker or ref, ref); kept only when the part
         * continues another.
         */
        final java.util.List<long[]> replay = new java.util.ArrayList<>();
        /** A unit ended (the ref in the third place). */
        static final int ENDS = 0;
        /** A worker went idle (a separator). */
        static final int GOES_IDLE = 1;
        /** A worker's unit ended with it (a crash, an end said without the unit's id). */
        static final int ENDS_ITS_UNIT = 2;
        /** A unit named that its worker takes on if it was idle (ref in the fourth place). */
        static final int TAKES_IF_IDLE = 3;
        /** The worker whose unit the last event waits for, when it waits. */
        long lastEventPendingWorker;
        /** The worker whose current unit a pending line waits for. */
        long pendingWorker;

        Scan(ReadContext ctx, LineLayout[] layouts, FileDates dates, long from, long to, boolean continues) {
            this.ctx = ctx;
            this.layouts = layouts;
            this.dates = dates;
            this.timedFile = layouts.length > 0;
            this.mark = ctx.events.size();
            this.from = from;
            this.to = to;
            this.continues = continues;
        }

        /** A timed line's message and what its unit was read with, kept until the next line (the buffer is reused). */
        private static final class WrapHead {
            byte[] bytes;
            int start;
            int end;
            long worker;
            long prefixWorker;
            Level level;
            long nanos;
            int precision;
            /** The event the line started, or -1, and the line's number. */
            int event = -1;
            long line;

            void set(byte[] b, int s, int e, long worker, long prefixWorker, Level level, long nanos, int precision, int event) {
                this.bytes = b;
                this.start = s;
                this.end = e;
                this.worker = worker;
                this.prefixWorker = prefixWorker;
                this.level = level;
                this.nanos = nanos;
                this.precision = precision;
                this.event = event;
            }

            /** The message and its wrapped rest [p, e) as one line, a space between as the console took it. */
            byte[] joined(byte[] b, int p, int e) {
                byte[] out = new byte[end - start + 1 + e - p];
                System.arraycopy(bytes, start, out, 0, end - start);
                out[end - start] = ' ';
                System.arraycopy(b, p, out, end - start + 1, e - p);
                return out;
            }
        }

        void run() {
            LineBlocks.read(ctx.content, from, to, new LineBlocks.Sink() {
                @Override
                public void line(byte[] b, int start, int end, long offset) {
                    Scan.this.line(b, start, end, offset);
                }

                @Override
                public void read(long done) {
                    ctx.tick(done - from);
                }

                @Override
                public void cut(int blockBytes) {
                    ctx.report.note(lineNumber, Prose.format("import.line-longer", blockBytes >> 20), null);
                }
            });
        }

        private void line(byte[] b, int s, int e, long offset) {
            lineNumber++;
            ctx.report.lines++;
            if ((lineNumber & (LineIndex.EVERY - 1)) == 1) {
                index.mark(offset, (int) Math.min(Integer.MAX_VALUE, lineNumber));
            }
            int end = e;
            if (end > s && b[end - 1] == '\r') {
                end--;
                ctx.report.repair(Repair.CRLF);
            }
            int p = numberPrefix(b, s, end);
            if (p != s) {
                ctx.report.repair(Repair.LINE_NUMBER_PREFIX);
            }
            int unquoted = QuoteMarks.end(b, p, end);
            if (unquoted != p) {
                ctx.report.repair(Repair.QUOTE_MARKS);
                p = unquoted;
            }
            long lineRef = offset + (p - s);
            long lineEnd = offset + (end - s);
            if (blank(b, p, end)) {
                cont.blank();
                lastEventHeaderOnly = false;
                prevLineBytes = null;
                return;
            }
            int q = LinePrefixes.strip(b, p, end, prefix);
            // The buffer is reused block by block: a line before this one's start is still in it, one after was carried over.
            lineBytesBefore = prevLineBytes != null && prevLineEnd <= s ? prevLineBytes : null;
            widthBefore = prevLineBytes != null && lineBytesBefore == null ? prevLineEnd - prevLineStart : -2;
            lineStartBefore = prevLineStart;
            lineEndBefore = prevLineEnd;
            prevLineBytes = b;
            prevLineStart = q;
            prevLineEnd = end;
            if (end - q > ConsoleWrap.WIDTH) {
                wideLine = true; // bytes, not columns: a line of wide characters only makes this cautious
            }
            workerGroup(b, q, end);
            long worker = prefix.worker;
            boolean completes = partialBefore && prefix.clockAt >= 0 && lastEvent >= 0;
            partialBefore = prefix.partial;
            if (completes) {
                // The container runtime split one line of the application: this is the rest of the line before.
                ctx.extend(lastEvent, lineEnd - lastEventRef);
                ctx.report.repair(Repair.CONTINUATION);
                return;
            }
            if (q + 2 < end && b[q] == ' ' && b[q + 1] == '[' && Clock.isDigit(b[q + 2]) && timedFile) {
                // Megatron's training log writes " [yyyy-MM-dd HH:mm:ss] iteration …" with a space first: its bracketed
                // clock starts the record as it does without the space, where an indented line would go on the one before.
                boolean read = false;
                for (LineLayout l : layouts) {
                    if (!l.outerClock && l.read(b, q + 1, end, clock)) {
                        q++;
                        read = true;
                        break;
                    }
                }
                for (int k = 0; !read && k < fallbacks.length; k++) {
                    if (!fallbacks[k].outerClock && fallbacks[k].read(b, q + 1, end, clock)) {
                        timed(b, q + 1, fallbacks[k], end, worker, lineRef, lineEnd);
                        return;
                    }
                }
            }
            for (LineLayout l : layouts) {
                if (l.read(b, q, end, clock)) {
                    if (!parked.isEmpty() && !l.outerClock && !(l.level >= 0 && Level.ofOrdinal(l.level).isFailure())) {
                        // A line with the application's time ends every set-aside traceback (parts start at such lines);
                        // journald's or a container's clock alone stamps each line of the ranks that interleave, and a
                        // failure's record may go on in another process's interleaved lines ({@link #resumeRecord}).
                        parked.clear();
                    }
                    if (l.outerClock) {
                        // Only the container's clock: the rest is a line of the application without a time.
                        long nanos = nanosOf(l.lineYear);
                        int precision = clock.precision;
                        int rest = clock.end < end && b[clock.end] == ' ' ? clock.end + 1 : clock.end;
                        // The program journald names (systemd[1], celery[4121]) is the line's writer.
                        long program = LineLayout.programKey(b, rest, end, 2);
                        long writer = worker * 31 + program;
                        int text = LineLayout.programEnd(b, rest, end, 2);
                        if (text > 0) {
                            rest = text < end && b[text] == ' ' ? text + 1 : text; // the program's own text, indentation kept
                        } else if (program == 0 && streamNames && LineLayout.streamEnd(b, rest, end) > 0) {
                            // The log stream a platform names after its clock (aws logs tail's): the line's writer, not its text.
                            int stream = LineLayout.streamEnd(b, rest, end);
                            writer = worker * 31 + LinePrefixes.hash(b, rest, stream);
                            rest = stream < end && b[stream] == ' ' ? stream + 1 : stream;
                        }
                        // A process group or a rank after the program or the runtime's clock ("(APIServer pid=8052)
                        // RuntimeError: …", "[rank1]:   File …") names the process.
                        int inner = LinePrefixes.strip(b, rest, end, prefix);
                        if (prefix.worker != 0) {
                            writer = writer * 31 + prefix.worker;
                            rest = inner;
                        }
                        untimed(b, rest, end, writer, lineRef, lineEnd, clock.placeholder ? Long.MIN_VALUE : nanos, precision);
                    } else {
                        timed(b, q, l, end, worker, lineRef, lineEnd);
                    }
                    return;
                }
            }
            if (prefix.clockAt >= 0 && clock.parse(Clock.Shape.ISO, b, prefix.clockAt, end)) {
                // A line of the application without its own time, stamped by the container runtime: its clock stands in.
                long writer = worker * 31;
                int stream = streamNames ? LineLayout.streamEnd(b, q, end) : -1;
                if (stream > 0) {
                    // The log stream a platform names after its clock (aws logs tail's): the line's writer, not its text.
                    writer += LinePrefixes.hash(b, q, stream);
                    q = stream < end && b[stream] == ' ' ? stream + 1 : stream;
                }
                untimed(b, q, end, writer, lineRef, lineEnd, nanosOf(-1), clock.precision);
                return;
            }
            if (lastEventNanos != Long.MIN_VALUE && layouts.length > 0 && layouts[0].hasLevel() && LineLayout.afterClocklessLevel(b, q, end) >= 0) {
                // Rich's console (RichHandler; kohya's sd-scripts): a record in the same second as the one before leaves
                // its clock out, spaces in its place, and keeps its level: a record of its own at that time.
                untimed(b, LineLayout.spaces(b, q, end), end, lastTimedWorker, lineRef, lineEnd, lastEventNanos, lastEventPrecision);
                return;
            }
            untimed(b, q, end, worker * 31, lineRef, lineEnd, Long.MIN_VALUE, 0);
        }

        /**
         * The line before this one, after its prefixes (null when blank): its width is counted only when an untimed line
         * asks (see ConsoleWrap); at a block's start, where it is gone from the buffer, its bytes stand for its columns.
         */
        private byte[] prevLineBytes;
        private int prevLineStart;
        private int prevLineEnd;
        private byte[] lineBytesBefore;
        private int lineStartBefore;
        private int lineEndBefore;
        private int widthBefore = -2;

        /** Timed lines name the log stream they came from after the platform's clock: the untimed lines' stream is their writer. */
        private boolean streamNames;

        /** Only a record's own line, or a wrap of it, is cut by the console: not a print's (whose width is the program's). */
        private long lastTimedLine = -1;
        /** A line wider than the console was seen: nothing in the file was cut to that width. */
        private boolean wideLine;
        private long lastWrapLine = -1;

        /** The timed line just read, for a console's wrap of it (see {@link #wrapped}). */
        private final WrapHead wrapHead = new WrapHead();

        /** Whether the untimed line [p, e) is the rest of the line before, cut at the console's width. */
        private boolean wrapped(byte[] b, int p, int e) {
            if (wideLine || p >= e || b[p] == ' ' || b[p] == '\t' || Continuation.isTracebackStart(b, p, e) || Continuation.isCrashStart(b, p, e)
                    || Continuation.isQuotedTracebackLine(b, p, e)) {
                return false;
            }
            if (LineLayout.leadingLevel(b, p, e) >= 0) {
                return false; // a line of its own with its level first (uvicorn's "INFO:     …" among timed records)
            }
            if (widthBefore == -2) {
                widthBefore = lineBytesBefore == null ? -1 : ConsoleWrap.columns(lineBytesBefore, lineStartBefore, lineEndBefore);
            }
            return ConsoleWrap.continues(widthBefore, b, p, e);
        }

        /** The outer clock of a line whose layout reads the application's inside it. */
        private final Clock outer = new Clock();

        /**
         * The application's clock without an offset, read beside journald's clock with one (in {@link #outer}):
         * where the two tell the same wall-clock time within minutes, the program writes its host's time, in the
         * offset journald writes, and its instant is journald's plus their difference. Where they differ by hours
         * (journald asked for UTC, a container's UTC clock around a program on local time), the program's wall-clock
         * time is kept as it is written, read in the file's zone (nanos, as computed).
         */
        private long besideOuter(long nanos) {
            if (outer.offsetSeconds == Clock.NO_OFFSET || outer.year <= 0 || outer.month <= 0 || outer.day <= 0) {
                return nanos;
            }
            int inner = clock.hour * 3600 + clock.minute * 60 + Math.min(clock.second, 59);
            int out = outer.hour * 3600 + outer.minute * 60 + Math.min(outer.second, 59);
            int diff = Math.floorMod(inner - out + 43_200, 86_400) - 43_200; // the wall clocks' difference, across midnight
            if (Math.abs(diff) > 300 && clock.shape.hasDate) {
                return nanos;
            }
            int date = (outer.year * 13 + outer.month) * 32 + outer.day;
            if (date != outerDate) {
                // Journald's lines of one day share their date: it is turned into a day number once.
                try {
                    outerEpochDay = java.time.LocalDate.of(outer.year, outer.month, outer.day).toEpochDay();
                } catch (java.time.DateTimeException ex) {
                    return nanos;
                }
                outerDate = date;
            }
            long outerSeconds = outerEpochDay * 86_400L + out - outer.offsetSeconds;
            if (Math.abs(diff) > 300) {
                // A time of day alone (LocalAI's "11:58PM" in its container's UTC, docker's clock at +01:00 around it):
                // its date is the one that puts it nearest the outer instant, which near midnight is not the outer's own date.
                long day = Math.floorDiv(outerSeconds, 86_400L);
                long best = day * 86_400L + inner;
                for (long d = day - 1; d <= day + 1; d++) {
                    long t = d * 86_400L + inner;
                    if (Math.abs(t - outerSeconds) < Math.abs(best - outerSeconds)) {
                        best = t;
                    }
                }
                return best * 1_000_000_000L + clock.fraction;
            }
            return (outerSeconds + diff) * 1_000_000_000L + clock.fraction;
        }

        private int outerDate = -1;
        private long outerEpochDay;

        private long nanosOf(int lineYear) {
            if (clock.shape == Clock.Shape.EPOCH) {
                return clock.epochNanos;
            }
            long day = dates.epochDay(clock, lineYear, ctx.report);
            long local = day * 86_400L + clock.hour * 3600L + clock.minute * 60L + Math.min(clock.second, 59);
            if (clock.offsetSeconds != Clock.NO_OFFSET) {
                return (local - clock.offsetSeconds) * 1_000_000_000L + clock.fraction;
            }
            return ctx.time.localToNanos(day, clock.nanosOfDay());
        }

        /** How long after its header a traceback printed a line a record may still be printing its frames. */
        private static final long PRINTED_TRACEBACK_NANOS = 5_000_000_000L;

        /** lineRef and lineEnd: where the line starts and ends in the file (before its prefixes, which lineStart is after). */
        private void timed(byte[] b, int lineStart, LineLayout l, int e, long prefixWorker, long lineRef, long lineEnd) {
            lastTimedLine = lineNumber;
            int precision = clock.precision;
            boolean placeholder = clock.placeholder;
            long nanos;
            if (l.secondClock && !clock.shape.hasDate && !placeholder && outer.parseAny(b, lineStart, e)
                    && outer.shape.hasDate && outer.shape != Clock.Shape.EPOCH && outer.offsetSeconds == Clock.NO_OFFSET) {
                // A program's time of day inside a wrapper's dated clock without an offset (its own clock in a syslog
                // line): the date is the line's own, not one run on from the file's start that misses the days between.
                nanos = ctx.time.localToNanos(dates.epochDayBeside(clock, outer, l.lineYear, ctx.report), clock.nanosOfDay());
            } else {
                nanos = nanosOf(l.lineYear);
                if (l.secondClock && clock.offsetSeconds == Clock.NO_OFFSET && clock.shape != Clock.Shape.EPOCH && !placeholder
                        && java.time.ZoneOffset.UTC.equals(ctx.time.zone()) && outer.parseAny(b, lineStart, e)) {
                    nanos = besideOuter(nanos);
                }
            }
            int recordLevel = l.level < 0 && l.messageStart < e && b[l.messageStart] == '{' ? LineLayout.recordLevel(b, l.messageStart, e) : -1;
            Level level = l.level >= 0 ? Level.ofOrdinal(l.level) : recordLevel >= 0 ? Level.ofOrdinal(recordLevel) : Level.INFO;
            // The writer: the supervisor's prefixes, the program journald names, a process group among the skipped
            // tokens ("… vllm[8052]: (VllmWorker rank=0 pid=8139) INFO 03-05 …"), then the process the header names.
            long base = prefixWorker * 31;
            // A Metaflow task's prefix after the clock names the process that writes: its traceback goes on over its own lines.
            int pathspec = l.level < 0 ? UnitVocabulary.taskPathspecEnd(b, l.messageStart, e) : -1;
            if (pathspec > 0) {
                base = base * 31 + LinePrefixes.hash(b, l.messageStart, pathspec);
            }
            int relayed = l.level >= 0 ? faultline.importer.scan.RelayedStream.end(b, l.messageStart, e) : -1;
            if (relayed > 0) {
                // A child's output its parent relays under its own clock and level ("[ComfyUI-0/STDERR] Traceback …"): the
                // child writes it, whichever stream, and its text starts after the tag.
                base = base * 31 + faultline.importer.scan.RelayedStream.child(b, l.messageStart, e);
                l.messageStart = relayed;
            }
            if (l.skipped() > 0) {
                long program = LineLayout.programKey(b, lineStart, l.timeStart(), l.skipped() + 1);
                long stream = program != 0 || !l.secondClock ? 0 : LineLayout.streamKey(b, lineStart, l.timeStart(), l.skipped() + 1);
                streamNames |= stream != 0;
                base += program + stream;
                long group = LinePrefixes.groupAmong(b, lineStart, l.timeStart(), prefix);
                if (group != 0) {
                    base = base * 31 + group;
                }
            }
            // The layout took the tag for the record's thread: the stream it names is not another writer.
            long worker = l.worker == 0 || relayed > 0 ? base : base * 31 + l.worker;
            if (prefix.rank < 0 && l.messageStart < e && b[l.messageStart] == '[') {
                // Axolotl's "[axolotl.train:173] [PID:12] [RANK:1] msg": the rank is a field of the record's header.
                int field = LinePrefixes.rankField(b, l.messageStart, e);
                if (field >= 0) {
                    prefix.fieldRank(field);
                }
            }
            // Only a record read by its own clock is continued so: an untimed line between (a native stack's frame
            // under TensorRT-LLM's error) ends it, and the traceback after is a record of its own.
            // A traceback printed line by line to a stream the server logs a record per line of, at the stream's
            // level and each with its own time (TorchServe's "W-9000-model-stdout MODEL_LOG -     frame"), goes
            // on as long as its lines come from the same writer within moments of its header. (Lines without a level
            // carry a platform's clock only: they are followed below, through the host and program they repeat.)
            if (!parked.isEmpty() && (placeholder || nanos != parkedNanos)) {
                parked.clear();
            }
            if (lastEvent >= 0 && !placeholder && base != lastEventWorker && level.isFailure() && nanos == lastEventNanos) {
                resumeRecord(base, nanos);
            }
            boolean sameRecord = nanos == lastEventNanos && level.isFailure();
            boolean printedTraceback = l.level >= 0 && cont.inRecordTraceback() && nanos >= lastEventNanos
                    && nanos - lastEventNanos <= PRINTED_TRACEBACK_NANOS;
            if (lastEvent >= 0 && !placeholder && base == lastEventWorker && (sameRecord || printedTraceback)
                    && !ctx.events.estimated(lastEvent) && cont.continuesRecord(b, l.messageStart, e, !sameRecord)) {
                // A traceback logged as one record whose every line repeats the prefix, clock and level (vLLM, oslo).
                ctx.extend(lastEvent, lineEnd - lastEventRef);
                ctx.report.repair(Repair.CONTINUATION);
                if (!ctx.events.failureLevel(lastEvent) && !(level == Level.WARNING && ctx.events.level(lastEvent) == Level.WARNING)) {
                    // A traceback printed to stdout is an error whatever level the stream's lines are logged at; one the
                    // program printed to a stream logged at WARNING (celery's redirected stdout) was handled, and stays a warning.
                    ctx.events.setLevel(lastEvent, level.isFailure() ? level : Level.ERROR);
                }
                if (lastEventTask < 0 && firstClaimEvent < 0 && cont.openedTraceback()
                        && (crashes.isEmpty() || crashes.get(crashes.size() - 1) != lastEvent)) {
                    crashes.add(lastEvent); // a process that crashed before it took any unit on: its crash is its own
                }
                return;
            }
            int own = l.messageStart;
            if (l.level < 0 && recordLevel < 0 && !placeholder) {
                // Only a platform's clock on every line the program prints: a traceback goes on over lines that each
                // carry their own stamp, and its header starts an error event.
                int raw = clock.end < e && b[clock.end] == ' ' ? clock.end + 1 : clock.end;
                // Journald's or syslog's host and program before the program's own text ("gpu-7 python[2201]: Traceback …").
                int program = LineLayout.programEnd(b, raw, e, 2);
                if (program > 0) {
                    raw = program < e && b[program] == ' ' ? program + 1 : program;
                    own = raw;
                }
                if (pathspec > 0) {
                    raw = pathspec;
                    own = raw;
                }
                // A process's tag after the platform's clock ("[w1] ", "[rank1]: ", "(pid=812) "): the process writes
                // the line, and its traceback's lines go on under the tag.
                int tagged = program > 0 || pathspec > 0 ? raw : LinePrefixes.strip(b, raw, e, prefix);
                if (tagged > raw && prefix.worker != 0) {
                    base = base * 31 + prefix.worker;
                    worker = l.worker == 0 ? base : base * 31 + l.worker;
                    raw = tagged;
                    own = raw;
                }
                if (raw >= e && program <= 0 && pathspec <= 0 && lastEvent >= 0 && cont.inTraceback()) {
                    cont.blank(); // a blank line the platform stamped: a chained traceback's parts are set apart by them
                    return;
                }
                if (lastEvent >= 0 && base == lastEventWorker && cont.inTraceback()
                        && cont.classify(b, raw, e, false, true) != Continuation.Kind.NEW) {
                    ctx.extend(lastEvent, lineEnd - lastEventRef);
                    ctx.report.repair(Repair.CONTINUATION);
                    return;
                }
                if (Continuation.isTracebackStart(b, raw, e) || Continuation.endsOpeningTraceback(b, raw, e)) {
                    level = Level.ERROR;
                }
            }
            lastEventNanos = placeholder ? Long.MIN_VALUE : nanos;
            lastEventPrecision = precision;
            lastTimedWorker = worker;
            if (l.processStart >= 0 && worker != lastProcessKey) {
                lastProcessKey = worker;
                processes.putIfAbsent(prefixWorker + "/" + new String(b, l.processStart, l.processEnd - l.processStart,
                        java.nio.charset.StandardCharsets.UTF_8), worker);
            }
            headerFrom = lineStart;
            componentParent = l.worker != 0 && relayed <= 0 ? base : NO_PARENT;
            int task = unitOf(b, l.messageStart, e, worker, prefixWorker, level, placeholder ? Long.MIN_VALUE : nanos, precision);
            componentParent = NO_PARENT;
            wrapHead.set(b, l.messageStart, e, worker, prefixWorker, level, placeholder ? Long.MIN_VALUE : nanos, precision, ctx.events.size());
            wrapHead.line = lineNumber;
            if (task < 0 && l.keyedClock()) {
                task = runnerUnit(b, l, e);
                if (task < 0 && level.isFailure() && !placeholder) {
                    ollama.errorLine(b, clock.nanosOfDay(), l.messageStart, e, ctx.events.size());
                }
            } else if (task < 0 && !placeholder && GinAccess.taggedAt(b, lineStart, l.timeStart())) {
                task = answeredRequest(b, l, e, nanos, precision, GinAccess.parse(b, l.messageStart, e));
            } else if (task < 0 && !placeholder && AccessFields.endsWithUrl(b, l.messageStart, e)) {
                task = answeredRequest(b, l, e, nanos, precision, AccessFields.parse(b, l.messageStart, e));
            } else if (task < 0 && !placeholder && WebuiApiLine.taggedAt(b, lineStart, l.timeStart())) {
                GinAccess api = WebuiApiLine.parse(b, l.messageStart, e);
                task = api != null && WebuiApiLine.isWork(api) ? answeredRequest(b, l, e, nanos, precision, api) : -1;
                if (task >= 0 && api.status() >= 500) {
                    // The web UI printed the call's error report (errors.report: "*** API error: …", its traceback, "---")
                    // before the middleware printed the call's line: the report is the call's failure.
                    failuresPrintedBefore(task);
                }
            }
            if (task < 0) {
                rayCliLine(b, l.messageStart, e);
            }
            int ev = placeholder ? ctx.estimated(level, task, lineRef) : ctx.timed(nanos, precision, level, task, lineRef);
            if (placeholder || nanos >= lastRecordNanos) {
                // A clock behind the record before it (loguru's, inside a shard's stderr that the launcher dumps
                // when the shard dies) is text of that record: it starts none that span fields may close.
                lastTimedEvent = ev;
                lastRecordNanos = placeholder ? lastRecordNanos : nanos;
            }
            if (task < 0 && firstClaimEvent < 0 && (Continuation.isTracebackStart(b, own, e) || Continuation.isTracebackStart(b, l.messageStart, e))) {
                // A traceback written as a record of its own (ComfyUI stamps each write) by a process that took no unit on.
                crashes.add(ev);
            }
            anyTime |= !placeholder;
            event(ev, lineRef, base, task);
            if (ended) {
                lastEventTask = -1;
                lastEventPending = false;
                ended = false;
            }
            // Only near a crash of no unit (or at the start of a part, whose crash may lie in the part before).
            boolean nearCrash = !crashes.isEmpty() ? ev - crashes.get(crashes.size() - 1) <= DIED_WITHIN : continues && ev - mark <= DIED_WITHIN;
            if (task < 0 && nearCrash && ProcessDied.says(b, l.messageStart, e)) {
                deaths.add(ev);
            }
            cont.timedLine(b, own, e);
            lastEventAccess = AccessLine.status(b, l.messageStart, e) >= 0;
            lastEventJulHeader = JulRecord.isHeader(b, l.messageStart, e);
            lastEventHeaderOnly = l.level >= 0 && onlyClosing(b, l.messageStart, e);
            if (task < 0 && firstClaimEvent < 0 && cont.inRecordTraceback() && (crashes.isEmpty() || crashes.get(crashes.size() - 1) != ev)) {
                crashes.add(ev); // its header after the thread and logger a printed traceback's lines repeat
            }
        }

        /**
         * A line without a time of the file's layout; outerNanos is the container's clock when it wrote one, else
         * MIN_VALUE; program the key of the program a journald line names, else 0.
         */
        private void untimed(byte[] b, int p, int e, long worker, long lineRef, long lineEnd, long outerNanos, int outerPrecision) {
            if (p >= e) {
                cont.blank();
                return;
            }
            long prefixWorker = prefix.worker;
            // c10 puts a rank's prefix ("[rank1]:[E412 …]") on a record's first line only: the C++ backtrace
            // under it comes bare, and is that record's all the same.
            boolean sameWorker = worker == lastEventWorker
                    || (worker == 0 && lastEventRank >= 0 && lastEvent >= 0 && Continuation.isNativeTraceLine(b, p, e));
            if (!sameWorker && prefix.rank >= 0 && lastEvent >= 0) {
                sameWorker = resumeRank(worker);
            }
            if (lastEventHeaderOnly && lastEvent >= 0 && outerNanos == Long.MIN_VALUE) {
                ctx.extend(lastEvent, lineEnd - lastEventRef);
                ctx.report.repair(Repair.CONTINUATION);
                return;
            }
            Level jul = lastEventJulHeader && outerNanos == Long.MIN_VALUE ? JulRecord.levelLine(b, p, e) : null;
            lastEventJulHeader = false;
            if (jul != null && lastEvent >= 0) {
                // java.util.logging's second line: the record's level and message under its time, class and method.
                ctx.extend(lastEvent, lineEnd - lastEventRef);
                ctx.report.repair(Repair.CONTINUATION);
                ctx.events.setLevel(lastEvent, jul);
                cont.timedLine(b, p, e);
                return;
            }
            // A line the container's clock stamped is no wrapped text of the line before: it was written on its own.
            // A traceback opening right under a unit's line that says the unit completed is no exc_info of that line: the
            // process raised it afterwards (a driver's script, once its tasks had run). Asked at traceback headers only.
            boolean afterSuccess = lastEvent >= 0 && sameWorker && outerNanos == Long.MIN_VALUE && ctx.events.task(lastEvent) >= 0
                    && !ctx.events.failureLevel(lastEvent) && ctx.events.level(lastEvent) != Level.WARNING
                    && Continuation.isTracebackStart(b, p, e) && lineRef > lastEventRef && lineRef - lastEventRef < MAX_ENDED_LINE
                    && faultline.importer.merge.EndedWell.says(ctx.content.decode(lastEventRef, (int) (lineRef - lastEventRef)),
                            ctx.events.level(lastEvent));
            if (lastEvent >= 0 && sameWorker && outerNanos == Long.MIN_VALUE && !afterSuccess
                    && (lastTimedLine == lineNumber - 1 || lastWrapLine == lineNumber - 1) && wrapped(b, p, e)) {
                lastWrapLine = lineNumber;
                // The console cut the record's line at its width: this is the rest of it, not a print of its own.
                ctx.extend(lastEvent, lineEnd - lastEventRef);
                ctx.report.repair(Repair.CONTINUATION);
                if (lastEventTask < 0 && wrapHead.event == lastEvent && wrapHead.line == lineNumber - 1 && lineBytesBefore == wrapHead.bytes) {
                    // The record named its unit, or its access line its status, past the width: read them from the whole line.
                    byte[] whole = wrapHead.joined(b, p, e);
                    int task = unitOf(whole, 0, whole.length, wrapHead.worker, wrapHead.prefixWorker, wrapHead.level, wrapHead.nanos, wrapHead.precision);
                    if (task >= 0) {
                        ctx.events.setTask(lastEvent, task);
                        lastEventTask = task;
                    }
                }
                wrapHead.event = -1; // a third line of the record: its first two were read together once
                return;
            }
            // An access line is a whole record (no server logs a request's answer with exc_info): a traceback under it was
            // printed by the application on its own.
            boolean afterAccess = lastEventAccess && Continuation.isTracebackStart(b, p, e);
            Continuation.Kind k = lastEvent >= 0 && sameWorker && !afterSuccess && !afterAccess ? cont.classify(b, p, e, timedFile && outerNanos == Long.MIN_VALUE,
                    ctx.events.level(lastEvent) != Level.PRINT)
                    : Continuation.Kind.NEW;
            if (k != Continuation.Kind.NEW) {
                ctx.extend(lastEvent, lineEnd - lastEventRef);
                ctx.report.repair(Repair.CONTINUATION);
                int trailer = LineLayout.rankTrailer(b, p, e);
                if (trailer >= 0) {
                    spanRank(trailer);
                }
                if (k == Continuation.Kind.TEXT && (lastEventTask < 0 || (!lastEventNamed && cont.inReport()))
                        && vocabulary.find(b, p, e) && vocabulary.named) {
                    // A report names its unit on a later line ("*** Error completing request" / "*** Arguments: ('task(…)'"),
                    // also when its first line, naming none, was taken for the unit that logged before it.
                    int ref = refOf(vocabulary.id(b), vocabulary.kind);
                    lastEventNamed = ref >= 0;
                    if (ref >= 0) {
                        ctx.events.setTask(lastEvent, ref);
                        lastEventTask = ref;
                        if (firstClaimEvent < 0) {
                            firstClaimEvent = lastEvent;
                        }
                    }
                }
                if (k == Continuation.Kind.TRACEBACK && !ctx.events.failureLevel(lastEvent) && ctx.events.level(lastEvent) != Level.WARNING) {
                    // A traceback under a warning was handled (logged with exc_info and retried): the level the line writes stands.
                    ctx.events.setLevel(lastEvent, Level.ERROR);
                }
                if (k == Continuation.Kind.TRACEBACK && lastEventTask < 0
                        && (crashes.isEmpty() || crashes.get(crashes.size() - 1) != lastEvent)) {
                    crashes.add(lastEvent);
                    printedCrashes.add(lastEvent);
                }
                return;
            }
            if (timedFile && maybeClock(b, p, e)) {
                for (LineLayout f : fallbacks) {
                    if (f.read(b, p, e, clock)) {
                        timed(b, p, f, e, prefix.worker, lineRef, lineEnd);
                        return;
                    }
                }
            }
            int lv = LineLayout.leadingLevel(b, p, e);
            int own = ElapsedPrefix.end(b, p, e);
            if (own > 0) {
                p = own; // llama.cpp's elapsed time and level letter: what names a unit or ends one follows them
            }
            boolean traceback = Continuation.isTracebackStart(b, p, e) || Continuation.isCrashStart(b, p, e);
            Level level = lv >= 0 ? Level.ofOrdinal(lv) : traceback ? Level.ERROR : Level.PRINT;
            // An untimed line belongs to what logged just before it; one naming a unit, to that unit.
            int task;
            String serverTask;
            int body = UnitVocabulary.body(b, p, e);
            headerFrom = p;
            if (vocabulary.find(b, p, e) || knownId(b, p, e) >= 0 || (body < e && b[body] == 'g' && UnitVocabulary.startsWith(b, body, e, GOT_PROMPT))
                    || (luigi.any() && luigi.resolve(b, p, e) >= 0) || WorkerPid.named(b, p, e) >= 0) {
                task = unitOf(b, p, e, worker, prefixWorker, level, outerNanos, outerPrecision);
            } else if (own > 0 && (serverTask = ServerTaskKey.of(b, p, e)) != null) {
                // llama.cpp's server naming a task by its key (an error answer, a launch it gave up): that task's line,
                // which does not make the task the writer's current one (the server runs many).
                task = refOfNumbered(serverTask, UnitVocabulary.TASK);
                unitNamed = task >= 0;
            } else {
                // A rank its logger named on the record before ([RANK:1]) says nothing of a bare print after it.
                task = afterSuccess ? -1 : unnamed(lastEvent >= 0 && sameWorker ? (lastEventOwnRank ? -1 : lastEventTask) : currentOrParent(worker));
                pendingNow = task < 0 && (lastEvent >= 0 && sameWorker ? lastEventPending : continues && !touched.contains(worker));
                // The line waits for what the line before waits for, keyed as that one was (a thread's, for a timed line).
                pendingWorker = lastEvent >= 0 && sameWorker && lastEventPending ? lastEventPendingWorker : worker;
                if (task < 0 && prefix.rank >= 0) {
                    task = rankUnit();
                }
                if (task < 0 && traceback && lastEvent >= 0 && lastEventRank >= 0 && worker == 0) {
                    task = lastEventRank; // a crash report printed right after its rank's last line, without the rank's prefix
                }
                if (task >= 0 && Continuation.isCrashStart(b, p, e)) {
                    // A C++ abort or a Go panic: the process dies, and with it its unit's attempt.
                    current.remove(worker);
                    endEverywhere(task);
                    ended = true;
                } else if (pendingNow && Continuation.isCrashStart(b, p, e)) {
                    goneWith(worker, ENDS_ITS_UNIT); // the unit an earlier part left the worker on
                    ended = true;
                }
                UnitVocabulary.Step step = vocabulary.stepOf(b, body, e, false);
                if (step != UnitVocabulary.Step.NONE) {
                    lastStep = ctx.events.size();
                }
                if (step == UnitVocabulary.Step.END && (task >= 0 || pendingNow)) {
                    current.remove(worker);
                    if (task >= 0) {
                        endEverywhere(task);
                    } else if (!touched.contains(pendingWorker)) {
                        goneWith(worker, ENDS_ITS_UNIT);
                    }
                    touched.add(worker);
                    ended = true;
                }
                if (task < 0) {
                    endRequestByAccessLine(b, p, e, worker, outerNanos, outerPrecision);
                }
            }
            int ev;
            if (outerNanos != Long.MIN_VALUE) {
                // Read by the container's clock: understood, if not by the application's layout.
                ev = ctx.timed(outerNanos, outerPrecision, level, task, lineRef);
                anyTime = true;
            } else {
                ev = ctx.estimated(level, task, lineRef);
                ctx.report.unparsed(lineNumber, timedFile ? UNTIMED_LINE : UNTIMED_FILE, null);
            }
            event(ev, lineRef, worker, task);
            if ((traceback || UnitVocabulary.startsWith(b, p, e, FATAL_PYTHON)) && task < 0) {
                crashes.add(ev); // faulthandler's "Fatal Python error: Segmentation fault" names what the stacks below died of
                printedCrashes.add(ev);
            }
            if (ended) {
                lastEventTask = -1; // what follows an end is no longer that unit's
                lastEventPending = false;
                ended = false;
            }
            cont.newEvent(b, p, e, traceback);
            lastEventAccess = !traceback && AccessLine.status(b, p, e) >= 0;
            if (Continuation.isSeparator(b, p, e) && (claimedAt != ev - 1 || claimedLine != lineNumber - 1)) {
                // "---" closes the block it ends: what follows is not that block's unit's. Right under the line that
                // claimed it, the rule boxes that line in (Ray's "Job 'raysubmit_…' submitted successfully").
                current.remove(worker);
                if (continues && !touched.contains(worker)) {
                    goneWith(worker, GOES_IDLE);
                }
                lastEventTask = -1;
                lastEventPending = false;
            }
        }

        /**
         * A unit first named on the line that ends it, by a writer that runs one at a time, owns the failures printed
         * right before that line that no unit took: a program that names its work only once it is over (text-generation-webui
         * logs "Output generated in …, seed S)" in a finally, after print_exc()) printed their tracebacks while on it.
         * Only untimed failure records count, so another record's traceback or a print of the program's own is not taken.
         */
        private void failuresPrintedBefore(int ref) {
            for (int i = lastEvent; i >= Math.max(mark, lastEvent - MAX_PRINTED_BEFORE); i--) {
                if (i == lastEvent && ctx.events.task(i) < 0 && ctx.events.estimated(i) && !ctx.events.failureLevel(i) && isRule(i)) {
                    continue; // the "---" that closes a printed report
                }
                if (ctx.events.task(i) >= 0 || !ctx.events.estimated(i) || !ctx.events.failureLevel(i)) {
                    return;
                }
                ctx.events.setTask(i, ref);
                if (i == lastEvent) {
                    lastEventTask = ref;
                }
            }
        }

        /** Whether event i is a line of dashes alone. */
        private boolean isRule(int i) {
            long ref = ctx.events.ref(i);
            String line = ctx.content.decode(ref, (int) Math.min(ctx.content.nextNewline(ref) - ref, 80)).strip();
            return line.length() >= 3 && line.chars().allMatch(c -> c == '-');
        }

        /** Failure records printed one after another before a unit's end are few: a run of more is no one unit's. */
        private static final int MAX_PRINTED_BEFORE = 8;

        /** The writer of a timed line without the component or thread its layout names, while unitOf reads one that has it. */
        private long componentParent = NO_PARENT;
        private static final long NO_PARENT = Long.MIN_VALUE;

        /** Whether the last event's line is a web server's access line. */
        private boolean lastEventAccess;

        private void event(int ev, long ref, long worker, int task) {
            if (groupEndsHere) {
                groupEnds.add(new long[]{launch, ev});
                groupEndsHere = false;
            }
            lastEventNamed = unitNamed;
            unitNamed = false;
            if (pendingNow && parentEligible) {
                toParent.add(ev - mark);
            }
            parentEligible = false;
            if (prefix.rank >= 0) {
                rankSpelledByPrefix();
            }
            if (pendingNow) {
                // Keyed as the current units are: a timed line's worker includes its thread, its event's writer does not.
                pending.put(ev - mark, pendingWorker);
            }
            lastEventPending = pendingNow;
            if (pendingNow) {
                lastEventPendingWorker = pendingWorker;
            }
            pendingNow = false;
            lastEvent = ev;
            lastEventRef = ref;
            lastEventWorker = worker;
            lastEventTask = task;
            if (awaitedNamed) {
                // The line of another party waiting for the unit it names: what follows is the worker's, as before it.
                lastEventTask = keptTask;
                awaitedNamed = false;
            }
            // A rank its logger names on its own records says nothing of the process's bare lines after them.
            lastEventRank = prefix.rank >= 0 && !prefix.ownRecord ? task : -1;
            lastEventOwnRank = prefix.rank >= 0 && prefix.ownRecord && task >= 0;
            if (!anyTime) {
                int k = ev - mark;
                if (k >= lineOf.length) {
                    lineOf = java.util.Arrays.copyOf(lineOf, lineOf.length * 2);
                }
                lineOf[k] = (int) Math.min(Integer.MAX_VALUE, lineNumber);
            }
        }

        /**
         * The unit of a line: the one it names, else the one its worker claimed last and has not ended (a request
         * excepted: a server runs several at once), else the one of the pool process it names as lost, else its rank.
         * nanos is the line's time, or MIN_VALUE when it has none of its own.
         */
        /** Whether the line being read named its unit itself, and whether the last event's first line did. */
        private boolean unitNamed;
        private boolean lastEventNamed;

        private int unitOf(byte[] b, int m, int e, long worker, long prefixWorker, Level level, long nanos, int precision) {
            int body = UnitVocabulary.body(b, m, e);
            boolean hasId = vocabulary.find(b, m, e);
            int ref = -1;
            boolean byNoun = false;
            boolean asUnit = true;
            if (hasId) {
                String id = vocabulary.id(b);
                ref = vocabulary.nounKept() ? refOfNumbered(id, vocabulary.kind) : refOf(id, vocabulary.kind);
                // A request's UUID after its noun ("Received chat completion request <uuid>") names it as a keyed id
                // would: a server's request is in flight from the line that names it, and its access line answers it.
                byNoun = vocabulary.named || (UnitVocabulary.REQUEST.equals(vocabulary.kind) && vocabulary.unitNounBeforeUuid(b, m));
                if (ref >= 0 && vocabulary.concurrent) {
                    requests.set(ref); // one of several at once: the writer's lines without an id are not its
                } else if (ref >= 0 && vocabulary.oneAtATime) {
                    requests.clear(ref);
                    recordClaimed.set(ref);
                }
                String name = ref >= 0 ? vocabulary.taskNameBefore(b, m) : null;
                TaskDraft run = name != null ? ctx.tasks.draftOfRef(ref) : null;
                if (run != null && (run.type.isEmpty() || run.type.equals(vocabulary.kind))) {
                    run.type = name; // what the queue ran, not only its kind: peers are the same task's other runs
                }
                if (byNoun && ref >= 0) {
                    named.put(id, ref);
                    luigi.saw(id, ref);
                    byte[] ib = id.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    namedHashes.put(idHash(ib, 0, ib.length), 1);
                }
                asUnit = vocabulary.uuidAsUnit(b, m, e);
            } else {
                ref = knownId(b, m, e);
                if (ref < 0 && luigi.any()) {
                    ref = luigi.resolve(b, m, e); // "… running   Family(param=v)": the task whose id the scheduler wrote
                }
                byNoun = ref >= 0;
            }
            UnitVocabulary.Step step = vocabulary.stepOf(b, body, e, hasId);
            // A job's failure report says nothing of where the job is: the words inside its context ("failed_at") end nothing.
            boolean report = faultline.importer.merge.JobReport.isContext(b, body, e);
            if (report) {
                step = UnitVocabulary.Step.NONE;
            }
            if (!hasId && ref < 0 && step == UnitVocabulary.Step.CLAIM && UnitVocabulary.startsWith(b, body, e, GOT_PROMPT)
                    && (nanos != Long.MIN_VALUE || (from == 0 && to == ctx.content.size()))) {
                // ComfyUI takes a prompt on without naming it: the prompt is named by the time it came in, as the list shows it;
                // on its console, which writes no time, by the line it came in on (one pass: a part's lines are not the file's).
                ref = refOf("prompt " + (nanos != Long.MIN_VALUE ? faultline.model.TimeText.clock(nanos, Math.min(3, precision))
                        : "line " + lineNumber), UnitVocabulary.PROMPT);
                asUnit = true;
            }
            if (!hasId && ref < 0 && nanos != Long.MIN_VALUE) {
                String route = LmStudioRequest.route(b, body, e);
                if (route != null) {
                    ref = refOf(route + " " + faultline.model.TimeText.clock(nanos, Math.min(3, precision)), UnitVocabulary.REQUEST);
                    if (ref >= 0) {
                        step = UnitVocabulary.Step.CLAIM;
                        requests.clear(ref); // served one at a time: the server's lines until its answer are the request's
                        recordClaimed.set(ref);
                        asUnit = true;
                    }
                } else if (step == UnitVocabulary.Step.NONE && LmStudioRequest.answered(b, body, e)) {
                    step = UnitVocabulary.Step.END;
                }
            }
            if (step == UnitVocabulary.Step.NONE && hasId && !byNoun && asUnit) {
                step = vocabulary.stepNextToId(b, m, e);
            }
            if (step == UnitVocabulary.Step.NONE && hasId && body < e && b[body] == '{') {
                step = vocabulary.recordMessageStep(b, body, e);
                if (step == UnitVocabulary.Step.CLAIM && ref >= 0) {
                    // An SDK that logs a request's start and end as records runs one at a time: what it prints between is that request's.
                    requests.clear(ref);
                    recordClaimed.set(ref);
                }
            }
            if (step == UnitVocabulary.Step.NONE && ref >= 0 && asUnit && answeredByAccessLine(b, m, e, ref, nanos, precision)) {
                step = UnitVocabulary.Step.END;
            }
            if (step != UnitVocabulary.Step.NONE) {
                lastStep = ctx.events.size();
            }
            if (step == UnitVocabulary.Step.END && ref >= 0 && !vocabulary.concurrent && !confirmed.get(ref) && !bare.get(ref)) {
                failuresPrintedBefore(ref);
            }
            if (ref >= 0) {
                if (asUnit || step != UnitVocabulary.Step.NONE) {
                    confirmed.set(ref);
                } else {
                    bare.set(ref);
                }
            }
            int cur = current.get(worker);
            long owner = worker;
            if (cur < 0 && componentParent != NO_PARENT) {
                int served = current.get(componentParent);
                if (served >= 0 && recordClaimed.get(served)) {
                    // A component's record ("[LM STUDIO SERVER] …") of a server that serves one request at a time, which
                    // its record without the component took on: the component works on it too.
                    cur = served;
                    owner = componentParent;
                }
            }
            boolean implicit = false;
            if (byNoun && step == UnitVocabulary.Step.NONE && !report) {
                // A unit named by a noun says in words what it does; named while its worker is idle, it is claimed.
                step = vocabulary.wordStepNoting(b, m, e);
                if (step == UnitVocabulary.Step.NONE && cur < 0 && ref >= 0 && continues && !touched.contains(worker)) {
                    // Whether the worker was idle is known only once the parts before are joined: there it is decided.
                    replay.add(new long[]{ctx.events.size() - mark + 1, TAKES_IF_IDLE, worker, ref});
                    lastClaim.put(ref, ctx.events.size()); // for an end said only as over: the attempt is this recent
                } else if (step == UnitVocabulary.Step.NONE && (cur < 0 || requests.get(cur))) {
                    step = UnitVocabulary.Step.CLAIM;
                    implicit = true; // taken for the worker's current one, but nothing says it is under way
                }
            }
            boolean failure = level.isFailure();
            int task = ref >= 0 ? ref : unnamed(cur >= 0 ? cur : currentOrParent(worker));
            if (ref < 0 && !hasId) {
                int pid = workerPidUnit(b, m, e, worker, nanos, precision);
                if (pid >= 0) {
                    task = pid; // the worker the line speaks of, not what its writer is on
                }
            }
            if (report) {
                // The error handler's report of a job that raised: the job its context names, else the one the writer
                // ended last. Its next lines at the report's level (the exception, the backtrace) are that job's too.
                String jid = faultline.importer.merge.JobReport.jid(b, body, e);
                Integer reported = jid == null ? null : refs.containsKey(jid) ? refs.get(jid) : refs.get("JID-" + jid);
                if (reported == null || reported < 0) {
                    reported = ref >= 0 ? Integer.valueOf(ref) : endedOn.get(worker);
                }
                if (reported != null && reported >= 0) {
                    task = reported;
                    reporting.put(worker, new Reporting(reported, level));
                }
            } else if (!hasId && ref < 0 && !reporting.isEmpty()) {
                Reporting r = reporting.get(worker);
                if (r != null && r.level() == level && step == UnitVocabulary.Step.NONE) {
                    task = r.ref();
                } else {
                    reporting.remove(worker);
                }
            } else if (!reporting.isEmpty()) {
                reporting.remove(worker);
            }
            if (ref >= 0 && (step != UnitVocabulary.Step.NONE || (hasId && asUnit && vocabulary.sawAsUnit()) || vocabulary.unitNounBeforeUuid(b, m))) {
                namedAsUnit.set(ref);
            }
            if (ref >= 0 && ref != cur && vocabulary.uuid() && step == UnitVocabulary.Step.NONE) {
                // Another thing's id (an invocation's, a pod's): should it prove to be one, the line is its worker's current unit's.
                if (cur >= 0) {
                    addBareOwner(ctx.events.size(), cur);
                } else if (continues && !touched.contains(worker)) {
                    // What the worker runs is known once the parts before are joined; two words a row, not a map entry.
                    if (pendingBares == pendingBareRow.length) {
                        pendingBareRow = java.util.Arrays.copyOf(pendingBareRow, pendingBares * 2);
                        pendingBareWorker = java.util.Arrays.copyOf(pendingBareWorker, pendingBares * 2);
                    }
                    pendingBareRow[pendingBares] = ctx.events.size() - mark;
                    pendingBareWorker[pendingBares++] = worker;
                }
            }
            if (ref < 0 && !failure) {
                lost.remove(worker);
            }
            if (task < 0 && failure && ref < 0) {
                task = lostProcessUnit(b, m, e, worker, prefixWorker);
            }
            if (task < 0 && ref < 0 && !hasId && current.any() && ServiceExit.says(b, m, e)) {
                // The journal of a service: its main process died with the unit its program had in hand.
                task = current.soleOtherThan(worker);
                if (task >= 0) {
                    current.removeRef(task);
                    endEverywhere(task);
                    lost.put(worker, task);
                }
            }
            if (task < 0 && prefix.rank >= 0) {
                task = rankUnit();
            }
            // Read in parts: a line of a worker that has claimed nothing yet in this part may belong to what it claimed before.
            pendingNow = task < 0 && continues && !touched.contains(worker);
            pendingWorker = worker;
            if (step == UnitVocabulary.Step.END && ref >= 0 && vocabulary.formSaysSuccess()) {
                ctx.tasks.draftOfRef(ref).lineStatus(faultline.model.TaskStatus.COMPLETE,
                        nanos == Long.MIN_VALUE ? null : new Stamp(nanos, precision, false), "");
            }
            if (step == UnitVocabulary.Step.END && ref >= 0 && nanos != Long.MIN_VALUE && vocabulary.endSaysOnlyOver()
                    && !UnitVocabulary.saysSuccess(b, m, e)) {
                Integer from = lastClaim.get(ref);
                // A unit this scan never saw claimed is looked for among the rows just before: its attempt is recent.
                int since = from != null ? from : Math.max(mark, ctx.events.size() - UNCLAIMED_LOOKBACK);
                if (failedBetween(ctx.events, since, ctx.events.size(), ref)) {
                    failedAtOver(ctx.tasks.draftOfRef(ref), nanos, precision);
                } else if (from == null && continues) {
                    openOvers.add(new long[]{ctx.events.size() - mark, ref, nanos, precision});
                }
            }
            if (step == UnitVocabulary.Step.CLAIM && ref >= 0) {
                lastClaim.put(ref, ctx.events.size());
                claimedAt = ctx.events.size();
                claimedLine = lineNumber;
                if (!sideBySide(b, hasId, prefix.rank)) {
                    current.put(worker, ref);
                }
                touched.add(worker);
                if (firstClaimEvent < 0) {
                    firstClaimEvent = ctx.events.size();
                }
                claimed(ref, worker, implicit ? IMPLICIT : nanos, precision);
            } else if (step == UnitVocabulary.Step.END && (ref < 0 || ref == cur)) {
                if (ref >= 0 || cur >= 0) {
                    endedOn.put(worker, ref >= 0 ? ref : cur);
                }
                current.remove(owner);
                touched.add(worker);
                ended = true;
                if (ref >= 0) {
                    endEverywhere(ref);
                }
            } else if (step == UnitVocabulary.Step.END) {
                endEverywhere(ref); // a unit that ended is nobody's current one, whoever took it on
                ended = true;
            }
            if (task < 0 && ref < 0) {
                endRequestByAccessLine(b, m, e, worker, nanos, precision);
                if (failure) {
                    fanOut(worker);
                    failedAnswerRaised(worker, nanos);
                }
            }
            String actor = task >= 0 ? vocabulary.actorName(b) : null;
            if (actor != null) {
                TaskDraft d = ctx.tasks.draftOfRef(task);
                if (d.type.isEmpty()) {
                    d.type = actor; // the actor is what the message runs: its other messages are the same task's runs
                }
            }
            if (ref >= 0 && ref != cur && step == UnitVocabulary.Step.NONE && faultline.importer.merge.Awaited.in(b, m, e)) {
                awaitedNamed = true;
                keptTask = cur;
            }
            unitNamed = ref >= 0;
            return task;
        }

        /** Set by unitOf: the line waits for the unit it names, which its worker is not on; keptTask is the one it is on. */
        private boolean awaitedNamed;
        private int keptTask = -1;

        /**
         * Rows of Ollama's server about its runner, in order: {row, the runner it started} for a start, {row, -1} for
         * a line about the runner running. The latter are the last started runner's once the file is read (a part
         * may not hold the start), in {@link #finishJoined}.
         */
        final java.util.List<int[]> runnerRows = new java.util.ArrayList<>();

        /** The unit of a logfmt line of Ollama's server starting its runner (see {@link OllamaRunner}), or -1. */
        private int runnerUnit(byte[] b, LineLayout l, int e) {
            OllamaRunner.Says says = OllamaRunner.of(b, l.messageStart, e);
            if (says == OllamaRunner.Says.STARTS) {
                int runner = refOf(OllamaRunner.id(b, l.timeStart(), clock.end), UnitVocabulary.PROCESS);
                if (runner >= 0) {
                    confirmed.set(runner);
                    namedAsUnit.set(runner);
                    runnerRows.add(new int[]{ctx.events.size(), runner});
                }
                return runner;
            }
            if (says == OllamaRunner.Says.ABOUT) {
                runnerRows.add(new int[]{ctx.events.size(), -1});
            }
            return -1;
        }

        /** What Ollama's server relayed while its requests ran, for the ones it answered with a 5xx. */
        final OllamaRequests ollama = new OllamaRequests();

        /**
         * The request a Gin access line answers, when it ran a model (see {@link OllamaRequest}), or -1: it started
         * its latency before the line (an estimate: the line's clock writes whole seconds) and ended there.
         */
        private int answeredRequest(byte[] b, LineLayout l, int e, long nanos, int precision, GinAccess a) {
            if (a == null || !(OllamaRequest.isWork(a) || WebuiApiLine.isWork(a))) {
                return -1;
            }
            long endOfDay = clock.nanosOfDay(); // as written: see OllamaRequests
            String name = OllamaRequest.id(a, endOfDay);
            String id = name;
            for (int n = 2; refs.containsKey(id); n++) {
                id = name + " #" + n; // two answers naming the same millisecond: two requests all the same
            }
            int ref = refOf(id, UnitVocabulary.REQUEST);
            if (ref < 0) {
                return -1;
            }
            confirmed.set(ref);
            namedAsUnit.set(ref);
            TaskDraft d = ctx.tasks.draftOfRef(ref);
            // To the millisecond its name writes; estimated, as the clock it is taken from has whole seconds.
            d.created = new Stamp(nanos - a.latencyNanos(), Math.max(precision, 3), true);
            // A 4xx is work refused (no such model, a malformed body, a context too long): what the client asked for
            // was not done, so it fails as a 5xx does; only 499, the client gone away, is a cancel.
            faultline.model.TaskStatus said = a.status() < 400 ? faultline.model.TaskStatus.COMPLETE
                    : a.status() == 499 ? faultline.model.TaskStatus.CANCELLED : faultline.model.TaskStatus.FAILED;
            d.lineStatus(said, new Stamp(nanos, precision, false), "");
            if (a.status() >= 400 && !a.error().isEmpty() && d.errorMessage.isEmpty()) {
                d.errorMessage = a.error(); // the record's own error field says why it was refused
            }
            if (a.status() >= 500) {
                ollama.failed(ctx.events.size(), ref, endOfDay, a.latencyNanos());
            }
            ended = true; // the line is all of the request: what follows is not its
            return ref;
        }

        /**
         * Rows of {@code ray job submit}'s own records, in order: {row, what it says (see {@link RayJobSubmit}), the job a
         * hint names or -1}. Its job is found once the file is read, in {@link #rayJobsOwnLines}: a part may hold the
         * submission and the next the hint that names it.
         */
        final java.util.List<int[]> rayCliRows = new java.util.ArrayList<>();

        private void rayCliLine(byte[] b, int m, int e) {
            RayJobSubmit.Says says = RayJobSubmit.of(b, m, e);
            if (says == RayJobSubmit.Says.NONE) {
                return;
            }
            int ref = -1;
            if (says == RayJobSubmit.Says.HINT) {
                String id = RayJobSubmit.hintId(b, m, e);
                ref = id == null ? -1 : refs.containsKey(id) ? refs.get(id) : -2;
                if (ref == -2) {
                    ref = refOf(id, UnitVocabulary.JOB);
                    if (ref >= 0) {
                        confirmed.set(ref);
                        namedAsUnit.set(ref);
                    }
                }
            }
            rayCliRows.add(new int[]{ctx.events.size(), says.ordinal(), ref});
        }

        /**
         * The job a submission without an id started is the one the hints under it name: its lines run from the
         * submission to its end, and on to the status message after the end's box, which holds the tail of the driver's
         * output. A status message after a job named in its own boxes is that job's.
         */
        private void rayJobsOwnLines() {
            int n = ctx.events.size();
            int submit = -1;
            java.util.List<int[]> jobs = new java.util.ArrayList<>(); // {job, first row}
            for (int[] r : rayCliRows) {
                if (r[0] >= n) {
                    continue;
                }
                if (r[1] == RayJobSubmit.Says.SUBMITTED.ordinal()) {
                    submit = r[0];
                } else if (r[1] == RayJobSubmit.Says.HINT.ordinal() && submit >= 0 && r[2] >= 0) {
                    jobs.add(new int[]{r[2], submit});
                    submit = -1;
                }
            }
            for (int j = 0; j < jobs.size(); j++) {
                int job = jobs.get(j)[0];
                int from = jobs.get(j)[1];
                int limit = j + 1 < jobs.size() ? jobs.get(j + 1)[1] : n;
                int last = -1;
                for (int k = from; k < limit; k++) {
                    if (ctx.events.task(k) == job) {
                        last = k;
                    }
                }
                for (int k = from; k <= last; k++) {
                    if (ctx.events.task(k) < 0) {
                        ctx.events.setTask(k, job);
                    }
                }
            }
            for (int[] r : rayCliRows) {
                if (r[1] != RayJobSubmit.Says.STATUS.ordinal() || r[0] >= n || ctx.events.task(r[0]) >= 0) {
                    continue;
                }
                // Past the rules of the end's box: the row that said how the job ended.
                int k = r[0] - 1;
                while (k >= 0 && k >= r[0] - 4 && ctx.events.task(k) < 0) {
                    k--;
                }
                if (k >= 0 && k >= r[0] - 4) {
                    int job = ctx.events.task(k);
                    for (int q = k + 1; q <= r[0]; q++) {
                        ctx.events.setTask(q, job);
                    }
                    // The untimed lines under it are the last of the driver's output it announces.
                    for (int q = r[0] + 1; q < n && ctx.events.estimated(q) && ctx.events.task(q) < 0; q++) {
                        ctx.events.setTask(q, job);
                    }
                    // Why Ray says the job ended, for a failure whose output holds no traceback to tell it.
                    long ref = ctx.events.ref(r[0]);
                    String line = ctx.content.decode(ref, (int) Math.min(ctx.content.nextNewline(ref) - ref, 4096));
                    TaskDraft d = ctx.tasks.draftOfRef(job);
                    String why = RayJobSubmit.statusText(line);
                    if (d.errorMessage.isEmpty() && why != null) {
                        d.errorMessage = why;
                    }
                }
            }
        }

        /** Lines about the runner that no unit took go to the runner started last before them. */
        private void runnersOwnLines() {
            int runner = -1;
            for (int[] r : runnerRows) {
                if (r[1] >= 0) {
                    runner = r[1];
                } else if (runner >= 0 && r[0] < ctx.events.size() && ctx.events.task(r[0]) < 0) {
                    ctx.events.setTask(r[0], runner);
                }
            }
        }

        /**
         * Whether the unit the line named is a rank its writer runs beside others, named by a span field
         * ({@code Starting shard rank=1}, TGI's launcher): the writer's lines that name no rank are the writer's own,
         * not the rank it started last. A rank its own process's prefix names ({@code [rank1]:}) is that process's.
         */
        private boolean sideBySide(byte[] b, boolean hasId, int prefixRank) {
            return hasId && prefixRank < 0 && vocabulary.kind.equals(UnitVocabulary.RANK) && vocabulary.idWrittenWithEquals(b);
        }

        /**
         * A record of many lines whose span fields close it ({@code  rank=0} after a shard's dumped stderr, TGI's): the
         * rank they name is the whole record's, its timed first line and the events its lines made since, whichever
         * unit (or none) the first line was given before its end was read.
         */
        private void spanRank(int number) {
            int ref = refOf("rank=" + number, UnitVocabulary.RANK);
            if (ref < 0 || lastEvent < 0) {
                return;
            }
            int was = lastEventTask;
            for (int i = Math.max(Math.max(0, mark), lastTimedEvent); i <= lastEvent; i++) {
                int t = ctx.events.task(i);
                if (t == was || t < 0) {
                    ctx.events.setTask(i, ref);
                }
            }
            lastEventTask = ref;
        }

        /**
         * A rank is named as the line prefixes of its process write it ({@code [rank0]:}), also when a message
         * named it first in other words ({@code [rank=0, world_size=2]}): one name for one rank, the run's own.
         */
        private void rankSpelledByPrefix() {
            Integer ref = ranks.get(rankKey(prefix.rank, launch));
            if (ref == null || spelledByPrefix.get(ref)) {
                return;
            }
            spelledByPrefix.set(ref);
            String id = faultline.importer.merge.RankLaunch.name(prefix.rankId(), launch);
            ctx.tasks.rename(ref, id);
            refs.putIfAbsent(id, ref);
        }

        /**
         * The unit a worker is on; for a process a supervisor's prefix names ({@code 0: } of srun, {@code [w1]}) that
         * took nothing on itself, the one the script around it, writing without a prefix, claimed: its job.
         */
        private int currentOrParent(long worker) {
            int cur = current.get(worker);
            if (cur >= 0 || worker == 0 || prefix.worker == 0 || prefix.rank >= 0) {
                return cur; // a rank's prefix ([rank1]:) names the process's own unit: it works for no script's
            }
            int parent = current.get(0);
            // Read in parts, the script may have claimed its job in a part before: the join looks there.
            parentEligible = parent < 0 && !touched.contains(0L);
            return parent;
        }

        /** Whether a row in [from, to) of the unit ref is at a failure level: its attempt failed. */
        static boolean failedBetween(faultline.model.EventStore.Builder events, int from, int to, int ref) {
            for (int i = Math.max(0, from); i < to; i++) {
                if (events.task(i) == ref && events.failureLevel(i)) {
                    return true;
                }
            }
            return false;
        }

        /** "Finished." after the attempt's traceback: over, and failed; stated just after the line's own words. */
        static void failedAtOver(TaskDraft d, long nanos, int precision) {
            d.lineStatus(faultline.model.TaskStatus.FAILED, new Stamp(nanos + 1, precision, false), "");
        }

        /**
         * Ranks that crash at the same moment interleave their prefixed lines ({@code [rank0]: …}, {@code [rank1]: …}):
         * a rank's line goes on with that rank's own open traceback or abort, not with the other rank's line before it.
         * The open one of the rank that wrote last is set aside while another rank writes, and taken up again when
         * its rank writes next; its event's span then holds the other rank's lines too, which its message leaves out
         * ({@link GeneralMessage}). A line with a time ends them all, and the parts a large file is read in start at
         * such lines only, so each part sets aside what one pass does. Returns whether the line's rank had one.
         */
        private boolean resumeRank(long worker) {
            if (lastEventRank >= 0 && cont.inOpenBlock() && parked.size() < MAX_PARKED) {
                setAsideLastEvent(); // the line after starts an event of its own, or takes up its rank's
            }
            return !parked.isEmpty() && takeUp(worker);
        }

        /** Sets the open event of the writer that wrote last aside, with its continuation. */
        private void setAsideLastEvent() {
            parked.put(lastEventWorker, new Parked(lastEvent, lastEventRef, lastEventTask, lastEventRank, lastEventPending,
                    lastEventPendingWorker, cont));
            cont = new Continuation();
        }

        /** Takes the writer's event set aside up again as the open one; false if it has none. */
        private boolean takeUp(long writer) {
            Parked back = parked.remove(writer);
            if (back == null) {
                return false;
            }
            lastEvent = back.event();
            lastEventRef = back.ref();
            lastEventWorker = writer;
            lastEventTask = back.task();
            lastEventRank = back.rank();
            lastEventOwnRank = false;
            lastEventPending = back.pending();
            lastEventPendingWorker = back.pendingWorker();
            lastEventHeaderOnly = false;
            lastEventJulHeader = false;
            cont = back.cont();
            return true;
        }

        /**
         * Processes that fail at the same moment interleave the records they log a line at a time, each line with
         * their prefix, clock and level ({@code (VllmWorker TP0 pid=290) ERROR 06-11 14:21:33 [file.py:654] …} and
         * {@code (VllmWorker TP1 pid=291) …}): a writer's line goes on with that writer's own open record of the same
         * moment, not with the other writer's before it. The open failure record of the writer that wrote last is set
         * aside, as {@link #resumeRank} sets a rank's aside, and the line's writer's taken up again. Parts start at no
         * failure line of the same time as the timed line before it, so each part sets aside what one pass does.
         */
        private void resumeRecord(long writer, long nanos) {
            if (ctx.events.failureLevel(lastEvent) && parked.size() < MAX_PARKED) {
                setAsideLastEvent();
                parkedNanos = nanos;
            }
            takeUp(writer);
        }

        /** The time of the failure records set aside by {@link #resumeRecord}. */
        private long parkedNanos = Long.MIN_VALUE;

        /** More ranks than a host runs crashing at once are not told apart: their lines start events as before. */
        private static final int MAX_PARKED = 1024;

        /** The rank the line's prefix names: a rank's line is work under way, so no crash after it is the worker's own. */
        private int rankUnit() {
            int ref = refOf(prefix.rankId(), UnitVocabulary.RANK);
            if (ref >= 0 && firstClaimEvent < 0) {
                firstClaimEvent = ctx.events.size();
            }
            return ref;
        }

        /** Whether the line may start with a timestamp of a layout the file's own do not cover (cheap: its first bytes). */
        private static boolean maybeClock(byte[] b, int p, int e) {
            if (p + 12 > e) {
                return false;
            }
            int q = b[p] == '[' || b[p] == '(' ? p + 1 : p;
            byte c = b[q];
            return Clock.isDigit(c) || ((c == 'I' || c == 'W' || c == 'E' || c == 'F' || c == 'D') && Clock.isDigit(b[q + 1]));
        }

        private static final byte[] GOT_PROMPT = "got prompt".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        private static final byte[] FATAL_PYTHON = "Fatal Python error: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        /** The current unit of a worker for a line that names none: none when it is a request. */
        private int unnamed(int cur) {
            return cur >= 0 && requests.get(cur) ? -1 : cur;
        }

        /** The time of a claim that only names the unit: it does not say the unit is in progress. */
        private static final long IMPLICIT = Long.MIN_VALUE + 1;

        /** A unit claimed: it is in progress from then on, and a request is in flight on its writer. */
        private void claimed(int ref, long worker, long nanos, int precision) {
            if (nanos != IMPLICIT) {
                ctx.tasks.draftOfRef(ref).startedAgain(nanos == Long.MIN_VALUE ? null : new Stamp(nanos, precision, false), "");
            }
            if (requests.get(ref)) {
                java.util.ArrayDeque<Integer> q = inFlight.computeIfAbsent(worker, w -> new java.util.ArrayDeque<>());
                if (!q.contains(ref)) {
                    q.add(ref);
                }
            }
        }

        /** The unit ended: no worker is on it any more. */
        /**
         * A worker this part has not seen claim anything goes idle from the next line on: here at once, and in the
         * join for the unit an earlier part left it on, under the key its waiting lines have.
         */
        private void goneWith(long worker, int kind) {
            replay.add(new long[]{ctx.events.size() - mark + 1, kind, pendingWorker, 0});
            current.remove(worker);
            touched.add(worker);
            touched.add(pendingWorker);
        }

        private void endEverywhere(int ref) {
            current.removeRef(ref);
            if (continues) {
                // A worker of an earlier part may be on it: the join ends it there too, from this line on.
                replay.add(new long[]{ctx.events.size() - mark, ENDS, ref, 0});
            }
            if (requests.get(ref)) {
                for (java.util.ArrayDeque<Integer> q : inFlight.values()) {
                    q.remove(ref);
                }
            }
            lost.values().removeIf(r -> r == ref);
        }

        /** Where the header of the line being read starts: a worker's own pid column there makes a pid it names its own. */
        private int headerFrom;

        /**
         * The unit of the worker process a prefork server's line names by pid ({@link WorkerPid}), or -1. A worker
         * naming its own pid ({@code [14] [INFO] Booting worker with pid: 14}) takes itself on: its records without an
         * id are the unit's. The master's lines about it (a timeout, a kill) are the unit's only, and the master
         * stays on nothing.
         */
        private int workerPidUnit(byte[] b, int m, int e, long worker, long nanos, int precision) {
            long pid = WorkerPid.named(b, m, e);
            if (pid < 0) {
                return -1;
            }
            String id = "pid:" + pid;
            boolean known = refs.containsKey(id);
            int ref = refOf(id, UnitVocabulary.PROCESS);
            if (ref < 0) {
                return -1;
            }
            if (!known) {
                requests.clear(ref); // one process's own records run one at a time: its bare lines are its
            }
            confirmed.set(ref);
            namedAsUnit.set(ref);
            if (firstClaimEvent < 0) {
                firstClaimEvent = ctx.events.size();
            }
            if (WorkerPid.writtenBy(b, headerFrom, m, pid)) {
                if (current.get(worker) != ref) {
                    current.put(worker, ref);
                    touched.add(worker);
                    lastClaim.put(ref, ctx.events.size());
                    claimed(ref, worker, nanos, precision);
                }
            } else {
                ended = true; // the master's line is all it says of the worker: its next line is its own again
            }
            return ref;
        }

        /**
         * A failure line of a writer that names one of the file's pool processes ({@code Process 'ForkPoolWorker-1'
         * pid:19 exited with 'signal 9 (SIGKILL)'}): the unit that process was on, which ends with it; the writer's
         * next failure lines without an id ({@code WorkerLostError}) are that unit's too.
         */
        private int lostProcessUnit(byte[] b, int m, int e, long worker, long prefixWorker) {
            Integer held = lost.get(worker);
            if (held != null) {
                return held;
            }
            if (processes.isEmpty()) {
                return -1;
            }
            String text = new String(b, m, Math.min(e - m, 400), java.nio.charset.StandardCharsets.UTF_8);
            String scope = prefixWorker + "/";
            for (Map.Entry<String, Long> p : processes.entrySet()) {
                if (!p.getKey().startsWith(scope) || p.getValue() == worker) {
                    continue;
                }
                String name = p.getKey().substring(scope.length());
                int at = text.indexOf(name);
                boolean whole = at >= 0 && (at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1)))
                        && (at + name.length() == text.length() || !Character.isLetterOrDigit(text.charAt(at + name.length())));
                int unit = whole ? current.get(p.getValue()) : -1;
                if (unit >= 0) {
                    current.remove(p.getValue());
                    endEverywhere(unit);
                    lost.put(worker, unit);
                    return unit;
                }
            }
            return -1;
        }

        /**
         * An access-log line of a writer with requests in flight ({@code "POST /v1/chat HTTP/1.1" 200 OK}) answers
         * the oldest of them: a 2xx or 3xx status completes it, a 5xx fails it. The line itself stays the server's.
         */
        private void endRequestByAccessLine(byte[] b, int m, int e, long worker, long nanos, int precision) {
            java.util.ArrayDeque<Integer> q = inFlight.get(worker);
            if (q == null || q.isEmpty()) {
                return;
            }
            int status = AccessLine.status(b, m, e);
            if (status < 200 || (status >= 400 && status < 500)) {
                return;
            }
            int ref = q.poll();
            if (status >= 500 && nanos != Long.MIN_VALUE) {
                failedAnswer = ref;
                failedAnswerWorker = worker;
                failedAnswerNanos = nanos;
            }
            Stamp at = nanos == Long.MIN_VALUE ? null : new Stamp(nanos, precision, false);
            ctx.tasks.draftOfRef(ref).lineStatus(status >= 500 ? faultline.model.TaskStatus.FAILED : faultline.model.TaskStatus.COMPLETE,
                    at, "");
            current.removeRef(ref);
        }

        /**
         * An access line that names its request ({@code <uuid> -- POST /generate 500 14979.6ms}) ends it: 2xx and 3xx
         * complete, 5xx failed, 499 cancelled (the client went away); another 4xx says nothing of how the work went.
         */
        private boolean answeredByAccessLine(byte[] b, int m, int e, int ref, long nanos, int precision) {
            int status = AccessLine.bareStatus(b, m, e);
            if (status < 0) {
                status = AccessLine.contextStatus(b, m, e);
            }
            if (status < 200) {
                return false;
            }
            faultline.model.TaskStatus said = status >= 500 ? faultline.model.TaskStatus.FAILED
                    : status == 499 ? faultline.model.TaskStatus.CANCELLED
                    : status < 400 ? faultline.model.TaskStatus.COMPLETE : null;
            TaskDraft d = ctx.tasks.draftOfRef(ref);
            if (said != null) {
                d.lineStatus(said, nanos == Long.MIN_VALUE ? null : new Stamp(nanos, precision, false), "");
            }
            if (d.type.isEmpty()) {
                d.type = UnitVocabulary.REQUEST; // answered with an HTTP status: a request, whatever its lines called it
            }
            requests.set(ref);
            return true;
        }

        /** The request a 5xx access line just ended, its writer and the line's time; -1 when none. */
        private int failedAnswer = -1;
        private long failedAnswerWorker;
        private long failedAnswerNanos;
        /** How soon after its 5xx answer a server logs the exception that made it (uvicorn's "Exception in ASGI application"). */
        private static final long RAISED_AFTER_ANSWER_NANOS = 1_000_000_000L;

        /**
         * A failure line of a writer whose last request it answered with a 5xx moments before, none in flight now: if
         * its text holds a traceback, that is the request's failure, logged after the answer.
         */
        private void failedAnswerRaised(long worker, long nanos) {
            int ref = failedAnswer;
            failedAnswer = -1;
            java.util.ArrayDeque<Integer> q = inFlight.get(worker);
            if (ref < 0 || worker != failedAnswerWorker || (q != null && !q.isEmpty()) || nanos == Long.MIN_VALUE
                    || nanos < failedAnswerNanos || nanos - failedAnswerNanos > RAISED_AFTER_ANSWER_NANOS) {
                return;
            }
            fanOuts.add(new int[]{ctx.events.size(), ref});
        }

        /** A failure line of a writer with requests in flight: if its text holds a traceback, they failed with it. */
        private void fanOut(long worker) {
            java.util.ArrayDeque<Integer> q = inFlight.get(worker);
            if (q == null || q.isEmpty()) {
                return;
            }
            int[] f = new int[q.size() + 1];
            f[0] = ctx.events.size();
            int k = 1;
            for (int r : q) {
                f[k++] = r;
            }
            fanOuts.add(f);
        }

        /** The ref of an id met before with a noun that the message names on its own, or -1. */
        private int knownId(byte[] b, int m, int e) {
            if (named.isEmpty()) {
                return -1;
            }
            // Ids found by a noun always hold a digit: the search goes from digit to digit and reads the word around
            // each, instead of every word of the message.
            int i = m;
            while (i < e) {
                while (i < e && (b[i] < '0' || b[i] > '9')) {
                    i++;
                }
                if (i == e) {
                    return -1;
                }
                int s = i;
                while (s > m && isIdByte(b[s - 1])) {
                    s--;
                }
                while (i < e && isIdByte(b[i])) {
                    i++;
                }
                int t = i;
                while (t > s && (b[t - 1] == '.' || b[t - 1] == '-')) {
                    t--;
                }
                if (t - s >= 4 && namedHashes.containsKey(idHash(b, s, t))) {
                    Integer r = named.get(new String(b, s, t - s, java.nio.charset.StandardCharsets.UTF_8));
                    if (r != null) {
                        return r;
                    }
                }
            }
            return -1;
        }

        /** FNV-1a of the bytes, as a non-negative int. */
        static int idHash(byte[] b, int from, int to) {
            int h = 0x811C9DC5;
            for (int i = from; i < to; i++) {
                h ^= b[i];
                h *= 0x01000193;
            }
            return h & 0x7FFFFFFF;
        }

        private static boolean isIdByte(byte c) {
            return Clock.isLetter(c) || Clock.isDigit(c) || c == '-' || c == '_' || c == '.';
        }

        /** A noun with its number ("Job 5521", "job 5521") is one unit in any case, named as the file first writes it. */
        private int refOfNumbered(String id, String kind) {
            String folded = id.toLowerCase(java.util.Locale.ROOT);
            Integer r = numbered.get(folded);
            if (r != null) {
                return r;
            }
            int ref = refOf(id, kind);
            if (ref >= 0) {
                numbered.put(folded, ref);
                numberedRefs.set(ref);
            }
            return ref;
        }

        private final Map<String, Integer> numbered = new HashMap<>();

        private int refOf(String id, String kind) {
            boolean rank = kind.equals(UnitVocabulary.RANK);
            int number = rank ? trailingNumber(id) : -1;
            if (rank && launch > 0) {
                id = faultline.importer.merge.RankLaunch.name(id, launch); // the same rank, started again: a unit of its own
            }
            Integer r = refs.get(id);
            if (r != null) {
                return r;
            }
            if (rank) {
                Integer same = number >= 0 ? ranks.get(rankKey(number, launch)) : null;
                if (same != null) {
                    refs.put(id, same);
                    return same;
                }
            }
            int ref = ctx.tasks.ref(id);
            if (ref >= 0 && rank) {
                ranks.putIfAbsent(rankKey(number, launch), ref);
                rankRefs.set(ref);
            }
            if (ref >= 0 && (kind.equals(UnitVocabulary.REQUEST) || kind.equals(UnitVocabulary.PROCESS))) {
                requests.set(ref); // one of several at once: the writer's lines without an id are not its
            }
            if (ref >= 0 && !kind.equals(UnitVocabulary.TASK)) {
                TaskDraft d = ctx.tasks.draftOfRef(ref);
                if (d.type.isEmpty()) {
                    d.type = kind;
                }
            }
            refs.put(id, ref);
            return ref;
        }

        /** UUIDs the file only ever wrote bare (a pod's UID, a path, a JSON field) are another thing's: their lines belong to no unit. */
        private void forgetBareIds(int end) {
            bare.andNot(confirmed);
            if (!vocabulary.otherUuids.isEmpty()) {
                // A UUID a line introduced as another thing's ("session <uuid>") is that thing's where the file writes it
                // alone too ("Graph stats: <uuid>"), unless a line names it as a unit's or it starts or ends one.
                for (int r = 0; r < ctx.tasks.size(); r++) {
                    if (!namedAsUnit.get(r) && vocabulary.otherUuids.contains(UnitVocabulary.uuidKey(ctx.tasks.id(r)))) {
                        bare.set(r);
                    }
                }
            }
            if (bare.isEmpty()) {
                return;
            }
            sortBareOwners();
            int k = 0;
            for (int i = mark; i < end; i++) {
                int t = ctx.events.task(i);
                while (k < bareOwners && bareAt[k] < i) {
                    k++;
                }
                if (t >= 0 && bare.get(t)) {
                    int owner = k < bareOwners && bareAt[k] == i ? bareOwner[k] : -1;
                    ctx.events.setTask(i, owner >= 0 && !bare.get(owner) ? owner : -1);
                }
            }
        }

        /** Refs a line names as a unit's: with a unit's noun before its UUID, or in a line that starts or ends it. */
        final java.util.BitSet namedAsUnit = new java.util.BitSet();

        /** The owners in row order: those a part knew and those its joining told arrive interleaved. */
        private void sortBareOwners() {
            long[] pairs = new long[bareOwners];
            for (int k = 0; k < bareOwners; k++) {
                pairs[k] = (long) bareAt[k] << 32 | (bareOwner[k] & 0xFFFFFFFFL);
            }
            java.util.Arrays.sort(pairs);
            for (int k = 0; k < bareOwners; k++) {
                bareAt[k] = (int) (pairs[k] >>> 32);
                bareOwner[k] = (int) pairs[k];
            }
        }

        void addBareOwner(int event, int owner) {
            if (bareOwners == bareAt.length) {
                bareAt = java.util.Arrays.copyOf(bareAt, bareOwners * 2);
                bareOwner = java.util.Arrays.copyOf(bareOwner, bareOwners * 2);
            }
            bareAt[bareOwners] = event;
            bareOwner[bareOwners++] = owner;
        }

        /** Events (in file order) whose only id is a UUID written bare, and the unit their worker was running then. */
        private int[] bareAt = new int[16];
        private int[] bareOwner = new int[16];
        private int bareOwners;

        /**
         * The ranks of a server whose work is its requests or jobs ({@code (VllmWorker rank=0 pid=…)} loading the
         * model, then serving requests) are its processes, not units of work, unless one of them fails: their
         * lines then belong to no unit. A run whose only units are its ranks (torchrun, Ray Train) keeps them.
         */
        private void forgetIdleRanks(int end) {
            if (rankRefs.isEmpty()) {
                return;
            }
            boolean otherUnits = false;
            java.util.BitSet failed = new java.util.BitSet();
            for (int i = mark; i < end; i++) {
                int t = ctx.events.task(i);
                if (t < 0) {
                    continue;
                }
                if (!rankRefs.get(t)) {
                    otherUnits = true;
                } else if (ctx.events.failureLevel(i)) {
                    failed.set(t);
                }
            }
            if (!otherUnits) {
                return;
            }
            for (int i = mark; i < end; i++) {
                int t = ctx.events.task(i);
                if (t >= 0 && rankRefs.get(t) && !failed.get(t)) {
                    ctx.events.setTask(i, -1);
                }
            }
            for (int r = rankRefs.nextSetBit(0); r >= 0; r = rankRefs.nextSetBit(r + 1)) {
                if (!failed.get(r)) {
                    ctx.tasks.forget(r);
                }
            }
        }

        /**
         * A writer's failure that carries a traceback while it had requests in flight (an inference server's
         * engine dying): every one of those requests failed with it, at its time, with its exception.
         */
        private void failInFlight() {
            for (int[] f : fanOuts) {
                int ev = f[0];
                if (ev >= ctx.events.size()) {
                    continue;
                }
                long ref = ctx.events.ref(ev);
                int extent = ctx.events.extent(ev);
                long len = extent >= 0 ? extent : ctx.content.nextNewline(ref) - ref;
                String text = ctx.content.decode(ref, (int) Math.min(len, 64 * 1024)).replace("\r\n", "\n");
                // The event's message, as it is shown: its lines without the prefixes a container or a clock put on each.
                faultline.model.Traceback tb = faultline.model.Traceback.find(GeneralMessage.of(text, layouts))
                        .or(() -> faultline.model.Traceback.find(text)).orElse(null);
                if (tb == null || tb.exceptionType().isEmpty()) {
                    continue;
                }
                Stamp at = ctx.events.estimated(ev) ? null : new Stamp(ctx.events.nanos(ev), ctx.events.precision(ev), false);
                String error = tb.exceptionType() + (tb.message().isEmpty() ? "" : ": " + tb.message());
                crashes.remove(Integer.valueOf(ev)); // the requests' failure, not the server's: it went on serving
                for (int k = 1; k < f.length; k++) {
                    TaskDraft d = ctx.tasks.draftOfRef(f[k]);
                    d.lineStatus(faultline.model.TaskStatus.FAILED, at, "");
                    if (d.errorMessage.isEmpty()) {
                        d.errorMessage = error;
                    }
                }
            }
        }

        /** The key of a rank by its number in a launch of its worker group: the same number in another launch is another unit. */
        static int rankKey(int number, int launch) {
            return number < 0 ? -1 - launch : launch * 1_000_000 + number; // a rank's number has at most six digits
        }

        /**
         * An elastic agent's word on its worker group, on a line no rank's prefix names: a restart starts every rank
         * again as a new unit; a group that finished ends its launch's ranks done (once the file is read, for the
         * ranks of every part), at the time of the line's event.
         */
        private void workerGroup(byte[] b, int p, int e) {
            groupEndsHere = false;
            if (prefix.rank >= 0) {
                return;
            }
            switch (WorkerGroupLine.of(b, p, e)) {
                case RESTARTS -> {
                    // Several nodes' agents in one file each tell the same restart; one that says no number always counts.
                    int told = WorkerGroupLine.restartTold(b, p, e);
                    if (told == 0 || told != restartTold) {
                        launch++;
                    }
                    restartTold = told;
                }
                case SUCCEEDED -> groupEndsHere = true;
                default -> {
                }
            }
        }

        /** The ranks of each launch whose worker group finished are done, unless a line of theirs said how they ended. */
        private void endFinishedGroups() {
            for (long[] g : groupEnds) {
                int row = (int) g[1];
                Stamp at = ctx.events.estimated(row) ? null : new Stamp(ctx.events.nanos(row), ctx.events.precision(row), false);
                for (int r = rankRefs.nextSetBit(0); r >= 0; r = rankRefs.nextSetBit(r + 1)) {
                    if (faultline.importer.merge.RankLaunch.of(ctx.tasks.id(r)) == g[0]) {
                        ctx.tasks.draftOfRef(r).over(at, "");
                    }
                }
            }
        }

        /** A rank unit's number as its prefix gave it ({@link LinePrefixes.Found#rank}): a pipeline stage's rank is numbered apart. */
        private static int trailingNumber(String id) {
            int i = id.length();
            while (i > 0 && Character.isDigit(id.charAt(i - 1))) {
                i--;
            }
            if (i == id.length() || id.length() - i > 6) {
                return -1;
            }
            int n = Integer.parseInt(id.substring(i));
            int stage = LinePrefixes.stageOf(id);
            return stage >= 0 && n < LinePrefixes.STAGE_RANKS ? stage * LinePrefixes.STAGE_RANKS + n : n;
        }

        /**
         * A unit's line at a failure level before the crash event c, since the first claim: then a traceback at the
         * end is that failure told again. Without one, the process raised it after its units' work (a driver whose
         * script fails once its tasks ran): the crash is the process's own. Read once, at the end, for a tail crash.
         */
        private boolean failedBefore(int c) {
            for (int i = c - 1; i >= firstClaimEvent; i--) {
                if (ctx.events.task(i) >= 0 && ctx.events.failureLevel(i)) {
                    return true;
                }
            }
            return false;
        }

        /** A line soon after the crash event c says its process died. */
        private boolean diedAfter(int c) {
            for (int d : deaths) {
                if (d > c && d - c <= DIED_WITHIN) {
                    return true;
                }
            }
            return false;
        }

        /** The end of a whole file's reading: the worker's crash, the line-order layout of an untimed file. */
        void finish() {
            finishJoined(ctx.events.size());
            ctx.finish();
            dates.report(ctx);
        }

        /** The same for the rows [mark, end) joined from parts. */
        void finishJoined(int end) {
            runnersOwnLines();
            rayJobsOwnLines();
            ollama.giveErrors(ctx.tasks);
            failInFlight();
            forgetBareIds(end);
            forgetIdleRanks(end);
            endFinishedGroups();
            // A traceback the process did not outlive (little follows it) is the worker's crash.
            crashes.removeIf(c -> (end - 1 - c > CRASH_TAIL && !diedAfter(c)) || c < lastStep || ctx.events.task(c) >= 0);
            crashes.removeIf(c -> firstClaimEvent >= 0 && c > firstClaimEvent && !printedCrashes.contains(c));
            if (!crashes.isEmpty() && firstClaimEvent >= 0 && crashes.get(0) > firstClaimEvent && failedBefore(crashes.get(0))) {
                crashes.clear(); // after a unit's failure, a traceback at the end relays it (a launcher's summary, a driver's report)
            }
            if (!crashes.isEmpty()) {
                WorkerUnit.assign(ctx, crashes);
            }
            if (!anyTime && end > mark && end - mark <= lineOf.length) {
                // No line had a time: events are laid out by line, one millisecond a line, and the source says so.
                for (int i = mark; i < end; i++) {
                    ctx.events.setTime(i, lineOf[i - mark] * faultline.model.SourceFile.LINE_NANOS, 3, true);
                }
                ctx.markUntimed();
                ctx.report.note(0, Prose.get("import.no-time.line-order"), null);
            }
        }

        /** Nothing but blanks and at most the bracket that closes the header. */
        private static boolean onlyClosing(byte[] b, int p, int e) {
            boolean bracket = false;
            for (int i = p; i < e; i++) {
                if (b[i] == ']') {
                    if (bracket) {
                        return false;
                    }
                    bracket = true;
                } else if (b[i] != ' ' && b[i] != '\t' && b[i] != '\r') {
                    return false;
                }
            }
            return true; // empty, or the bracket the header opened
        }

        private static boolean blank(byte[] b, int p, int e) {
            for (int i = p; i < e; i++) {
                if (b[i] != ' ' && b[i] != '\t') {
                    return false;
                }
            }
            return true;
        }

        /** Index after a {@code [129] }, {@code [   937] } or {@code Line 2063: } prefix, or p. */
        private static int numberPrefix(byte[] b, int p, int e) {
            if (p + 3 < e && b[p] == '[' && (b[p + 1] == ' ' || Clock.isDigit(b[p + 1]))) {
                int q = p + 1;
                while (q < e && b[q] == ' ') {
                    q++;
                }
                int d = q;
                while (q < e && q - d < 10 && Clock.isDigit(b[q])) {
                    q++;
                }
                if (q > d && q + 1 < e && b[q] == ']' && b[q + 1] == ' ') {
                    return q + 2;
                }
            } else if (p + 7 < e && b[p] == 'L' && b[p + 1] == 'i' && b[p + 2] == 'n' && b[p + 3] == 'e' && b[p + 4] == ' ') {
                int q = p + 5;
                while (q < e && q - p < 15 && Clock.isDigit(b[q])) {
                    q++;
                }
                if (q > p + 5 && q + 1 < e && b[q] == ':' && b[q + 1] == ' ') {
                    return q + 2;
                }
            }
            return p;
        }
    }

    /** The unit each worker last claimed and has not ended; the file's one unnamed worker without a map. */
    private static final class CurrentUnits {
        private int unnamed = -1;
        private final Map<Long, Integer> named = new HashMap<>();

        int get(long worker) {
            if (worker == 0) {
                return unnamed;
            }
            Integer r = named.get(worker);
            return r == null ? -1 : r;
        }

        void put(long worker, int ref) {
            if (worker == 0) {
                unnamed = ref;
            } else {
                named.put(worker, ref);
            }
        }

        void remove(long worker) {
            put(worker, -1);
        }

        /** No worker is on the unit any more. */
        void removeRef(int ref) {
            if (unnamed == ref) {
                unnamed = -1;
            }
            named.values().removeIf(r -> r == ref);
        }

        /** Whether some worker may be on a unit (a map entry may say -1: the worker is idle). */
        boolean any() {
            return unnamed >= 0 || !named.isEmpty();
        }

        /** The one unit some worker other than the given one is on, or -1 when none is or several are. */
        int soleOtherThan(long worker) {
            int one = worker != 0 ? unnamed : -1;
            for (Map.Entry<Long, Integer> w : named.entrySet()) {
                if (w.getKey() != worker && w.getValue() >= 0) {
                    if (one >= 0 && one != w.getValue()) {
                        return -1;
                    }
                    one = w.getValue();
                }
            }
            return one;
        }

        /** The unit (or -1) of each of the given workers. */
        void forEachTouched(java.util.Set<Long> workers, java.util.function.BiConsumer<Long, Integer> each) {
            for (long w : workers) {
                each.accept(w, get(w));
            }
        }
    }
}
