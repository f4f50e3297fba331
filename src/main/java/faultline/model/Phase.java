package faultline.model;

/**
 * A lifecycle phase of one task as the logs show it.
 *
 * @param kind          which phase
 * @param logged        false if no line marks it: the phase is "not logged", never invented
 * @param start         start time (epoch ns), meaningful only if logged
 * @param end           end time (epoch ns)
 * @param startEvent    store row of the start marker, or -1
 * @param endEvent      store row of the end marker, or -1
 * @param endsAtFailure true if no end marker was logged and the phase was cut by the failure
 * @param detail        e.g. "3 LoRAs", "248 s", or ""
 */
public record Phase(PhaseKind kind, boolean logged, long start, long end, int startEvent, int endEvent,
                    boolean endsAtFailure, String detail) {

    public static Phase notLogged(PhaseKind kind) {
        return new Phase(kind, false, 0, 0, -1, -1, false, "");
    }

    public long duration() {
        return logged ? end - start : 0;
    }
}
