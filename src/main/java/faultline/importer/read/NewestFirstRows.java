package faultline.importer.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import faultline.importer.time.TimeParser;

import java.util.ArrayList;
import java.util.List;

/**
 * A table's log rows handed on oldest first: a console's export is often sorted newest first (CloudWatch Logs
 * Insights' default query, Windows Event Viewer's "Save All Events As…"), and read in file order a record without
 * an id would go to the unit claimed just before it in the file, which is after it in time. The rows are held
 * until the table ends, up to {@link #LIMIT}; a larger table, and the worker system's own rows, are handed on as
 * they come, in file order.
 */
final class NewestFirstRows {
    /** Rows held at most: an export from a console is bounded, a table beyond this is read as it streams. */
    static final int LIMIT = 200_000;

    private record Held(ObjectNode row, int line) {
    }

    private final RowReader rows;
    private final JsonTime time;
    private List<Held> held = new ArrayList<>();

    NewestFirstRows(TimeParser parser, RowReader rows) {
        this.rows = rows;
        this.time = new JsonTime(parser);
    }

    void add(ObjectNode row, int line) {
        if (held != null && (row.has("log_level") || row.has("source_type"))) {
            handOn(false); // the worker system's own rows name their task: they are read as the table has them
        }
        if (held == null) {
            rows.logRow(row, line);
            return;
        }
        held.add(new Held(row, line));
        if (held.size() >= LIMIT) {
            handOn(false);
        }
    }

    /** The table ended: its rows go on, reversed if their own time column runs backwards. */
    void finish() {
        if (held != null) {
            handOn(newestFirst());
        }
    }

    private void handOn(boolean reversed) {
        List<Held> all = held;
        held = null;
        for (int i = 0; i < all.size(); i++) {
            Held h = all.get(reversed ? all.size() - 1 - i : i);
            rows.logRow(h.row(), h.line());
        }
    }

    /** More steps back in time than forward between rows that follow each other, by the table's time column. */
    private boolean newestFirst() {
        int back = 0;
        int forward = 0;
        long last = Long.MIN_VALUE;
        for (Held h : held) {
            JsonNode v = LogFields.field(h.row(), LogFields.TIME);
            if (v == null || !time.read(v)) {
                continue;
            }
            if (last != Long.MIN_VALUE) {
                if (time.nanos < last) {
                    back++;
                } else if (time.nanos > last) {
                    forward++;
                }
            }
            last = time.nanos;
        }
        return back > forward;
    }
}
