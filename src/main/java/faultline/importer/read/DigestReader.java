package faultline.importer.read;

import faultline.text.Prose;

import faultline.importer.ImportException;
import faultline.importer.Lines;
import faultline.importer.ReadContext;
import faultline.importer.Sample;
import faultline.importer.SourceReader;
import faultline.importer.merge.TaskDraft;
import faultline.importer.scan.LineIndex;
import faultline.importer.time.TimeParser;
import faultline.model.Level;
import faultline.model.ParamValue;
import faultline.model.SourceFormat;
import faultline.model.SourceText;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comparison digest: a hand-made text comparison of failed tasks (the layout Faultline started
 * from). Its lifecycle lines, its quoted crash-window log lines and its statements about the
 * exception and the parameters become events of the tasks it names. Its sections are not in time
 * order, so times that the digest leaves open are estimated within each quoted block, never across
 * the file.
 */
public final class DigestReader implements SourceReader {
    @Override
    public SourceFormat format() {
        return SourceFormat.COMPARISON_DIGEST;
    }

    @Override
    public double fit(Sample sample) {
        String s = sample.text();
        return (s.contains("TASK LIFECYCLE") && (s.contains("CRASH POINTS") || s.contains("CRASH HERE")))
                || s.contains("VISUAL FAILURE COMPARISON") ? 0.95 : 0;
    }

    private static final Pattern HEADER = Pattern.compile("^([A-Z][A-Z ]*?) FAILURE \\(([^)]+)\\)\\s*$");
    private static final Pattern LABEL = Pattern.compile("^([A-Z][A-Z ]*?)(?: - LOOP \\[\\d+/\\d+\\] - [\\w.]+| CRASH PATTERN| \\([^)]*\\))?:\\s*$");
    private static final Pattern MILESTONE = Pattern.compile("^\\s*(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d+)?)\\s*►\\s*(.+)$");
    private static final Pattern TREE = Pattern.compile("^\\s*[├└]─\\s*(.+)$");
    private static final Pattern MODEL_LOAD = Pattern.compile("^Model loading: (\\d+) seconds \\((\\d{2}:\\d{2}:\\d{2}) → (\\d{2}:\\d{2}:\\d{2})\\)");
    private static final Pattern LOG_LINE = Pattern.compile("^\\s*\\[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\\]\\s+(\\S+?):\\s+(.*)$");
    private static final Pattern EXCEPTION = Pattern.compile("^\\s*✗\\s*(?:Exception:\\s*)?(.+)$");
    private static final Pattern CURRENT_PARAM = Pattern.compile("^\\s*(?:Current|Previous) param \\(LOOP (\\d+)\\):\\s*([\\w.]+) = (\\S+)");
    private static final Pattern VALUE = Pattern.compile("^\\s*- Value: (\\S+) \\(from model defaults\\)(?: or (\\S+) \\(from task params\\))?");

    private enum Section { HEADER, LIFECYCLE, CRASH_POINTS, ERROR_ANALYSIS, PARAMETERS, OTHER }

    /** A quoted crash-window block: its events, to estimate open times between known neighbours. */
    private static final class Block {
        final List<Integer> events = new ArrayList<>();
        /** Where the digest says "✗ CRASH HERE": the exception and the statements go there. */
        int crashAt = -1;
        int task = -1;

        /** Where statements go: at the crash mark, never past the block's end (a damaged digest may mark it oddly). */
        int crashPosition() {
            return crashAt >= 0 ? Math.min(crashAt, events.size()) : events.size();
        }
    }

