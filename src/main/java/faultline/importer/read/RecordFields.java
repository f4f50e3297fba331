package faultline.importer.read;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.importer.time.TimeParser;
import faultline.model.Level;

import java.util.List;

/**
 * What one structured record says, by field name ({@link LogFields}): its message (with the text of an
 * exception field added), its time and level. The application's clock wins over a wrapper's: a nested
 * {@code asctime}, else a timestamp that opens the message (docker's {@code log}, a platform's copy of the
 * formatted line, whose time and level are then taken off the message), else the record's own time field.
 * Once a file's records carry the application's clock, a record with only the wrapper's is left
 * untimed, to be placed by file order: the two clocks need not agree. Where they were seen to agree up to a
 * zone's offset (docker's UTC clock round a program's local one), the wrapper's clock, shifted by that
 * offset, times such a record (a traceback's lines on stderr): it was written then.
 */
final class RecordFields {
    /**
     * @param message  the message, without the time and level that opened it
     * @param timed    a time was found; nanos and precision hold it
     * @param appTime  that time is the application's own (nested, or at the start of the message)
     * @param level    the level, PRINT for a record without one
     * @param badTime  a time field that could not be read, or null
     * @param rowShape a system_logs row: its own columns are the application's, its metadata only context
     * @param whole    the record has no message field: its message is the whole record
     */
    record Read(String message, boolean timed, long nanos, int precision, boolean appTime, Level level, String badTime,
                boolean rowShape, boolean whole) {
    }

    private final JsonTime time;
    private boolean appClockSeen;

    /** The wrapper's clock minus the application's, a whole quarter of an hour; NO_SHIFT until seen, CONFLICT if they disagree. */
    private long wrapperShift = NO_SHIFT;
    private static final long NO_SHIFT = Long.MIN_VALUE;
    private static final long CONFLICT = Long.MAX_VALUE;
    private static final long QUARTER = 15L * 60 * 1_000_000_000L;
    /** How far apart the two clocks of one record may be beyond their offset: the wrapper stamps a line as it reads it. */
    private static final long SLACK = 60L * 1_000_000_000L;
    /** The application's last time: a record stamped by the wrapper alone comes no earlier. */
    private long lastAppNanos = Long.MIN_VALUE;

    RecordFields(TimeParser parser) {
        this.time = new JsonTime(parser);
    }

    JsonTime time() {
        return time;
    }

    private static final java.util.regex.Pattern HOLE = java.util.regex.Pattern.compile("\\{[@$]?([A-Za-z_][\\w.]*)(?:[,:][^}]*)?}");

