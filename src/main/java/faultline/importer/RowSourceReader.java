package faultline.importer;

import com.fasterxml.jackson.databind.JsonNode;
import faultline.importer.read.PooledText;
import faultline.importer.read.RowReader;
import faultline.model.SourceText;

import java.nio.file.Path;

/**
 * Reads one {@link RowSource} into the import as one more source: its rows go through the same
 * {@link RowReader} as the rows of a JSON export, so that a fetched row and the same row saved to a
 * file become the same event of the same task.
 */
final class RowSourceReader implements RowSink {
    private final ReadContext ctx;
    private final RowReader rows;
    private long count;

    private RowSourceReader(ReadContext ctx) {
        this.ctx = ctx;
        this.rows = new RowReader(ctx, new PooledText());
    }

    /** Path under which a row source is listed among the sources: its name, which no file has. */
    static Path pathOf(RowSource source) {
        return Path.of(source.name());
    }

    static SourceText read(RowSource source, ReadContext ctx) throws ImportException {
        RowSourceReader reader = new RowSourceReader(ctx);
        SourceText text = source.feed(reader, ctx.monitor);
        ctx.finish();
        ctx.report.lines = reader.count;
        return text;
    }

    @Override
    public void task(JsonNode row) {
        count++;
        rows.taskRow(row, null);
    }

    @Override
    public void log(LogRow row, long textRef, int line) {
        count++;
        rows.logRow(row, textRef, line);
        if ((count & 0xFFFF) == 0 && ctx.monitor.isCancelled()) {
            throw new ImportCancelledException();
        }
    }

    @Override
    public void incomplete(String why) {
        ctx.report.incomplete = why;
    }
}
