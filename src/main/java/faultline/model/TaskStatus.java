package faultline.model;

import faultline.text.Prose;

/** tasks.status of the worker system, plus UNKNOWN for a task seen only in log lines that do not say. */
public enum TaskStatus {
    FAILED, CANCELLED, IN_PROGRESS, QUEUED,
    COMPLETE, UNKNOWN;

    /** The name shown to users, from the words file. */
    private final String label = Prose.get("status." + name());

    public String label() {
        return label;
    }

    public static TaskStatus parse(String s) {
        if (s == null) {
            return UNKNOWN;
        }
        String n = s.trim().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        switch (n) {
            case "failed": return FAILED;
            case "cancelled": case "canceled": return CANCELLED;
            case "in progress": case "running": return IN_PROGRESS;
            case "queued": return QUEUED;
            case "complete": case "completed": case "success": return COMPLETE;
            default: return UNKNOWN;
        }
    }
}
