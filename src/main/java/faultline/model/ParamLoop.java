package faultline.model;

import java.util.List;

/**
 * The parameter-resolution loop of one task.
 *
 * @param total            n of LOOP [i/n], or 0 if no loop was logged
 * @param params           one entry per index 1..n that was logged, plus "not reached" entries for the rest when names are known
 * @param completed        "Loop completed successfully" was logged
 * @param modelDefaultsId  the dict id of the DIAGNOSTIC line, or ""
 * @param keys             the model_defaults keys the DIAGNOSTIC line lists, in order
 */
public record ParamLoop(int total, List<LoopParam> params, boolean completed, String modelDefaultsId, List<String> keys) {
    public static final ParamLoop NONE = new ParamLoop(0, List.of(), false, "", List.of());

    public LoopParam param(String name) {
        for (LoopParam p : params) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    public LoopParam crashPoint() {
        for (LoopParam p : params) {
            if (p.status() == ParamStatus.CRASH_POINT) {
                return p;
            }
        }
        return null;
    }

    public boolean present() {
        return total > 0;
    }
}