    @Override
    public SourceText read(ReadContext ctx) throws ImportException {
        PooledText text = new PooledText();
        LineIndex unused = new LineIndex();
        Lines lines = new Lines(ctx.content, ctx.report, unused);
        Map<String, Integer> taskOfLabel = new HashMap<>();
        Map<Integer, Block> blocks = new HashMap<>();
        Map<Integer, String> paramOfTask = new HashMap<>();
        Section section = Section.HEADER;
        String label = null;
        long lastMilestone = ReadContext.UNKNOWN_TIME;
        int lastPrecision = 0;
        Block block = null;
        String previousLine = "";
        TimeParser.Parsed parsed = new TimeParser.Parsed();
        while (lines.next()) {
            String raw = lines.text;
            String t = raw.strip();
            int line = (int) lines.number;
            if (t.isEmpty() || t.startsWith("====")) {
                previousLine = t.isEmpty() ? previousLine : t;
                continue;
            }
            Matcher h = HEADER.matcher(t);
            if (h.matches()) {
                int ref = ctx.tasks.ref(h.group(2));
                if (ref >= 0) {
                    taskOfLabel.put(h.group(1).trim(), ref);
                }
                previousLine = t;
                continue;
            }
            if (previousLine.startsWith("====") && !raw.startsWith(" ") && !t.endsWith(":")) {
                section = sectionOf(t);
                label = null;
                previousLine = t;
                continue;
            }
            previousLine = t;
            Matcher l = LABEL.matcher(t);
            if (l.matches() && taskOfLabel.containsKey(l.group(1).trim())) {
                label = l.group(1).trim();
                if (section == Section.CRASH_POINTS) {
                    block = new Block();
                    block.task = taskOfLabel.get(label);
                    blocks.put(block.task, block);
                }
                continue;
            }
            Integer task = label == null ? null : taskOfLabel.get(label);
            int ref = task == null ? -1 : task;
            switch (section) {
                case LIFECYCLE: {
                    Matcher m = MILESTONE.matcher(raw);
                    if (m.matches() && ctx.time.parseDateTime(m.group(1), 0, parsed)) {
                        lastMilestone = parsed.nanos;
                        lastPrecision = parsed.precision;
                        ctx.timed(parsed.nanos, parsed.precision, Level.INFO, ref, text.add(m.group(2).strip(), raw, line));
                        continue;
                    }
                    Matcher tr = TREE.matcher(raw);
                    if (tr.matches() && lastMilestone != ReadContext.UNKNOWN_TIME) {
                        // The tree lists what happened in order: after a timed model load, the next items come after it.
                        lastMilestone = tree(ctx, text, tr.group(1).strip(), raw, line, ref, lastMilestone, lastPrecision);
                        continue;
                    }
                    break;
                }
                case CRASH_POINTS: {
                    Matcher m = LOG_LINE.matcher(raw);
                    if (m.matches() && block != null) {
                        Level lv = Level.parse(m.group(1));
                        String msg = m.group(3).strip();
                        int pooled = text.add(msg, raw, line);
                        int ev;
                        if (ctx.time.parseDateTime(m.group(2), 0, parsed) && !parsed.placeholder) {
                            ev = ctx.events.add(parsed.nanos + ctx.offsetNanos, parsed.precision, false, lv, ref, ctx.source, pooled);
                        } else {
                            ev = ctx.events.add(0, 0, true, lv, ref, ctx.source, pooled);
                            ctx.report.repair(faultline.model.ParseReport.Repair.ESTIMATED_TIME);
                        }
                        ctx.report.events++;
                        block.events.add(ev);
                        continue;
                    }
                    if (t.startsWith("✗") && block != null) {
                        block.crashAt = block.events.size();
                        continue;
                    }
                    break;
                }
                case ERROR_ANALYSIS: {
                    Matcher e = EXCEPTION.matcher(raw);
                    if (e.matches() && task != null && blocks.containsKey(task)) {
                        Block b = blocks.get(task);
                        int ev = ctx.events.add(0, 0, true, Level.ERROR, ref, ctx.source, text.add(e.group(1).strip(), raw, line));
                        ctx.report.events++;
                        b.events.add(b.crashPosition(), ev);
                        b.crashAt = b.crashPosition() + 1;
                        continue;
                    }
                    break;
                }
                case PARAMETERS: {
                    Matcher p = CURRENT_PARAM.matcher(raw);
                    if (p.find() && task != null) {
                        statement(ctx, text, blocks.get(task), ref, "digest value " + p.group(2) + " = " + p.group(3), raw, line);
                        paramOfTask.put(task, p.group(2));
                        continue;
                    }
                    Matcher v = VALUE.matcher(raw);
                    if (v.find() && task != null && paramOfTask.containsKey(task)) {
                        String name = paramOfTask.get(task);
                        statement(ctx, text, blocks.get(task), ref, "model default " + name + " = " + v.group(1), raw, line);
                        if (v.group(2) != null) {
                            TaskDraft d = ctx.tasks.draftOfRef(task);
                            d.params.put(name, ParamValue.ofLiteral(v.group(2)));
                        }
                        continue;
                    }
                    break;
                }
                default:
                    break;
            }
        }
        for (Block b : blocks.values()) {
            estimateWithin(ctx, b.events);
        }
        for (Map.Entry<String, Integer> e : taskOfLabel.entrySet()) {
            TaskDraft d = ctx.tasks.draftOfRef(e.getValue());
            if (d.status == faultline.model.TaskStatus.UNKNOWN) {
                d.status = faultline.model.TaskStatus.FAILED;
            }
        }
        if (taskOfLabel.isEmpty()) {
            throw new ImportException(Prose.format("import.digest.no-failure", ctx.path.getFileName()));
        }
        if (ctx.report.events == 0) {
            throw new ImportException(Prose.format("import.digest.empty", ctx.path.getFileName()));
        }
        return text;
    }

