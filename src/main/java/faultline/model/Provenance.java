package faultline.model;

import faultline.text.Prose;

/**
 * One link of where a parameter's value came from, with the line that shows it.
 *
 * @param origin what set the value
 * @param value  the value it set
 * @param event  store row that shows it, or -1 when it comes from a tasks row
 * @param where  human words for the place: "tasks.params of 78cd8678", "LOOP [9] of e040ae48"
 * @param taskIndex task whose logs show it (may be another task running the same model), or -1
 */
public record Provenance(Origin origin, ParamValue value, int event, String where, int taskIndex) {
    public enum Origin {
        MODEL_DEFAULT,
        TASK_PARAMETER,
        PHASE_CONFIG,
        OVERRIDE,
        FINAL;

        /** The name shown to users, from the words file. */
        private final String label = Prose.get("origin." + name());

        public String label() {
            return label;
        }
    }
}
