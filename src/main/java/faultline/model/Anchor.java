package faultline.model;

import faultline.text.Prose;

/** What compared tasks are lined up on. */
public enum Anchor {
    CRASH("crash"), WALL_CLOCK("wall clock"), CREATED("created"), CLAIMED("claimed"),
    GENERATION_START("generation start"), LOOP_START("loop start");

    /** The English word, which --align and saved views are read by whatever language the window speaks. */
    private final String word;
    /** The name shown to users, from the words file. */
    private final String label = Prose.get("anchor." + name());

    Anchor(String word) {
        this.word = word;
    }

    public String label() {
        return label;
    }

    public static Anchor parse(String s) {
        String n = s.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Anchor a : values()) {
            if (a.name().toLowerCase(java.util.Locale.ROOT).equals(n) || a.word.replace(' ', '_').equals(n)) {
                return a;
            }
        }
        if (n.equals("wall") || n.equals("clock")) {
            return WALL_CLOCK;
        }
        if (n.equals("generation") || n.equals("gen")) {
            return GENERATION_START;
        }
        if (n.equals("loop")) {
            return LOOP_START;
        }
        throw new IllegalArgumentException(Prose.format("anchor.unknown", s));
    }
}
