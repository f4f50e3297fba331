package faultline.model;

import java.util.List;

/**
 * One parameter of the parameter-resolution loop of one task.
 *
 * @param index        1-based LOOP index
 * @param total        n of LOOP [i/n]
 * @param name         parameter name
 * @param loggedType   value_type the worker logged, or ""
 * @param steps        steps seen, in time order
 * @param changeLine   the "name: old → new" line, or ""
 * @param value        the value processed at this iteration (best evidence), or null if unknown
 * @param provenance   where the value came from, earliest first
 * @param status       completed, skipped, crash point, …
 * @param typeMismatch the logged type cannot describe the value (value_type=int for 7.5)
 * @param skipReason   why it was skipped, or ""
 */
public record LoopParam(int index, int total, String name, String loggedType, List<ParamStep> steps, String changeLine,
                        ParamValue value, List<Provenance> provenance, ParamStatus status, boolean typeMismatch,
                        String skipReason) {

    public ParamStep lastStep() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1);
    }

    public ParamStep first() {
        return steps.isEmpty() ? null : steps.get(0);
    }
}
