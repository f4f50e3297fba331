package faultline.ui.timeline;

import faultline.ui.Messages;

import faultline.model.EventStore;
import faultline.model.TimeText;

/** A measurement in words: the exact Δ on the picture's axis and the full time of both ends. */
final class MeasureText {
    private MeasureText() {
    }

    /**
     * @param aligned Δ on the aligned axis (b − a)
     * @param laneA   title of the first end's lane when the ends are on different lanes, else ""
     */
    static String of(EventStore store, int rowA, int rowB, long aligned, String laneA, String laneB, boolean wallClock) {
        int digits = Math.min(store.precision(rowA), store.precision(rowB));
        boolean estimated = store.estimated(rowA) || store.estimated(rowB);
        String from = (laneA.isEmpty() ? "" : laneA + " ") + TimeText.clock(store.nanos(rowA), store.precision(rowA)) + (store.estimated(rowA) ? "~" : "");
        String to = (laneB.isEmpty() ? "" : laneB + " ") + TimeText.clock(store.nanos(rowB), store.precision(rowB)) + (store.estimated(rowB) ? "~" : "");
        StringBuilder sb = new StringBuilder("Δ ").append(estimated ? "≈ " : "").append(exact(aligned, digits))
                .append(" · ").append(from).append(" → ").append(to);
        long wall = store.nanos(rowB) - store.nanos(rowA);
        if (!laneA.isEmpty() && !wallClock && wall != aligned) {
            sb.append(Messages.format("measure.wall", exact(wall, digits)));
        }
        return sb.toString();
    }

    /**
     * A signed duration with every digit the two times support (digits = fraction digits of the
     * coarser stamp): +0.636 ms, −2.000 s, +17 min 18.123456 s. Never rounded to fewer digits.
     */
    static String exact(long nanos, int digits) {
        String sign = nanos < 0 ? "−" : "+";
        long a = Math.abs(nanos);
        if (a < 1_000_000L && digits > 6) {
            return sign + decimal(a, 1_000L, digits - 6) + " µs";
        }
        if (a < 1_000_000_000L && digits > 3) {
            return sign + decimal(a, 1_000_000L, digits - 3) + " ms";
        }
        if (a < 60_000_000_000L) {
            return sign + decimal(a, 1_000_000_000L, digits) + " s";
        }
        long minutes = a / 60_000_000_000L;
        return sign + minutes + " min " + decimal(a % 60_000_000_000L, 1_000_000_000L, digits) + " s";
    }

    private static String decimal(long value, long unit, int decimals) {
        long whole = value / unit;
        if (decimals <= 0) {
            return Long.toString(Math.round((double) value / unit));
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long frac = ((value % unit) * scale + unit / 2) / unit;
        if (frac == scale) {
            whole++;
            frac = 0;
        }
        return whole + "." + Long.toString(frac + scale).substring(1);
    }
}
