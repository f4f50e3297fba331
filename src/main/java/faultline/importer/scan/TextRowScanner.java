package faultline.importer.scan;

import faultline.text.Prose;

import faultline.importer.Content;
import faultline.importer.FileReportBuilder;
import faultline.importer.ImportCancelledException;
import faultline.importer.ReadContext;
import faultline.importer.merge.UnitVocabulary;
import faultline.importer.read.SystemLogsTextReader;
import faultline.importer.time.TimeParser;
import faultline.model.EventStore;
import faultline.model.IntLongMap;
import faultline.model.Level;
import faultline.model.ParseReport.Repair;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

/**
 * Reads one part of a system_logs text file byte by byte: timestamp, level and message start of
 * every line, and the task id in the message, into primitive columns. Renderings it does not know
 * by heart, continuation lines and the lines it cannot read go the slow way, line by line.
 * Several scanners run in parallel on parts split at line ends; {@link SystemLogsTextReader} joins them.
 */
public final class TextRowScanner implements Callable<TextRowScanner> {
    /** Why a line is not read, taken once: it may be said of many lines. */
    private static final String NOT_A_ROW = Prose.get("import.system-logs.not-a-row");
    /** Task ref meaning "whatever task was current where the previous part ended". */
    public static final int INHERIT = -2;

    private final Content content;
    private final long from;
    private final long to;
    private final boolean first;
    private final TimeParser time;
    private final long fixedOffsetSeconds;
    private final boolean fixedZone;
    private final long timeOnlyEpochDay;
    private final AtomicLong progress;
    private final java.util.function.BooleanSupplier cancelled;

    // Columns of this part: rows [0, inRegion) are written straight into the store's region at
    // [regionStart, regionStart + regionRows); rows beyond go to the overflow arrays below.
    private final EventStore.Builder.Region region;
    public final int regionStart;
    final int regionRows;
    public long[] times;
    public long[] refs;
    public int[] tasks;
    public byte[] metas;
    public int n;
    public final IntLongMap extents = new IntLongMap();
    public final LocalIds ids = new LocalIds();
    public final LineIndex index = new LineIndex();
    public final FileReportBuilder report = new FileReportBuilder("", "");
    /** Rows read before this part saw any time: they take the time of the part before. */
    public final IntLongMap waiting = new IntLongMap();
    public long lastNanos = ReadContext.UNKNOWN_TIME;
    public int lastPrecision;
    public long firstNanos = ReadContext.UNKNOWN_TIME;
    public int firstPrecision;
    public int current;
    public long lines;

    // Parse state, reused per line.
    private long tsNanos;
    private int tsPrecision;
    private boolean tsPlaceholder;
    private final byte[] cachedDate = new byte[10];
    private long cachedEpochDay = Long.MIN_VALUE;
    private long cachedDateWord;
    private int lastEvent = -1;
    private long lastEventRef;
    private long epochDayOfTimeOnly;
    private int lastTod = -1;

    public TextRowScanner(Content content, long from, long to, boolean first, TimeParser time, long timeOnlyEpochDay,
                   AtomicLong progress, java.util.function.BooleanSupplier cancelled,
                   EventStore.Builder.Region region, int regionStart, int regionRows) {
        this.region = region;
        this.regionStart = regionStart;
        this.regionRows = regionRows;
        this.content = content;
        this.from = from;
        this.to = to;
        this.first = first;
        this.time = time;
        this.fixedZone = time.zone().getRules().isFixedOffset();
        this.fixedOffsetSeconds = fixedZone ? time.zone().getRules().getOffset(java.time.Instant.EPOCH).getTotalSeconds() : 0;
        this.timeOnlyEpochDay = timeOnlyEpochDay;
        this.epochDayOfTimeOnly = timeOnlyEpochDay;
        this.progress = progress;
        this.cancelled = cancelled;
        this.current = first ? -1 : INHERIT;
        times = new long[64];
        refs = new long[64];
        tasks = new int[64];
        metas = new byte[64];
    }

    @Override
    public TextRowScanner call() {
        if (cancelled.getAsBoolean()) {
            throw new ImportCancelledException();
        }
        LineBlocks.read(content, from, to, new LineBlocks.Sink() {
            private long handed = from;

            @Override
            public void line(byte[] b, int start, int end, long offset) {
                TextRowScanner.this.line(b, start, end, offset);
            }

            @Override
            public void read(long done) {
                progress.addAndGet(done - handed);
                handed = done;
                if (cancelled.getAsBoolean()) {
                    throw new ImportCancelledException();
                }
            }

            @Override
            public void cut(int blockBytes) {
                report.note(lines, Prose.format("import.line-longer", blockBytes >> 20), null);
            }
        });
        return this;
    }

