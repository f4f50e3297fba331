package faultline.model;

/**
 * Where the message text of a source's events lives. Text is decoded only when an event is shown or
 * analysed, so that a large file costs a few primitive columns per line and not a String per line.
 * An extent of -1 means "to the end of the line"; a longer extent covers continuation lines.
 */
public interface SourceText {
    /** The normalised message of the event at ref. */
    String message(long ref, int extent);

    /** The physical line(s) of the event as written in the file (after repairs), for the raw log. */
    default String raw(long ref, int extent) {
        return message(ref, extent);
    }

    /**
     * Looks for the gate's words and for a name in the event's message, filling out. What a message
     * holds, the look finds; it may find more (sources whose message is cut from a line look at the
     * whole line, without decoding it).
     */
    default void look(long ref, int extent, WordGate gate, String name, WordLook out) {
        String m = message(ref, extent);
        out.groups = gate.groups(m);
        out.mentions = m.contains(name);
    }

    /** 1-based line number of the event in its file. */
    int line(long ref);
}
