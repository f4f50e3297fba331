package faultline.model;

import faultline.text.Prose;

/** Steps of one iteration of the parameter-resolution loop, as the worker logs them. */
public enum StepKind {
    PROCESSING,
    GETTING_OLD_VALUE,
    ASSIGNING,
    LOGGING_CHANGE,
    CHANGE,
    COMPLETED,
    SKIPPED;

    /** The name shown to users, from the words file. */
    private final String label = Prose.get("step." + name());

    public String label() {
        return label;
    }
}
