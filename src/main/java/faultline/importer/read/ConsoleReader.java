package faultline.importer.read;

import faultline.text.Prose;

import faultline.importer.FileReportBuilder;
import faultline.importer.ImportException;
import faultline.importer.Lines;
import faultline.importer.ReadContext;
import faultline.importer.Sample;
import faultline.importer.SourceReader;
import faultline.importer.merge.TaskIds;
import faultline.importer.merge.UnitVocabulary;
import faultline.importer.merge.WorkerUnit;
import faultline.importer.scan.LineIndex;
import faultline.importer.time.TimeParser;
import faultline.model.Level;
import faultline.model.ParseReport.Repair;
import faultline.model.SourceFormat;
import faultline.model.SourceText;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worker's console capture: {@code [HH:MM:SS] LEVEL COMPONENT [Task id] message} lines in local
 * time without a date, interleaved with Python logging lines, prints, progress bars and tracebacks.
 */
public final class ConsoleReader implements SourceReader {
    @Override
    public SourceFormat format() {
        return SourceFormat.WORKER_CONSOLE;
    }

    /** The share of the sample's lines that are console or Python logging lines, below the structured formats. */
    @Override
    public double fit(Sample sample) {
        int lines = 0;
        int console = 0;
        for (String line : sample.nonBlank()) {
            lines++;
            if (isConsoleLine(line)) {
                console++;
            }
        }
        return lines == 0 ? 0 : 0.85 * console / lines;
    }

    static boolean isConsoleLine(String line) {
        return CONSOLE.matcher(line).matches() || PYLOG.matcher(line).matches() || ERROR_TASK.matcher(line).matches();
    }

    static final Pattern CONSOLE = Pattern.compile(
            "^\\[(\\d{2}:\\d{2}:\\d{2})\\] (INFO|DEBUG|WARNING|WARN|ERROR|CRITICAL|✅|⚠️?|❌|🔴 CRITICAL|🔴|⏳|📊|⏭️?|🔍|🔄|💥)"
                    + " +([A-Z][A-Z0-9_]*)(?: \\[Task ([^\\]]{1,80})\\])?(?: (.*))?$");
    static final Pattern PYLOG = Pattern.compile(
            "^(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2})(?:,(\\d{3}))? \\[(DEBUG|INFO|WARNING|ERROR|CRITICAL)\\] (?:([\\w.]+): )?(.*)$");
    static final Pattern ERROR_TASK = Pattern.compile("^\\[ERROR Task ID: ([^\\]]+)\\] (.*)$");
    private static final Pattern TRACEBACK_START = Pattern.compile("^Traceback \\(most recent call last\\):");
    private static final Pattern EXCEPTION_LINE = Pattern.compile("^[A-Za-z_][\\w.]*(?:Error|Exception|Interrupt|Exit|Warning)\\b(?::.*)?$");
    private static final Pattern CHAINED = Pattern.compile("^(?:During handling of the above exception|The above exception was the direct cause)");
    private static final Pattern DATE_IN_NAME = Pattern.compile("(20\\d{2})(\\d{2})(\\d{2})_(\\d{2})(\\d{2})(\\d{2})");
    private static final Pattern WORKER_LEVEL = Pattern.compile(
            "HEARTBEAT|Heartbeat|/rest/v1/workers|task-counts|claim-next-task|\\[CLAIM_DEBUG\\]|Polling");
    private static final Pattern STARTS_TASK = Pattern.compile("^Processing \\w+ task");
    private static final Pattern ENDS_TASK = Pattern.compile(
            "^(?:Finished task|Task completed successfully|Task failed)");

