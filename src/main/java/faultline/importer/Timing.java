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

    private static double processCpuMillis() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1e6;
        }
        return Double.NaN;
    }

    public static void log(String stage, long startNanos) {
        double ms = (System.nanoTime() - startNanos) / 1e6;
        if (ON) {
            // The process's CPU time so far as well: on a shared machine wall times wander, CPU time less.
            System.err.printf("[timing] %-40s %8.1f ms   (process cpu %8.0f ms)%n", stage, ms, processCpuMillis());
        }
        LOG.log(System.Logger.Level.DEBUG, () -> String.format("%-40s %8.1f ms", stage, ms));
    }
}
