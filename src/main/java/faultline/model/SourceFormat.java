package faultline.model;

import faultline.text.Prose;

/**
 * A log layout Faultline reads: a stable id (saved in workspaces) and a label for people. The
 * importer's reader registry lists them; each reader names its own. The formats of the worker system
 * are named here so that saved workspaces keep resolving to them.
 */
public record SourceFormat(String id, String label) {
    public static final SourceFormat WORKER_CONSOLE = named("WORKER_CONSOLE");
    public static final SourceFormat SYSTEM_LOGS_TEXT = named("SYSTEM_LOGS_TEXT");
    public static final SourceFormat SYSTEM_LOGS_JSON = named("SYSTEM_LOGS_JSON");
    public static final SourceFormat SYSTEM_LOGS_CSV = named("SYSTEM_LOGS_CSV");
    public static final SourceFormat COMPARISON_DIGEST = named("COMPARISON_DIGEST");
    public static final SourceFormat TASK_REPORT = named("TASK_REPORT");
    public static final SourceFormat TEXT_LOG = named("TEXT_LOG");
    public static final SourceFormat UNKNOWN = named("UNKNOWN");

    public SourceFormat {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("a format needs an id");
        }
        label = label == null ? id : label;
    }

    /** One of the worker system's formats, with its label from the words file. */
    private static SourceFormat named(String id) {
        return new SourceFormat(id, Prose.get("format." + id));
    }

    /** The same format told differently: a reader that knows more of a file than its format's name says it. */
    public SourceFormat withLabel(String other) {
        return new SourceFormat(id, other);
    }

    /** A format is its id: a label is how one file of it is described. */
    @Override
    public boolean equals(Object o) {
        return o instanceof SourceFormat f && f.id.equals(id);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
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
