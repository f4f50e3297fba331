package faultline.model;

/**
 * A log layout Faultline reads: a stable id (saved in workspaces) and a label for people. The
 * importer's reader registry lists them; each reader names its own. The formats of the worker system
 * are named here so that saved workspaces keep resolving to them.
 */
public record SourceFormat(String id, String label) {
    public static final SourceFormat WORKER_CONSOLE = new SourceFormat("WORKER_CONSOLE", "worker console");
    public static final SourceFormat SYSTEM_LOGS_TEXT = new SourceFormat("SYSTEM_LOGS_TEXT", "system_logs (text rendering)");
    public static final SourceFormat SYSTEM_LOGS_JSON = new SourceFormat("SYSTEM_LOGS_JSON", "system_logs (JSON)");
    public static final SourceFormat SYSTEM_LOGS_CSV = new SourceFormat("SYSTEM_LOGS_CSV", "system_logs (CSV)");
    public static final SourceFormat COMPARISON_DIGEST = new SourceFormat("COMPARISON_DIGEST", "comparison digest");
    public static final SourceFormat TASK_REPORT = new SourceFormat("TASK_REPORT", "task report (printed tasks rows)");
    public static final SourceFormat TEXT_LOG = new SourceFormat("TEXT_LOG", "text log (layout inferred)");
    public static final SourceFormat UNKNOWN = new SourceFormat("UNKNOWN", "unknown");

    public SourceFormat {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a format needs an id");
        }
        label = label == null ? id : label;
    }

    /** The id, as saved; kept so that code that printed an enum's name keeps working. */
    public String name() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
