package faultline.cli;

import faultline.text.Prose;

import faultline.importer.db.DatabaseSource;
import faultline.workspace.AtomicFile;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code faultline fetch --db URL (--task ID…|--worker W|--failed-since 6h) [--since T --until T]
 * --out FILE.jsonl}: keeps the evidence before the database deletes it. The tasks rows and their
 * system_logs rows go to a JSON-lines snapshot that Faultline opens like any export.
 */
final class FetchCommand {
    private FetchCommand() {
    }

    static int run(String[] argv, PrintStream out, PrintStream err) throws Cli.UsageException {
        Args a = Args.parse(argv, DbArgs.with("--task", "--out"), Set.of("--task"));
        if (!a.files.isEmpty()) {
            throw new Cli.UsageException(Prose.format("cli.fetch.files", a.files.get(0)));
        }
        if (!DbArgs.given(a)) {
            throw new Cli.UsageException("say which database: --db postgresql://user@host:5432/db");
        }
        String target = a.one("--out", null);
        if (target == null) {
            throw new Cli.UsageException(Prose.get("cli.fetch.where"));
        }
        DatabaseSource src = DbArgs.fetch(DbArgs.source(a), err, "fetch");
        if (src == null) {
            return 1;
        }
        try {
            AtomicFile.write(Path.of(target), src::writeSnapshot);
        } catch (IOException e) {
            err.println("faultline fetch: " + Prose.format("cli.cannot-write", target, e.getMessage()));
            return 1;
        }
        out.println(Prose.format("cli.fetch.wrote", target, src.store().taskCount(), src.store().size()));
        return src.problem() == null ? 0 : 3;
    }
}
