package faultline.model;

/**
 * What one lane's T = 0 stands on, and the span in which that moment can lie.
 *
 * @param kind   what the time is
 * @param nanos  epoch ns that is T = 0 on the lane
 * @param latest latest epoch ns the anchored moment can have (== nanos when it is known to the ns)
 */
public record LaneAnchor(Kind kind, long nanos, long latest) {

    /** What a lane can be aligned on. */
    public enum Kind {
        FAILURE("the failure"),
        LAST_EVIDENCE("the last line before the failure"),
        CREATED("its creation"),
        CLAIMED("its claim"),
        GENERATION_START("its generation start"),
        LOOP_START("its loop start"),
        FIRST_LINE("its first line"),
        WALL_CLOCK("the wall clock");

        private final String words;

        Kind(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }

        public boolean isCrash() {
            return this == FAILURE || this == LAST_EVIDENCE;
        }

        /** Whether this is what the anchor asks for (a crash anchor is met by either of its two kinds). */
        public boolean answers(Anchor a) {
            switch (a) {
                case CRASH: return isCrash();
                case CREATED: return this == CREATED;
                case CLAIMED: return this == CLAIMED;
                case GENERATION_START: return this == GENERATION_START;
                case LOOP_START: return this == LOOP_START;
                default: return this == WALL_CLOCK;
            }
        }
    }

    public static LaneAnchor at(Kind kind, long nanos) {
        return new LaneAnchor(kind, nanos, nanos);
    }

    /** Length of the span the anchored moment can lie in. */
    public long uncertainty() {
        return Math.max(0, latest - nanos);
    }

    /**
     * What the lane's header says about its T when it is not simply what was asked for, or "".
     * A lane without a crash says so and what it is aligned on instead.
     */
    public String note(Anchor asked) {
        if (asked == Anchor.WALL_CLOCK) {
            return "";
        }
        if (kind.answers(asked)) {
            return kind == Kind.LAST_EVIDENCE ? "T = last line before the failure (the failure has no time of its own)" : "";
        }
        String missing = asked == Anchor.CRASH ? "no crash" : "no '" + asked.label() + "' line";
        return missing + " · T = " + kind.words();
    }
}
