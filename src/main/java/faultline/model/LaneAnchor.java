package faultline.model;

import faultline.text.Prose;

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
        FAILURE,
        LAST_EVIDENCE,
        CREATED,
        CLAIMED,
        GENERATION_START,
        LOOP_START,
        FIRST_LINE,
        WALL_CLOCK;

        /** What the lane's header calls it, from the words file. */
        private final String words = Prose.get("lane-anchor." + name());

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
            return kind == Kind.LAST_EVIDENCE ? Prose.get("lane-anchor.last-evidence") : "";
        }
        String missing = asked == Anchor.CRASH ? Prose.get("lane-anchor.no-crash") : Prose.format("lane-anchor.no-line", asked.label());
        return Prose.format("lane-anchor.instead", missing, kind.words());
    }
}
