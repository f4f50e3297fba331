package faultline.bench;

import faultline.Samples;
import faultline.analysis.Alignment;
import faultline.analysis.Analyzer;
import faultline.analysis.DefaultSelection;
import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.Level;
import faultline.model.PhaseKind;
import faultline.model.StepKind;
import faultline.model.TaskSet;
import faultline.render.FontSpec;
import faultline.render.Folding;
import faultline.render.FoldedScale;
import faultline.render.Java2dSurface;
import faultline.render.Rgba;
import faultline.render.SceneBuilder;
import faultline.render.Surface;
import faultline.render.TextAlign;
import faultline.render.TimeScale;
import faultline.render.TimelineLayout;
import faultline.render.TimelineRenderer;
import faultline.render.TimelineScene;
import faultline.render.TimelineStyle;
import faultline.render.Viewport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Milliseconds per timeline frame: ten million synthetic events in view (two lanes of five million),
 * zoomed in, folded; and the bundled sample's comparison. Drawn on the Java2D surface (the headless
 * export's), and on a surface that draws nothing, to separate finding what to draw from drawing it.
 */
final class RenderBenchmark {
    static final double WIDTH = 1600;

    private RenderBenchmark() {
    }

    static void main(String[] args) {
        TimelineScene big = synthetic(2, 5_000_000);
        TimelineStyle style = TimelineStyle.light();
        double height = TimelineLayout.of(big).height();
        Viewport all = Viewport.fit(big.first(), big.last(), WIDTH, 0.01);
        long mid = (big.first() + big.last()) / 2;
        Viewport zoomed = new Viewport(mid, (big.last() - big.first()) / 1000, WIDTH);
        Folding folding = Folding.of(big);
        TimeScale folded = new FoldedScale(Viewport.fit(folding.compress(big.first()), folding.compress(big.last()), WIDTH, 0.01), folding);
        System.out.println("render benchmark: 10,000,000 events in two lanes, " + (int) WIDTH + " px wide, "
                + Runtime.getRuntime().availableProcessors() + " cores");
        report("10 M events, whole view, Java2D", big, all, style, height, false);
        report("10 M events, whole view, no drawing", big, all, style, height, true);
        report("10 M events, 1/1000 zoom, Java2D", big, zoomed, style, height, false);
        report("10 M events, folded gaps, Java2D", big, folded, style, height, false);

        TaskSet set = Samples.importSample();
        Analyzer an = new Analyzer(set);
        Comparison c = Alignment.align(an.analyse(DefaultSelection.of(set)), Anchor.CRASH, List.of(), set);
        TimelineScene sample = SceneBuilder.build(c, set);
        double sh = TimelineLayout.of(sample).height();
        report("sample comparison, whole view, Java2D", sample, Viewport.fit(sample.first(), sample.last(), WIDTH, 0.02), style, sh, false);
        long e = sample.lanes().get(0).crash().lastEvidence();
        report("sample comparison, crash window, Java2D", sample, new Viewport(e - 1_000_000, 3_000_000, WIDTH), style, sh, false);
        System.out.println("targets: ≤ 2 ms a frame with 10 M events in view, ≤ 4 ms folded; ≤ 2 ms for the seed's comparison");
    }

    private static void report(String what, TimelineScene scene, TimeScale v, TimelineStyle style, double height, boolean noDraw) {
        TimelineRenderer r = new TimelineRenderer();
        Java2dSurface java2d = new Java2dSurface(WIDTH, height, 1);
        Surface s = noDraw ? new NullSurface(WIDTH, height) : java2d;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        // The first frames, before the compiler has taken the drawing code: what a user sees on the first pans.
        long[] early = new long[BATCH];
        long[] earlyCpu = new long[BATCH];
        frames(r, s, scene, v, style, threads, early, earlyCpu);
        // A window draws thousands of frames: the figure is the compiled steady state, reached when two batches
        // in a row have medians within a tenth of each other (and at least WARM_NANOS of drawing), at most MAX_WARM_NANOS.
        long warmFrom = System.nanoTime();
        long[] times = new long[BATCH];
        long[] cpu = new long[BATCH];
        double last = Double.NaN;
        int batches = 0;
        while (true) {
            frames(r, s, scene, v, style, threads, times, cpu);
            batches++;
            double median = median(times);
            long warmed = System.nanoTime() - warmFrom;
            boolean steady = !Double.isNaN(last) && Math.abs(median - last) <= 0.1 * last && warmed >= WARM_NANOS;
            if (steady || warmed >= MAX_WARM_NANOS) {
                break;
            }
            last = median;
        }
        long[] sorted = times.clone();
        Arrays.sort(sorted);
        // The thread's CPU time too: on a machine shared with other work a frame's wall time includes waiting for a core.
        System.out.printf("  %-42s median %6.2f ms, worst %6.2f ms; CPU median %6.2f ms; first %d frames: median %6.2f ms (CPU %6.2f); %s%n",
                what, median(times) / 1e6, sorted[BATCH - 1] / 1e6, median(cpu) / 1e6, BATCH, median(early) / 1e6, median(earlyCpu) / 1e6,
                String.format("steady after %.1f s of drawing", (System.nanoTime() - warmFrom) / 1e9));
        java2d.dispose();
    }

