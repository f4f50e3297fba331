package faultline.model;

/** A point in a task's life that the seed's lifecycle lists: created, claimed, status update, … */
public record Milestone(Kind kind, long nanos, int precision, int event, String text) {
    public enum Kind {
        CREATED("Task created"), RETURNED("Task returned"), CLAIMED("Task claimed by worker"),
        GENERATION_START("Generation phase starts"), STATUS_UPDATE("Status update triggered"),
        CASCADE("Cascading failure"), COMPLETED("Task completed");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
