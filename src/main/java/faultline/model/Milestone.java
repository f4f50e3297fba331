package faultline.model;

import faultline.text.Prose;

/** A point in a task's life that the seed's lifecycle lists: created, claimed, status update, … */
public record Milestone(Kind kind, long nanos, int precision, int event, String text) {
    public enum Kind {
        CREATED, RETURNED, CLAIMED,
        GENERATION_START, STATUS_UPDATE,
        CASCADE, COMPLETED;

        /** The name shown to users, from the words file. */
        private final String label = Prose.get("milestone." + name());

        public String label() {
            return label;
        }
    }
}