    private static final int BATCH = 300;
    private static final long WARM_NANOS = 8_000_000_000L;
    private static final long MAX_WARM_NANOS = 30_000_000_000L;

    private static void frames(TimelineRenderer r, Surface s, TimelineScene scene, TimeScale v, TimelineStyle style,
                               java.lang.management.ThreadMXBean threads, long[] times, long[] cpu) {
        for (int i = 0; i < times.length; i++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            r.render(s, scene, v, style);
            times[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
    }

    private static double median(long[] values) {
        long[] v = values.clone();
        Arrays.sort(v);
        return v[v.length / 2];
    }

    /** Lanes of n events each over two hours, mostly DEBUG and INFO, a few errors, some estimated times. */
    static TimelineScene synthetic(int lanes, int n) {
        Random rnd = new Random(42);
        List<TimelineScene.Lane> out = new ArrayList<>();
        long hours = 2L * 3_600_000_000_000L;
        for (int l = 0; l < lanes; l++) {
            long[] t = new long[n];
            long[] latest = new long[n];
            byte[] lv = new byte[n];
            int[] rows = new int[n];
            long now = -hours;
            for (int i = 0; i < n; i++) {
                now += 1 + rnd.nextInt((int) (2 * hours / n));
                if (i % 250_000 == 0) {
                    now += 600_000_000_000L; // an idle gap of ten minutes now and then
                }
                t[i] = now;
                latest[i] = rnd.nextInt(1000) == 0 ? now + 1_000_000_000L : now;
                int p = rnd.nextInt(10_000);
                lv[i] = (byte) (p == 0 ? Level.ERROR.ordinal() : p < 3000 ? Level.INFO.ordinal() : Level.DEBUG.ordinal());
                rows[i] = l * n + i;
            }
            List<TimelineScene.StepMark> steps = new ArrayList<>();
            for (int i = 0; i < 20_000; i++) {
                steps.add(new TimelineScene.StepMark(t[i * (n / 20_000)], StepKind.values()[i % 6], i % 32 + 1, "param_" + (i % 32), false));
            }
            List<TimelineScene.PhaseBar> phases = List.of(
                    new TimelineScene.PhaseBar(PhaseKind.GENERATION, t[0], t[n - 1], true, ""),
                    new TimelineScene.PhaseBar(PhaseKind.PARAMETER_RESOLUTION, t[n / 3], t[2 * n / 3], false, ""));
            out.add(new TimelineScene.Lane(l, "lane" + l, "synthetic", 0, 0, phases, TimelineScene.Marks.of(t, latest, lv, rows),
                    steps, new TimelineScene.CrashMark(t[n - 2], t[n - 1], t[n - 1] + 1000, true, "failure"), t[0], t[n - 1]));
        }
        return new TimelineScene(out, "crash");
    }

    /** Finds what to draw, draws nothing. */
    private record NullSurface(double width, double height) implements Surface {
        @Override
        public void fillRect(double x, double y, double w, double h, Rgba c) {
        }

        @Override
        public void strokeRect(double x, double y, double w, double h, Rgba c, double lineWidth) {
        }

        @Override
        public void line(double x1, double y1, double x2, double y2, Rgba c, double lineWidth) {
        }

        @Override
        public void dashedLine(double x1, double y1, double x2, double y2, Rgba c, double lineWidth, double dash) {
        }

        @Override
        public void fillPolygon(double[] xs, double[] ys, Rgba c) {
        }

        @Override
        public void text(String s, double x, double y, FontSpec font, Rgba c, TextAlign align) {
        }

        @Override
        public double textWidth(String s, FontSpec font) {
            return s.length() * 6;
        }

        @Override
        public void pushClip(double x, double y, double w, double h) {
        }

        @Override
        public void popClip() {
        }
    }
}
