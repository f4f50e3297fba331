package faultline.model;

import faultline.text.Prose;

/** How far the loop got with a parameter. */
public enum ParamStatus {
    COMPLETED, SKIPPED, CRASH_POINT, INCOMPLETE, NOT_REACHED;

    /** The name shown to users, from the words file. */
    private final String label = Prose.get("param-status." + name());

    public String label() {
        return label;
    }
}
