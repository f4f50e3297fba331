package faultline.importer.read;

import faultline.text.Prose;

import faultline.importer.Content;
import faultline.importer.FileReportBuilder;
import faultline.importer.ImportCancelledException;
import faultline.importer.ImportException;
import faultline.importer.ReadContext;
import faultline.importer.Sample;
import faultline.importer.SourceReader;
import faultline.importer.Timing;
import faultline.importer.scan.Bytes;
import faultline.importer.scan.LineIndex;
import faultline.importer.scan.TextRowScanner;
import faultline.importer.time.TimeParser;
import faultline.model.EventStore;
import faultline.model.Level;
import faultline.model.ParseReport.Problem;
import faultline.model.SourceFormat;
import faultline.model.SourceText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * system_logs rows rendered as text, in any of the renderings seen in the wild:
 * {@code [LEVEL] ts: msg}, {@code ts - [LEVEL] msg}, {@code ts [LEVEL] [source_type] msg},
 * the debug tool's {@code [HH:MM:SS] [LEVEL   ] msg} (UTC, no date), and the broken slice
 * {@code [LEVEL] 873033+0 | msg} where only the microseconds survive. Large files are read in
 * parallel parts by {@link TextRowScanner}s, one per core, and joined in file order.
 */
public final class SystemLogsTextReader implements SourceReader {
    @Override
    public SourceFormat format() {
        return SourceFormat.SYSTEM_LOGS_TEXT;
    }

    /** The share of the sample's lines in a system_logs rendering; the console wins a tie. */
    @Override
    public double fit(Sample sample) {
        int lines = 0;
        int rows = 0;
        int console = 0;
        for (String line : sample.nonBlank()) {
            lines++;
            if (ConsoleReader.isConsoleLine(line)) {
                console++;
            }
            for (Rendering r : Rendering.values()) {
                java.util.regex.Matcher mt = r.pattern.matcher(line);
                if (mt.matches()) {
                    if (!(r == Rendering.TS_LEVEL && foreignTag(mt.group(r.source), mt.group(r.message)))) {
                        rows++;
                    }
                    break;
                }
            }
        }
        return lines == 0 || rows <= console ? 0 : 0.85 * rows / lines;
    }

    /** The system_logs sources, the only tags its rendering writes after the level. */
    private static final java.util.Set<String> SOURCE_TYPES = java.util.Set.of(
            "orchestrator_gpu", "orchestrator_api", "worker", "edge_function", "browser", "dev_agent");

    /**
     * "&lt;time&gt; [LEVEL] [tag] …" with a tag that is no system_logs source: another program's own log in the same
     * shape (BentoML's "[cli]", "[api_server:1]", "[runner:clf:1]"), which the general reader reads.
     */
    static boolean foreignTag(String source, String message) {
        if (source != null) {
            return !SOURCE_TYPES.contains(source);
        }
        // Lower case, as the sources are: the worker's own tags in its messages are upper case ("[GUARDIAN] …").
        if (message.length() < 3 || message.charAt(0) != '[' || !Character.isLowerCase(message.charAt(1))) {
            return false;
        }
        int close = message.indexOf(']');
        return close > 1 && close <= 48 && message.indexOf(' ') > close;
    }

    private static final String LEVEL = "(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)";
    static final String TS = "(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,](?:\\d{1,9}|\\?+|[xX]+))?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)";
    /** Files from this size on are read in parallel parts. */
    public static final long PARALLEL_FROM = 32L << 20;

    /** A rendering: its pattern and which groups hold time, level, source and message. */
    public enum Rendering {
        LEVEL_TS(Pattern.compile("^\\[" + LEVEL + "\\] " + TS + ":\\s*(.*)$"), 2, 1, 0, 3, false),
        TS_DASH_LEVEL(Pattern.compile("^" + TS + " - \\[" + LEVEL + "\\] (.*)$"), 1, 2, 0, 3, false),
        TS_LEVEL(Pattern.compile("^" + TS + " \\[" + LEVEL + "\\] (?:\\[([a-z_]+)\\] )?(.*)$"), 1, 2, 3, 4, false),
        DEBUG_TOOL(Pattern.compile("^\\s*\\[(\\d{2}:\\d{2}:\\d{2})\\] (?:\\S{1,3}\\s+)?\\[" + LEVEL + "\\s*\\] (?:\\[([^\\]]{1,40}?)\\s*\\] )?(.*)$"), 1, 2, 3, 4, true),
        BROKEN_SLICE(Pattern.compile("^\\[" + LEVEL + "\\] (\\d{1,9})\\+\\d{1,2} \\| (.*)$"), 0, 1, 0, 3, false);

