package faultline.render;

import faultline.text.Prose;

import faultline.model.TimeText;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongUnaryOperator;
import java.util.function.ToDoubleFunction;

/**
 * Axis ticks from days down to nanoseconds. The step is the smallest of the 1-2-5 series (and 10 s,
 * 15 s, 30 s, 1–30 min, 1–12 h, 1 d) whose labels fit between two ticks; the labels of one axis are
 * written in one unit chosen for the step (ns, µs, ms or s with as many decimals as the step needs,
 * m:ss from a minute up), so that two ticks never read the same. The clock labels name the hour and
 * minute on the first tick and wherever they change; the others show only seconds and fraction.
 */
public final class Ticks {
    private static final long US = 1_000L;
    private static final long MS = 1_000_000L;
    private static final long S = 1_000_000_000L;
    private static final long MIN = 60 * S;
    private static final long[] STEPS = buildSteps();
    /** More ticks than this in view are never labelled. */
    private static final int MAX_TICKS = 4_000;

    private Ticks() {
    }

    /** The unit an axis is written in. */
    public enum Unit {
        NS("ns", 1), US("µs", Ticks.US), MS("ms", Ticks.MS), S("s", Ticks.S), MIN_S("", Ticks.MIN);

        private final String suffix;
        private final long nanos;

        Unit(String suffix, long nanos) {
            this.suffix = suffix;
            this.nanos = nanos;
        }

        public String suffix() {
            return suffix;
        }

        public long nanos() {
            return nanos;
        }

        /** The unit for ticks this far apart. */
        static Unit forStep(long step) {
            if (step >= MIN) {
                return MIN_S;
            }
            if (step >= 100 * Ticks.MS) {
                return S;
            }
            if (step >= 100 * Ticks.US) {
                return MS;
            }
            if (step >= 100) {
                return US;
            }
            return NS;
        }
    }

    /**
     * The ticks of one axis.
     *
     * @param step      ns between ticks
     * @param unit      the unit every relative label is written in
     * @param decimals  decimals of the relative labels
     * @param positions aligned times of the ticks
     * @param relative  T±… labels (empty strings on a wall-clock axis)
     * @param clock     clock labels of the reference lane
     */
    public record TickSet(long step, Unit unit, int decimals, long[] positions, String[] relative, String[] clock) {
        public int size() {
            return positions.length;
        }

        /** The step in the axis's unit: "0.5 ms", "15 s", "1:00". */
        public String stepText() {
            return unit == Unit.MIN_S ? (step >= MIN ? minutes(step, 0) : number(step, Unit.S, decimals) + " s")
                    : number(step, unit, decimals) + " " + unit.suffix();
        }
    }

    private static long[] buildSteps() {
        List<Long> s = new ArrayList<>();
        for (long u = 1; u <= S; u *= 10) {
            s.add(u);
            s.add(2 * u);
            s.add(5 * u);
        }
        for (long v : new long[]{10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400}) {
            if (!s.contains(v * S)) {
                s.add(v * S);
            }
        }
        s.sort(Long::compare);
        long[] a = new long[s.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = s.get(i);
        }
        return a;
    }

    /** Step in ns for a view: the smallest that leaves at least minPixels between ticks. */
    public static long step(TimeScale v, double minPixels) {
        double npp = v.nanosPerPixel();
        for (long s : STEPS) {
            if (s / npp >= minPixels) {
                return s;
            }
        }
        return STEPS[STEPS.length - 1] * Math.max(1, (long) Math.ceil(minPixels * npp / STEPS[STEPS.length - 1]));
    }

    /** The next step of the series after s. */
    private static long nextStep(long s) {
        for (long c : STEPS) {
            if (c > s) {
                return c;
            }
        }
        return s * 2;
    }

    /**
     * The ticks of a view whose labels fit: each label, as wide as `width` measures it, has at least
     * `gap` pixels to the next.
     *
     * @param wall    a wall-clock axis (no T±… labels)
     * @param epochOf epoch ns of an aligned time, for the clock labels (the reference lane's)
     */
    public static TickSet of(TimeScale v, boolean wall, LongUnaryOperator epochOf, ToDoubleFunction<String> width, double gap) {
        long step = step(v, 40);
        for (int attempt = 0; attempt < 64; attempt++) {
            long[] pos = positions(v, step);
            if (pos.length <= MAX_TICKS) {
                double room = step / v.nanosPerPixel();
                // The widest labels are at the ends (the largest offsets from T): try those before writing them all.
                if (pos.length <= 1 || widest(label(step, ends(pos), wall, epochOf), width) + gap <= room) {
                    TickSet t = label(step, pos, wall, epochOf);
                    if (pos.length <= 1 || widest(t, width) + gap <= room) {
                        return t;
                    }
                }
            }
            step = nextStep(step);
        }
        return label(step, positions(v, step), wall, epochOf);
    }

    private static long[] ends(long[] pos) {
        return pos.length <= 2 ? pos : new long[]{pos[0], pos[1], pos[pos.length - 1]};
    }

    private static double widest(TickSet t, ToDoubleFunction<String> width) {
        // Labels of one axis differ in their digits only; measuring the longest of each row is enough.
        return Math.max(width.applyAsDouble(longest(t.relative())), width.applyAsDouble(longest(t.clock())));
    }

    private static String longest(String[] labels) {
        String best = "";
        for (String s : labels) {
            if (s.length() > best.length()) {
                best = s;
            }
        }
        return best;
    }

