package faultline.importer.db;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import faultline.Samples;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * One real PostgreSQL for all database tests of a run (started once, a few seconds), with the worker
 * system's schema written from its published facts, loaded with the bundled sample's tasks and rows,
 * and roles for the bad connections: one with a password, one that must use TLS, one without SELECT,
 * one whose queries time out. Each test database is created from scratch by {@link #create}.
 */
public final class TestDatabase {
    static final String SECRET_USER = "secret_reader";
    static final String SECRET_PASSWORD = "right-horse-battery";
    static final String TLS_USER = "tls_only";
    static final String NO_GRANTS_USER = "no_grants";
    static final String HASTY_USER = "hasty";

    private static EmbeddedPostgres server;
    private static int created;

    private TestDatabase() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                Path dir = Files.createTempDirectory("faultline-pg");
                Path hba = dir.resolve("pg_hba.conf");
                Files.writeString(hba, String.join("\n",
                        "local all all trust",
                        "host all " + SECRET_USER + " 127.0.0.1/32 scram-sha-256",
                        "host all " + SECRET_USER + " ::1/128 scram-sha-256",
                        "hostssl all " + TLS_USER + " 127.0.0.1/32 trust",
                        "hostnossl all " + TLS_USER + " 127.0.0.1/32 reject",
                        "host all all 127.0.0.1/32 trust",
                        "host all all ::1/128 trust", ""), StandardCharsets.UTF_8);
                server = EmbeddedPostgres.builder()
                        .setServerConfig("hba_file", hba.toString())
                        .setServerConfig("password_encryption", "scram-sha-256")
                        .start();
                try (Connection c = admin("postgres"); Statement s = c.createStatement()) {
                    s.execute("CREATE ROLE " + SECRET_USER + " LOGIN PASSWORD '" + SECRET_PASSWORD + "'");
                    s.execute("CREATE ROLE " + TLS_USER + " LOGIN");
                    s.execute("CREATE ROLE " + NO_GRANTS_USER + " LOGIN");
                    s.execute("CREATE ROLE " + HASTY_USER + " LOGIN");
                    s.execute("ALTER ROLE " + HASTY_USER + " SET statement_timeout = '400ms'");
                }
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        server.close();
                    } catch (IOException e) {
                        // the JVM ends anyway
                    }
                    try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
                        all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                    } catch (IOException e) {
                        // a folder in the system's temp space
                    }
                }));
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("the test database did not start: " + e, e);
            }
        }
        return server;
    }

    public static int port() {
        return server().getPort();
    }

    public static Connection admin(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + server().getPort() + "/" + db, "postgres", "");
    }

    /** URL of a database as a user of Faultline writes it. */
    public static String url(String user, String db) {
        return "postgresql://" + user + "@127.0.0.1:" + port() + "/" + db;
    }

    /** A new database with the worker schema, readable by the test roles (but not by no_grants). */
    public static String create(String prefix) throws SQLException {
        String name;
        synchronized (TestDatabase.class) {
            name = prefix + "_" + (++created);
        }
        try (Connection c = admin("postgres"); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        try (Connection c = admin(name); Statement s = c.createStatement()) {
            s.execute(SCHEMA);
            for (String role : List.of(SECRET_USER, TLS_USER, HASTY_USER)) {
                s.execute("GRANT SELECT ON tasks, system_logs, workers TO " + role);
            }
        }
        return name;
    }

    /** The worker system's tables as its migrations describe them: types, enum, indexes. */
    static final String SCHEMA = String.join("\n",
            "CREATE TYPE task_status AS ENUM ('Queued', 'In Progress', 'Complete', 'Failed', 'Cancelled');",
            "CREATE TABLE workers (id text PRIMARY KEY, instance_type text, status text, last_heartbeat timestamptz,",
            "  metadata jsonb DEFAULT '{}'::jsonb, created_at timestamptz DEFAULT now());",
            "CREATE TABLE tasks (id uuid PRIMARY KEY, task_type text NOT NULL, params jsonb, status task_status NOT NULL DEFAULT 'Queued',",
            "  dependant_on uuid[], output_location text, created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz,",
            "  project_id uuid, generation_started_at timestamptz, generation_processed_at timestamptz, attempts int NOT NULL DEFAULT 0,",
            "  error_message text, worker_id text);",
            "CREATE INDEX idx_tasks_status_updated ON tasks (status, updated_at);",
            "CREATE INDEX idx_tasks_worker ON tasks (worker_id);",
            "CREATE INDEX idx_tasks_created ON tasks (created_at);",
            "CREATE TABLE system_logs (id uuid PRIMARY KEY DEFAULT gen_random_uuid(), timestamp timestamptz NOT NULL DEFAULT now(),",
            "  source_type text NOT NULL, source_id text NOT NULL, log_level text NOT NULL, message text NOT NULL, task_id uuid,",
            "  worker_id text, cycle_number int, metadata jsonb DEFAULT '{}'::jsonb,",
            "  CONSTRAINT valid_log_level CHECK (log_level IN ('DEBUG', 'INFO', 'WARNING', 'ERROR', 'CRITICAL')));",
            "CREATE INDEX idx_system_logs_timestamp ON system_logs (timestamp DESC);",
            "CREATE INDEX idx_system_logs_task ON system_logs (task_id, timestamp DESC) WHERE task_id IS NOT NULL;",
            "CREATE INDEX idx_system_logs_worker ON system_logs (worker_id, timestamp DESC) WHERE worker_id IS NOT NULL;");

    /** The bundled sample's tasks (with the cascade's children) and rows, as the worker system would hold them. */
    public static void loadSample(String db) throws SQLException {
        ObjectMapper json = new ObjectMapper();
        try (Connection c = admin(db)) {
            for (String file : List.of("task_78cd8678.json", "task_e040ae48.json", "task_c2d9f4a6.json")) {
                JsonNode doc = json.readTree(Samples.DIR.resolve(file).toFile());
                insertTask(c, doc.get("state"));
                for (JsonNode child : doc.path("child_tasks")) {
                    insertTask(c, child);
                }
                for (JsonNode row : doc.get("logs")) {
                    insertLog(c, row);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sample into a database of an older schema: only the columns it has. */
    static void loadSampleWithout(String db) throws SQLException {
        ObjectMapper json = new ObjectMapper();
        try (Connection c = admin(db)) {
            for (String file : List.of("task_78cd8678.json", "task_c2d9f4a6.json")) {
                JsonNode doc = json.readTree(Samples.DIR.resolve(file).toFile());
                List<JsonNode> tasks = new java.util.ArrayList<>();
                tasks.add(doc.get("state"));
                doc.path("child_tasks").forEach(tasks::add);
                for (JsonNode t : tasks) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks (id, task_type, params, status, created_at, updated_at,"
                            + " worker_id, error_message) VALUES (?::uuid, ?, ?::jsonb, ?::task_status, ?::timestamptz, ?::timestamptz, ?, ?)"
                            + " ON CONFLICT (id) DO NOTHING")) {
                        ps.setString(1, t.get("id").asText());
                        ps.setString(2, t.path("task_type").asText());
                        ps.setString(3, t.get("params").toString());
                        ps.setString(4, t.path("status").asText());
                        ps.setString(5, text(t, "created_at", null));
                        ps.setString(6, text(t, "updated_at", null));
                        ps.setString(7, text(t, "worker_id", null));
                        ps.setString(8, text(t, "error_message", null));
                        ps.executeUpdate();
                    }
                }
                for (JsonNode r : doc.get("logs")) {
                    try (PreparedStatement ps = c.prepareStatement("INSERT INTO system_logs (timestamp, source_type, source_id, log_level,"
                            + " message, task_id, worker_id) VALUES (?::timestamptz, ?, ?, ?, ?, ?::uuid, ?)")) {
                        ps.setString(1, r.get("timestamp").asText());
                        ps.setString(2, r.path("source_type").asText("worker"));
                        ps.setString(3, r.path("source_id").asText("unknown"));
                        ps.setString(4, r.path("log_level").asText("INFO"));
                        ps.setString(5, r.get("message").asText());
                        ps.setString(6, text(r, "task_id", null));
                        ps.setString(7, text(r, "worker_id", null));
                        ps.executeUpdate();
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void insertTask(Connection c, JsonNode t) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO tasks (id, task_type, params, status, dependant_on, created_at,"
                + " updated_at, project_id, generation_started_at, generation_processed_at, attempts, error_message, worker_id)"
                + " VALUES (?::uuid, ?, ?::jsonb, ?::task_status, ?::uuid[], ?::timestamptz, ?::timestamptz, ?::uuid, ?::timestamptz,"
                + " ?::timestamptz, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            ps.setString(1, t.get("id").asText());
            ps.setString(2, t.path("task_type").asText("travel_segment"));
            ps.setString(3, t.has("params") ? t.get("params").toString() : "{}");
            ps.setString(4, t.path("status").asText("Queued"));
            ps.setString(5, t.hasNonNull("dependant_on") ? "{" + t.get("dependant_on").asText() + "}" : null);
            ps.setString(6, text(t, "created_at", "2026-02-24T14:00:00Z"));
            ps.setString(7, text(t, "updated_at", null));
            ps.setString(8, text(t, "project_id", null));
            ps.setString(9, text(t, "generation_started_at", null));
            ps.setString(10, text(t, "generation_processed_at", null));
            ps.setInt(11, t.path("attempts").asInt(0));
            ps.setString(12, text(t, "error_message", null));
            ps.setString(13, text(t, "worker_id", null));
            ps.executeUpdate();
        }
    }

    static void insertLog(Connection c, JsonNode r) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO system_logs (id, timestamp, source_type, source_id, log_level,"
                + " message, task_id, worker_id, cycle_number, metadata) VALUES (?::uuid, ?::timestamptz, ?, ?, ?, ?, ?::uuid, ?, ?, ?::jsonb)")) {
            ps.setString(1, r.get("id").asText());
            ps.setString(2, r.get("timestamp").asText());
            ps.setString(3, r.path("source_type").asText("worker"));
            ps.setString(4, r.path("source_id").asText("unknown"));
            ps.setString(5, r.path("log_level").asText("INFO"));
            ps.setString(6, r.get("message").asText());
            ps.setString(7, text(r, "task_id", null));
            ps.setString(8, text(r, "worker_id", null));
            if (r.hasNonNull("cycle_number")) {
                ps.setInt(9, r.get("cycle_number").asInt());
            } else {
                ps.setNull(9, java.sql.Types.INTEGER);
            }
            ps.setString(10, r.has("metadata") && !r.get("metadata").isNull() ? r.get("metadata").toString() : "{}");
            ps.executeUpdate();
        }
    }

    private static String text(JsonNode n, String field, String fallback) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }

    static DatabaseSource source(String db, TaskQuery q) {
        return new DatabaseSource(url("postgres", db), q, new Passwords(java.util.Map.of(), Path.of("/nonexistent")), null);
    }
}
