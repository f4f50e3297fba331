package faultline.cli;

import faultline.text.Prose;

import faultline.analysis.DefaultSelection;
import faultline.importer.ImportMonitor;
import faultline.importer.ImportOptions;
import faultline.importer.Importer;
import faultline.model.Anchor;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.workspace.Workspace;
import faultline.workspace.WorkspaceException;
import faultline.workspace.WorkspaceLookup;
import faultline.workspace.WorkspaceStore;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a headless command, read as the window would read them: a workspace given on the
 * command line stands for its logs, and the workspace beside the logs supplies their settings,
 * compared tasks, alignment, shifts and notes unless the command line says otherwise.
 */
final class LoadedFiles {
    final TaskSet set;
    /** The workspace of exactly these files, or null. */
    final Workspace workspace;

    private LoadedFiles(TaskSet set, Workspace workspace) {
        this.set = set;
        this.workspace = workspace;
    }

    /** Null after telling on err why nothing could be read. */
    static LoadedFiles load(List<Path> given, PrintStream err) {
        return load(given, List.of(), err);
    }

    /**
     * The files and the command's {@code --db} rows, when it has them (fetched first); null after
     * telling on err why nothing could be read.
     */
    static LoadedFiles load(Args a, PrintStream err, String command) throws Cli.UsageException {
        List<faultline.importer.RowSource> rows = List.of();
        if (DbArgs.given(a)) {
            faultline.importer.db.DatabaseSource src = DbArgs.fetch(DbArgs.source(a), err, command);
            if (src == null) {
                return null;
            }
            rows = List.of(src.rows());
        }
        return load(a.files, rows, err);
    }

    private static LoadedFiles load(List<Path> given, List<faultline.importer.RowSource> rows, PrintStream err) {
        List<Path> logs = given.stream().filter(p -> !WorkspaceStore.isWorkspace(p)).toList();
        List<Path> workspaces = given.stream().filter(WorkspaceStore::isWorkspace).toList();
        Workspace w = null;
        try {
            if (given.isEmpty()) {
                w = null; // rows of the database only
            } else if (logs.isEmpty()) {
                WorkspaceLookup.Found f = WorkspaceLookup.forFile(given.get(0));
                if (!f.outside().isEmpty()) {
                    // Nothing is read unasked: the user names such files to have them read.
                    err.println("faultline: " + Prose.format("cli.outside", given.get(0).getFileName(),
                            String.join(", ", f.outside().stream().map(Path::toString).toList())));
                    return null;
                }
                f.warnings().forEach(m -> err.println("faultline: " + m));
                w = f.restore();
            } else if (!workspaces.isEmpty()) {
                // A workspace given with its logs: used when it is about exactly the logs named.
                Workspace given0 = WorkspaceLookup.forFile(workspaces.get(0)).restore();
                if (given0.isFor(logs)) {
                    w = given0;
                } else {
                    err.println("faultline: " + Prose.format("cli.workspace.other", workspaces.get(0).getFileName()));
                }
            } else {
                WorkspaceLookup.Found f = WorkspaceLookup.forLogs(logs);
                f.warnings().forEach(m -> err.println("faultline: " + m));
                w = f.restore();
                if (f.offer() != null && w == null) {
                    // A recovered copy of changes, the only workspace left of these files: used, and said so.
                    w = WorkspaceStore.read(f.offer().workspace()).filter(r -> r.isFor(logs)).orElse(null);
                    err.println("faultline: " + f.offer().message() + (w == null ? "" : " " + Prose.get("cli.workspace.using")));
                } else if (f.offer() != null) {
                    err.println("faultline: " + f.offer().message() + " " + Prose.get("cli.workspace.name-it"));
                }
            }
        } catch (WorkspaceException e) {
            err.println("faultline: " + e.getMessage() + (logs.isEmpty() ? "" : Prose.get("cli.going-on")));
            if (logs.isEmpty() && rows.isEmpty()) {
                return null;
            }
        }
        ImportOptions options = w == null ? ImportOptions.defaults() : w.importOptions();
        TaskSet set = new Importer(options).importSources(logs.isEmpty() && w != null ? w.files() : logs, rows, ImportMonitor.NONE);
        for (String warning : set.report().warnings()) {
            err.println("faultline: " + warning);
        }
        if (w != null) {
            w.changedSources().forEach(c -> err.println("faultline: " + c));
        }
        if (set.sources().isEmpty()) {
            err.println("faultline: " + Prose.get("cli.nothing-read"));
            return null;
        }
        return new LoadedFiles(set, w);
    }

    /**
     * The comparison a headless command draws or reports: the tasks named (else the workspace's, else
     * the default failures) on the alignment asked for (else the workspace's, else the crash), with the
     * workspace's shifts. Null after telling on err why there is nothing to compare.
     */
    faultline.model.Comparison compare(List<String> ids, String align, String command, PrintStream err) {
        List<Task> tasks = select(ids, err);
        if (tasks == null) {
            return null;
        }
        if (tasks.isEmpty()) {
            err.println("faultline " + command + ": " + Prose.get("cli.no-failed"));
            return null;
        }
        return faultline.analysis.Alignment.align(new faultline.analysis.Analyzer(set).analyse(tasks), anchor(align), shifts(tasks), set);
    }

    /** The named tasks (full ids or unique starts), else the workspace's, else the default failures; null after telling what is unknown. */
    List<Task> select(List<String> ids, PrintStream err) {
        if (ids.isEmpty()) {
            List<Task> saved = workspace == null ? List.of() : workspace.comparedIn(set);
            return saved.isEmpty() ? DefaultSelection.of(set) : saved;
        }
        List<Task> out = new ArrayList<>();
        for (String id : ids) {
            Task t = set.find(id).orElse(null);
            if (t == null) {
                err.println("faultline: " + Prose.format("cli.no-task", id, String.join(", ", set.tasks().stream().limit(12).map(Task::shortId).toList())
                        + (set.tasks().size() > 12 ? ", …" : "")));
                return null;
            }
            out.add(t);
        }
        return out;
    }

    /** The alignment asked for, else the workspace's, else the crash. */
    Anchor anchor(String asked) {
        if (asked != null) {
            return Anchor.parse(asked);
        }
        return workspace == null ? Anchor.CRASH : workspace.anchorOr(Anchor.CRASH);
    }

    /** The workspace's hand-set shift of each task, 0 for the others. */
    List<Long> shifts(List<Task> tasks) {
        return tasks.stream().map(t -> workspace == null ? 0L : workspace.shiftOf(t)).toList();
    }

    /** The workspace's notes (none without one). */
    List<faultline.model.Note> notes() {
        return workspace == null ? List.of() : workspace.notes();
    }
}