    /** The same ticks labelled by line, for a log without a clock whose times are line positions. */
    public static TickSet lines(TickSet t, LongUnaryOperator epochOf) {
        String[] rel = new String[t.size()];
        String[] clock = new String[t.size()];
        for (int i = 0; i < t.size(); i++) {
            rel[i] = "";
            clock[i] = Prose.format("axis.line", String.valueOf(faultline.model.SourceFile.lineAt(epochOf.applyAsLong(t.positions()[i]))));
        }
        return new TickSet(t.step(), t.unit(), t.decimals(), t.positions(), rel, clock);
    }

    /** Labels for ticks at these positions, a step apart. */
    static TickSet label(long step, long[] pos, boolean wall, LongUnaryOperator epochOf) {
        Unit unit = unitFor(step, pos);
        int decimals = decimals(step, unit);
        String[] rel = new String[pos.length];
        String[] clock = new String[pos.length];
        int digits = fractionDigits(step);
        // Ticks over more than one day name the date where it changes (and on the first tick).
        boolean days = pos.length > 1 && !TimeText.date(epochOf.applyAsLong(pos[0])).equals(TimeText.date(epochOf.applyAsLong(pos[pos.length - 1])));
        String lastHourMinute = null;
        String lastDate = null;
        for (int i = 0; i < pos.length; i++) {
            rel[i] = wall ? "" : relative(pos[i], unit, decimals);
            long epoch = epochOf.applyAsLong(pos[i]);
            String full = TimeText.clock(epoch, digits);
            String date = TimeText.date(epoch);
            String hourMinute = full.substring(0, 5);
            if (days && !date.equals(lastDate)) {
                clock[i] = date.substring(5) + " " + full;
            } else {
                clock[i] = hourMinute.equals(lastHourMinute) && digits > 0 ? full.substring(5) : full;
            }
            lastHourMinute = hourMinute;
            lastDate = date;
        }
        return new TickSet(step, unit, decimals, pos, rel, clock);
    }

    /**
     * The unit for ticks a step apart at these positions: the step's own, or a larger one when the
     * numbers would run past four digits (250 s before T at 0.5 ms steps reads T−250.0015 s, not
     * T−250001.5 ms); from an hour away, h:mm:ss.
     */
    static Unit unitFor(long step, long[] pos) {
        Unit unit = Unit.forStep(step);
        long far = 0;
        for (long p : pos) {
            far = Math.max(far, Math.abs(p));
        }
        while (unit.ordinal() < Unit.S.ordinal() && far / unit.nanos() >= 10_000) {
            unit = Unit.values()[unit.ordinal() + 1];
        }
        if (unit == Unit.S && far >= 3600 * S) {
            unit = Unit.MIN_S;
        }
        return unit;
    }

    /** T−1.5 ms, T+250 µs, T+12:30, T: one unit, the decimals the step needs. */
    static String relative(long t, Unit unit, int decimals) {
        if (t == 0) {
            return "T";
        }
        String sign = t < 0 ? "−" : "+";
        if (unit == Unit.MIN_S) {
            return "T" + sign + minutes(Math.abs(t), decimals);
        }
        return "T" + sign + number(Math.abs(t), unit, decimals) + " " + unit.suffix();
    }

    /** a/unit with exactly `decimals` decimals, from integers (no rounding of doubles). */
    private static String number(long a, Unit unit, int decimals) {
        long whole = a / unit.nanos();
        long rem = a % unit.nanos();
        if (decimals == 0) {
            return Long.toString(whole);
        }
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long frac = rem * scale / unit.nanos();
        String f = Long.toString(frac + scale).substring(1);
        return whole + "." + f;
    }

    /** 12:30, 1:02:00 (m:ss, h:mm:ss from an hour). */
    private static String minutes(long a, int decimals) {
        long secs = a / S;
        long h = secs / 3600;
        long m = (secs % 3600) / 60;
        String sec = number(a % (60 * S), Unit.S, decimals);
        if (sec.indexOf('.') == 1 || sec.length() == 1) {
            sec = "0" + sec;
        }
        if (h > 0) {
            return h + ":" + two(m) + ":" + sec;
        }
        return m + ":" + sec;
    }

    private static String two(long v) {
        return v < 10 ? "0" + v : Long.toString(v);
    }

    /** Decimals a step needs in a unit: 0.5 ms → 1, 200 ns in µs → 1, 15 s → 0. */
    static int decimals(long step, Unit unit) {
        int d = 0;
        long u = unit == Unit.MIN_S ? S : unit.nanos();
        while (d < 9 && step % u != 0) {
            u /= 10;
            d++;
        }
        return d;
    }

    /** Tick times (aligned ns) inside the view's unfolded stretches, multiples of step. */
    public static long[] positions(TimeScale v, long step) {
        List<Long> out = new ArrayList<>();
        for (long[] seg : v.segments()) {
            long first = Math.floorDiv(seg[0], step) * step;
            if (first < seg[0]) {
                first += step;
            }
            for (long t = first; t <= seg[1] && out.size() <= MAX_TICKS; t += step) {
                out.add(t);
            }
        }
        long[] a = new long[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    /** Digits after the seconds' point that a label at this step needs: 0 for ≥ 1 s, 3 for ms, 6 for µs, 9 for ns. */
    public static int fractionDigits(long step) {
        int d = 0;
        long s = step;
        while (s % S != 0 && d < 9) {
            s *= 10;
            d++;
        }
        return d;
    }
}
