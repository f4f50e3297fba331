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

    /** 1-based line number of the event in its file. */
    int line(long ref);
}