    @Override
    public SourceText read(ReadContext ctx) throws ImportException {
        LineIndex index = new LineIndex();
        Lines lines = new Lines(ctx.content, ctx.report, index);
        long epochDay = initialDate(ctx);
        int lastTod = -1;
        int current = -1;          // the task the worker is processing
        int found = -1;            // the task of the last "Found task of type" line
        int lastEvent = -1;        // for continuation lines
        int lastEventTask = -1;
        boolean inTraceback = false;
        boolean openBracket = false;
        long eventStart = 0;
        TimeParser.Parsed parsed = new TimeParser.Parsed();
        int firstClaim = -1;       // the first event of a task
        java.util.List<Integer> crashes = new java.util.ArrayList<>(); // tracebacks before any task
        while (lines.next()) {
            ctx.tick(lines.position());
            String text = lines.text;
            if (text.indexOf('\r') >= 0) {
                ctx.report.repair(Repair.CARRIAGE_RETURN);
            }
            if (text.isBlank()) {
                inTraceback = false;
                openBracket = false;
                continue;
            }
            // Continuation of the event before: a traceback body, or a message wrapped over lines.
            if (lastEvent >= 0 && (inTraceback && isTracebackBody(text) || openBracket && !looksPrefixed(text))) {
                extend(ctx, lastEvent, eventStart, lines.end());
                ctx.report.repair(Repair.CONTINUATION);
                if (inTraceback && EXCEPTION_LINE.matcher(text).matches()) {
                    inTraceback = false;
                }
                if (firstClaim < 0 && lastEventTask < 0 && TRACEBACK_START.matcher(text).find()) {
                    crashes.add(lastEvent);
                }
                openBracket = openBracket && unbalanced(ctx.events, lastEvent, ctx, lines.end());
                continue;
            }
            Matcher m = CONSOLE.matcher(text);
            if (m.matches()) {
                int tod = TimeParser.timeOfDay(m.group(1), 0);
                if (lastTod >= 0 && tod < lastTod - 12 * 3600) {
                    epochDay++;
                    ctx.report.repair(Repair.MIDNIGHT_ROLLOVER);
                }
                lastTod = tod;
                String msg = m.group(5) == null ? "" : m.group(5);
                String tag = m.group(4);
                // The worker names a task it lost the id of unknown_task_<time>: it is the one it just found.
                int ref = tag != null && tag.startsWith("unknown_task") && found >= 0 ? found : taskOf(ctx, tag, msg, current);
                if (msg.startsWith("Found task of type") && ref >= 0) {
                    found = ref;
                }
                if (WORKER_LEVEL.matcher(msg).find() && m.group(4) == null) {
                    ref = -1;
                }
                long nanos = ctx.time.localToNanos(epochDay, tod * 1_000_000_000L);
                lastEvent = ctx.timed(nanos, 0, levelOf(m.group(2)), ref, lines.start);
                eventStart = lines.start;
                lastEventTask = ref;
                firstClaim = firstClaim < 0 && ref >= 0 ? lastEvent : firstClaim;
                if ((STARTS_TASK.matcher(msg.strip()).find() || claims(m.group(3) + " " + msg)) && ref >= 0) {
                    current = ref;
                    ctx.tasks.draftOfRef(ref).startedAgain(new faultline.model.Stamp(nanos, 0, false), "");
                } else if (ENDS_TASK.matcher(msg).find() || (ref >= 0 && ref == current && TaskIds.findIn(msg) != null && ends(msg))) {
                    current = -1;
                }
                inTraceback = msg.endsWith("traceback:") || msg.endsWith("Traceback:");
                openBracket = bracketDepth(msg) > 0;
                continue;
            }
            Matcher p = PYLOG.matcher(text);
            if (p.matches() && ctx.time.parseDateTime(p.group(1), 0, parsed)) {
                String ms = p.group(2);
                long nanos = parsed.nanos + (ms == null ? 0 : Integer.parseInt(ms) * 1_000_000L);
                epochDay = Math.floorDiv(nanos / 1_000_000_000L + zoneOffsetSeconds(ctx, nanos), 86_400L);
                lastTod = TimeParser.timeOfDay(p.group(1), 11);
                String msg = p.group(5);
                int ref = taskOf(ctx, null, msg, current);
                if (WORKER_LEVEL.matcher(msg).find()) {
                    ref = -1;
                }
                if (ref >= 0 && claims(msg)) {
                    current = ref; // a Python logging line of the worker's queue claims as the console does
                    ctx.tasks.draftOfRef(ref).startedAgain(new faultline.model.Stamp(nanos, ms == null ? 0 : 3, false), "");
                } else if (ref >= 0 && ref == current && (ENDS_TASK.matcher(msg).find() || (TaskIds.findIn(msg) != null && ends(msg)))) {
                    current = -1;
                }
                lastEvent = ctx.timed(nanos, ms == null ? 0 : 3, Level.parse(p.group(3)), ref, lines.start);
                eventStart = lines.start;
                lastEventTask = ref;
                firstClaim = firstClaim < 0 && ref >= 0 ? lastEvent : firstClaim;
                inTraceback = false;
                openBracket = bracketDepth(msg) > 0;
                continue;
            }
            Matcher e = ERROR_TASK.matcher(text);
            if (e.matches()) {
                int ref = taskOf(ctx, e.group(1), e.group(2), current);
                lastEvent = ctx.estimated(Level.ERROR, ref, lines.start);
                eventStart = lines.start;
                lastEventTask = ref;
                firstClaim = firstClaim < 0 && ref >= 0 ? lastEvent : firstClaim;
                inTraceback = false;
                openBracket = false;
                continue;
            }
            // A print, a banner, a progress bar, the start of a traceback: it belongs to what ran just before.
            boolean traceback = TRACEBACK_START.matcher(text).find() || CHAINED.matcher(text).find();
            if (traceback && lastEvent >= 0 && inTraceback) {
                extend(ctx, lastEvent, eventStart, lines.end());
                ctx.report.repair(Repair.CONTINUATION);
                if (firstClaim < 0 && lastEventTask < 0) {
                    crashes.add(lastEvent);
                }
                continue;
            }
            Level level = traceback || EXCEPTION_LINE.matcher(text).matches() ? Level.ERROR : Level.PRINT;
            // A print belongs to what logged just before it (a traceback, a debug print), else to the task being processed.
            int ref = TaskIds.findIn(text) != null ? taskOf(ctx, null, text, current) : (lastEventTask >= 0 ? lastEventTask : current);
            lastEvent = ctx.estimated(level, ref, lines.start);
            eventStart = lines.start;
            lastEventTask = ref;
                firstClaim = firstClaim < 0 && ref >= 0 ? lastEvent : firstClaim;
            inTraceback = traceback;
            if (traceback && ref < 0 && firstClaim < 0) {
                crashes.add(lastEvent);
            }
            openBracket = bracketDepth(text) > 0;
        }
        if (!crashes.isEmpty()) {
            WorkerUnit.assign(ctx, crashes);
        }
        ctx.finish();
        return new ContentText(ctx.content, ConsoleReader::message, index);
    }

