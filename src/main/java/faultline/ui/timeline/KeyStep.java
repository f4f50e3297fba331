package faultline.ui.timeline;

/**
 * How far one key press moves a lane or a note: about a hundredth of the view, rounded down to 1, 2 or
 * 5 times a power of ten nanoseconds, so that the steps add up to round numbers at every zoom.
 */
final class KeyStep {
    static final int PER_VIEW = 100;

    private KeyStep() {
    }

    static long of(long viewSpanNanos) {
        long raw = Math.max(1, viewSpanNanos / PER_VIEW);
        long power = 1;
        while (power <= raw / 10) {
            power *= 10;
        }
        if (raw >= 5 * power) {
            return 5 * power;
        }
        if (raw >= 2 * power) {
            return 2 * power;
        }
        return power;
    }
}
