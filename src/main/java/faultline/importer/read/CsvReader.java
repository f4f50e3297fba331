package faultline.importer.read;

import faultline.text.Prose;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import faultline.importer.ContentInputStream;
import faultline.importer.ImportException;
import faultline.importer.ReadContext;
import faultline.model.SourceFormat;
import faultline.importer.Sample;
import faultline.importer.SourceReader;
import faultline.model.SourceText;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Logs exported as CSV (the dashboard's system_logs export, and any other with a header): the header
 * names the columns, in any order and by any of the names {@link LogFields} knows ({@code message},
 * {@code msg}, {@code timestamp}, {@code time}, {@code level}, {@code severity}…); the metadata column
 * holds JSON. A CSV of tasks rows (an id and the tasks table's columns) gives tasks. A file with no
 * message column and no tasks columns is refused with the columns it has; rows without a time are
 * placed by file order.
 */
public final class CsvReader implements SourceReader {
    @Override
    public SourceFormat format() {
        return SourceFormat.SYSTEM_LOGS_CSV;
    }

    /** A header of comma-separated column names, one of them a system_logs column. */
    @Override
    public double fit(Sample sample) {
        String header = sample.lines().isEmpty() ? "" : sample.lines().get(0).strip().toLowerCase(Locale.ROOT);
        return isCsvHeader(header) ? 0.9 : 0;
    }

    static boolean isCsvHeader(String header) {
        String[] cols = header.split(",");
        if (cols.length < 3) {
            return false;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String c : cols) {
            String n = c.strip().replace("\"", "");
            if (!COLUMN_NAME.matcher(n).matches()) {
                return false;
            }
            names.add(n);
        }
        return knownColumns(names);
    }

    // An @ opens the fields a log store adds itself: CloudWatch Logs Insights' @timestamp, @message, @logStream, @log.
    private static final java.util.regex.Pattern COLUMN_NAME = java.util.regex.Pattern.compile("@?[a-z_][a-z0-9_ ]*+");

    private static final CsvMapper MAPPER = new CsvMapper();

    @Override
    public SourceText read(ReadContext ctx) throws ImportException {
        PooledText text = new PooledText();
        RowReader rows = new RowReader(ctx, text);
        NewestFirstRows records = new NewestFirstRows(ctx.time, rows);
        // Windows Event Viewer's export names five columns and writes the description as a sixth without a name.
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withAnyPropertyName(UNNAMED);
        try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class).with(schema)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES).with(CsvParser.Feature.TRIM_SPACES)
                .readValues(new ContentInputStream(ctx.content, ctx))) {
            List<String> columns = null;
            boolean tasks = false;
            boolean unnamedIsMessage = false;
            while (true) {
                Map<String, String> row;
                int line;
                try {
                    if (!it.hasNextValue()) {
                        break;
                    }
                    line = it.getCurrentLocation() == null ? 0 : it.getCurrentLocation().getLineNr();
                    row = it.nextValue();
                } catch (RuntimeException | IOException e) {
                    String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
                    ctx.report.unparsed(ctx.report.lines, Prose.format("import.csv.row", why), null);
                    ctx.report.incomplete = Prose.format("import.csv.broken", ctx.report.lines, why);
                    break;
                }
                if (columns == null) {
                    columns = new ArrayList<>(row.keySet());
                    if (columns.remove(UNNAMED) && !hasMessage(columns)) {
                        unnamedIsMessage = true;
                        columns.add("message");
                    }
                    tasks = requireColumns(ctx, columns);
                }
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                for (Map.Entry<String, String> e : row.entrySet()) {
                    String key = e.getKey().trim();
                    if (key.equals(UNNAMED)) {
                        if (!unnamedIsMessage) {
                            continue; // a stray comma's rest beside a named message
                        }
                        key = "message";
                    }
                    String v = e.getValue();
                    if (v != null && !v.isEmpty() && !v.equalsIgnoreCase("null")) {
                        node.put(csvKey(key), v);
                    }
                }
                if (tasks) {
                    rows.taskRow(node, null, line, -1, -1);
                } else {
                    records.add(node, line);
                }
                ctx.report.lines = Math.max(ctx.report.lines, line);
            }
        } catch (IOException e) {
            throw new ImportException(Prose.format("import.csv.unreadable", ctx.path.getFileName(), e.getMessage()), e);
        }
        records.finish();
        rows.flushRowEvents();
        rows.finishCrashes();
        if (!rows.sawSystemRows() && ctx.report.events > 0) {
            ctx.report.describeAs(Prose.get("format.CSV_RECORDS")); // another program's records, not the worker system's rows
        }
        ctx.finish();
        if (ctx.report.events == 0 && ctx.tasks.size() == 0) {
            throw new ImportException(Prose.format("import.csv.no-rows", ctx.path.getFileName()));
        }
        return text;
    }

    /** A header naming a log's message or time, or the tasks table's columns, by any name {@link LogFields} knows. */
    static boolean knownColumns(java.util.Set<String> lowerCaseNames) {
        for (List<String> names : List.of(LogFields.MESSAGE, LogFields.TIME, List.of("log_level", "task_type"))) {
            for (String n : names) {
                if (lowerCaseNames.contains(n.toLowerCase(Locale.ROOT))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** A column's label as a record's key: the known field it names, whatever its case; else as written (in lower case if all capitals). */
    private static String csvKey(String label) {
        String known = LogFields.canonical(label);
        if (!known.equals(label)) {
            return known;
        }
        return label.equals(label.toUpperCase(Locale.ROOT)) ? label.toLowerCase(Locale.ROOT) : label;
    }

    /** True for a CSV of tasks rows; refuses a CSV with neither a message column nor the tasks table's columns. */
    /** The key of the values beyond the header's columns. */
    private static final String UNNAMED = "(unnamed column)";

    private static boolean hasMessage(List<String> columns) {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        for (String c : columns) {
            header.put(csvKey(c.trim()), "x");
        }
        return LogFields.field(header, LogFields.MESSAGE) != null;
    }

    private static boolean requireColumns(ReadContext ctx, List<String> columns) throws ImportException {
        ObjectNode header = JsonNodeFactory.instance.objectNode();
        for (String c : columns) {
            String key = c.trim();
            header.put(csvKey(key), "x");
        }
        if (LogFields.field(header, LogFields.MESSAGE) != null) {
            return false;
        }
        if (JsonReader.isTaskRow(header)) {
            return true;
        }
        throw new ImportException(Prose.format("import.csv.no-message", ctx.path.getFileName(), String.join(", ", columns)));
    }
}
