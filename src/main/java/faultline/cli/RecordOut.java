package faultline.cli;

import faultline.text.Prose;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Writes records one per line as they come, never the whole output at once: JSON lines (strings
 * escaped as JSON escapes them, control characters included) or CSV with a header (a field with a
 * comma, a quote, a line end or another control character is quoted, quotes doubled, the text kept as
 * it is). Values are strings, numbers, booleans or null.
 */
final class RecordOut implements AutoCloseable {
    enum Format { JSONL, CSV }

    private final Format format;
    private final List<String> columns;
    private final Writer out;
    private final JsonGenerator json;
    private final Object[] row;
    private int filled;

    RecordOut(Format format, List<String> columns, OutputStream stream) throws IOException {
        this.format = format;
        this.columns = List.copyOf(columns);
        this.out = new BufferedWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), 1 << 16);
        this.row = new Object[columns.size()];
        if (format == Format.JSONL) {
            json = new JsonFactory().createGenerator(out);
            json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            json.disable(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
            json.setPrettyPrinter(new com.fasterxml.jackson.core.util.MinimalPrettyPrinter(""));
        } else {
            json = null;
            for (int i = 0; i < this.columns.size(); i++) {
                out.write(i == 0 ? "" : ",");
                out.write(csv(this.columns.get(i)));
            }
            out.write("\n");
        }
    }

    static Format format(String name) throws Cli.UsageException {
        switch (name) {
            case "jsonl": return Format.JSONL;
            case "csv": return Format.CSV;
            default: throw new Cli.UsageException(Prose.format("cli.records.format", name));
        }
    }

    /** The next value of the current record, in column order. */
    RecordOut put(Object value) {
        row[filled++] = value;
        return this;
    }

    /** Writes the record whose values were put. */
    void end() throws IOException {
        if (filled != row.length) {
            throw new IllegalStateException(filled + " values for " + row.length + " columns");
        }
        if (format == Format.JSONL) {
            json.writeStartObject();
            for (int i = 0; i < row.length; i++) {
                json.writeFieldName(columns.get(i));
                Object v = row[i];
                if (v == null) {
                    json.writeNull();
                } else if (v instanceof Boolean b) {
                    json.writeBoolean(b);
                } else if (v instanceof Integer n) {
                    json.writeNumber(n);
                } else if (v instanceof Long n) {
                    json.writeNumber(n);
                } else {
                    json.writeString(v.toString());
                }
            }
            json.writeEndObject();
            json.flush();
            out.write('\n');
        } else {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                Object v = row[i];
                if (v != null) {
                    out.write(v instanceof String s ? csv(s) : v.toString());
                }
            }
            out.write('\n');
        }
        filled = 0;
    }

    static String csv(String s) {
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c < 0x20 || c == 0x7F;
        }
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }

    @Override
    public void close() throws IOException {
        if (json != null) {
            json.close();
        }
        out.flush();
    }
}
