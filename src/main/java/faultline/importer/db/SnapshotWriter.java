package faultline.importer.db;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

/**
 * Writes fetched rows as JSON lines, the way the worker system's exports write them: the tasks rows
 * first, then the system_logs rows in time order, one object per line, each time with the fraction
 * digits the database gave. Faultline reads such a file back to the same tasks and events.
 */
final class SnapshotWriter {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SnapshotWriter() {
    }

    static void write(RowStore store, OutputStream out) throws IOException {
        List<TaskRow> tasks = store.tasks();
        int n = store.size();
        int[] order = store.timeOrder(n);
        JsonFactory f = JSON.getFactory();
        try (JsonGenerator g = f.createGenerator(new java.io.BufferedOutputStream(out, 1 << 16))) {
            g.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
            for (TaskRow t : tasks) {
                JSON.writeTree(g, t.toJson());
                g.writeRaw('\n');
            }
            for (int k = 0; k < n; k++) {
                int i = order[k];
                g.writeStartObject();
                field(g, "id", store.id(i));
                field(g, "timestamp", store.timestamp(i));
                field(g, "source_type", store.sourceType(i));
                field(g, "source_id", store.sourceId(i));
                field(g, "log_level", store.level(i));
                field(g, "message", store.message(i));
                field(g, "task_id", store.taskId(i));
                field(g, "worker_id", store.workerId(i));
                Integer cycle = store.cycle(i);
                if (cycle == null) {
                    g.writeNullField("cycle_number");
                } else {
                    g.writeNumberField("cycle_number", cycle);
                }
                String meta = store.metadata(i);
                g.writeFieldName("metadata");
                if (meta == null) {
                    g.writeNull();
                } else {
                    // jsonb text is valid JSON: embedded as it is, so the file holds what the database held.
                    g.writeRawValue(meta);
                }
                g.writeEndObject();
                g.writeRaw('\n');
            }
            g.flush();
        }
    }

    private static void field(JsonGenerator g, String name, String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }
}
