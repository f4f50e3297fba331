package faultline.model;

/** Lifecycle phases of a task, in the order they happen. */
public enum PhaseKind {
    QUEUED("queued"),
    WAITING("waiting"),
    GENERATION("generation"),
    MODEL_LOADING("model loading"),
    LORA_DOWNLOAD("LoRA download"),
    PARAMETER_RESOLUTION("parameter resolution"),
    SAMPLING("sampling"),
    STATUS_UPDATE("status update"),
    CASCADE("cascade");

    private final String label;

    PhaseKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Phases drawn inside the generation phase. */
    public boolean insideGeneration() {
        return this == MODEL_LOADING || this == LORA_DOWNLOAD || this == PARAMETER_RESOLUTION || this == SAMPLING;
    }
}
