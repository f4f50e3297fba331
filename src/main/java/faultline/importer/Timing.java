package faultline.importer;

/**
 * How long each stage of an import took: always in the app log (at debug level, which the terminal
 * never shows), and with -Dfaultline.timing=true also on stderr (for benchmarks).
 */
public final class Timing {
    private static final boolean ON = Boolean.getBoolean("faultline.timing");
    private static final System.Logger LOG = System.getLogger("faultline.importer.timing");

    private Timing() {
    }

    public static void log(String stage, long startNanos) {
        double ms = (System.nanoTime() - startNanos) / 1e6;
        if (ON) {
            System.err.printf("[timing] %-40s %8.1f ms%n", stage, ms);
        }
        LOG.log(System.Logger.Level.DEBUG, () -> String.format("%-40s %8.1f ms", stage, ms));
    }
}
