package faultline.model;

/**
 * Where the message text of a source's events lives. Text is decoded only when an event is shown or
 * analysed, so that a large file costs a few primitive columns per line and not a String per line.
 */
public interface SourceText {
    /** The message of the event whose reference and length the store keeps. */
    String message(long ref, int length);

    /** The whole physical line(s) of the event, as written in the file (after repairs), for the raw log. */
    default String raw(long ref, int length) {
        return message(ref, length);
    }
}
