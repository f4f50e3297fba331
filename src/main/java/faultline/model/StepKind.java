package faultline.model;

/** Steps of one iteration of the parameter-resolution loop, as the worker logs them. */
public enum StepKind {
    PROCESSING("Processing"),
    GETTING_OLD_VALUE("Getting old value"),
    ASSIGNING("Assigning new value"),
    LOGGING_CHANGE("Logging change"),
    CHANGE("change"),
    COMPLETED("Completed"),
    SKIPPED("Skipped");

    private final String label;

    StepKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