    private void line(byte[] b, int s, int e, long offset) {
        lines++;
        if ((lines & (LineIndex.EVERY - 1)) == 1) {
            index.mark(offset, (int) lines);
        }
        int end = e;
        if (end > s && b[end - 1] == '\r') {
            end--;
            report.repair(Repair.CRLF);
        }
        if (end == s) {
            return;
        }
        int p = s;
        if (b[p] == '[' && p + 2 < end && (b[p + 1] == ' ' || isDigit(b[p + 1]))) {
            int q = p + 1;
            while (q < end && b[q] == ' ') {
                q++;
            }
            int d = q;
            while (q < end && isDigit(b[q])) {
                q++;
            }
            if (q > d && q + 1 < end && b[q] == ']' && b[q + 1] == ' ') {
                p = q + 2;
                report.repair(Repair.LINE_NUMBER_PREFIX);
            }
        } else if (b[p] == 'L' && end - p > 7 && b[p + 1] == 'i' && b[p + 2] == 'n' && b[p + 3] == 'e' && b[p + 4] == ' ') {
            int q = p + 5;
            while (q < end && isDigit(b[q])) {
                q++;
            }
            if (q > p + 5 && q + 1 < end && b[q] == ':' && b[q + 1] == ' ') {
                p = q + 2;
                report.repair(Repair.LINE_NUMBER_PREFIX);
            }
        }
        long lineRef = offset + (p - s);
        int msg = -1;
        int level = -1;
        byte c = b[p];
        if (isDigit(c)) {
            int q = timestamp(b, p, end);
            if (q > 0 && q + 3 < end && b[q] == ' ') {
                if (b[q + 1] == '-' && b[q + 2] == ' ' && b[q + 3] == '[') {
                    int close = levelWord(b, q + 4, end);
                    if (close > 0 && close + 1 < end && b[close + 1] == ' ') {
                        level = parsedLevel;
                        msg = close + 2;
                    }
                } else if (b[q + 1] == '[') {
                    int close = levelWord(b, q + 2, end);
                    if (close > 0 && close + 1 < end && b[close + 1] == ' ') {
                        level = parsedLevel;
                        msg = sourceTag(b, close + 2, end);
                    }
                }
            }
        } else if (c == '[') {
            int close = levelWord(b, p + 1, end);
            if (close > 0 && close + 2 < end && b[close + 1] == ' ' && isDigit(b[close + 2])) {
                int lvl = parsedLevel;
                int q = timestamp(b, close + 2, end);
                if (q > 0 && q < end && b[q] == ':') {
                    q++;
                    while (q < end && b[q] == ' ') {
                        q++;
                    }
                    level = lvl;
                    msg = q;
                }
            }
        }
        if (msg < 0) {
            slowLine(b, p, end, lineRef, offset + (end - s));
            return;
        }
        int task = taskIn(b, msg, end);
        boolean estimated = tsPlaceholder;
        add(estimated ? lastNanos : tsNanos, estimated ? lastPrecision : tsPrecision, estimated, Level.ofOrdinal(level), task, lineRef);
        if (estimated) {
            report.repair(Repair.ESTIMATED_TIME);
        }
    }

    private int parsedLevel;

    /** Reads LEVEL] at p; returns the index of ']' and sets parsedLevel, or -1. */
    private int levelWord(byte[] b, int p, int end) {
        int q = p;
        while (q < end && q - p < 9 && b[q] >= 'A' && b[q] <= 'Z') {
            q++;
        }
        int len = q - p;
        int close = q;
        while (close < end && b[close] == ' ') {
            close++; // the debug tool pads: [INFO    ]
        }
        if (close >= end || b[close] != ']' || len < 4) {
            return -1;
        }
        switch (b[p]) {
            case 'D': parsedLevel = len == 5 ? Level.DEBUG.ordinal() : -1; break;
            case 'I': parsedLevel = len == 4 ? Level.INFO.ordinal() : -1; break;
            case 'W': parsedLevel = len == 7 || len == 4 ? Level.WARNING.ordinal() : -1; break;
            case 'E': parsedLevel = len == 5 ? Level.ERROR.ordinal() : -1; break;
            case 'C': parsedLevel = len == 8 ? Level.CRITICAL.ordinal() : -1; break;
            case 'F': parsedLevel = len == 5 ? Level.CRITICAL.ordinal() : -1; break;
            default: parsedLevel = -1;
        }
        return parsedLevel < 0 ? -1 : close;
    }

