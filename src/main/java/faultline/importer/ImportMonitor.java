package faultline.importer;

/** Progress and cancellation of an import; called from the importing thread. */
public interface ImportMonitor {
    ImportMonitor NONE = new ImportMonitor() {
    };

    /** work done so far out of total (bytes), with a line for the status bar. */
    default void progress(long done, long total, String message) {
    }

    default boolean isCancelled() {
        return false;
    }
}
