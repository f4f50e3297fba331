package faultline.importer.db;

import faultline.text.Prose;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns the database really has, read from the catalogue before any query so that an older
 * schema gets a message listing what is missing (instead of the first error of a query), optional
 * columns are read as null, and a table the user may not read is said to be so.
 */
final class DbSchema {
    static final List<String> LOG_REQUIRED = List.of("timestamp", "message", "task_id");
    static final List<String> LOG_OPTIONAL = List.of("id", "log_level", "source_type", "source_id", "worker_id", "cycle_number", "metadata");
    static final List<String> TASK_REQUIRED = List.of("id", "status");
    static final List<String> TASK_OPTIONAL = List.of("task_type", "project_id", "params", "created_at", "updated_at",
            "generation_started_at", "generation_processed_at", "attempts", "error_message", "worker_id", "dependant_on");

    /** Column → its type as the catalogue writes it (uuid, uuid[], jsonb, task_status…). */
    final Map<String, String> logColumns;
    final Map<String, String> taskColumns;
    private final boolean logsAreTable;

    private DbSchema(Map<String, String> logColumns, Map<String, String> taskColumns, boolean logsAreTable) {
        this.logColumns = logColumns;
        this.taskColumns = taskColumns;
        this.logsAreTable = logsAreTable;
    }

    /** Whether system_logs is a table (not a view), whose rows have a physical position (ctid). */
    boolean logsHaveRowPosition() {
        return logsAreTable;
    }

    static DbSchema read(Connection c, ConnectionSpec spec) throws DbException {
        try {
            Map<String, String> tasks = columns(c, "tasks");
            Map<String, String> logs = columns(c, "system_logs");
            List<String> problems = new ArrayList<>();
            if (tasks == null) {
                problems.add(Prose.get("db.schema.no-tasks"));
            }
            if (logs == null) {
                problems.add(Prose.get("db.schema.no-logs"));
            }
            if (!problems.isEmpty()) {
                throw new DbException(DbException.Kind.MISSING_TABLE, Prose.format("db.schema.missing-table", spec.server(), spec.database(),
                        String.join(Prose.get("db.schema.and"), problems)));
            }
            List<String> missing = new ArrayList<>();
            for (String col : TASK_REQUIRED) {
                if (!tasks.containsKey(col)) {
                    missing.add("tasks." + col);
                }
            }
            for (String col : LOG_REQUIRED) {
                if (!logs.containsKey(col)) {
                    missing.add("system_logs." + col);
                }
            }
            if (!missing.isEmpty()) {
                throw new DbException(DbException.Kind.MISSING_COLUMN, Prose.format("db.schema.missing-column", spec.server(), spec.database(),
                        missing.size(), String.join(", ", missing)));
            }
            for (String table : List.of("tasks", "system_logs")) {
                if (!canRead(c, table)) {
                    throw new DbException(DbException.Kind.PERMISSION_DENIED, Prose.format("db.schema.not-readable", spec.server(), spec.user(), table));
                }
            }
            boolean table;
            try (PreparedStatement ps = c.prepareStatement("SELECT relkind IN ('r', 'p') FROM pg_catalog.pg_class WHERE oid = to_regclass(?)")) {
                ps.setString(1, "system_logs");
                try (ResultSet rs = ps.executeQuery()) {
                    table = rs.next() && rs.getBoolean(1);
                }
            }
            c.commit();
            return new DbSchema(logs, tasks, table);
        } catch (SQLException e) {
            throw DbErrors.explain(e, spec, Prose.get("db.doing.schema"));
        }
    }

    /** The table's columns, or null when the search path has no such table (the catalogue shows them whatever the privileges). */
    private static Map<String, String> columns(Connection c, String table) throws SQLException {
        String sql = "SELECT a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_catalog.pg_attribute a"
                + " WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum";
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return null;
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static boolean canRead(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT has_table_privilege(to_regclass(?), 'SELECT')")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** The column as the query reads it (text), or NULL when this schema has no such column. */
    String task(String column) {
        return taskColumns.containsKey(column) ? "t." + quote(column) + castOf(taskColumns.get(column)) : "NULL";
    }

    String log(String column) {
        return logColumns.containsKey(column) ? "l." + quote(column) + castOf(logColumns.get(column)) : "NULL";
    }

    /**
     * The column as a fetch reads it: a uuid or a time as itself, which the driver may send in its
     * binary form (16 and 8 bytes, formatted by neither side), anything else as text.
     */
    String logAsSent(String column) {
        return isUuidLog(column) || isTimeLog(column) ? "l." + quote(column) : log(column);
    }

    boolean isUuidLog(String column) {
        return "uuid".equals(logColumns.get(column));
    }

    boolean isTimeLog(String column) {
        String t = logColumns.get(column);
        return t != null && t.startsWith("timestamp");
    }

    boolean hasTask(String column) {
        return taskColumns.containsKey(column);
    }

    boolean hasLog(String column) {
        return logColumns.containsKey(column);
    }

    /** dependant_on is one uuid in older schemas and an array of them in newer ones. */
    boolean dependantOnIsArray() {
        String t = taskColumns.get("dependant_on");
        return t != null && t.endsWith("[]");
    }

    /** params can be filtered on with ->> only when it is json or jsonb. */
    boolean paramsIsJson() {
        String t = taskColumns.get("params");
        return t != null && (t.equals("jsonb") || t.equals("json"));
    }

    private static String castOf(String type) {
        // Times stay in their own text form (the session is UTC); everything else is read as text.
        return type.startsWith("timestamp") ? "" : "::text";
    }

    private static String quote(String column) {
        return "\"" + column.replace("\"", "\"\"") + "\"";
    }
}
