package faultline.analysis;

import faultline.model.PhaseKind;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The one table that says which lines start and end each lifecycle phase. Patterns are matched
 * against the message without its component prefix.
 */
public final class PhaseRules {

    /**
     * @param lastEnd take the last end marker of a run of them (LoRA downloads), not the first
     * @param detail  a pattern whose group 1 is the phase's detail (count of LoRAs), or null
     */
    public record Rule(PhaseKind kind, Pattern start, Pattern end, boolean lastEnd, Pattern detail) {
    }

    private static final Pattern CLAIMED = Pattern.compile("^Task claimed (?:successfully|by worker)|\\[CLAIM\\].*Claimed task");
    /** The worker's marker, the digest's, and a tasks row's start shown as an event. */
    private static final Pattern PROCESSING = Pattern.compile("^Processing \\w+ task$|^Generation phase starts|^tasks\\.generation_started_at$");

    public static final List<Rule> RULES = List.of(
            new Rule(PhaseKind.QUEUED, Pattern.compile("^(?:Creating task|Task created\\b)"), CLAIMED, false, null),
            new Rule(PhaseKind.WAITING, CLAIMED, PROCESSING, false, null),
            new Rule(PhaseKind.GENERATION, PROCESSING,
                    Pattern.compile("^Finished task|^Task completed successfully|^tasks\\.generation_processed_at$"), false, null),
            new Rule(PhaseKind.MODEL_LOADING, Pattern.compile("MODEL SWITCH|^Model loading starts"),
                    Pattern.compile("Phase 1 complete - Model switch took|\\(model loading complete\\)|^Model loading ends"), false, null),
            new Rule(PhaseKind.LORA_DOWNLOAD, Pattern.compile("\\[LORA_PROCESS\\].*\\d+ LoRAs? need|^LoRA download: \\d+ LoRAs?"),
                    Pattern.compile("\\[LORA_DOWNLOAD\\].*Downloaded"), true, Pattern.compile("(\\d+) LoRAs?")),
            new Rule(PhaseKind.PARAMETER_RESOLUTION, Pattern.compile("DIAGNOSTIC: model_defaults has|LOOP \\[1/\\d+\\]|^Parameter resolution starts"),
                    Pattern.compile("DIAGNOSTIC: Loop completed successfully"), false, null),
            new Rule(PhaseKind.SAMPLING, Pattern.compile("Phase 3 - Starting generation"),
                    Pattern.compile("Generation completed"), false, null),
            new Rule(PhaseKind.STATUS_UPDATE, Pattern.compile("^Processing status update|^Status update triggered"),
                    Pattern.compile("^Task status updated successfully"), false, null),
            new Rule(PhaseKind.CASCADE, Pattern.compile("^Processing cascading failure|^Cascading failure"),
                    Pattern.compile("^Cascade complete"), false, null));

    private PhaseRules() {
    }

    public static Rule rule(PhaseKind kind) {
        for (Rule r : RULES) {
            if (r.kind() == kind) {
                return r;
            }
        }
        throw new IllegalArgumentException(kind.name());
    }

    static Pattern claimed() {
        return CLAIMED;
    }

    static Pattern processing() {
        return PROCESSING;
    }
}