    /** Skips an optional "[source_type] " tag; returns the message start. */
    private static int sourceTag(byte[] b, int p, int end) {
        if (p < end && b[p] == '[') {
            int q = p + 1;
            while (q < end && ((b[q] >= 'a' && b[q] <= 'z') || b[q] == '_')) {
                q++;
            }
            if (q > p + 1 && q + 1 < end && b[q] == ']' && b[q + 1] == ' ') {
                return q + 2;
            }
        }
        return p;
    }

    /** Parses YYYY-MM-DD[T ]HH:MM:SS[.f][Z|±HH[:MM]] at p into tsNanos/tsPrecision; returns the index after it or -1. */
    private int timestamp(byte[] b, int p, int end) {
        if (p + 19 > end || b[p + 4] != '-' || b[p + 7] != '-' || (b[p + 10] != 'T' && b[p + 10] != ' ')
                || b[p + 13] != ':' || b[p + 16] != ':') {
            return -1;
        }
        long epochDay;
        long dateWord = Bytes.word(b, p);
        if (cachedEpochDay != Long.MIN_VALUE && dateWord == cachedDateWord && b[p + 8] == cachedDate[8] && b[p + 9] == cachedDate[9]) {
            epochDay = cachedEpochDay;
        } else {
            int y = num(b, p, 4);
            int mo = num(b, p + 5, 2);
            int d = num(b, p + 8, 2);
            if (y < TimeParser.MIN_YEAR || y > TimeParser.MAX_YEAR || mo < 1 || mo > 12 || d < 1 || d > 31) {
                return -1;
            }
            epochDay = TimeParser.epochDay(y, mo, d);
            System.arraycopy(b, p, cachedDate, 0, 10);
            cachedDateWord = dateWord;
            cachedEpochDay = epochDay;
        }
        int h = two(b, p + 11);
        int mi = two(b, p + 14);
        int se = two(b, p + 17);
        if ((h | mi | se) < 0 || h > 23 || mi > 59 || se > 60) {
            return -1;
        }
        int q = p + 19;
        long frac = 0;
        int precision = 0;
        tsPlaceholder = false;
        if (q < end && (b[q] == '.' || b[q] == ',')) {
            int r = q + 1;
            while (r < end && isDigit(b[r])) {
                if (precision < 9) {
                    frac = frac * 10 + (b[r] - '0');
                    precision++;
                }
                r++;
            }
            if (r == q + 1) {
                while (r < end && (b[r] == '?' || b[r] == 'x' || b[r] == 'X')) {
                    r++;
                }
                if (r == q + 1) {
                    return -1;
                }
                tsPlaceholder = true;
            }
            q = r;
        }
        for (int k = precision; k < 9; k++) {
            frac *= 10;
        }
        long local = epochDay * 86_400L + h * 3600L + mi * 60L + Math.min(se, 59);
        long offset;
        if (q < end && b[q] == 'Z') {
            offset = 0;
            q++;
        } else if (q + 2 < end && (b[q] == '+' || b[q] == '-') && isDigit(b[q + 1]) && isDigit(b[q + 2])) {
            int sign = b[q] == '-' ? -1 : 1;
            int oh = num(b, q + 1, 2);
            int om = 0;
            int r = q + 3;
            if (r < end && b[r] == ':' && isDigit2(b, r + 1, end)) {
                om = num(b, r + 1, 2);
                r += 3;
            } else if (isDigit2(b, r, end)) {
                om = num(b, r, 2);
                r += 2;
            }
            offset = sign * (oh * 3600L + om * 60L);
            q = r;
        } else if (fixedZone) {
            offset = fixedOffsetSeconds;
        } else {
            tsNanos = time.localToNanos(epochDay, (local - epochDay * 86_400L) * 1_000_000_000L) + frac;
            tsPrecision = precision;
            return q;
        }
        tsNanos = (local - offset) * 1_000_000_000L + frac;
        tsPrecision = precision;
        return q;
    }

    private static boolean isDigit2(byte[] b, int at, int end) {
        return at + 1 < end && isDigit(b[at]) && isDigit(b[at + 1]);
    }

