package faultline.ui.opening;

import faultline.ui.Messages;

import faultline.importer.ImportCancelledException;
import faultline.importer.ImportMonitor;
import faultline.importer.ImportOptions;
import faultline.importer.Importer;
import faultline.model.TaskSet;
import faultline.ui.background.Progress;
import faultline.workspace.Workspace;
import faultline.workspace.WorkspaceLookup;
import faultline.workspace.WorkspaceStore;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The logs named on the command line start being read as the program starts, while the toolkit comes
 * up and the window is built, instead of after the window is shown: a large log is seconds sooner on
 * screen. The window's first open of exactly these files takes the result (and its progress and
 * Cancel) instead of reading them again; anything else reads as usual.
 */
public final class EarlyImport {
    private static volatile EarlyImport pending;

    /** What the read found: the files' workspace, the options it gave, and the tasks. */
    record Result(WorkspaceLookup.Found found, ImportOptions options, TaskSet set) {
    }

    private final List<Path> files;
    private final CompletableFuture<Result> result = new CompletableFuture<>();
    private volatile long done;
    private volatile long total = 1;
    private volatile String message = Messages.get("open.reading");
    private volatile boolean cancelled;

    private EarlyImport(List<Path> files) {
        this.files = files;
    }

    /**
     * Starts reading these logs in the background; a workspace among them (read differently) starts
     * nothing, and null is returned.
     */
    public static EarlyImport start(List<Path> files) {
        if (files.isEmpty() || files.stream().anyMatch(WorkspaceStore::isWorkspace)) {
            return null;
        }
        EarlyImport e = new EarlyImport(List.copyOf(files));
        pending = e;
        Thread t = new Thread(e::run, "faultline-early-import");
        t.setDaemon(true);
        t.start();
        return e;
    }

    /** Whether the read has ended, well or not. */
    public boolean isDone() {
        return result.isDone();
    }

    /** The early read of exactly these files, handed out once; null when there is none. */
    static synchronized EarlyImport take(List<Path> files) {
        EarlyImport e = pending;
        if (e != null && e.files.equals(files)) {
            pending = null;
            return e;
        }
        return null;
    }

    private void run() {
        ImportMonitor monitor = new ImportMonitor() {
            @Override
            public void progress(long d, long t, String m) {
                done = d;
                total = t;
                message = m;
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };
        try {
            WorkspaceLookup.Found found = WorkspaceLookup.forLogs(files);
            Workspace w = found == null ? null : found.restore();
            ImportOptions opts = w != null ? w.importOptions() : ImportOptions.defaults();
            TaskSet set = new Importer(opts).importSources(files, List.of(), monitor);
            result.complete(new Result(found, opts, set));
        } catch (Throwable e) {
            result.completeExceptionally(e);
        }
    }

    /**
     * Waits for the read, passing its progress on; Cancel stops it. Fails as the read itself failed,
     * so the window says the same as it would have.
     */
    Result await(Progress p) {
        while (true) {
            if (p.isCancelled()) {
                cancelled = true;
                throw new ImportCancelledException();
            }
            p.update(done, total, message);
            try {
                return result.get(100, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                // still reading: pass the progress on and look again
            } catch (InterruptedException e) {
                cancelled = true;
                Thread.currentThread().interrupt();
                throw new ImportCancelledException();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof RuntimeException re) {
                    throw re;
                }
                if (cause instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(cause);
            }
        }
    }
}
