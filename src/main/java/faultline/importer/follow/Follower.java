package faultline.importer.follow;

import faultline.importer.ImportMonitor;
import faultline.importer.db.DatabaseSource;
import faultline.importer.db.DbException;
import faultline.importer.db.TaskRow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One step of following open sources: the files are looked at (appended, truncated, rotated), the
 * database is asked for rows that arrived and for new failures. It says whether the sources must be
 * read again, which rotated files now hold earlier lines, and what to tell the user; it runs no
 * thread itself, the caller decides how often (every few seconds).
 */
public final class Follower {
    private final List<FileWatch> files = new ArrayList<>();
    private final DatabaseSource database;
    private final Set<Path> rotated = new LinkedHashSet<>();

    /** What one step found. */
    public record Step(boolean reread, List<Path> rotatedFiles, List<String> messages, List<TaskRow> newFailures, String databaseProblem) {
        public boolean changed() {
            return reread;
        }
    }

    public Follower(List<Path> files, DatabaseSource database) {
        for (Path f : files) {
            this.files.add(new FileWatch(f));
        }
        this.database = database;
    }

    /** Starts the database's clock: failures before now are not new. */
    public void start() throws DbException {
        if (database != null) {
            database.startFollowing();
        }
    }

    /** Looks at the files and (when due) polls the database; a database that fails is said, the files still followed. */
    public Step step(boolean pollDatabase) {
        boolean reread = false;
        List<String> messages = new ArrayList<>();
        for (FileWatch w : files) {
            FileWatch.Change c = w.check();
            if (c.kind() != FileWatch.Kind.UNCHANGED) {
                reread = true;
            }
            if (c.rotatedTo() != null && rotated.add(c.rotatedTo())) {
                reread = true;
            }
            if (c.message() != null) {
                messages.add(c.message());
            }
        }
        List<TaskRow> failures = List.of();
        String problem = null;
        if (pollDatabase && database != null) {
            try {
                DatabaseSource.Polled p = database.poll(ImportMonitor.NONE);
                if (p.changed()) {
                    reread = true;
                }
                failures = p.newFailures();
            } catch (DbException e) {
                problem = e.getMessage() + " — following goes on; what was fetched stays shown";
            }
        }
        return new Step(reread, List.copyOf(rotated), messages, failures, problem);
    }

    /** Rotated files found so far, to be read beside the followed ones. */
    public List<Path> rotatedFiles() {
        return List.copyOf(rotated);
    }
}
