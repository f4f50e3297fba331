package faultline.importer.read;

import faultline.text.Prose;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.importer.Content;
import faultline.importer.ImportException;
import faultline.importer.Lines;
import faultline.importer.ReadContext;
import faultline.importer.Sample;
import faultline.importer.SourceReader;
import faultline.model.SourceFormat;
import faultline.model.SourceText;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

/**
 * JSON data of any schema: JSON lines and arrays of log records whatever their field names
 * ({@link LogFields}), system_logs rows, printed {@code tasks} rows, and the debug tool's
 * {@code {"task_id", "state", "logs": [...], "child_tasks": [...]}}, alone or several. Text around the
 * data — a {@code # comment} header, a script's status line before an array, a summary after it, a
 * line that is not JSON among JSON lines — is shown as untimed text and counted as not understood,
 * with why; the data around it is still read. Streams, so that a large export is not held as one
 * tree; a truncated document keeps what was read and says where it broke. Times keep the digits they
 * were written with: numbers are read as decimals, not doubles.
 */
public final class JsonReader implements SourceReader {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .build();

    @Override
    public SourceFormat format() {
        return SourceFormat.SYSTEM_LOGS_JSON;
    }

    /** JSON data, also with text around it: see {@link JsonShape}. */
    @Override
    public double fit(Sample sample) {
        return JsonShape.fit(sample.lines());
    }

    @Override
    public SourceText read(ReadContext ctx) throws ImportException {
        PooledText text = new PooledText(ctx.content);
        RowReader rows = new RowReader(ctx, text);
        new Scan(ctx, rows).run();
        rows.flushRowEvents();
        rows.finishCrashes();
        if (!rows.sawSystemRows() && ctx.report.events > 0) {
            ctx.report.describeAs(Prose.get("format.JSON_RECORDS")); // another program's records, not the worker system's rows
        }
        ctx.report.lines = countLines(ctx.content);
        ctx.finish();
        if (ctx.report.events == 0 && ctx.report.fatal == null && ctx.tasks.size() == 0) {
            throw new ImportException(Prose.format("import.json.empty", ctx.path.getFileName()));
        }
        return text;
    }

    private static long countLines(Content c) {
        long n = 0;
        long pos = 0;
        long size = c.size();
        while (pos < size) {
            long nl = c.nextNewline(pos);
            n++;
            pos = nl + 1;
        }
        return n;
    }

    /** One pass over the file: JSON values where they start, text lines between them. */
    private static final class Scan {
        private final ReadContext ctx;
        private final RowReader rows;
        private final Content content;
        private final long size;
        /** Lines after a value broke in the middle are its remains until the next value reads. */
        private boolean recovering;

        Scan(ReadContext ctx, RowReader rows) {
            this.ctx = ctx;
            this.rows = rows;
            this.content = ctx.content;
            this.size = content.size();
        }

        void run() {
            long pos = 0;
            int line = 1;
            long lineStart = 0;
            while (pos < size) {
                byte b = content.get(pos);
                if (b == '\n') {
                    pos++;
                    line++;
                    lineStart = pos;
                    continue;
                }
                if (b == ' ' || b == '\t' || b == '\r') {
                    pos++;
                    continue;
                }
                if ((b == '{' || b == '[') && opensValue(pos)) {
                    Stop stop = values(pos, line);
                    if (stop.offset >= size) {
                        return;
                    }
                    pos = stop.offset;
                    line = stop.line;
                    lineStart = lineStartOf(pos);
                    if (stop.textLine) {
                        pos = text(lineStart, line, stop.why);
                        line++;
                        lineStart = pos;
                    }
                    continue;
                }
                pos = text(lineStart, line, null);
                line++;
                lineStart = pos;
            }
        }

        private boolean opensValue(long pos) {
            long end = content.nextNewline(pos);
            String t = content.decode(pos, (int) Math.min(end - pos, 64)).strip();
            return JsonShape.opensValue(t);
        }

        /** The line at [start, …) is text: shown untimed, counted with why. Returns the next line's start. */
        private long text(long start, int line, String why) {
            long nl = content.nextNewline(start);
            long end = nl > start && content.get(nl - 1) == '\r' ? nl - 1 : nl;
            String t = content.decode(start, (int) Math.min(end - start, Lines.MAX_LINE)).strip();
            ctx.tick(nl);
            if (t.isEmpty()) {
                return nl + 1;
            }
            boolean structural = t.chars().allMatch(c -> c == '[' || c == ']' || c == '{' || c == '}' || c == ',');
            if (structural && !recovering) {
                return nl + 1; // the brackets and commas between records
            }
            if (recovering && (structural || t.charAt(0) == '"' || t.endsWith(",") || t.endsWith("{") || t.endsWith("["))) {
                ctx.report.unparsed(line, Prose.get("import.json.broke-above"), t);
                return nl + 1;
            }
            String reason = why != null ? why
                    : t.startsWith("#") || t.startsWith("//") ? Prose.get("import.json.comment")
                    : Prose.get("import.json.outside");
            ctx.report.unparsed(line, reason, t);
            // The line as written, indentation kept: a traceback's frames are told from its other lines by it.
            rows.textLine(content.decode(start, (int) Math.min(end - start, Lines.MAX_LINE)).stripTrailing(), line, start, end);
            return nl + 1;
        }