    /**
     * The task named in the message: a full UUID, else a short id after "travel#" or "Task ";
     * else the task the worker is processing. Updates the current task on "Processing … task" and
     * "Finished task".
     */
    private int taskIn(byte[] b, int m, int end) {
        int found = -1;
        // '-' of a UUID, '#' of travel#, 'T' of "Task <8 hex>": rare bytes, so most messages are passed over a word at a time.
        for (int i = Bytes.anyOf(b, m, end, (byte) '-', (byte) '#', (byte) 'T'); i < end; i = Bytes.anyOf(b, i + 1, end, (byte) '-', (byte) '#', (byte) 'T')) {
            byte x = b[i];
            if (x == '-') {
                if (Bytes.uuidAt(b, i, m, end) && !projectBefore(b, m, i - 8)) {
                    int at = i - 8;
                    found = ids.uuid(b, at, Bytes.uuidHigh(b, at), Bytes.uuidLow(b, at));
                    break;
                }
            } else if (x == '#' && i >= m + 6 && i + 9 <= end && b[i - 1] == 'l' && b[i - 6] == 't') {
                if (Bytes.hex(b, i + 1, 8) >= 0 && (i + 9 == end || !Bytes.isHex(b[i + 9]))) {
                    found = ids.name(new String(b, i + 1, 8, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT));
                    break;
                }
            } else if (x == 'T' && i + 13 <= end && b[i + 1] == 'a' && b[i + 2] == 's' && b[i + 3] == 'k' && b[i + 4] == ' ') {
                if (Bytes.hex(b, i + 5, 8) >= 0 && (i + 13 == end || (!Bytes.isHex(b[i + 13]) && b[i + 13] != '-'))) {
                    found = ids.name(new String(b, i + 5, 8, StandardCharsets.US_ASCII).toLowerCase(java.util.Locale.ROOT));
                    break;
                }
            }
        }
        // One look at the phrase the body starts with, whichever branch needs it: the compiler copies each call it inlines.
        UnitVocabulary.Step step = UnitVocabulary.stepAtStart(b, UnitVocabulary.body(b, m, end), end);
        int task = found >= 0 ? found : current;
        if (found >= 0 && step == UnitVocabulary.Step.CLAIM) {
            // Rows carry the id on claim lines only: the claim makes the task the one its loop lines belong to.
            current = found;
        } else if (step == UnitVocabulary.Step.END && (found < 0 || found == current)) {
            current = -1;
        }
        return task;
    }

    /** "Project ID: <uuid>" names a project, not a task. */
    private static boolean projectBefore(byte[] b, int m, int at) {
        for (int i = Math.max(m, at - 14); i + 7 <= at; i++) {
            if ((b[i] == 'P' || b[i] == 'p') && b[i + 1] == 'r' && b[i + 2] == 'o' && b[i + 3] == 'j' && b[i + 4] == 'e'
                    && b[i + 5] == 'c' && b[i + 6] == 't') {
                return true;
            }
        }
        return false;
    }

    /** The line is not in a rendering known by heart: try every rendering on its text, else continuation or not understood. */
    private void slowLine(byte[] b, int p, int end, long lineRef, long lineEnd) {
        String text = new String(b, p, end - p, StandardCharsets.UTF_8);
        if (text.isBlank()) {
            return;
        }
        for (SystemLogsTextReader.Rendering r : SystemLogsTextReader.Rendering.values()) {
            Matcher m = r.pattern.matcher(text);
            if (!m.matches()) {
                continue;
            }
            Level level = Level.parse(m.group(r.level));
            String message = m.group(r.message);
            int task = taskOfText(message);
            if (r == SystemLogsTextReader.Rendering.BROKEN_SLICE) {
                add(lastNanos, lastPrecision, true, level, task, lineRef);
                report.repair(Repair.ESTIMATED_TIME);
            } else if (r.timeOnly) {
                int tod = TimeParser.timeOfDay(m.group(r.time), 0);
                if (lastTod >= 0 && tod < lastTod - 12 * 3600) {
                    epochDayOfTimeOnly++;
                    report.repair(Repair.MIDNIGHT_ROLLOVER);
                }
                lastTod = tod;
                add(time.localToNanos(epochDayOfTimeOnly, tod * 1_000_000_000L), 0, false, level, task, lineRef);
            } else {
                TimeParser.Parsed parsed = new TimeParser.Parsed();
                if (time.parseDateTime(m.group(r.time), 0, parsed) && !parsed.placeholder) {
                    add(parsed.nanos, parsed.precision, false, level, task, lineRef);
                } else {
                    add(lastNanos, lastPrecision, true, level, task, lineRef);
                    report.repair(Repair.ESTIMATED_TIME);
                }
            }
            return;
        }
        if (lastEvent >= 0 && SystemLogsTextReader.CONTINUATION.matcher(text).find()) {
            extents.put(lastEvent, lineEnd - lastEventRef);
            report.repair(Repair.CONTINUATION);
            return;
        }
        report.unparsed(lines, NOT_A_ROW, text);
    }

