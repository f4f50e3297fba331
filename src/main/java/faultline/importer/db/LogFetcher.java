package faultline.importer.db;

import faultline.importer.ImportMonitor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Streams the system_logs rows of chosen tasks (and the task-less rows of their workers while they
 * ran) into a {@link RowStore}: one parameterised query on the task and worker indexes, read through
 * a server-side cursor a few thousand rows at a time inside the read-only transaction, cancellable
 * between batches (the server is told to stop), every row kept as soon as it arrived.
 */
final class LogFetcher {
    static final int FETCH_SIZE = 5000;
    /** Fetches of up to this many rows are sorted by the server. */
    static final long SERVER_SORT_LIMIT = 100_000;

    /** What a fetch did: rows kept, and whether it stopped early (cancelled). */
    record Result(long rows, boolean cancelled) {
    }

    /**
     * The rows to fetch.
     *
     * @param taskIds       full ids of the tasks
     * @param workers       workers whose task-less rows belong to the fetch, or empty
     * @param workersFrom   start of the task-less rows (the first task's creation), or null
     * @param workersUntil  end of the task-less rows, or null
     * @param since         only rows from then, or null
     * @param until         only rows until then, or null
     */
    record Selection(List<String> taskIds, List<String> workers, Instant workersFrom, Instant workersUntil, Instant since, Instant until) {
    }

    private final Connection c;
    private final DbSchema schema;

    LogFetcher(Connection c, DbSchema schema) {
        this.c = c;
        this.schema = schema;
    }

    private String from(Selection s, List<Object> args) {
        StringBuilder where = new StringBuilder("(l.task_id = ANY(?::uuid[])");
        args.add(s.taskIds().toArray(new String[0]));
        if (!s.workers().isEmpty() && schema.hasLog("worker_id")) {
            where.append(" OR (l.task_id IS NULL AND l.worker_id = ANY(?)");
            args.add(s.workers().toArray(new String[0]));
            if (s.workersFrom() != null) {
                where.append(" AND l.\"timestamp\" >= ?");
                args.add(OffsetDateTime.ofInstant(s.workersFrom(), ZoneOffset.UTC));
            }
            if (s.workersUntil() != null) {
                where.append(" AND l.\"timestamp\" <= ?");
                args.add(OffsetDateTime.ofInstant(s.workersUntil(), ZoneOffset.UTC));
            }
            where.append(")");
        }
        where.append(")");
        if (s.since() != null) {
            where.append(" AND l.\"timestamp\" >= ?");
            args.add(OffsetDateTime.ofInstant(s.since(), ZoneOffset.UTC));
        }
        if (s.until() != null) {
            where.append(" AND l.\"timestamp\" <= ?");
            args.add(OffsetDateTime.ofInstant(s.until(), ZoneOffset.UTC));
        }
        return " FROM system_logs l WHERE " + where;
    }

    long count(Selection s) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT count(*)" + from(s, args);
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /**
     * Fetches in time order into the store, skipping rows whose id is in skip (a poll's look-back).
     * A failure part-way throws, with the rows before it kept in the store.
     */
    Result fetch(Selection s, RowStore into, Set<String> skip, long expected, ImportMonitor monitor) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = "SELECT " + schema.logAsSent("id") + ", " + schema.logAsSent("timestamp") + ", " + schema.log("log_level") + ", "
                + schema.log("source_type") + ", " + schema.log("source_id") + ", l.message, " + schema.logAsSent("task_id") + ", "
                + schema.log("worker_id") + ", " + schema.log("cycle_number") + ", " + schema.log("metadata") + from(s, args)
                // A few failures' rows are sorted by the server, rows of one instant in the order they were written
                // (a batch lands in one page, in order). A large fetch is not: sorting it there would spill to disk,
                // and the store sorts it by time in a moment, keeping the order the rows arrived in for ties.
                + (expected <= SERVER_SORT_LIMIT ? " ORDER BY l.\"timestamp\"" + (schema.logsHaveRowPosition() ? ", l.ctid" : "") : "");
        RowStore.Forms forms = new RowStore.Forms(schema.isUuidLog("id"), schema.isTimeLog("timestamp"), schema.isUuidLog("task_id"));
        long rows = 0;
        long seen = 0;
        try (PreparedStatement ps = prepare(sql, args)) {
            ps.setFetchSize(FETCH_SIZE);
            // Ids and times in their binary forms: the server's text output of a million times was a third of the fetch.
            ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    // Bytes as sent, not strings: the store keeps bytes and codes, and decoding each value was most of the fetch's time.
                    byte[] id = rs.getBytes(1);
                    if (skip.isEmpty() || id == null || !skip.contains(RowStore.idText(forms, id))) {
                        if (into.add(forms, id, rs.getBytes(2), rs.getBytes(3), rs.getBytes(4), rs.getBytes(5), rs.getBytes(6),
                                rs.getBytes(7), rs.getBytes(8), rs.getBytes(9), rs.getBytes(10))) {
                            rows++;
                        }
                    }
                    if ((++seen & 0x3FF) == 0) {
                        if (monitor.isCancelled()) {
                            ps.cancel();
                            return new Result(rows, true);
                        }
                        monitor.progress(rows, Math.max(expected, rows), String.format("Fetched %,d of %,d rows", rows, expected));
                    }
                }
            }
        }
        monitor.progress(rows, Math.max(expected, rows), String.format("Fetched %,d rows", rows));
        return new Result(rows, false);
    }

    private PreparedStatement prepare(String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        try {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof String[] arr) {
                    ps.setArray(i + 1, c.createArrayOf("text", arr));
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }
}