        private long lineStartOf(long offset) {
            long p = Math.min(offset, size);
            while (p > 0 && content.get(p - 1) != '\n') {
                p--;
            }
            return p;
        }

        /**
         * Where a run of JSON values stopped: at a line to read as text, or at a place to go on
         * scanning from; line is the number of the line that offset is on.
         */
        private record Stop(long offset, int line, boolean textLine, String why) {
        }

        /** Line number of offset, counted on from a place whose line is known. */
        private int lineOf(long offset, long known, int knownLine) {
            int n = knownLine;
            long p = known;
            while (true) {
                long nl = content.nextNewline(p);
                if (nl >= offset || nl >= size) {
                    return n;
                }
                n++;
                p = nl + 1;
            }
        }

        /**
         * Reads JSON values from pos on, as long as they come one after another. Where the parser
         * stops, the places it reports are only near the cause: the text line after a value is found
         * from where that value ended, and a value that breaks on its first line makes that line text.
         */
        private Stop values(long pos, int line) {
            Offset in = new Offset(content, pos, ctx);
            long lastEnd = pos;
            int lastEndLine = line;
            long valueStart = pos;
            int valueLine = line;
            boolean inValue = false;
            try (JsonParser p = MAPPER.getFactory().createParser(in)) {
                while (true) {
                    JsonToken t = p.nextToken();
                    if (t == null) {
                        return new Stop(size, 0, false, null);
                    }
                    JsonLocation at = p.currentTokenLocation();
                    valueLine = line + at.getLineNr() - 1;
                    valueStart = pos + at.getByteOffset();
                    if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                        inValue = true;
                        if (t == JsonToken.START_OBJECT) {
                            object(p, valueLine, valueStart, pos, line);
                        } else {
                            array(p, pos, line);
                        }
                        inValue = false;
                        recovering = false;
                        JsonLocation end = p.currentLocation();
                        lastEnd = pos + end.getByteOffset();
                        lastEndLine = line + end.getLineNr() - 1;
                    } else {
                        // A number or a word at the start of a line: a text line that happens to begin like JSON.
                        return new Stop(valueStart, valueLine, true, null);
                    }
                }
            } catch (JsonEOFException e) {
                int at = e.getLocation() == null ? valueLine : line + e.getLocation().getLineNr() - 1;
                broken(at, Prose.get("import.json.truncated"));
                return new Stop(size, at, false, null);
            } catch (JsonProcessingException e) {
                String why = firstLine(e.getOriginalMessage());
                if (!inValue) {
                    return new Stop(lastEnd, lastEndLine, false, null); // what follows the last value is text
                }
                JsonLocation loc = e.getLocation();
                long offset = loc == null || loc.getByteOffset() < 0 ? valueStart : pos + loc.getByteOffset();
                long firstLineEnd = content.nextNewline(valueStart);
                if (offset <= firstLineEnd + 1) {
                    // The value broke on the line it began: that line is text (or a record that is not JSON).
                    String reason = startsRecord(lineStartOf(valueStart)) ? Prose.format("import.json.record", why) : null;
                    return new Stop(valueStart, valueLine, true, reason);
                }
                long errorLineStart = lineStartOf(Math.min(size, offset - 1));
                int at = lineOf(errorLineStart, valueStart, valueLine);
                ctx.report.unparsed(at, Prose.format("import.json.broken-records", at, why), null);
                recovering = true;
                long next = content.nextNewline(errorLineStart);
                return new Stop(Math.min(size, next + 1), at + 1, false, null);
            } catch (IOException e) {
                broken(valueLine, e.getMessage());
                return new Stop(size, valueLine, false, null);
            }
        }

        private boolean startsRecord(long lineStart) {
            long end = content.nextNewline(lineStart);
            String t = content.decode(lineStart, (int) Math.min(end - lineStart, 8)).stripLeading();
            return t.startsWith("{\"");
        }

        private void broken(int line, String why) {
            String msg = Prose.format("import.json.broken-rows", line, firstLine(why));
            ctx.report.unparsed(line, msg, null);
            ctx.report.incomplete = msg;
        }

