package faultline.analysis;

import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.TaskSet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds small system_logs documents (the debug tool's JSON) for analysis tests: one task, its row, its lines. */
final class TaskLogs {
    private final String id;
    private final List<String> rows = new ArrayList<>();
    private final List<String> params = new ArrayList<>();
    private String status = "Failed";
    private String type = "travel_segment";
    private long micros = (10L * 3600) * 1_000_000L;

    TaskLogs(String id) {
        this.id = id;
    }

    TaskLogs status(String s) {
        status = s;
        return this;
    }

    TaskLogs param(String name, String json) {
        params.add("\"" + name + "\": " + json);
        return this;
    }

    /** A row stepMicros after the previous one. */
    TaskLogs at(long stepMicros, String level, String message) {
        micros += stepMicros;
        return row(micros, level, message, "{}");
    }

    TaskLogs meta(long stepMicros, String level, String message, String metadata) {
        micros += stepMicros;
        return row(micros, level, message, metadata);
    }

    private TaskLogs row(long us, String level, String message, String metadata) {
        String ts = String.format("2026-03-01T%02d:%02d:%02d.%06d+00:00", us / 3_600_000_000L, us / 60_000_000 % 60, us / 1_000_000 % 60, us % 1_000_000);
        rows.add("{\"timestamp\": \"" + ts + "\", \"log_level\": \"" + level + "\", \"task_id\": \"" + id + "\", \"source_type\": \"worker\","
                + " \"worker_id\": \"gpu-20260301_090000-0000abcd\", \"message\": " + quote(message) + ", \"metadata\": " + metadata + "}");
        return this;
    }

    /** The six rows of one completed loop iteration with a change line. */
    TaskLogs iteration(int i, int n, String name, String valueType, String newValue) {
        at(300, "INFO", "GENERATION: 🔍 LOOP [" + i + "/" + n + "]: Processing param='" + name + "'" + (valueType == null ? "" : ", value_type=" + valueType));
        at(200, "DEBUG", "GENERATION: 🔍 LOOP [" + i + "]: Getting old value for '" + name + "'");
        at(200, "DEBUG", "GENERATION: 🔍 LOOP [" + i + "]: Assigning new value for '" + name + "'");
        at(200, "DEBUG", "GENERATION: 🔍 LOOP [" + i + "]: Logging change for '" + name + "'");
        at(50, "DEBUG", "GENERATION: " + name + ": NOT_SET → " + newValue);
        return at(200, "DEBUG", "GENERATION: ✅ LOOP [" + i + "]: Completed '" + name + "'");
    }

    String json() {
        return "{\"task_id\": \"" + id + "\", \"state\": {\"id\": \"" + id + "\", \"task_type\": \"" + type + "\", \"status\": \"" + status + "\","
                + " \"created_at\": \"2026-03-01T09:59:00.000+00:00\", \"params\": {" + String.join(", ", params) + "}},"
                + " \"logs\": [" + String.join(",\n", rows) + "]}\n";
    }

    static TaskSet load(Path dir, TaskLogs... tasks) throws IOException {
        List<Path> files = new ArrayList<>();
        for (TaskLogs t : tasks) {
            Path p = dir.resolve(t.id + ".json");
            Files.writeString(p, t.json(), StandardCharsets.UTF_8);
            files.add(p);
        }
        return new Importer().importFiles(files, ImportMonitor.NONE);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
}
