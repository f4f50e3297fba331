package faultline.model;

/** How far the loop got with a parameter. */
public enum ParamStatus {
    COMPLETED("completed"), SKIPPED("skipped"), CRASH_POINT("crash point"), INCOMPLETE("incomplete"), NOT_REACHED("not reached");

    private final String label;

    ParamStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
