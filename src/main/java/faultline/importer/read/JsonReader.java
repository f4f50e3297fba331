package faultline.importer.read;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.importer.ContentInputStream;
import faultline.importer.ImportException;
import faultline.importer.ReadContext;
import faultline.importer.Sample;
import faultline.importer.SourceReader;
import faultline.model.SourceFormat;
import faultline.model.SourceText;

import java.io.IOException;

/**
 * system_logs as JSON: an array of rows (PostgREST export), JSON lines, or the debug tool's
 * {@code {"task_id", "state", "logs": [...], "child_tasks": [...]}} (alone or several in an array).
 * Streams, so that a large export is not held as one tree; a truncated document keeps what was read
 * and says where it broke.
 */
public final class JsonReader implements SourceReader {
    @Override
    public SourceFormat format() {
        return SourceFormat.SYSTEM_LOGS_JSON;
    }

    /** A document that opens like JSON: an object, or an array of objects. */
    @Override
    public double fit(Sample sample) {
        String trimmed = sample.text().stripLeading();
        boolean opens = trimmed.startsWith("{") || trimmed.equals("[")
                || (trimmed.startsWith("[") && (trimmed.charAt(1) == '{' || Character.isWhitespace(trimmed.charAt(1))));
        if (!opens) {
            return 0;
        }
        String s = sample.text();
        return s.contains("\"message\"") || s.contains("\"logs\"") || s.contains("\"task_type\"") ? 0.95 : 0.6;
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public SourceText read(ReadContext ctx) throws ImportException {
        PooledText text = new PooledText();
        RowReader rows = new RowReader(ctx, text);
        JsonFactory f = MAPPER.getFactory();
        try (JsonParser p = f.createParser(new ContentInputStream(ctx.content, ctx))) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.START_ARRAY) {
                    while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                        object(p, rows);
                    }
                    if (t != JsonToken.END_ARRAY) {
                        ctx.report.unparsed(p.currentTokenLocation().getLineNr(), "expected a row object in the array", String.valueOf(t));
                    }
                } else if (t == JsonToken.START_OBJECT) {
                    object(p, rows);
                } else {
                    ctx.report.unparsed(p.currentTokenLocation().getLineNr(), "not a JSON object or array", p.getText());
                }
                ctx.report.lines = p.currentLocation().getLineNr();
            }
        } catch (com.fasterxml.jackson.core.io.JsonEOFException e) {
            broken(ctx, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), "the document ends early (truncated)");
        } catch (JsonParseException e) {
            broken(ctx, e.getLocation() == null ? 0 : e.getLocation().getLineNr(), e.getOriginalMessage());
        } catch (IOException e) {
            broken(ctx, 0, e.getMessage());
        }
        ctx.finish();
        if (ctx.report.events == 0 && ctx.report.fatal == null && ctx.tasks.size() == 0) {
            throw new ImportException(ctx.path.getFileName() + ": JSON without system_logs rows or task rows");
        }
        return text;
    }

    private static void broken(ReadContext ctx, int line, String why) {
        String msg = "JSON broken at line " + line + ": " + firstLine(why) + " — rows before it were read";
        ctx.report.unparsed(line, msg, null);
        ctx.report.incomplete = msg;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /**
     * One top-level object: a row, a tasks row, or a debug-tool document whose "logs" array is
     * streamed row by row so that every row keeps its own line number.
     */
    private static void object(JsonParser p, RowReader rows) throws IOException {
        int line = p.currentTokenLocation().getLineNr();
        ObjectNode fields = MAPPER.createObjectNode();
        boolean hadLogs = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken v = p.nextToken();
            if (name.equals("logs") && v == JsonToken.START_ARRAY) {
                hadLogs = true;
                while (p.nextToken() == JsonToken.START_OBJECT) {
                    int rowLine = p.currentTokenLocation().getLineNr();
                    rows.logRow(MAPPER.readTree(p), rowLine);
                }
            } else {
                fields.set(name, MAPPER.readTree(p));
            }
        }
        if (hadLogs || fields.has("state")) {
            String parent = RowReader.str(fields, "task_id");
            JsonNode state = fields.get("state");
            if (state != null && state.isObject()) {
                rows.taskRow(state, null);
            }
            JsonNode children = fields.get("child_tasks");
            if (children != null && children.isArray()) {
                for (JsonNode c : children) {
                    rows.taskRow(c, parent);
                }
            }
        } else if (fields.has("message")) {
            rows.logRow(fields, line);
        } else if (fields.has("task_type") && fields.has("id")) {
            rows.taskRow(fields, null);
        } else {
            rows.logRow(fields, line);
        }
    }
}
