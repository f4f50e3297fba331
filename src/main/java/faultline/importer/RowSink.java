package faultline.importer;

import com.fasterxml.jackson.databind.JsonNode;

/** Where a {@link RowSource} puts its rows while it is read; the importer reads them like rows of a JSON export. */
public interface RowSink {
    /** A tasks row, as its columns (params as a JSON object). */
    void task(JsonNode row);

    /**
     * A system_logs row whose text the source keeps itself.
     *
     * @param textRef what the source's {@link faultline.model.SourceText} knows the row by
     * @param line    the row's 1-based place in the source, as its snapshot file will number it
     */
    void log(LogRow row, long textRef, int line);

    /** The source could give only part of its rows (a fetch stopped, a connection lost): said with the reason. */
    void incomplete(String why);
}
