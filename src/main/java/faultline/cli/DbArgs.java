package faultline.cli;

import faultline.text.Prose;

import faultline.importer.ImportMonitor;
import faultline.importer.db.DatabaseSource;
import faultline.importer.db.DbException;
import faultline.importer.db.Passwords;
import faultline.importer.db.TaskQuery;
import faultline.importer.db.TaskRow;

import java.io.Console;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The database options shared by the headless commands: {@code --db URL} with what to fetch
 * ({@code --task}, {@code --worker}, {@code --failed-since}, {@code --since}, {@code --until},
 * {@code --no-cascade}). The password comes from the URL, PGPASSWORD or ~/.pgpass, else is asked on
 * the terminal when there is one.
 */
final class DbArgs {
    static final Set<String> OPTIONS = Set.of("--db", "--worker", "--failed-since", "--since", "--until", "--no-cascade");

    private DbArgs() {
    }

    /** A command's own options plus the database ones. */
    static Set<String> with(String... own) {
        Set<String> all = new java.util.HashSet<>(OPTIONS);
        all.addAll(List.of(own));
        return all;
    }

    static boolean given(Args a) {
        return a.options.containsKey("--db");
    }

    static DatabaseSource source(Args a) throws Cli.UsageException {
        TaskQuery q = new TaskQuery(a.all("--task"), a.one("--worker", null), a.one("--failed-since", null), a.one("--since", null),
                a.one("--until", null), !a.options.containsKey("--no-cascade"));
        try {
            return new DatabaseSource(a.one("--db", null), q, Passwords.ofSystem(), DbArgs::askOnTerminal);
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        }
    }

    private static Optional<String> askOnTerminal(faultline.importer.db.ConnectionSpec spec, String why) {
        Console c = System.console();
        if (c == null) {
            return Optional.empty();
        }
        char[] pw = c.readPassword("%s", why + System.lineSeparator() + Prose.format("cli.password", spec.url()));
        return pw == null || pw.length == 0 ? Optional.empty() : Optional.of(new String(pw));
    }

    /** Lists and fetches every task the query names; null after telling on err why nothing came. */
    static DatabaseSource fetch(DatabaseSource src, PrintStream err, String command) {
        try {
            List<TaskRow> tasks = src.listTasks();
            src.notes().forEach(n -> err.println("faultline " + command + ": " + n));
            if (tasks.isEmpty()) {
                err.println("faultline " + command + ": " + Prose.format("cli.db.none", src.spec().url(), src.query().describe()));
                return null;
            }
            DatabaseSource.Fetched f = src.fetch(tasks, ImportMonitor.NONE);
            err.println("faultline " + command + ": " + Prose.format("cli.db.fetched", f.rows(), f.tasks(), src.spec().server()));
            if (f.problem() != null) {
                err.println("faultline " + command + ": " + f.problem());
            }
            return src;
        } catch (DbException e) {
            err.println("faultline " + command + ": " + e.getMessage());
            return null;
        }
    }
}
