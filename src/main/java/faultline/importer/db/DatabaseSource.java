package faultline.importer.db;

import faultline.text.Prose;

import faultline.importer.ImportException;
import faultline.importer.ImportMonitor;
import faultline.importer.RowSink;
import faultline.importer.RowSource;
import faultline.model.SourceText;

import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The worker system's database as a source of tasks and their rows: lists the tasks a query names,
 * fetches the rows of the chosen ones into a {@link RowStore}, and, while followed, polls for rows
 * that arrived since and for new failures. Each step opens its own read-only connection, so a broken
 * network costs one step and never the rows fetched so far. The password is asked for only when the
 * server wants one and none was found, and lives in memory only.
 */
public final class DatabaseSource {
    /** A worker ships its rows up to about 20 s late, a failed batch is retried: a poll looks back this far. */
    static final Duration LOOK_BACK = Duration.ofMinutes(5);
    /** Task-less rows of the tasks' workers are fetched when the tasks span at most this much. */
    static final Duration WORKER_CONTEXT = Duration.ofHours(6);

    /** Asks the user for a password (a dialog in the window, the terminal headless); empty when they decline. */
    public interface PasswordPrompt {
        Optional<String> ask(ConnectionSpec spec, String why);
    }

    /** What a fetch or a poll brought. problem is null when it went to the end, else why it stopped (rows kept). */
    public record Fetched(long rows, int tasks, String problem) {
    }

    /** A poll: rows that arrived, tasks whose failure is new since the last poll. */
    public record Polled(long rows, List<TaskRow> newFailures, boolean tasksChanged) {
        public boolean changed() {
            return rows > 0 || tasksChanged || !newFailures.isEmpty();
        }
    }

    private final ConnectionSpec spec;
    private final TaskQuery query;
    private final Passwords passwords;
    private final PasswordPrompt prompt;
    private final RowStore store = new RowStore();
    private String urlPassword;
    private String password;
    private boolean passwordLooked;
    private DbSchema schema;
    private volatile String problem;
    private Instant lastPoll;

    public DatabaseSource(String url, TaskQuery query, Passwords passwords, PasswordPrompt prompt) {
        this.spec = ConnectionSpec.parse(url);
        this.urlPassword = ConnectionSpec.passwordIn(url);
        this.query = query.validated();
        this.passwords = passwords;
        this.prompt = prompt;
    }

    private DatabaseSource(DatabaseSource from) {
        this.spec = from.spec;
        this.query = from.query;
        this.passwords = from.passwords;
        this.prompt = from.prompt;
        this.password = from.password;
        this.passwordLooked = from.passwordLooked;
    }

    /** A new, empty source of the same database and query (Reload), with the password already known. */
    public DatabaseSource again() {
        return new DatabaseSource(this);
    }

    public ConnectionSpec spec() {
        return spec;
    }

    public TaskQuery query() {
        return query;
    }

    public RowStore store() {
        return store;
    }

    /** Why the rows held are not all that was asked for, or null. */
    public String problem() {
        return problem;
    }

    /** The tasks the query names (and their cascade), newest first; nothing is fetched yet. */
    public List<TaskRow> listTasks() throws DbException {
        try (Connection c = connect()) {
            try {
                List<TaskRow> rows = new TaskLister(c, schema(c)).list(query);
                c.commit();
                return rows;
            } catch (SQLException e) {
                throw DbErrors.explain(e, spec, Prose.get("db.doing.listing"));
            }
        } catch (SQLException e) {
            throw DbErrors.explain(e, spec, null);
        }
    }

