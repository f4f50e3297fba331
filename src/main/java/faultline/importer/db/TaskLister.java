package faultline.importer.db;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds the tasks a query names, in the database: ids and prefixes through the primary key (a prefix
 * is a range of UUIDs), a worker through worker_id, recent failures through status and updated_at;
 * then, for task ids, their cascade: the orchestrator they name in params, the tasks of the same
 * orchestrator or run, and what they depend on or what depends on them. Parameterised SQL only.
 */
final class TaskLister {
    /** More tasks than this is not a comparison; the list says it was cut. */
    static final int LIMIT = 2000;
    /** A cascade never grows past this. */
    static final int CASCADE_LIMIT = 500;

    private final Connection c;
    private final DbSchema schema;

    TaskLister(Connection c, DbSchema schema) {
        this.c = c;
        this.schema = schema;
    }

    private String columns() {
        return schema.task("id") + ", " + schema.task("task_type") + ", " + schema.task("status") + ", " + schema.task("project_id")
                + ", " + schema.task("params") + ", " + schema.task("created_at") + ", " + schema.task("updated_at") + ", "
                + schema.task("generation_started_at") + ", " + schema.task("generation_processed_at") + ", " + schema.task("attempts")
                + ", " + schema.task("error_message") + ", " + schema.task("worker_id") + ", " + schema.task("dependant_on");
    }

