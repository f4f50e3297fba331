package faultline.model;

import faultline.text.Prose;

/** Lifecycle phases of a task, in the order they happen. */
public enum PhaseKind {
    QUEUED,
    WAITING,
    GENERATION,
    MODEL_LOADING,
    LORA_DOWNLOAD,
    PARAMETER_RESOLUTION,
    SAMPLING,
    STATUS_UPDATE,
    CASCADE;

    /** The name shown to users, from the words file. */
    private final String label = Prose.get("phase." + name());

    public String label() {
        return label;
    }

    /** Phases drawn inside the generation phase. */
    public boolean insideGeneration() {
        return this == MODEL_LOADING || this == LORA_DOWNLOAD || this == PARAMETER_RESOLUTION || this == SAMPLING;
    }
}