        public final Pattern pattern;
        public final int time;
        public final int level;
        final int source;
        public final int message;
        public final boolean timeOnly;

        Rendering(Pattern pattern, int time, int level, int source, int message, boolean timeOnly) {
            this.pattern = pattern;
            this.time = time;
            this.level = level;
            this.source = source;
            this.message = message;
            this.timeOnly = timeOnly;
        }
    }

    private static final Rendering[] ALL = Rendering.values();
    public static final Pattern CONTINUATION = Pattern.compile("^(?:\\s+\\S|Traceback \\(most recent|[A-Za-z_][\\w.]*(?:Error|Exception)\\b)");

    @Override
    public SourceText read(ReadContext ctx) throws ImportException {
        Content c = ctx.content;
        int parts = c.size() >= PARALLEL_FROM ? Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors())) : 1;
        long[] bounds = split(c, parts);
        parts = bounds.length - 1;
        AtomicLong progress = new AtomicLong();
        long day = timeOnlyDate(ctx);
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        // The parts write straight into the store's columns, each into its share of rows, so that
        // a gigabyte of rows is allocated once and not copied.
        double bytesPerLine = bytesPerLine(c);
        int[] shares = new int[parts];
        long rows = 0;
        for (int i = 0; i < parts; i++) {
            shares[i] = (int) Math.min(Integer.MAX_VALUE / 2, (long) ((bounds[i + 1] - bounds[i]) / bytesPerLine * 1.06) + 256);
            rows += shares[i];
        }
        long tAlloc = System.nanoTime();
        EventStore.Builder.Region region = ctx.events.region((int) Math.min(Integer.MAX_VALUE - 64, rows));
        Timing.log("  rows allocated", tAlloc);
        List<TextRowScanner> scanners = new ArrayList<>();
        int at = region.base();
        for (int i = 0; i < parts; i++) {
            scanners.add(new TextRowScanner(c, bounds[i], bounds[i + 1], i == 0, ctx.time, day, progress,
                    () -> stop.get() || ctx.monitor.isCancelled(), region, at, shares[i]));
            at += shares[i];
        }
        long t0 = System.nanoTime();
        if (c.size() < (1 << 20)) {
            scanners.get(0).call();
        } else {
            runParallel(ctx, scanners, progress, stop);
        }
        Timing.log("  scan (" + parts + " parts)", t0);
        long t1 = System.nanoTime();
        LineIndex index = join(ctx, scanners, region);
        Timing.log("  join", t1);
        if (ctx.report.events == 0) {
            throw new ImportException(Prose.format("import.system-logs.none", ctx.path.getFileName()));
        }
        return new ContentText(ctx.content, SystemLogsTextReader::message, SystemLogsTextReader::messageStart, index);
    }

    /** Average line length from samples at four places of the file. */
    static double bytesPerLine(Content c) {
        long size = c.size();
        int window = (int) Math.min(256 * 1024, size);
        long bytes = 0;
        long lines = 0;
        byte[] b = new byte[window];
        for (int k = 0; k < 4; k++) {
            long from = Math.max(0, Math.min(size - window, size * k / 4));
            c.copy(from, b, 0, window);
            bytes += window;
            for (int p = Bytes.newline(b, 0, window); p < window; p = Bytes.newline(b, p + 1, window)) {
                lines++;
            }
            if (size <= window) {
                break;
            }
        }
        return Math.max(8.0, (double) bytes / Math.max(1, lines));
    }

    private static void runParallel(ReadContext ctx, List<TextRowScanner> scanners, AtomicLong progress,
                                    java.util.concurrent.atomic.AtomicBoolean stop) throws ImportException {
        ExecutorService pool = Executors.newFixedThreadPool(scanners.size(), r -> {
            Thread t = new Thread(r, "faultline-scan");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TextRowScanner>> futures = new ArrayList<>();
            for (TextRowScanner s : scanners) {
                futures.add(pool.submit(s));
            }
            for (Future<TextRowScanner> f : futures) {
                while (true) {
                    try {
                        f.get(100, TimeUnit.MILLISECONDS);
                        break;
                    } catch (TimeoutException e) {
                        if (ctx.monitor.isCancelled()) {
                            stop.set(true);
                        }
                        ctx.monitor.progress(progress.get(), ctx.content.size(), Prose.format("import.progress.reading", ctx.path.getFileName()));
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop.set(true);
            throw new ImportCancelledException();
        } catch (ExecutionException e) {
            stop.set(true);
            if (e.getCause() instanceof ImportCancelledException ice) {
                throw ice;
            }
            if (e.getCause() instanceof OutOfMemoryError oom) {
                throw oom;
            }
            throw new ImportException(Prose.format("import.could-not-read", ctx.path.getFileName(), e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Joins the parts in file order: task refs to the registry, inherited current tasks and times,
     * lines, report; then closes the gaps between the parts' shares of the region (or, if a part
     * outgrew its share, appends the rows the slow way).
     */
    private static LineIndex join(ReadContext ctx, List<TextRowScanner> scanners, EventStore.Builder.Region region) {
        LineIndex index = new LineIndex();
        int current = -1;
        long lastNanos = ReadContext.UNKNOWN_TIME;
        int lastPrecision = 0;
        long lineBase = 0;
        for (TextRowScanner s : scanners) {
            int[] map = s.ids.toRegistry(ctx.tasks);
            remap(region.task(), s.regionStart, s.inRegion(), map, current);
            remap(s.tasks, 0, s.overflow(), map, current);
            long fill = lastNanos != ReadContext.UNKNOWN_TIME ? lastNanos : s.firstNanos;
            int fillPrecision = lastNanos != ReadContext.UNKNOWN_TIME ? lastPrecision : s.firstPrecision;
            if (fill != ReadContext.UNKNOWN_TIME) {
                s.waiting.forEach((k, v) -> s.setTime(k, fill,
                        EventStore.Builder.pack(Level.ofOrdinal(s.metaOf(k) & 0x07), fillPrecision, true)));
            }
            if (ctx.offsetNanos != 0) {
                for (int k = 0; k < s.n; k++) {
                    s.setTime(k, s.timeOf(k) + ctx.offsetNanos, s.metaOf(k));
                }
            }
            index.append(s.index, (int) lineBase);
            ctx.report.lines += s.lines;
            ctx.report.events += s.report.events;
            ctx.report.unparsed += s.report.unparsed;
            s.report.repairs.forEach(ctx.report::repair);
            for (Problem p : s.report.problems) {
                if (ctx.report.problems.size() < FileReportBuilder.MAX_PROBLEMS) {
                    ctx.report.problems.add(new Problem((int) Math.min(Integer.MAX_VALUE, p.line() + lineBase), p.reason(), p.excerpt()));
                }
            }
            if (s.current != TextRowScanner.INHERIT) {
                current = s.current >= 0 ? map[s.current] : -1;
            }
            if (s.lastNanos != ReadContext.UNKNOWN_TIME) {
                lastNanos = s.lastNanos;
                lastPrecision = s.lastPrecision;
            }
            lineBase += s.lines;
        }
        if (lastNanos == ReadContext.UNKNOWN_TIME && ctx.report.events > 0) {
            ctx.report.note(0, Prose.get("import.no-time.fractions"), null);
        }
        compact(ctx, scanners, region);
        return index;
    }

    private static void remap(int[] tasks, int from, int count, int[] map, int current) {
        for (int i = from; i < from + count; i++) {
            int t = tasks[i];
            tasks[i] = t >= 0 ? map[t] : t == TextRowScanner.INHERIT ? current : -1;
        }
    }

    /** Moves every part's rows down to follow the part before, then commits them to the store. */
    private static void compact(ReadContext ctx, List<TextRowScanner> scanners, EventStore.Builder.Region region) {
        boolean fits = true;
        int cursor = region.base();
        for (int i = 0; i < scanners.size(); i++) {
            TextRowScanner s = scanners.get(i);
            int nextStart = i + 1 < scanners.size() ? scanners.get(i + 1).regionStart : region.base() + region.capacity();
            if (cursor + s.n > nextStart) {
                fits = false;
                break;
            }
            cursor += s.n;
        }
        EventStore.Builder events = ctx.events;
        if (!fits) {
            // A part outgrew its share: copy every part out, then append them in order.
            for (TextRowScanner s : scanners) {
                s.flattenInto(region);
            }
            for (TextRowScanner s : scanners) {
                events.append(s.times, s.refs, s.tasks, s.metas, s.n, ctx.source, s.extents);
            }
            return;
        }
        cursor = region.base();
        for (TextRowScanner s : scanners) {
            int r = s.inRegion();
            if (s.regionStart != cursor) {
                System.arraycopy(region.time(), s.regionStart, region.time(), cursor, r);
                System.arraycopy(region.refLow(), s.regionStart, region.refLow(), cursor, r);
                System.arraycopy(region.refHigh(), s.regionStart, region.refHigh(), cursor, r);
                System.arraycopy(region.task(), s.regionStart, region.task(), cursor, r);
                System.arraycopy(region.meta(), s.regionStart, region.meta(), cursor, r);
            }
            int o = s.overflow();
            if (o > 0) {
                System.arraycopy(s.times, 0, region.time(), cursor + r, o);
                for (int k = 0; k < o; k++) {
                    region.putRef(cursor + r + k, s.refs[k]);
                }
                System.arraycopy(s.tasks, 0, region.task(), cursor + r, o);
                System.arraycopy(s.metas, 0, region.meta(), cursor + r, o);
            }
            java.util.Arrays.fill(region.source(), cursor, cursor + s.n, (short) ctx.source);
            int base = cursor;
            s.extents.forEach((k, v) -> events.putExtent(base + k, v));
            events.commit(s.n);
            cursor += s.n;
        }
    }

    /**
     * Where the message starts in a line of the two common renderings ({@code ts [LEVEL] [source] msg},
     * {@code ts - [LEVEL] msg}), found without a regex; -1 for anything else.
     */
    static int fastMessageStart(String s) {
        int n = s.length();
        if (n < 24 || !Character.isDigit(s.charAt(0)) || s.charAt(4) != '-' || s.charAt(13) != ':') {
            return -1;
        }
        int q = 19;
        while (q < n && s.charAt(q) != ' ') {
            q++;
        }
        if (q + 3 >= n) {
            return -1;
        }
        int open = s.startsWith(" - [", q) ? q + 4 : s.charAt(q + 1) == '[' ? q + 2 : -1;
        if (open < 0) {
            return -1;
        }
        int close = s.indexOf("] ", open);
        if (close < 0 || close - open > 9 || !levelWord(s, open, close)) {
            return -1;
        }
        int m = close + 2;
        if (m < n && s.charAt(m) == '[') {
            int c2 = s.indexOf("] ", m);
            if (c2 > m + 1 && c2 - m < 24 && sourceType(s, m + 1, c2)) {
                m = c2 + 2;
            }
        }
        return m;
    }

    /**
     * Where the message of a line in bytes [from, to) starts, by the same reading as {@link #fastMessageStart(String)}
     * but accepting only the common level words (and from when in doubt): a look at a line's words then passes
     * over its clock, level and tag, half of a fleet's line, which the message drops anyway.
     */
    static int messageStart(byte[] b, int from, int to) {
        int n = to - from;
        if (n < 24 || b[from] < '0' || b[from] > '9' || b[from + 4] != '-' || b[from + 13] != ':') {
            return from;
        }
        int q = from + 19;
        while (q < to && b[q] != ' ') {
            q++;
        }
        if (q + 3 >= to) {
            return from;
        }
        int open = b[q + 1] == '[' ? q + 2 : (b[q + 1] == '-' && b[q + 2] == ' ' && b[q + 3] == '[') ? q + 4 : -1;
        if (open < 0) {
            return from;
        }
        int close = open;
        while (close < to && close - open <= 9 && b[close] != ']') {
            close++;
        }
        if (close - open > 9 || close + 1 >= to || b[close] != ']' || b[close + 1] != ' ' || !commonLevel(b, open, close)) {
            return from;
        }
        int m = close + 2;
        if (m < to && b[m] == '[') {
            int c2 = m + 1;
            while (c2 < to && c2 - m < 24 && ((b[c2] >= 'a' && b[c2] <= 'z') || b[c2] == '_')) {
                c2++;
            }
            if (c2 > m + 1 && c2 + 1 < to && c2 - m < 24 && b[c2] == ']' && b[c2 + 1] == ' ') {
                m = c2 + 2;
            }
        }
        return m;
    }

    private static boolean commonLevel(byte[] b, int from, int to) {
        int end = to;
        while (end > from && b[end - 1] == ' ') {
            end--;
        }
        // Compared in place: a look at a million lines asks this of each, and a string a line was garbage.
        for (byte[] w : COMMON_LEVELS) {
            if (w.length == end - from && java.util.Arrays.equals(b, from, end, w, 0, w.length)) {
                return true;
            }
        }
        return false;
    }

    private static final byte[][] COMMON_LEVELS = {bytesOf("INFO"), bytesOf("WARN"), bytesOf("DEBUG"), bytesOf("ERROR"),
            bytesOf("WARNING"), bytesOf("CRITICAL")};

    private static byte[] bytesOf(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    /** A level word of the renderings, optionally padded: what {@link Level#parse} accepts, without a substring per message. */
    private static boolean levelWord(String s, int from, int to) {
        int end = to;
        while (end > from && s.charAt(end - 1) == ' ') {
            end--;
        }
        boolean known;
        switch (end - from) {
            case 4: known = s.startsWith("INFO", from) || s.startsWith("WARN", from); break;
            case 5: known = s.startsWith("DEBUG", from) || s.startsWith("ERROR", from); break;
            case 7: known = s.startsWith("WARNING", from); break;
            case 8: known = s.startsWith("CRITICAL", from); break;
            default: known = false;
        }
        return known || Level.parse(s.substring(from, to)) != null;
    }

    /** A source_type tag: lower-case letters and underscores. */
    private static boolean sourceType(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || c == '_')) {
                return false;
            }
        }
        return true;
    }

    /** Part boundaries just after line ends, so that no line is split. */
    static long[] split(Content c, int parts) {
        long size = c.size();
        List<Long> b = new ArrayList<>();
        b.add(0L);
        for (int i = 1; i < parts; i++) {
            long at = size * i / parts;
            long nl = c.nextNewline(Math.max(at, b.get(b.size() - 1)));
            if (nl + 1 < size && nl + 1 > b.get(b.size() - 1)) {
                b.add(nl + 1);
            }
        }
        b.add(size);
        long[] out = new long[b.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = b.get(i);
        }
        return out;
    }

    private static long timeOnlyDate(ReadContext ctx) {
        LocalDate d = ctx.options.date();
        if (d != null) {
            return d.toEpochDay();
        }
        Matcher f = Pattern.compile("(20\\d{2})(\\d{2})(\\d{2})").matcher(String.valueOf(ctx.path.getFileName()));
        if (f.find()) {
            return TimeParser.epochDay(Integer.parseInt(f.group(1)), Integer.parseInt(f.group(2)), Integer.parseInt(f.group(3)));
        }
        return 0;
    }

    static String message(String raw) {
        int nl = raw.indexOf('\n');
        String first = nl < 0 ? raw : raw.substring(0, nl);
        String rest = nl < 0 ? "" : raw.substring(nl);
        int start = fastMessageStart(first);
        if (start >= 0) {
            return first.substring(start) + rest;
        }
        for (Rendering r : ALL) {
            Matcher m = r.pattern.matcher(first);
            if (m.matches()) {
                return m.group(r.message) + rest;
            }
        }
        return raw;
    }
}