    /** The chosen ids of the listed tasks; their rows and those of their workers' idle moments. */
    public Fetched fetch(List<TaskRow> chosen, ImportMonitor monitor) throws DbException {
        for (TaskRow t : chosen) {
            store.putTask(t);
        }
        Connection c = connect();
        long before = store.size();
        try (c) {
            LogFetcher f = new LogFetcher(c, schema(c));
            LogFetcher.Selection sel = selection(chosen);
            monitor.progress(0, 1, Prose.format("db.progress.counting", chosen.size()));
            long expected = f.count(sel);
            LogFetcher.Result r = f.fetch(sel, store, Set.of(), expected, monitor);
            c.commit();
            problem = r.cancelled() ? Prose.format("db.fetch.cancelled", r.rows(), expected) : null;
            return new Fetched(r.rows(), chosen.size(), problem);
        } catch (SQLException e) {
            DbException d = DbErrors.explain(e, spec, Prose.get("db.doing.fetching"));
            long got = store.size() - before;
            problem = Prose.format("db.fetch.broken", d.getMessage(), got);
            return new Fetched(got, chosen.size(), problem);
        }
    }

    private LogFetcher.Selection selection(List<TaskRow> chosen) {
        List<String> ids = chosen.stream().map(TaskRow::id).toList();
        Set<String> workers = new LinkedHashSet<>();
        Instant first = null;
        Instant last = null;
        for (TaskRow t : chosen) {
            if (t.workerId() != null) {
                workers.add(t.workerId());
            }
            Instant a = instant(t.createdAt());
            Instant b = instant(t.updatedAt() != null ? t.updatedAt() : t.generationProcessedAt());
            first = a == null ? first : first == null || a.isBefore(first) ? a : first;
            last = b == null ? last : last == null || b.isAfter(last) ? b : last;
        }
        boolean byWorker = query.worker() != null;
        boolean context = byWorker || (first != null && last != null && Duration.between(first, last).compareTo(WORKER_CONTEXT) <= 0);
        List<String> w = byWorker ? List.of(query.worker()) : context ? List.copyOf(workers) : List.of();
        return new LogFetcher.Selection(ids, w, first, last, query.sinceInstant(), query.untilInstant());
    }

    private static Instant instant(String iso) {
        PgTime.Read r = iso == null ? null : PgTime.read(iso);
        return r == null || !r.valid() ? null : Instant.ofEpochSecond(Math.floorDiv(r.nanos(), 1_000_000_000L), Math.floorMod(r.nanos(), 1_000_000_000L));
    }

    /**
     * One follow step: the tasks held, read again (a status moved on); new failures the query covers
     * (for a worker or "failed in the last hours"; for task ids, the held tasks that failed); and the
     * rows that arrived for every held task, looking back far enough for rows shipped late.
     */
    public Polled poll(ImportMonitor monitor) throws DbException {
        Connection c = connect();
        try (c) {
            DbSchema s = schema(c);
            Instant now = serverNow(c);
            TaskLister lister = new TaskLister(c, s);
            List<TaskRow> held = store.tasks();
            List<TaskRow> fresh = lister.byIds(held.stream().map(TaskRow::id).toList());
            List<TaskRow> newFailures = new ArrayList<>();
            boolean changed = false;
            java.util.Map<String, TaskRow> heldById = new java.util.HashMap<>();
            held.forEach(t -> heldById.put(t.id(), t));
            for (TaskRow t : fresh) {
                TaskRow old = heldById.get(t.id());
                if (old != null && !t.withRelation(old.relation()).equals(old)) {
                    changed = true;
                    if (t.failed() && !old.failed()) {
                        newFailures.add(t.withRelation(old.relation()));
                    }
                    store.putTask(t.withRelation(old.relation()));
                }
            }
            List<TaskRow> added = new ArrayList<>();
            if (lastPoll != null && (query.worker() != null || query.failedSince() != null)) {
                for (TaskRow t : lister.failedSince(lastPoll.minus(LOOK_BACK), query.worker())) {
                    if (!heldById.containsKey(t.id())) {
                        added.add(t.withRelation("matched"));
                        newFailures.add(t.withRelation("matched"));
                        store.putTask(t.withRelation("matched"));
                    }
                }
            }
            LogFetcher f = new LogFetcher(c, s);
            long rows = 0;
            long latest = store.latestNanos();
            List<String> oldIds = held.stream().map(TaskRow::id).toList();
            if (!oldIds.isEmpty()) {
                Instant from = latest == Long.MIN_VALUE ? null
                        : Instant.ofEpochSecond(Math.floorDiv(latest, 1_000_000_000L)).minus(LOOK_BACK);
                Set<String> skip = from == null ? Set.of() : store.idsFrom(from.getEpochSecond() * 1_000_000_000L);
                LogFetcher.Selection sel = new LogFetcher.Selection(oldIds, List.of(), null, null,
                        max(from, query.sinceInstant()), query.untilInstant());
                rows += f.fetch(sel, store, skip, 0, ImportMonitor.NONE).rows();
            }
            if (!added.isEmpty()) {
                rows += f.fetch(selection(added), store, Set.of(), 0, ImportMonitor.NONE).rows();
            }
            c.commit();
            lastPoll = now;
            return new Polled(rows, newFailures, changed || !added.isEmpty());
        } catch (SQLException e) {
            throw DbErrors.explain(e, spec, Prose.get("db.doing.following"));
        }
    }

