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

    private String lastName;
    private boolean lastAscii;

    /** Whether the name is ASCII, remembered for the last name asked about: a task's name is asked about for each of its lines. */
    public boolean asciiName(String name) {
        if (!name.equals(lastName)) {
            boolean ascii = true;
            for (int i = 0; i < name.length() && ascii; i++) {
                ascii = name.charAt(i) < 128;
            }
            lastName = name;
            lastAscii = ascii;
        }
        return lastAscii;
    }
}
