package faultline.model;

/** The log formats Faultline reads. Detected per file with a confidence; the user may override. */
public enum SourceFormat {
    WORKER_CONSOLE("worker console"),
    SYSTEM_LOGS_TEXT("system_logs (text rendering)"),
    SYSTEM_LOGS_JSON("system_logs (JSON)"),
    SYSTEM_LOGS_CSV("system_logs (CSV)"),
    COMPARISON_DIGEST("comparison digest"),
    TASK_REPORT("task report (printed tasks rows)"),
    UNKNOWN("unknown");

    private final String label;

    SourceFormat(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
