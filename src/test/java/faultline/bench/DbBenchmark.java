package faultline.bench;

import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.importer.db.DatabaseSource;
import faultline.importer.db.Passwords;
import faultline.importer.db.TaskQuery;
import faultline.importer.db.TaskRow;
import faultline.importer.db.TestDatabase;
import faultline.model.TaskSet;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code -Dbench=db}: loads 1,000,000 system_logs rows of 5,000 tasks into a PostgreSQL started for
 * the benchmark, then fetches them through the same path as File ▸ Open Database (cursor, compact
 * rows) and reads them into a task set, three times; reports rows/s and heap bytes per row, next to
 * a JSON-lines export of the same rows opened as a file (target: at least 200,000 rows/s).
 */
public final class DbBenchmark {
    private DbBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int tasks = Integer.getInteger("bench.tasks", 5000);
        int perTask = Integer.getInteger("bench.rowsPerTask", 200);
        int runs = Integer.getInteger("bench.runs", 3);
        String db = TestDatabase.create("bench");
        long t0 = System.nanoTime();
        load(db, tasks, perTask);
        System.out.printf("db benchmark: loaded %,d rows of %,d tasks in %.1f s (%d cores)%n", (long) tasks * perTask, tasks,
                (System.nanoTime() - t0) / 1e9, Runtime.getRuntime().availableProcessors());
        List<TaskRow> chosen = allTasks(db);
        raw(db, chosen);
        List<Double> fetchRate = new ArrayList<>();
        List<Double> totalRate = new ArrayList<>();
        List<Double> storeBytes = new ArrayList<>();
        List<Double> setBytes = new ArrayList<>();
        Path export = Files.createTempFile("faultline-bench", ".jsonl");
        for (int r = 0; r < runs; r++) {
            long before = usedHeap();
            DatabaseSource src = new DatabaseSource(TestDatabase.url("postgres", db), TaskQuery.ofTasks(chosen.get(0).id()),
                    new Passwords(Map.of(), Path.of("/nonexistent")), null);
            long a = System.nanoTime();
            DatabaseSource.Fetched f = src.fetch(chosen, ImportMonitor.NONE);
            long b = System.nanoTime();
            long afterFetch = usedHeap();
            TaskSet set = new Importer().importSources(List.of(), List.of(src.rows()), ImportMonitor.NONE);
            long c = System.nanoTime();
            long afterImport = usedHeap();
            double rows = f.rows();
            fetchRate.add(rows / ((b - a) / 1e9));
            totalRate.add(rows / ((c - a) / 1e9));
            storeBytes.add((afterFetch - before) / rows);
            setBytes.add((afterImport - before) / rows);
            System.out.printf("  run %d: %,d rows; fetch %.2f s (%,.0f rows/s); fetch + read into tasks %.2f s (%,.0f rows/s);"
                            + " heap %.0f bytes/row fetched, %.0f bytes/row with the task set (%,d events, %,d tasks)%n",
                    r + 1, f.rows(), (b - a) / 1e9, fetchRate.get(r), (c - a) / 1e9, totalRate.get(r), storeBytes.get(r), setBytes.get(r),
                    set.store().size(), set.tasks().size());
            if (r == runs - 1) {
                try (OutputStream out = Files.newOutputStream(export)) {
                    src.writeSnapshot(out);
                }
            }
            if (set.store().size() < 0 || src.store().size() < 0) {
                System.out.println(set);
            }
        }
        // The same rows exported to a file and opened as one, for comparison.
        long before = usedHeap();
        long a = System.nanoTime();
        TaskSet file = new Importer().importFiles(List.of(export), ImportMonitor.NONE);
        long b = System.nanoTime();
        long after = usedHeap();
        double rows = file.store().size();
        System.out.printf("  the same rows as a JSON-lines file (%,d bytes): read in %.2f s (%,.0f rows/s), heap %.0f bytes/row%n",
                Files.size(export), (b - a) / 1e9, rows / ((b - a) / 1e9), (after - before) / rows);
        Files.deleteIfExists(export);
        System.out.printf("db: median fetch %,.0f rows/s, fetch + read %,.0f rows/s; heap %.0f bytes/row fetched, %.0f with the task set;"
                + " target ≥ 200,000 rows/s%n", median(fetchRate), median(totalRate), median(storeBytes), median(setBytes));
        if (file.store().size() < 0) {
            System.out.println(file);
        }
        TestDatabase.server().close();
    }

    private static double median(List<Double> v) {
        List<Double> s = new ArrayList<>(v);
        Collections.sort(s);
        return s.get(s.size() / 2);
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Tasks of 50 workers, 15% failed; per task a claim, a parameter loop and an end, as a worker writes them. */
    private static void load(String db, int tasks, int perTask) throws Exception {
        try (Connection c = TestDatabase.admin(db); Statement s = c.createStatement()) {
            s.execute("INSERT INTO tasks (id, task_type, params, status, created_at, updated_at, generation_started_at, worker_id, error_message)"
                    + " SELECT md5('task' || g)::uuid, 'travel_segment', jsonb_build_object('seed', g, 'segment_index', g % 3),"
                    + " (CASE WHEN g % 7 = 0 THEN 'Failed' ELSE 'Complete' END)::task_status,"
                    + " timestamptz '2026-03-02 00:00:00+00' + g * interval '2 seconds',"
                    + " timestamptz '2026-03-02 00:00:00+00' + g * interval '2 seconds' + interval '90 seconds',"
                    + " timestamptz '2026-03-02 00:00:00+00' + g * interval '2 seconds' + interval '5 seconds',"
                    + " 'gpu-20260302_000000-' || lpad(to_hex(g % 50), 8, '0'),"
                    + " CASE WHEN g % 7 = 0 THEN 'Travel segment: Generation failed: CUDA error: out of memory' END"
                    + " FROM generate_series(1, " + tasks + ") g");
            s.execute("INSERT INTO system_logs (timestamp, source_type, source_id, log_level, message, task_id, worker_id, metadata)"
                    + " SELECT timestamptz '2026-03-02 00:00:05+00' + t * interval '2 seconds' + k * interval '317 microseconds',"
                    + " CASE WHEN k = 0 THEN 'edge_function' ELSE 'worker' END,"
                    + " CASE WHEN k = 0 THEN 'claim-next-task' ELSE 'gpu-20260302_000000-' || lpad(to_hex(t % 50), 8, '0') END,"
                    + " CASE WHEN k % 3 = 0 THEN 'INFO' ELSE 'DEBUG' END,"
                    + " CASE WHEN k = 0 THEN 'Task claimed successfully'"
                    + "  WHEN k % 6 = 1 THEN 'GENERATION: 🔍 LOOP [' || (k / 6) || '/32]: Processing param=''guidance_scale'', value_type=float'"
                    + "  WHEN k % 6 = 2 THEN 'GENERATION: 🔍 LOOP [' || (k / 6) || ']: Getting old value for ''guidance_scale'''"
                    + "  WHEN k % 6 = 3 THEN 'GENERATION: guidance_scale: NOT_SET → ' || (k % 11) || '.5'"
                    + "  WHEN k % 6 = 4 THEN 'HEADLESS: [HEARTBEAT] Worker active (' || k || ' heartbeats sent)'"
                    + "  ELSE 'QUEUE: Task submitted: ' || md5('task' || t)::uuid || ' (model: lightning_baseline_2_2_2, priority: 0)' END,"
                    + " md5('task' || t)::uuid, 'gpu-20260302_000000-' || lpad(to_hex(t % 50), 8, '0'),"
                    + " CASE WHEN k = 0 THEN jsonb_build_object('task_type', 'travel_segment') ELSE '{}'::jsonb END"
                    + " FROM generate_series(1, " + tasks + ") t, generate_series(0, " + (perTask - 1) + ") k");
            s.execute("ANALYZE tasks");
            s.execute("ANALYZE system_logs");
        }
    }

    /** The driver and the server alone: the same query read column by column into nothing, and its count. */
    private static void raw(String db, List<TaskRow> chosen) throws Exception {
        try (Connection c = TestDatabase.admin(db)) {
            c.setAutoCommit(false);
            String[] ids = chosen.stream().map(TaskRow::id).toArray(String[]::new);
            long a = System.nanoTime();
            try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM system_logs l WHERE l.task_id = ANY(?::uuid[])")) {
                ps.setArray(1, c.createArrayOf("text", ids));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            long b = System.nanoTime();
            long n = 0;
            // As text, and with ids and times in the binary forms the fetch asks for.
            double[] took = new double[2];
            for (int form = 0; form < 2; form++) {
                String idsAndTime = form == 0 ? "l.id::text, l.timestamp::text" : "l.id, l.timestamp";
                String task = form == 0 ? "l.task_id::text" : "l.task_id";
                long from = System.nanoTime();
                try (java.sql.PreparedStatement ps = c.prepareStatement("SELECT " + idsAndTime + ", l.log_level, l.source_type, l.source_id,"
                        + " l.message, " + task + ", l.worker_id, l.cycle_number::text, l.metadata::text FROM system_logs l WHERE l.task_id = ANY(?::uuid[])")) {
                    if (form == 1) {
                        ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                    }
                    ps.setArray(1, c.createArrayOf("text", ids));
                    ps.setFetchSize(5000);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            for (int i = 1; i <= 10; i++) {
                                if (rs.getBytes(i) != null) {
                                    n++;
                                }
                            }
                        }
                    }
                }
                took[form] = (System.nanoTime() - from) / 1e9;
            }
            System.out.printf("  driver and server alone: count %.2f s; the rows read into nothing %.2f s as text, %.2f s with binary ids and times (%d values)%n",
                    (b - a) / 1e9, took[0], took[1], n);
            c.commit();
        }
    }

    private static List<TaskRow> allTasks(String db) throws Exception {
        List<TaskRow> out = new ArrayList<>();
        try (Connection c = TestDatabase.admin(db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id::text, worker_id, created_at::text, updated_at::text, status::text FROM tasks")) {
            while (rs.next()) {
                out.add(new TaskRow(rs.getString(1), "travel_segment", rs.getString(5), null, null, rs.getString(3), rs.getString(4),
                        null, null, "0", null, rs.getString(2), null, "matched"));
            }
        }
        return out;
    }
}