    /** A line that takes a task on: a claim phrase at the start of its message, after a COMPONENT column or name. */
    private static boolean claims(String msg) {
        byte[] b = msg.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int body = UnitVocabulary.body(b, 0, b.length);
        return new UnitVocabulary().stepOf(b, body, b.length, false) == UnitVocabulary.Step.CLAIM;
    }

    /** A line about the task it names that says it ended ({@code Task 7392… completed: …}, {@code … failed after 0.1s}). */
    private static boolean ends(String msg) {
        byte[] b = msg.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        return UnitVocabulary.wordStep(b, 0, b.length) == UnitVocabulary.Step.END;
    }

    private static boolean unbalanced(faultline.model.EventStore.Builder b, int event, ReadContext ctx, long end) {
        long start = b.ref(event);
        String raw = ctx.content.decode(start, (int) Math.min(end - start, Lines.MAX_LINE));
        return bracketDepth(raw) > 0;
    }

    private static void extend(ReadContext ctx, int event, long start, long end) {
        ctx.extend(event, end - start);
    }

    private static boolean isTracebackBody(String text) {
        return text.startsWith(" ") || text.startsWith("\t") || EXCEPTION_LINE.matcher(text).matches()
                || TRACEBACK_START.matcher(text).find() || CHAINED.matcher(text).find();
    }

    private static boolean looksPrefixed(String text) {
        return CONSOLE.matcher(text).matches() || PYLOG.matcher(text).matches();
    }