    /** Starts the follow clock at the database's now, so the first poll reports only failures after it. */
    public void startFollowing() throws DbException {
        try (Connection c = connect()) {
            lastPoll = serverNow(c);
            c.commit();
        } catch (SQLException e) {
            throw DbErrors.explain(e, spec, Prose.get("db.doing.following"));
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
    }

    private static Instant serverNow(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT now()")) {
            rs.next();
            return rs.getObject(1, java.time.OffsetDateTime.class).toInstant();
        }
    }

    private DbSchema schema(Connection c) throws DbException {
        if (schema == null) {
            schema = DbSchema.read(c, spec);
        }
        return schema;
    }

    /** A connection with the password found (URL, PGPASSWORD, .pgpass), or asked for once when the server wants one. */
    private Connection connect() throws DbException {
        if (!passwordLooked) {
            password = passwords.find(spec, urlPassword).orElse(null);
            urlPassword = null;
            passwordLooked = true;
        }
        try {
            return DbConnector.open(spec, password);
        } catch (DbException e) {
            if (!e.wantsPassword() || prompt == null) {
                throw e;
            }
            Optional<String> typed = prompt.ask(spec, e.getMessage());
            if (typed.isEmpty()) {
                throw e;
            }
            password = typed.get();
            return DbConnector.open(spec, password);
        }
    }

    /** What a password lookup noticed (a password file readable by others). */
    public List<String> notes() {
        return passwords.notes();
    }

    /** Writes the rows held as JSON lines (tasks rows, then system_logs rows); callers write files atomically. */
    public void writeSnapshot(java.io.OutputStream out) throws IOException {
        SnapshotWriter.write(store, out);
    }

    /** The rows held, as a source of the import: read again on every re-read, never fetched twice. */
    public RowSource rows() {
        return new RowSource() {
            @Override
            public String name() {
                return "system_logs@" + spec.host();
            }

            @Override
            public String description() {
                return spec.url() + " — " + query.describe();
            }

            @Override
            public SourceText feed(RowSink sink, ImportMonitor monitor) throws ImportException {
                List<TaskRow> tasks = store.tasks();
                int n = store.size();
                int[] order = store.timeOrder(n);
                for (TaskRow t : tasks) {
                    sink.task(t.toJson());
                }
                for (int k = 0; k < n; k++) {
                    int i = order[k];
                    sink.log(store.row(i), i, tasks.size() + k + 1);
                    if ((k & 0xFFFF) == 0) {
                        monitor.progress(k, n, Prose.format("db.progress.reading", spec.host()));
                    }
                }
                if (problem != null) {
                    sink.incomplete(problem);
                }
                return store.text(tasks.size(), order);
            }
        };
    }
}
