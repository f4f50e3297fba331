package faultline.importer.read;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import faultline.importer.ContentInputStream;
import faultline.importer.ImportException;
import faultline.importer.ReadContext;
import faultline.importer.Sample;
import faultline.importer.SourceReader;
import faultline.model.SourceFormat;
import faultline.model.SourceText;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * system_logs exported as CSV (the dashboard's export): the header names the columns, in any
 * order; the metadata column holds JSON. A file without a message or a timestamp column is refused
 * with the columns it has.
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
        return names.contains("timestamp") || names.contains("created_at") || names.contains("message") || names.contains("log_level");
    }

    private static final java.util.regex.Pattern COLUMN_NAME = java.util.regex.Pattern.compile("[a-z_][a-z0-9_ ]*+");

    private static final CsvMapper MAPPER = new CsvMapper();

    @Override
    public SourceText read(ReadContext ctx) throws ImportException {
        PooledText text = new PooledText();
        RowReader rows = new RowReader(ctx, text);
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = MAPPER.readerForMapOf(String.class).with(schema)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES).with(CsvParser.Feature.TRIM_SPACES)
                .readValues(new ContentInputStream(ctx.content, ctx))) {
            List<String> columns = null;
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
                    ctx.report.unparsed(ctx.report.lines, "CSV row not readable: " + why, null);
                    ctx.report.incomplete = "CSV broken after line " + ctx.report.lines + ": " + why + " — rows before it were read";
                    break;
                }
                if (columns == null) {
                    columns = new ArrayList<>(row.keySet());
                    requireColumns(ctx, columns);
                }
                ObjectNode node = JsonNodeFactory.instance.objectNode();
                for (Map.Entry<String, String> e : row.entrySet()) {
                    String key = e.getKey().trim().toLowerCase(Locale.ROOT);
                    String v = e.getValue();
                    if (v != null && !v.isEmpty() && !v.equalsIgnoreCase("null")) {
                        node.put(key, v);
                    }
                }
                rows.logRow(node, line);
                ctx.report.lines = Math.max(ctx.report.lines, line);
            }
        } catch (IOException e) {
            throw new ImportException(ctx.path.getFileName() + ": CSV not readable (" + e.getMessage() + ")", e);
        }
        ctx.finish();
        if (ctx.report.events == 0) {
            throw new ImportException(ctx.path.getFileName() + ": CSV without rows");
        }
        return text;
    }

    private static void requireColumns(ReadContext ctx, List<String> columns) throws ImportException {
        List<String> lower = columns.stream().map(c -> c.trim().toLowerCase(Locale.ROOT)).toList();
        List<String> missing = new ArrayList<>();
        if (!lower.contains("message")) {
            missing.add("message");
        }
        if (!lower.contains("timestamp") && !lower.contains("created_at")) {
            missing.add("timestamp");
        }
        if (!missing.isEmpty()) {
            throw new ImportException(ctx.path.getFileName() + ": CSV without the column(s) " + String.join(", ", missing)
                    + " (it has: " + String.join(", ", columns) + ")");
        }
    }
}