    static int bracketDepth(String s) {
        int d = 0;
        boolean quote = false;
        char q = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quote) {
                if (c == q) {
                    quote = false;
                }
                continue;
            }
            if (c == '\'' || c == '"') {
                // An apostrophe inside a word is not a quote.
                boolean word = i > 0 && Character.isLetter(s.charAt(i - 1)) && i + 1 < s.length() && Character.isLetter(s.charAt(i + 1));
                if (!word) {
                    quote = true;
                    q = c;
                }
            } else if (c == '[' || c == '{' || c == '(') {
                d++;
            } else if (c == ']' || c == '}' || c == ')') {
                d--;
            }
        }
        return d;
    }

    private static int taskOf(ReadContext ctx, String tag, String msg, int current) {
        if (tag != null) {
            int r = ctx.tasks.ref(tag);
            if (r >= 0) {
                return r;
            }
        }
        String found = TaskIds.findIn(msg);
        if (found != null) {
            return ctx.tasks.ref(found);
        }
        return current;
    }

    static Level levelOf(String glyph) {
        switch (glyph) {
            case "DEBUG": return Level.DEBUG;
            case "WARNING": case "WARN": case "⚠️": case "⚠": return Level.WARNING;
            case "ERROR": case "❌": return Level.ERROR;
            case "CRITICAL": case "🔴 CRITICAL": case "🔴": case "💥": return Level.CRITICAL;
            default: return Level.INFO;
        }
    }

    /** The normalised message of a console event: {@code COMPONENT: message}, like the database writes it. */
    static String message(String raw) {
        int nl = raw.indexOf('\n');
        String first = nl < 0 ? raw : raw.substring(0, nl);
        String rest = nl < 0 ? "" : raw.substring(nl);
        int cr = first.lastIndexOf('\r');
        if (cr >= 0 && cr < first.length() - 1) {
            first = first.substring(cr + 1);
        }
        Matcher m = CONSOLE.matcher(first);
        if (m.matches()) {
            return m.group(3) + ": " + (m.group(5) == null ? "" : m.group(5)) + rest;
        }
        Matcher p = PYLOG.matcher(first);
        if (p.matches()) {
            return (p.group(4) == null ? "" : p.group(4) + ": ") + p.group(5) + rest;
        }
        Matcher e = ERROR_TASK.matcher(first);
        if (e.matches()) {
            return e.group(2) + rest;
        }
        return first + rest;
    }

    private static long zoneOffsetSeconds(ReadContext ctx, long nanos) {
        return ctx.time.zone().getRules().getOffset(java.time.Instant.ofEpochSecond(Math.floorDiv(nanos, 1_000_000_000L))).getTotalSeconds();
    }

    /** The date of the first time-only lines: user, first dated line, file name, worker id in the text. */
    private static long initialDate(ReadContext ctx) {
        LocalDate user = ctx.options.date();
        if (user != null) {
            return user.toEpochDay();
        }
        Lines scan = new Lines(ctx.content, new FileReportBuilder("", ""), null);
        TimeParser.Parsed parsed = new TimeParser.Parsed();
        String worker = null;
        int n = 0;
        while (scan.next() && n++ < 5000) {
            Matcher p = PYLOG.matcher(scan.text);
            if (p.matches() && ctx.time.parseDateTime(p.group(1), 0, parsed)) {
                ctx.report.repair(Repair.DATE_INFERRED);
                return LocalDate.parse(p.group(1).substring(0, 10)).toEpochDay();
            }
            if (worker == null) {
                Matcher w = DATE_IN_NAME.matcher(scan.text);
                if (w.find() && scan.text.contains("gpu-")) {
                    worker = w.group();
                }
            }
        }
        Matcher f = DATE_IN_NAME.matcher(String.valueOf(ctx.path.getFileName()));
        String found = f.find() ? f.group() : worker;
        if (found != null) {
            ctx.report.repair(Repair.DATE_INFERRED);
            Matcher d = DATE_IN_NAME.matcher(found);
            if (d.find()) {
                return TimeParser.epochDay(Integer.parseInt(d.group(1)), Integer.parseInt(d.group(2)), Integer.parseInt(d.group(3)));
            }
        }
        ctx.report.note(0, Prose.get("import.no-date"), null);
        return 0;
    }
}
