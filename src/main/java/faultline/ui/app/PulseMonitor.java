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

    static PulseMonitor startIfAsked() {
        if (!Boolean.getBoolean("faultline.pulses")) {
            return null;
        }
        PulseMonitor m = new PulseMonitor();
        m.start();
        Runtime.getRuntime().addShutdownHook(new Thread(m::print, "faultline-pulses"));
        return m;
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
            }
        }
        last = now;
    }

    private void print() {
        System.out.printf("faultline: longest FX stall %.0f ms, %d stalls over 50 ms%n", longest / 1e6, stalls);
    }
}