    /**
     * A message template with its record's properties put in ({@code "Job {JobId} failed"} and {@code "JobId": 42}
     * make {@code "Job 42 failed"}): a compact structured record (Serilog's) may carry only the template, and the
     * words around a unit's id are what name it. A hole without a property stays as written.
     */
    static String rendered(String template, JsonNode row) {
        java.util.regex.Matcher m = HOLE.matcher(template);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            JsonNode v = row.get(m.group(1));
            if (v == null || v.isNull()) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(template.length() + 16);
            }
            out.append(template, last, m.start()).append(v.isValueNode() ? v.asText() : v.toString());
            last = m.end();
        }
        return out == null ? template : out.append(template, last, template.length()).toString();
    }

    /** The message with ": error" after its first line, the rest (a stack) after that. */
    private static String firstLineWith(String message, String error) {
        int nl = message.indexOf('\n');
        return nl < 0 ? message + ": " + error : message.substring(0, nl) + ": " + error + message.substring(nl);
    }

    /** Null for an empty record. */
    Read read(JsonNode row) {
        String message = LogFields.text(LogFields.outerFirst(row, LogFields.MESSAGE));
        if (message != null && !row.has("@m") && row.has("@mt")) {
            message = rendered(message, row);
        }
        String exception = exceptionText(LogFields.outerFirst(row, LogFields.EXCEPTION));
        boolean rowShape = row.has("log_level") || row.has("source_type");
        boolean whole = false;
        if (message == null && exception == null) {
            message = HttpRequestLine.of(row.get(HttpRequestLine.FIELD));
        }
        if (message == null && exception == null) {
            if (row.size() == 0) {
                return null;
            }
            message = row.toString();
            whole = true;
        } else if (message == null) {
            message = exception;
        } else if (exception != null && !message.contains(exception.lines().findFirst().orElse(""))) {
            message = message + "\n" + exception;
        }
        JsonNode error = row.get(LogFields.ERROR);
        if (error != null && error.isTextual() && !whole) {
            // The error a record reports beside its message: shown after it, as a logfmt line's is.
            String e = error.asText().strip();
            if (!e.isEmpty() && !message.contains(e)) {
                message = e.indexOf('\n') < 0 ? firstLineWith(message, e) : message + "\n" + e;
            }
        }
        message = withoutTrailingNewline(message);
        boolean timed = false;
        long nanos = 0;
        int precision = 0;
        JsonNode inner = rowShape ? null : LogFields.nested(row, LogFields.TIME);
        if (inner != null && time.read(inner)) {
            nanos = time.nanos;
            precision = time.precision;
            timed = true;
        }
        Level level = null;
        Opening open = opening(message);
        if (open != null) {
            if (!timed) {
                nanos = open.nanos;
                precision = open.precision;
                timed = true;
            }
            level = open.level;
            message = open.rest;
        }
        boolean appTime = timed;
        appClockSeen |= appTime && !rowShape;
        if (appTime && !rowShape) {
            lastAppNanos = nanos;
            if (wrapperShift != CONFLICT) {
                learnShift(row, nanos);
            }
        }
        String badTime = null;
        if (!timed && appClockSeen && !rowShape && wrapperShift != NO_SHIFT && wrapperShift != CONFLICT && wrapperTime(row)) {
            nanos = Math.max(time.nanos - wrapperShift, lastAppNanos);
            precision = time.precision;
            timed = true;
        }
        if (!timed && !(appClockSeen && !rowShape)) {
            String split = dateAndTime(row);
            if (split != null && time.text(split)) {
                nanos = time.nanos;
                precision = time.precision;
                timed = true;
            }
        }
        if (!timed && !(appClockSeen && !rowShape)) {
            for (String name : LogFields.TIME) {
                JsonNode v = row.get(name);
                if (v != null && !v.isNull()) {
                    if (time.read(v)) {
                        nanos = time.nanos;
                        precision = time.precision;
                        timed = true;
                        break;
                    }
                    badTime = badTime == null ? LogFields.text(v) : badTime;
                }
            }
        }
        boolean python = row.has("levelno") || LogFields.nested(row, List.of("levelno")) != null;
        Level nested = rowShape ? null : LogFields.level(LogFields.nested(row, LogFields.LEVEL), python);
        if (nested != null) {
            level = nested;
        } else if (level == null) {
            level = LogFields.level(LogFields.field(row, LogFields.LEVEL), python);
        }
        if (level == null) {
            level = rowShape ? Level.INFO : Level.PRINT;
        }
        return new Read(message, timed, nanos, precision, appTime, level, badTime, rowShape, whole);
    }

    /**
     * Reads the record's own time field into {@link #time}; false without one. A platform writes it as text or as
     * epoch milliseconds (CloudWatch's timestamp, Vercel's timestampInMs): a number too small for an epoch is a
     * duration, which {@link JsonTime} refuses.
     */
    private boolean wrapperTime(JsonNode row) {
        for (String name : LogFields.TIME) {
            JsonNode v = row.get(name);
            if (v != null && !v.isNull() && (v.isTextual() || v.isNumber()) && time.read(v)) {
                return true;
            }
        }
        return false;
    }

    private void learnShift(JsonNode row, long appNanos) {
        if (!wrapperTime(row)) {
            return;
        }
        long diff = time.nanos - appNanos;
        long shift = Math.round((double) diff / QUARTER) * QUARTER;
        if (Math.abs(diff - shift) > SLACK) {
            wrapperShift = CONFLICT; // not one clock in two zones: a record's wrapper time tells nothing of the program's
        } else if (wrapperShift == NO_SHIFT) {
            wrapperShift = shift;
        } else if (wrapperShift != shift) {
            wrapperShift = CONFLICT;
        }
    }

    private static final java.util.regex.Pattern DATE_ONLY = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}");
    private static final java.util.regex.Pattern TIME_ONLY = java.util.regex.Pattern.compile("\\d{1,2}:\\d{2}(?::\\d{2}(?:[.,]\\d{1,9})?)?(?: ?[AaPp][Mm])?");

    /**
     * A date column and a time column of one record ({@code Date,Time,Level,Message}: a spreadsheet's or an
     * event viewer's export) as one timestamp, or null: read apart, the time alone would land on 1970-01-01.
     */
    private static String dateAndTime(JsonNode row) {
        JsonNode d = row.get("date");
        JsonNode t = row.get("time");
        if (d == null || t == null || !d.isTextual() || !t.isTextual()) {
            return null;
        }
        String date = d.asText().strip();
        String clock = t.asText().strip();
        return DATE_ONLY.matcher(date).matches() && TIME_ONLY.matcher(clock).matches() ? date + " " + clock : null;
    }

    /** A line of text among the records: its own time and level if it opens with them. */
    Read line(String text) {
        Opening open = opening(text);
        if (open == null) {
            return new Read(text, false, 0, 0, false, Level.PRINT, null, false, false);
        }
        return new Read(open.rest, true, open.nanos, open.precision, true, open.level == null ? Level.PRINT : open.level, null, false, false);
    }

    /** A timestamp (and a level after it) that opens a text, and the text after them. */
    private record Opening(long nanos, int precision, Level level, String rest) {
    }

    private Opening opening(String s) {
        int cut = time.leading(s);
        if (cut <= 0) {
            return null;
        }
        long nanos = time.nanos;
        int precision = time.precision;
        String rest = s.substring(cut);
        Level level = null;
        int i = skipSeparators(rest, 0);
        int w = i;
        while (w < rest.length() && Character.isLetter(rest.charAt(w))) {
            w++;
        }
        // Single letters and short words are not read as levels inside a message.
        Level l = w - i >= 4 ? LogFields.word(rest.substring(i, w)) : null;
        if (l != null && (w == rest.length() || " ]:|".indexOf(rest.charAt(w)) >= 0)) {
            level = l;
            rest = rest.substring(w < rest.length() && rest.charAt(w) == ']' ? w + 1 : w);
        }
        return new Opening(nanos, precision, level, rest.substring(skipBeforeMessage(rest)));
    }

    /** The separators between a record's header and its message; a bracket opens a logger's or a thread's name, kept. */
    private static int skipBeforeMessage(String s) {
        int i = 0;
        while (i < s.length() && " -|:".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static int skipSeparators(String s, int from) {
        int i = from;
        while (i < s.length() && " -|[:".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static String exceptionText(JsonNode v) {
        if (v == null || v.isNull() || v.isBoolean()) {
            return null;
        }
        if (v.isObject()) {
            String stack = LogFields.text(v.get("stack"));
            if (stack != null) {
                return stack;
            }
            String type = LogFields.text(v.has("type") ? v.get("type") : v.get("name"));
            String msg = LogFields.text(v.get("message"));
            return msg == null ? null : (type == null ? msg : type + ": " + msg);
        }
        if (v.isArray()) {
            StringBuilder sb = new StringBuilder();
            for (JsonNode e : v) {
                sb.append(sb.length() == 0 ? "" : "\n").append(e.isValueNode() ? e.asText() : e.toString());
            }
            return sb.length() == 0 ? null : sb.toString();
        }
        return LogFields.text(v);
    }

    private static String withoutTrailingNewline(String s) {
        int n = s.length();
        while (n > 0 && (s.charAt(n - 1) == '\n' || s.charAt(n - 1) == '\r')) {
            n--;
        }
        return n == s.length() ? s : s.substring(0, n);
    }
}
