package faultline.model;

/**
 * What a quick look at an event's words found, before (or instead of) decoding its message: the
 * gate's groups present and whether a given name occurs. A superset is allowed (a word seen in a
 * prefix the message drops), a miss is not. Mutable and reused per thread: a look is taken for a
 * million lines.
 */
public final class WordLook {
    /** Bit i: a word of the gate's group i occurs. */
    public long groups;
    /** The name looked for occurs. */
    public boolean mentions;

    private Needle name = Needle.of("");

    /** The name prepared for a search, remembered for the last name asked about: a task's name is asked about for each of its lines. */
    public Needle name(String text) {
        if (text != name.text() && !text.equals(name.text())) {
            name = Needle.of(text);
        }
        return name;
    }
}
