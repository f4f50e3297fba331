package faultline.model;

/** What compared tasks are lined up on. */
public enum Anchor {
    CRASH("crash"), WALL_CLOCK("wall clock"), CREATED("created"), CLAIMED("claimed"),
    GENERATION_START("generation start"), LOOP_START("loop start");

    private final String label;

    Anchor(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Anchor parse(String s) {
        String n = s.trim().toLowerCase(java.util.Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (Anchor a : values()) {
            if (a.name().toLowerCase(java.util.Locale.ROOT).equals(n) || a.label.replace(' ', '_').equals(n)) {
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
        throw new IllegalArgumentException("unknown anchor '" + s + "' (crash, wall-clock, created, claimed, generation-start, loop-start)");
    }
}
