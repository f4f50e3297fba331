package faultline.importer;

/** With -Dfaultline.timing=true, the importer prints how long each stage took (for benchmarks). */
public final class Timing {
    private static final boolean ON = Boolean.getBoolean("faultline.timing");

    private Timing() {
    }

    public static void log(String stage, long startNanos) {
        if (ON) {
            System.err.printf("[timing] %-40s %8.1f ms%n", stage, (System.nanoTime() - startNanos) / 1e6);
        }
    }
}
