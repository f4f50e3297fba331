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
 * nothing). {@code import}: generates a 1 GiB system_logs log once, then imports it in five fresh
 * JVMs through {@code faultline stats}, as a user's first open would, and reports MB/s and heap
 * bytes per line. {@code general}: the same for a 1 GiB log in Python logging's layout, read by the
 * general text reader (three runs). {@code render}: see {@link RenderBenchmark}.
 */
public final class Benchmarks {
    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        List<String> which = args.length == 0 ? List.of("import", "render") : List.of(String.join(" ", args).trim().split("\\s+"));
        if (which.contains("import")) {
            importBenchmark(Integer.getInteger("bench.runs", 5), Long.getLong("bench.bytes", 1L << 30));
        }
        if (which.contains("general")) {
            generalBenchmark(Integer.getInteger("bench.runs", 3), Long.getLong("bench.bytes", 1L << 30));
        }
        if (which.contains("render")) {
            RenderBenchmark.main(new String[0]);
        }
    }

    static void importBenchmark(int runs, long bytes) throws IOException, InterruptedException {
        Path file = Path.of("target", "bench", "system_logs-" + (bytes >> 20) + "m.log");
        if (!Files.exists(file) || Files.size(file) < bytes) {
            System.out.println("generating " + file + " …");
            new SyntheticLog().write(file, bytes);
        }
        System.out.printf("import benchmark: %s, %,d bytes, %d runs in fresh JVMs (%d cores)%n", file, Files.size(file), runs,
                Runtime.getRuntime().availableProcessors());
        List<Double> mbs = new ArrayList<>();
        List<Double> perLine = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Map<String, String> r = stats(file);
            double mb = Double.parseDouble(r.get("MB/s").replace(",", ""));
            double bl = Double.parseDouble(r.get("heap bytes/line").replace(",", ""));
            mbs.add(mb);
            perLine.add(bl);
            System.out.printf("  run %d: %s s, %s MB/s, %s lines, %s heap bytes/line%n", i + 1, r.get("seconds"), r.get("MB/s"),
                    r.get("lines read"), r.get("heap bytes/line"));
        }
        Collections.sort(mbs);
        Collections.sort(perLine);
        System.out.printf("import: median %.0f MB/s (min %.0f, max %.0f); heap %.1f bytes/line; targets ≥ 500 MB/s, ≤ 32 bytes/line%n",
                mbs.get(mbs.size() / 2), mbs.get(0), mbs.get(mbs.size() - 1), perLine.get(perLine.size() / 2));
    }

    static void generalBenchmark(int runs, long bytes) throws IOException, InterruptedException {
        Path file = Path.of("target", "bench", "python_logging-" + (bytes >> 20) + "m.log");
        if (!Files.exists(file) || Files.size(file) < bytes) {
            System.out.println("generating " + file + " …");
            new PythonLoggingLog().write(file, bytes);
        }
        System.out.printf("general reader benchmark: %s, %,d bytes, %d runs in fresh JVMs (%d cores)%n", file, Files.size(file), runs,
                Runtime.getRuntime().availableProcessors());
        List<Double> mbs = new ArrayList<>();
        List<Double> perLine = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            Map<String, String> r = stats(file);
            mbs.add(Double.parseDouble(r.get("MB/s").replace(",", "")));
            perLine.add(Double.parseDouble(r.get("heap bytes/line").replace(",", "")));
            System.out.printf("  run %d: %s s, %s MB/s, %s lines, %s heap bytes/line%n", i + 1, r.get("seconds"), r.get("MB/s"),
                    r.get("lines read"), r.get("heap bytes/line"));
        }
        Collections.sort(mbs);
        Collections.sort(perLine);
        System.out.printf("general: median %.0f MB/s (min %.0f, max %.0f); heap %.1f bytes/line; target ≥ 150 MB/s%n",
                mbs.get(mbs.size() / 2), mbs.get(0), mbs.get(mbs.size() - 1), perLine.get(perLine.size() / 2));
    }

    private static Map<String, String> stats(Path file) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-XX:+UseTransparentHugePages");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("faultline.cli.Launcher");
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
        return out;
    }
}
