package faultline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The benchmarks of README's Benchmarks section (not tests: they measure and report, they assert
 * nothing). {@code import}: imports a 1 GiB log of each shape (a few long tasks; a fleet of many short
 * ones) in fresh JVMs through {@code faultline stats}, as a user's first open would, and reports MB/s and
 * heap bytes per line; where lnav is installed, it opens the same file in the same run, so that the
 * ratio of wall times holds on a noisy machine. {@code general}: the same for a 1 GiB log in Python
 * logging's layout, read by the general text reader (three runs). {@code gui}: see {@link GuiBenchmark}.
 * {@code render}: see {@link RenderBenchmark}. {@code db}: see {@link DbBenchmark}. {@code loop}: {@code faultline report}
 * of a task whose parameter loop has 40,000 parameters.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> which = args.length == 0 ? List.of("import", "render", "loop") : List.of(String.join(" ", args).trim().split("\\s+"));
        int runs = Integer.getInteger("bench.runs", 5);
        long bytes = Long.getLong("bench.bytes", 1L << 30);
        if (which.contains("import")) {
            for (Shape s : shapes()) {
                importBenchmark(s, s.file(bytes), runs);
            }
        }
        if (which.contains("general")) {
            generalBenchmark(Integer.getInteger("bench.runs", 3), bytes);
        }
        if (which.contains("gui")) {
            GuiBenchmark.run(shapes(), bytes, Integer.getInteger("bench.runs", 3));
        }
        if (which.contains("render")) {
            renderBenchmark();
        }
        if (which.contains("render-here")) {
            RenderBenchmark.main(new String[0]);
        }
        if (which.contains("db")) {
            DbBenchmark.main(new String[0]);
        }
        if (which.contains("loop")) {
            loopBenchmark(Integer.getInteger("bench.runs", 5), Integer.getInteger("bench.params", 40_000));
        }
    }

    /**
     * The frames in a JVM of their own with the window's compiler options (packaging/jvm.options): when the
     * compiler takes the drawing code decides the first frames' times, and the window's options delay it.
     */
    static void renderBenchmark() throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Path options = Path.of("packaging", "jvm.options");
        List<String> compiler = new ArrayList<>();
        if (Files.exists(options)) {
            for (String line : Files.readAllLines(options, StandardCharsets.UTF_8)) {
                String o = line.trim();
                // Only the JVM's own options: the module options need the module path the launcher builds.
                if (o.startsWith("-XX:")) {
                    compiler.add(o);
                }
            }
        }
        cmd.addAll(compiler);
        cmd.add("-Xmx6g");
        cmd.add("-Djava.awt.headless=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(Benchmarks.class.getName());
        cmd.add("render-here");
        System.out.println("render benchmark JVM options (from " + options + "): " + String.join(" ", compiler));
        Process p = new ProcessBuilder(cmd).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new IOException("render benchmark failed");
        }
    }

    /** {@code faultline report} of one task whose parameter loop has n parameters, in fresh JVMs: linear work, seconds. */
    static void loopBenchmark(int runs, int params) throws IOException, InterruptedException {
        Path file = LoopLog.write(Path.of("target", "bench", "loop-" + params + ".log"), params);
        System.out.printf("loop benchmark: report of a loop of %,d parameters (%,d bytes), %d runs in fresh JVMs%n", params, Files.size(file), runs);
        List<Double> seconds = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                    System.getProperty("java.class.path"), "faultline.cli.Launcher", "report", file.toString());
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(false).start();
            p.getErrorStream().transferTo(System.err);
            if (p.waitFor() != 0) {
                throw new IOException("faultline report failed");
            }
            double s = (System.nanoTime() - t0) / 1e9;
            seconds.add(s);
            System.out.printf("  run %d: %.2f s%n", i + 1, s);
        }
        Collections.sort(seconds);
        System.out.printf("loop: median %.2f s (min %.2f, max %.2f) for %,d parameters, JVM start included%n",
                seconds.get(seconds.size() / 2), seconds.get(0), seconds.get(seconds.size() - 1), params);
    }

    /** The shapes of file a user has; {@code -Dbench.shapes=fleet} picks one. */
    static List<Shape> shapes() {
        List<Shape> all = List.of(Shape.LONG_TASKS, Shape.FLEET);
        String only = System.getProperty("bench.shapes");
        if (only == null || only.isBlank()) {
            return all;
        }
        List<Shape> out = new ArrayList<>();
        for (Shape s : all) {
            if (only.contains(s.key)) {
                out.add(s);
            }
        }
        return out;
    }

    enum Shape {
        LONG_TASKS("long", "system_logs, ~100 tasks of ~100,000 lines"),
        FLEET("fleet", "system_logs fleet, ~50,000+ tasks of ~200 lines, ids on claim and end lines only");

        final String key;
        final String label;

        Shape(String key, String label) {
            this.key = key;
            this.label = label;
        }

        Path file(long bytes) throws IOException {
            Path file = Path.of("target", "bench", (this == FLEET ? "fleet-" : "system_logs-") + (bytes >> 20) + "m.log");
            if (!Files.exists(file) || Files.size(file) < bytes) {
                System.out.println("generating " + file + " …");
                if (this == FLEET) {
                    new FleetLog().write(file, bytes);
                } else {
                    new SyntheticLog().write(file, bytes);
                }
            }
            return file;
        }
    }

    static void importBenchmark(Shape shape, Path file, int runs) throws IOException, InterruptedException {
        System.out.printf("import benchmark, %s: %s, %,d bytes, %d runs in fresh JVMs (%d cores), %s%n", shape.label, file, Files.size(file),
                runs, Runtime.getRuntime().availableProcessors(), started());
        boolean lnav = Lnav.available();
        List<Double> mbs = new ArrayList<>();
        List<Double> perLine = new ArrayList<>();
        List<Double> peakPerLine = new ArrayList<>();
        List<Double> walls = new ArrayList<>();
        List<Double> peers = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long t0 = System.nanoTime();
            Map<String, String> r = stats(file);
            double wall = (System.nanoTime() - t0) / 1e9;
            double mb = number(r.get("MB/s"));
            double bl = number(r.get("heap bytes/line"));
            mbs.add(mb);
            perLine.add(bl);
            peakPerLine.add(number(r.get("peak heap bytes/line")));
            walls.add(wall);
            String peer = "";
            if (lnav) {
                double l = Lnav.secondsToIndex(file);
                peers.add(l);
                peer = String.format(", lnav %.2f s (%.1f× Faultline's wall time)", l, l / wall);
            }
            System.out.printf("  run %d: wall %.2f s, in-process %s s, %s MB/s, %s lines, %s tasks, %s heap bytes/line kept, %s at the peak%s%n",
                    i + 1, wall, r.get("seconds"), r.get("MB/s"), r.get("lines read"), r.get("tasks"), r.get("heap bytes/line"),
                    r.get("peak heap bytes/line"), peer);
        }
        System.out.printf("import (%s): median %.0f MB/s in-process (min %.0f, max %.0f); wall %.2f s; heap %.1f bytes/line kept, %.1f at the peak; "
                        + "targets ≥ 500 MB/s, ≤ 32 bytes/line at the peak%n", shape.key, Stats.median(mbs), Stats.min(mbs), Stats.max(mbs),
                Stats.median(walls), Stats.median(perLine), Stats.median(peakPerLine));
        if (lnav) {
            List<Double> ratios = new ArrayList<>();
            for (int i = 0; i < walls.size(); i++) {
                ratios.add(peers.get(i) / walls.get(i));
            }
            System.out.printf("  lnav: median %.2f s; lnav / Faultline wall time: median %.1f× (target ≥ 4×)%n", Stats.median(peers),
                    Stats.median(ratios));
        }
    }

    static void generalBenchmark(int runs, long bytes) throws IOException, InterruptedException {
        Path file = Path.of("target", "bench", "python_logging-" + (bytes >> 20) + "m.log");
        if (!Files.exists(file) || Files.size(file) < bytes) {
            System.out.println("generating " + file + " …");
            new PythonLoggingLog().write(file, bytes);
        }
        System.out.printf("general reader benchmark, Python logging layout: %s, %,d bytes, %d runs in fresh JVMs (%d cores), %s%n", file,
                Files.size(file), runs, Runtime.getRuntime().availableProcessors(), started());
        List<Double> mbs = new ArrayList<>();
        List<Double> perLine = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Map<String, String> r = stats(file);
            mbs.add(number(r.get("MB/s")));
            perLine.add(number(r.get("heap bytes/line")));
            System.out.printf("  run %d: %s s, %s MB/s, %s lines read, %s understood, %s tasks, %s heap bytes/line%n", i + 1,
                    r.get("seconds"), r.get("MB/s"), r.get("lines read"), r.get("lines understood"), r.get("tasks"), r.get("heap bytes/line"));
        }
        System.out.printf("general: median %.0f MB/s (min %.0f, max %.0f); heap %.1f bytes/line; target ≥ 150 MB/s%n",
                Stats.median(mbs), Stats.min(mbs), Stats.max(mbs), Stats.median(perLine));
    }

    private static double number(String s) {
        return s == null ? Double.NaN : Double.parseDouble(s.replace(",", ""));
    }

    /** The launcher of the packaged build (or -Dbench.launcher), or null without a packaged build. */
    private static Path launcher() {
        Path launcher = Path.of(System.getProperty("bench.launcher", "packaging/faultline")).toAbsolutePath();
        return Files.isExecutable(launcher) && Files.exists(Path.of("target", "faultline.jar")) ? launcher : null;
    }

    /** How the runs start Faultline, for the record. */
    static String started() {
        Path launcher = launcher();
        if (launcher == null) {
            return "started by java on the class path";
        }
        return "started by " + launcher.getFileName() + (Files.exists(Path.of("target", "faultline.jsa"))
                ? " with its class-data sharing archive" : " without a class-data sharing archive");
    }

    static Map<String, String> stats(Path file) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        Path launcher = launcher();
        if (launcher != null) {
            // As a user starts it: the launcher's JVM options and the class-data sharing archive made at package time.
            cmd.add(launcher.toString());
        } else {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("faultline.cli.Launcher");
        }
        cmd.add("stats");
        cmd.add(file.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        Map<String, String> out = new TreeMap<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                int split = line.trim().lastIndexOf(' ');
                if (split > 0) {
                    out.put(line.trim().substring(0, split).trim(), line.trim().substring(split).trim());
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IOException("faultline stats failed: " + out);
        }
        if (!out.containsKey("lines read")) {
            out.put("lines read", out.get("lines"));
        }
        return out;
    }
}
