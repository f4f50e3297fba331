package faultline.ui.app;

import javafx.animation.AnimationTimer;

/**
 * Measures how long the FX thread goes without a pulse (with {@code -Dfaultline.pulses=true}): a pulse
 * is due every 16 ms, so a longer gap is time the window could not repaint or answer input. The GUI
 * benchmark reads the longest gap from the line printed at exit.
 */
final class PulseMonitor extends AnimationTimer {
    private long last;
    private long longest;
    private long stalls;

    /** With {@code -Dfaultline.pulses=each}, every stall is printed as it ends, with the time since the start. */
    private final boolean each;

    private PulseMonitor(boolean each) {
        this.each = each;
    }

    static PulseMonitor startIfAsked() {
        String asked = System.getProperty("faultline.pulses", "");
        if (!asked.equals("true") && !asked.equals("each")) {
            return null;
        }
        PulseMonitor m = new PulseMonitor(asked.equals("each"));
        m.start();
        running = m;
        Runtime.getRuntime().addShutdownHook(new Thread(PulseMonitor::finish, "faultline-pulses"));
        return m;
    }

    private static PulseMonitor running;

    /**
     * Stops measuring and prints the longest stall, once: called before a snapshot is taken, whose
     * encoding on the FX thread is the benchmark's own work, not the window's.
     */
    static synchronized void finish() {
        PulseMonitor m = running;
        running = null;
        if (m != null) {
            m.stop();
            // A stall still going on (the FX thread busy until this very moment) counts too: the snapshot's
            // timer may run in the same late pulse as this monitor, before it.
            if (javafx.application.Platform.isFxApplicationThread()) {
                m.handle(System.nanoTime());
            }
            m.print();
        }
    }

    @Override
    public void handle(long now) {
        if (last != 0) {
            long gap = now - last;
            if (gap > longest) {
                longest = gap;
            }
            if (gap > 50_000_000L) {
                stalls++;
                if (each) {
                    System.out.printf("faultline: FX stall %.0f ms, ending %.1f s after the start%n", gap / 1e6,
                            (System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()) / 1e3);
                }
            }
        }
        last = now;
    }

    private void print() {
        System.out.printf("faultline: longest FX stall %.0f ms, %d stalls over 50 ms%n", longest / 1e6, stalls);
    }
}