        private void array(JsonParser p, long base, int baseLine) throws IOException {
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (t == null) {
                    throw new JsonEOFException(p, null, Prose.get("import.json.array-open"));
                }
                JsonLocation at = p.currentTokenLocation();
                int line = baseLine + at.getLineNr() - 1;
                if (t == JsonToken.START_OBJECT) {
                    object(p, line, base + at.getByteOffset(), base, baseLine);
                } else {
                    ctx.report.unparsed(line, Prose.get("import.json.not-a-record"), p.getText());
                    p.skipChildren();
                }
            }
        }

        /**
         * One object: a log record, a tasks row, or a debug-tool document whose "logs" array is
         * streamed row by row so that every row keeps its own line.
         */
        private void object(JsonParser p, int line, long start, long base, int baseLine) throws IOException {
            ObjectNode fields = MAPPER.createObjectNode();
            boolean hadLogs = false;
            boolean enveloped = false;
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_ARRAY && fields.isEmpty() && !hadLogs && ENVELOPES.contains(name)) {
                    JsonNode rest = envelope(p, base, baseLine);
                    if (rest == null) {
                        enveloped = true;
                    } else {
                        fields.set(name, rest);
                    }
                } else if (name.equals("logs") && v == JsonToken.START_ARRAY) {
                    hadLogs = true;
                    while ((v = p.nextToken()) == JsonToken.START_OBJECT) {
                        JsonLocation at = p.currentTokenLocation();
                        int rowLine = baseLine + at.getLineNr() - 1;
                        long rowStart = base + at.getByteOffset();
                        JsonNode row = MAPPER.readTree(p);
                        rows.logRow(row, rowLine, rowStart, base + p.currentLocation().getByteOffset());
                    }
                    if (v != JsonToken.END_ARRAY) {
                        throw new JsonEOFException(p, v, Prose.get("import.json.logs-open"));
                    }
                } else {
                    fields.set(name, MAPPER.readTree(p));
                }
            }
            if (t != JsonToken.END_OBJECT) {
                throw new JsonEOFException(p, t, Prose.get("import.json.object-open"));
            }
            long end = base + p.currentLocation().getByteOffset();
            if (hadLogs || fields.has("state")) {
                String parent = RowReader.str(fields, "task_id");
                JsonNode state = fields.get("state");
                // The document brings the task's own log rows: its tasks rows give facts, not more lines.
                if (state != null && state.isObject()) {
                    rows.taskRow(state, null);
                }
                JsonNode children = fields.get("child_tasks");
                if (children != null && children.isArray()) {
                    for (JsonNode c : children) {
                        rows.taskRow(c, parent);
                    }
                }
            } else if (enveloped) {
                return; // the page's tokens and counters around its records: no record of their own
            } else if (isTaskRow(fields)) {
                rows.taskRow(fields, null, line, start, end);
            } else {
                rows.logRow(fields, line, start, end);
            }
        }

        /**
         * Reads the array of an envelope's first field, its parser on the array's first token: each object in it is
         * a record, streamed with its own line; null once they are read. An array of anything but objects is no page
         * of records: it is returned as a value of the object that holds it.
         */
        private JsonNode envelope(JsonParser p, long base, int baseLine) throws IOException {
            com.fasterxml.jackson.databind.node.ArrayNode values = null;
            boolean records = false;
            JsonToken v;
            while ((v = p.nextToken()) != JsonToken.END_ARRAY) {
                if (v == null) {
                    throw new JsonEOFException(p, null, Prose.get("import.json.array-open"));
                }
                if (v == JsonToken.START_OBJECT && values == null) {
                    JsonLocation at = p.currentTokenLocation();
                    int rowLine = baseLine + at.getLineNr() - 1;
                    long rowStart = base + at.getByteOffset();
                    JsonNode row = MAPPER.readTree(p);
                    rows.logRow(row, rowLine, rowStart, base + p.currentLocation().getByteOffset());
                    records = true;
                } else {
                    if (values == null) {
                        values = MAPPER.createArrayNode();
                    }
                    values.add((JsonNode) MAPPER.readTree(p));
                }
            }
            return records ? null : values == null ? MAPPER.createArrayNode() : values;
        }
    }

    /**
     * The fields a platform's API answer opens with to hold a page of log records: CloudWatch Logs'
     * {@code get-log-events} and {@code filter-log-events} ({@code {"events": [...], "nextForwardToken": …}}) and
     * Cloud Logging's {@code entries.list} ({@code {"entries": [...], "nextPageToken": …}}). Only as the first field:
     * a record of its own may carry a list under such a name (a span's events) after its message and time.
     */
    private static final java.util.Set<String> ENVELOPES = java.util.Set.of("events", "entries");

    /** A row of the tasks table: an id and the table's columns, and no message of a log record. */
    static boolean isTaskRow(JsonNode fields) {
        if (!(fields.has("id") || fields.has("task_id")) || LogFields.field(fields, LogFields.MESSAGE) != null) {
            return false;
        }
        if (fields.has("task_type")) {
            return true;
        }
        int columns = 0;
        for (String c : TASK_COLUMNS) {
            if (fields.has(c)) {
                columns++;
            }
        }
        return columns >= 2;
    }

    private static final List<String> TASK_COLUMNS = List.of("status", "created_at", "updated_at", "generation_started_at",
            "generation_processed_at", "worker_id", "error_message", "params", "attempts", "dependant_on");

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** The file's bytes from an offset on, for a parser that starts where a JSON value does. */
    private static final class Offset extends InputStream {
        private final Content content;
        private final ReadContext ctx;
        private long pos;

        Offset(Content content, long from, ReadContext ctx) {
            this.content = content;
            this.pos = from;
            this.ctx = ctx;
        }

        @Override
        public int read() {
            return pos >= content.size() ? -1 : content.get(pos++) & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            long left = content.size() - pos;
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(len, left);
            content.copy(pos, b, off, n);
            pos += n;
            ctx.tick(pos);
            return n;
        }
    }
}
