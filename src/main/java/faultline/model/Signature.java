package faultline.model;

/** What makes two failures the same: exception, normalised message, phase and loop step. */
public record Signature(String exceptionType, String normalisedMessage, String phase, String step) {
    public String key() {
        return exceptionType + "|" + normalisedMessage + "|" + phase + "|" + step;
    }

    /** Short form for the task list: AttributeError @ parameter resolution / Getting old value. */
    public String shortText() {
        String ex = exceptionType.isEmpty() ? (normalisedMessage.isEmpty() ? "failure" : normalisedMessage) : exceptionType;
        StringBuilder sb = new StringBuilder(ex);
        if (!phase.isEmpty()) {
            sb.append(" @ ").append(phase);
        }
        if (!step.isEmpty()) {
            sb.append(" / ").append(step);
        }
        return sb.toString();
    }
}