    /** A statement of the digest about the crash point: placed where the digest puts the crash. */
    private static void statement(ReadContext ctx, PooledText text, Block b, int ref, String message, String raw, int line) {
        int ev = ctx.events.add(0, 0, true, Level.PRINT, ref, ctx.source, text.add(message, raw, line));
        ctx.report.events++;
        if (b != null) {
            b.events.add(b.crashPosition(), ev);
        }
    }

    /** One item of a lifecycle tree; returns the time the next item can start at. */
    private static long tree(ReadContext ctx, PooledText text, String item, String raw, int line, int ref, long at, int precision) {
        Matcher m = MODEL_LOAD.matcher(item);
        if (m.find()) {
            long day = Math.floorDiv(at, 86_400_000_000_000L) * 86_400_000_000_000L;
            long start = day + TimeParser.timeOfDay(m.group(2), 0) * 1_000_000_000L;
            long end = day + TimeParser.timeOfDay(m.group(3), 0) * 1_000_000_000L;
            ctx.events.add(start + ctx.offsetNanos, 0, false, Level.INFO, ref, ctx.source, text.add("Model loading starts", raw, line));
            ctx.events.add(end + ctx.offsetNanos, 0, false, Level.INFO, ref, ctx.source,
                    text.add("Model loading ends (" + m.group(1) + " seconds)", raw, line));
            ctx.report.events += 2;
            return Math.max(at, end);
        }
        if (item.startsWith("Model loading:")) {
            return at; // "Unknown (very fast)": not logged, and not invented
        }
        Level level = item.startsWith("CRASH") ? Level.PRINT : Level.INFO;
        ctx.events.add(at + ctx.offsetNanos, precision, true, level, ref, ctx.source, text.add(item, raw, line));
        ctx.report.events++;
        return at;
    }

    /** Open times of a quoted block lie between the known times around them, in the block's order. */
    private static void estimateWithin(ReadContext ctx, List<Integer> events) {
        int n = events.size();
        for (int k = 0; k < n; k++) {
            int ev = events.get(k);
            if (!ctx.events.estimated(ev)) {
                continue;
            }
            long before = Long.MIN_VALUE;
            int precision = 0;
            for (int j = k - 1; j >= 0; j--) {
                if (!ctx.events.estimated(events.get(j))) {
                    before = ctx.events.nanos(events.get(j));
                    precision = ctx.events.precision(events.get(j));
                    break;
                }
            }
            long after = Long.MAX_VALUE;
            for (int j = k + 1; j < n; j++) {
                if (!ctx.events.estimated(events.get(j))) {
                    after = ctx.events.nanos(events.get(j));
                    break;
                }
            }
            long start = before != Long.MIN_VALUE ? before : after;
            long end = after != Long.MAX_VALUE ? after : start;
            if (start == Long.MAX_VALUE) {
                continue;
            }
            ctx.events.setTime(ev, start, precision, true);
            ctx.events.refine(ev, start, Math.max(start, end));
        }
    }

    private static Section sectionOf(String title) {
        if (title.contains("LIFECYCLE")) {
            return Section.LIFECYCLE;
        }
        if (title.startsWith("CRASH POINTS")) {
            return Section.CRASH_POINTS;
        }
        if (title.startsWith("ERROR ANALYSIS")) {
            return Section.ERROR_ANALYSIS;
        }
        if (title.startsWith("PARAMETER COMPARISON")) {
            return Section.PARAMETERS;
        }
        return Section.OTHER;
    }
}
