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
    /** The FX thread's CPU time at the last pulse, and the most of it one stall took: on a loaded machine a
     * stall's wall time is mostly waiting for a core, its CPU time is the window's own work. */
    private long lastCpu;
    private long mostCpu;
    private final java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();

    /** With {@code -Dfaultline.pulses=each}, every stall is printed as it ends, with the time since the start. */
    private final boolean each;

    private PulseMonitor(boolean each) {
        this.each = each;
    }

    static PulseMonitor startIfAsked(javafx.scene.Scene scene) {
        String asked = System.getProperty("faultline.pulses", "");
        if (!asked.equals("true") && !asked.equals("each")) {
            return null;
        }
        PulseMonitor m = new PulseMonitor(asked.equals("each"));
        m.start();
        if (m.each) {
            m.watchLayout(scene);
        }
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

    /** Prints each styling and layout pass that took more than 10 ms of the FX thread's CPU: what a stall was made of. */
    private void watchLayout(javafx.scene.Scene scene) {
        long[] before = new long[1];
        scene.addPreLayoutPulseListener(() -> before[0] = threads.getCurrentThreadCpuTime());
        scene.addPostLayoutPulseListener(() -> {
            long took = threads.getCurrentThreadCpuTime() - before[0];
            if (took > 10_000_000L && running == this) {
                System.out.printf("faultline: styling and layout took %.0f ms of the CPU, %.1f s after the start%n", took / 1e6, sinceStart() / 1e3);
            }
        });
    }

    private static long sinceStart() {
        return System.currentTimeMillis() - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
    }

    @Override
    public void handle(long now) {
        long cpu = threads.getCurrentThreadCpuTime();
        if (last != 0) {
            long gap = now - last;
            long busy = cpu - lastCpu;
            if (gap > longest) {
                longest = gap;
            }
            if (gap > 50_000_000L) {
                stalls++;
                mostCpu = Math.max(mostCpu, busy);
                if (each) {
                    System.out.printf("faultline: FX stall %.0f ms (%.0f ms on the CPU), ending %.1f s after the start%n", gap / 1e6, busy / 1e6,
                            sinceStart() / 1e3);
                }
            }
        }
        last = now;
        lastCpu = cpu;
    }

    private void print() {
        System.out.printf("faultline: longest FX stall %.0f ms, %d stalls over 50 ms, at most %.0f ms of FX-thread CPU in one stall%n",
                longest / 1e6, stalls, mostCpu / 1e6);
    }
}