    List<TaskRow> list(TaskQuery q) throws SQLException {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        if (!q.tasks().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (String t : q.tasks()) {
                String[] range = TaskQuery.idRange(t);
                any.add("t.id BETWEEN ?::uuid AND ?::uuid");
                args.add(range[0]);
                args.add(range[1]);
            }
            where.add("(" + String.join(" OR ", any) + ")");
        }
        if (q.worker() != null && schema.hasTask("worker_id")) {
            where.add("t.worker_id = ?");
            args.add(q.worker());
        }
        String activity = schema.hasTask("updated_at") ? (schema.hasTask("created_at") ? "coalesce(t.updated_at, t.created_at)" : "t.updated_at")
                : schema.hasTask("created_at") ? "t.created_at" : null;
        if (q.failedSince() != null) {
            where.add("t.status = 'Failed'");
            if (activity != null) {
                Duration d = q.failedWithin();
                where.add(activity + " >= now() - ? * interval '1 second'");
                args.add((double) d.toMillis() / 1000.0);
            }
        }
        Instant since = q.sinceInstant();
        Instant until = q.untilInstant();
        if (since != null && activity != null) {
            where.add(activity + " >= ?");
            args.add(OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        }
        if (until != null && schema.hasTask("created_at")) {
            where.add("t.created_at <= ?");
            args.add(OffsetDateTime.ofInstant(until, ZoneOffset.UTC));
        }
        String order = schema.hasTask("created_at") ? " ORDER BY t.created_at DESC NULLS LAST" : "";
        String sql = "SELECT " + columns() + " FROM tasks t WHERE " + (where.isEmpty() ? "true" : String.join(" AND ", where)) + order + " LIMIT " + LIMIT;
        Map<String, TaskRow> found = new LinkedHashMap<>();
        for (TaskRow r : run(sql, args)) {
            found.put(r.id(), r.withRelation("matched"));
        }
        if (q.cascade() && !q.tasks().isEmpty() && !found.isEmpty()) {
            cascade(found);
        }
        return new ArrayList<>(found.values());
    }

    /** Two rounds: the matched tasks' orchestrators, runs and dependencies; then the same for what that found. */
    private void cascade(Map<String, TaskRow> found) throws SQLException {
        Set<String> asked = new LinkedHashSet<>();
        for (int round = 0; round < 2 && found.size() < CASCADE_LIMIT; round++) {
            Set<String> ids = new LinkedHashSet<>();
            Set<String> orchestrators = new LinkedHashSet<>();
            Set<String> runs = new LinkedHashSet<>();
            for (TaskRow r : found.values()) {
                if (!asked.add(r.id())) {
                    continue;
                }
                ids.add(r.id());
                JsonNode p = r.paramsJson();
                if (p != null) {
                    addText(orchestrators, p.get("orchestrator_task_id_ref"));
                    addText(orchestrators, p.get("orchestrator_task_id"));
                    addText(orchestrators, p.path("orchestrator_details").get("orchestrator_task_id"));
                    addText(runs, p.get("run_id"));
                    addText(runs, p.get("orchestrator_run_id"));
                    addText(runs, p.path("orchestrator_details").get("run_id"));
                }
                if (r.taskType() != null && r.taskType().contains("orchestrator")) {
                    orchestrators.add(r.id());
                }
                if (r.dependantOn() != null) {
                    for (String d : r.dependantOn().replaceAll("[{}\"\\s]", "").split(",")) {
                        if (d.length() == 36) {
                            orchestrators.add(d);
                        }
                    }
                }
            }
            if (ids.isEmpty()) {
                return;
            }
            List<String> any = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            any.add("t.id = ANY(?::uuid[])");
            args.add(uuids(orchestrators));
            if (schema.paramsIsJson()) {
                List<String> refs = new ArrayList<>(orchestrators);
                refs.addAll(ids);
                for (String key : new String[]{"orchestrator_task_id_ref", "orchestrator_task_id"}) {
                    any.add("t.params->>'" + key + "' = ANY(?)");
                    args.add(refs.toArray(new String[0]));
                }
                if (!runs.isEmpty()) {
                    for (String key : new String[]{"run_id", "orchestrator_run_id"}) {
                        any.add("t.params->>'" + key + "' = ANY(?)");
                        args.add(runs.toArray(new String[0]));
                    }
                }
            }
            if (schema.hasTask("dependant_on")) {
                any.add(schema.dependantOnIsArray() ? "t.dependant_on && ?::uuid[]" : "t.dependant_on = ANY(?::uuid[])");
                args.add(uuids(ids));
            }
            String sql = "SELECT " + columns() + " FROM tasks t WHERE " + String.join(" OR ", any) + " LIMIT " + CASCADE_LIMIT;
            for (TaskRow r : run(sql, args)) {
                if (!found.containsKey(r.id()) && found.size() < CASCADE_LIMIT) {
                    found.put(r.id(), r.withRelation(relation(r, orchestrators, ids)));
                }
            }
        }
    }

    private static String relation(TaskRow r, Set<String> orchestrators, Set<String> ids) {
        if (orchestrators.contains(r.id())) {
            return r.taskType() != null && r.taskType().contains("orchestrator") ? "orchestrator" : "dependency";
        }
        if (r.dependantOn() != null) {
            for (String id : ids) {
                if (r.dependantOn().contains(id)) {
                    return "dependant";
                }
            }
        }
        JsonNode p = r.paramsJson();
        if (p != null) {
            String ref = p.path("orchestrator_task_id_ref").asText(p.path("orchestrator_task_id").asText(""));
            if (ids.contains(ref)) {
                return "child";
            }
        }
        return "sibling";
    }

    private static String[] uuids(Set<String> ids) {
        return ids.stream().filter(s -> s.length() == 36).toArray(String[]::new);
    }

    private static void addText(Set<String> out, JsonNode v) {
        if (v != null && v.isValueNode() && !v.isNull() && !v.asText().isBlank()) {
            out.add(v.asText().strip());
        }
    }

    private List<TaskRow> run(String sql, List<Object> args) throws SQLException {
        List<TaskRow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof String[] arr) {
                    ps.setArray(i + 1, c.createArrayOf("text", arr));
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TaskRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            TaskRow.time(rs.getString(6)), TaskRow.time(rs.getString(7)), TaskRow.time(rs.getString(8)),
                            TaskRow.time(rs.getString(9)), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13), ""));
                }
            }
        }
        return out;
    }

    /** Tasks rows by id, fresh: a poll reads the new status of the tasks on screen. */
    List<TaskRow> byIds(List<String> ids) throws SQLException {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(ids.stream().filter(s -> s.length() == 36).toArray(String[]::new));
        return run("SELECT " + columns() + " FROM tasks t WHERE t.id = ANY(?::uuid[])", args);
    }

    /** Tasks that failed since a time (the database's clock), for a poll's "new failure". */
    List<TaskRow> failedSince(Instant since, String worker) throws SQLException {
        if (!schema.hasTask("updated_at")) {
            return List.of();
        }
        List<Object> args = new ArrayList<>();
        args.add(OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
        String w = "";
        if (worker != null && schema.hasTask("worker_id")) {
            w = " AND t.worker_id = ?";
            args.add(worker);
        }
        return run("SELECT " + columns() + " FROM tasks t WHERE t.status = 'Failed' AND t.updated_at >= ?" + w
                + " ORDER BY t.updated_at LIMIT " + LIMIT, args);
    }
}