    private int taskOfText(String message) {
        byte[] b = message.getBytes(StandardCharsets.UTF_8);
        return taskIn(b, 0, b.length);
    }

    private void add(long nanos, int precision, boolean estimated, Level level, int task, long ref) {
        byte meta = EventStore.Builder.pack(level, precision, estimated);
        if (n < regionRows) {
            int i = regionStart + n;
            region.time()[i] = nanos;
            region.putRef(i, ref);
            region.task()[i] = task;
            region.meta()[i] = meta;
        } else {
            int k = n - regionRows;
            if (k == times.length) {
                int c = k + (k >> 1) + 64;
                times = Arrays.copyOf(times, c);
                refs = Arrays.copyOf(refs, c);
                tasks = Arrays.copyOf(tasks, c);
                metas = Arrays.copyOf(metas, c);
            }
            times[k] = nanos;
            refs[k] = ref;
            tasks[k] = task;
            metas[k] = meta;
        }
        if (estimated && lastNanos == ReadContext.UNKNOWN_TIME) {
            waiting.put(n, 0);
        }
        if (!estimated) {
            if (lastNanos == ReadContext.UNKNOWN_TIME) {
                firstNanos = nanos;
                firstPrecision = precision;
            }
            lastNanos = nanos;
            lastPrecision = precision;
        }
        lastEvent = n;
        lastEventRef = ref;
        n++;
        report.events++;
    }

    /** Moves this part's rows out of the region into its own arrays (all n of them, in order). */
    public void flattenInto(EventStore.Builder.Region r) {
        int inR = inRegion();
        int o = overflow();
        long[] t2 = new long[n];
        long[] r2 = new long[n];
        int[] k2 = new int[n];
        byte[] m2 = new byte[n];
        System.arraycopy(r.time(), regionStart, t2, 0, inR);
        for (int k = 0; k < inR; k++) {
            r2[k] = r.ref(regionStart + k);
        }
        System.arraycopy(r.task(), regionStart, k2, 0, inR);
        System.arraycopy(r.meta(), regionStart, m2, 0, inR);
        System.arraycopy(times, 0, t2, inR, o);
        System.arraycopy(refs, 0, r2, inR, o);
        System.arraycopy(tasks, 0, k2, inR, o);
        System.arraycopy(metas, 0, m2, inR, o);
        times = t2;
        refs = r2;
        tasks = k2;
        metas = m2;
    }

    /** Rows written into the region (the rest are in the overflow arrays). */
    public int inRegion() {
        return Math.min(n, regionRows);
    }

    public int overflow() {
        return Math.max(0, n - regionRows);
    }

    public long timeOf(int k) {
        return k < regionRows ? region.time()[regionStart + k] : times[k - regionRows];
    }

    public void setTime(int k, long nanos, byte meta) {
        if (k < regionRows) {
            region.time()[regionStart + k] = nanos;
            region.meta()[regionStart + k] = meta;
        } else {
            times[k - regionRows] = nanos;
            metas[k - regionRows] = meta;
        }
    }

    public byte metaOf(int k) {
        return k < regionRows ? region.meta()[regionStart + k] : metas[k - regionRows];
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }

    /** Two decimal digits at p, or a negative number. */
    private static int two(byte[] b, int p) {
        int d1 = b[p] - '0';
        int d2 = b[p + 1] - '0';
        return (d1 | d2 | (9 - d1) | (9 - d2)) < 0 ? -1 : d1 * 10 + d2;
    }

    private static int num(byte[] b, int p, int count) {
        int v = 0;
        for (int i = p; i < p + count; i++) {
            int c = b[i] - '0';
            if (c < 0 || c > 9) {
                return -1;
            }
            v = v * 10 + c;
        }
        return v;
    }
}
