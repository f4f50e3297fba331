package faultline.importer;

import faultline.model.Level;
import faultline.model.ParseReport.Repair;
import faultline.model.SourceText;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * system_logs rows rendered as text, in any of the renderings seen in the wild:
 * {@code [LEVEL] ts: msg}, {@code ts - [LEVEL] msg}, {@code ts [LEVEL] [source_type] msg},
 * the debug tool's {@code [HH:MM:SS] [LEVEL   ] msg} (UTC, no date), and the broken slice
 * {@code [LEVEL] 873033+0 | msg} where only the microseconds survive.
 */
final class SystemLogsTextReader implements SourceReader {
    private static final String LEVEL = "(DEBUG|INFO|WARNING|WARN|ERROR|CRITICAL)";
    static final String TS = "(\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(?:[.,](?:\\d{1,9}|\\?+|[xX]+))?(?:Z|[+-]\\d{2}(?::?\\d{2})?)?)";

    /** A rendering: its pattern and which groups hold time, level, source and message. */
    enum Rendering {
        LEVEL_TS(Pattern.compile("^\\[" + LEVEL + "\\] " + TS + ":\\s?(.*)$"), 2, 1, 0, 3, false),
        TS_DASH_LEVEL(Pattern.compile("^" + TS + " - \\[" + LEVEL + "\\] (.*)$"), 1, 2, 0, 3, false),
        TS_LEVEL(Pattern.compile("^" + TS + " \\[" + LEVEL + "\\] (?:\\[([a-z_]+)\\] )?(.*)$"), 1, 2, 3, 4, false),
        DEBUG_TOOL(Pattern.compile("^\\s*\\[(\\d{2}:\\d{2}:\\d{2})\\] (?:\\S{1,3}\\s+)?\\[" + LEVEL + "\\s*\\] (?:\\[([^\\]]{1,40}?)\\s*\\] )?(.*)$"), 1, 2, 3, 4, true),
        BROKEN_SLICE(Pattern.compile("^\\[" + LEVEL + "\\] (\\d{1,9})\\+\\d{1,2} \\| (.*)$"), 0, 1, 0, 3, false);

        final Pattern pattern;
        final int time;
        final int level;
        final int source;
        final int message;
        final boolean timeOnly;

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
    private static final Pattern CONTINUATION = Pattern.compile("^(?:\\s+\\S|Traceback \\(most recent|[A-Za-z_][\\w.]*(?:Error|Exception)\\b)");

    @Override
    public SourceText read(ReadContext ctx) throws ImportException {
        Lines lines = new Lines(ctx.content, ctx.report);
        TimeParser.Parsed parsed = new TimeParser.Parsed();
        Rendering preferred = null;
        int current = -1;
        int lastEvent = -1;
        long eventStart = 0;
        long epochDay = Long.MIN_VALUE;
        int lastTod = -1;
        while (lines.next()) {
            ctx.tick(lines.position());
            String text = lines.text;
            if (text.isBlank()) {
                continue;
            }
            int line = (int) Math.min(lines.number, Integer.MAX_VALUE);
            Matcher m = null;
            Rendering r = null;
            if (preferred != null) {
                Matcher pm = preferred.pattern.matcher(text);
                if (pm.matches()) {
                    m = pm;
                    r = preferred;
                }
            }
            for (int k = 0; m == null && k < ALL.length; k++) {
                Matcher am = ALL[k].pattern.matcher(text);
                if (am.matches()) {
                    m = am;
                    r = ALL[k];
                }
            }
            if (m == null) {
                if (lastEvent >= 0 && CONTINUATION.matcher(text).find()) {
                    ctx.events.setExtent(lastEvent, eventStart, (int) (lines.end() - eventStart));
                    ctx.report.repair(Repair.CONTINUATION);
                } else {
                    ctx.report.unparsed(line, "not a system_logs line in any known rendering", text);
                }
                continue;
            }
            preferred = r;
            Level level = Level.parse(m.group(r.level));
            String msg = m.group(r.message);
            int ref = taskOf(ctx, msg, current);
            if (ref >= 0 && msg.contains("Processing ") && msg.contains(" task")) {
                current = ref;
            }
            if (r == Rendering.BROKEN_SLICE) {
                lastEvent = ctx.estimated(level, ref, line, lines.start, lines.length);
            } else if (r.timeOnly) {
                if (epochDay == Long.MIN_VALUE) {
                    epochDay = dateOf(ctx);
                }
                int tod = TimeParser.timeOfDay(m.group(r.time), 0);
                if (lastTod >= 0 && tod < lastTod - 12 * 3600) {
                    epochDay++;
                    ctx.report.repair(Repair.MIDNIGHT_ROLLOVER);
                }
                lastTod = tod;
                lastEvent = ctx.timed(ctx.time.localToNanos(epochDay, tod * 1_000_000_000L), 0, level, ref, line, lines.start, lines.length);
            } else if (ctx.time.parseDateTime(m.group(r.time), 0, parsed) && !parsed.placeholder) {
                lastEvent = ctx.timed(parsed.nanos, parsed.precision, level, ref, line, lines.start, lines.length);
            } else {
                lastEvent = ctx.estimated(level, ref, line, lines.start, lines.length);
            }
            eventStart = lines.start;
        }
        ctx.finish();
        if (ctx.report.events == 0) {
            throw new ImportException(ctx.path.getFileName() + ": no line is a system_logs row");
        }
        return new ContentText(ctx.content, SystemLogsTextReader::message);
    }

    private static long dateOf(ReadContext ctx) {
        LocalDate d = ctx.options.date();
        if (d != null) {
            return d.toEpochDay();
        }
        Matcher f = Pattern.compile("(20\\d{2})(\\d{2})(\\d{2})").matcher(String.valueOf(ctx.path.getFileName()));
        if (f.find()) {
            ctx.report.repair(Repair.DATE_INFERRED);
            return TimeParser.epochDay(Integer.parseInt(f.group(1)), Integer.parseInt(f.group(2)), Integer.parseInt(f.group(3)));
        }
        ctx.report.note(0, "time-only lines and no date in the file name: shown on 1970-01-01; set the date in the source options", null);
        return 0;
    }

    private static int taskOf(ReadContext ctx, String msg, int current) {
        String found = TaskIds.findIn(msg);
        return found != null ? ctx.tasks.ref(found) : current;
    }

    static String message(String raw) {
        int nl = raw.indexOf('\n');
        String first = nl < 0 ? raw : raw.substring(0, nl);
        String rest = nl < 0 ? "" : raw.substring(nl);
        for (Rendering r : ALL) {
            Matcher m = r.pattern.matcher(first);
            if (m.matches()) {
                return m.group(r.message) + rest;
            }
        }
        return raw;
    }
}
