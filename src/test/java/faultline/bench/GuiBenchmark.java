package faultline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Launch → usable window, as a user sees it: starts {@code packaging/faultline --snapshot} on the bundled
 * sample and on a 1 GiB file of each shape, in a real window on an X display (Xvfb started here when no
 * DISPLAY is set), and times from the process start to the app's "ready" line — printed once the compared
 * failures are drawn and the task list is filled — together with the longest FX-thread stall it measured.
 * Needs a build ({@code mvn -DskipTests package}) and Xvfb.
 */
final class GuiBenchmark {
    private static final String READY = "faultline: ready";

    private GuiBenchmark() {
    }

    static void run(List<Benchmarks.Shape> shapes, long bytes, int runs) throws IOException, InterruptedException {
        // -Dbench.launcher=target/app-image/Faultline/bin/faultline times the app image instead of the build.
        Path launcher = Path.of(System.getProperty("bench.launcher", "packaging/faultline")).toAbsolutePath();
        if (!Files.exists(Path.of("target", "faultline.jar"))) {
            System.out.println("gui benchmark: no build (run mvn -DskipTests package first)");
            return;
        }
        Process xvfb = null;
        String display = System.getenv("DISPLAY");
        if (display == null || display.isBlank()) {
            display = ":87";
            xvfb = new ProcessBuilder("Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Thread.sleep(1500);
        }
        try {
            System.out.printf("gui benchmark: launch → compared failures drawn and task list filled, %d runs each, display %s%n", runs, display);
            System.out.println("launcher " + launcher);
            // The sample with and without the class-data sharing archive made at package time, run by run in turn
            // so that a machine whose load changes weighs on both alike.
            Series with = new Series("bundled sample");
            Series without = new Series("bundled sample, without the class-data sharing archive (FAULTLINE_CDS=off)");
            for (int i = 0; i < runs; i++) {
                with.add(i, once(null, launcher, display, null));
                without.add(i, once(null, launcher, display, "off"));
            }
            with.report();
            without.report();
            for (Benchmarks.Shape s : shapes) {
                Series series = new Series(s.label);
                Path file = s.file(bytes);
                for (int i = 0; i < runs; i++) {
                    series.add(i, once(file, launcher, display, null));
                }
                series.report();
            }
            System.out.println("targets: ≤ 2.5 s for the sample, ≤ 5 s for a 1 GiB fleet file; FX thread never blocked > 50 ms");
        } finally {
            if (xvfb != null) {
                xvfb.destroy();
            }
        }
    }

    /** The machine's load average over the last minute, as the system says it. */
    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    /** The seconds to ready and the longest FX stall in ms of each run of one start. */
    private static final class Series {
        final String what;
        final List<Double> secs = new ArrayList<>();
        final List<Double> stalls = new ArrayList<>();
        final List<Double> cpus = new ArrayList<>();
        final List<Double> readyCpu = new ArrayList<>();

        Series(String what) {
            this.what = what;
        }

        void add(int run, double[] readyAndStall) {
            secs.add(readyAndStall[0]);
            stalls.add(readyAndStall[1]);
            cpus.add(readyAndStall[2]);
            readyCpu.add(readyAndStall[3]);
            System.out.printf("  %-76s run %d: ready after %.2f s (%.1f s of CPU, load %s), longest FX stall %.0f ms (at most %.0f ms of CPU in one)%n",
                    what, run + 1, readyAndStall[0], readyAndStall[3], load(), readyAndStall[1], readyAndStall[2]);
        }

        void report() {
            System.out.printf("gui (%s): median %.2f s to ready (%.1f s of the process's CPU); median longest FX stall %.0f ms, of FX-thread CPU in one stall %.0f ms%n",
                    what, Stats.median(secs), Stats.median(readyCpu), Stats.median(stalls), Stats.median(cpus));
        }
    }

    /** One launch: seconds from the process start to the ready line, and the longest FX stall it reported. */
    private static double[] once(Path file, Path launcher, String display, String cds) throws IOException, InterruptedException {
        Path shot = Files.createTempFile("faultline-bench", ".png");
        List<String> cmd = new ArrayList<>(List.of(launcher.toString(), "--snapshot=" + shot));
        if (file != null) {
            cmd.add(file.toAbsolutePath().toString());
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("DISPLAY", display);
        if (cds != null) {
            pb.environment().put("FAULTLINE_CDS", cds);
        }
        pb.environment().put("JAVA_OPTS", (System.getenv().getOrDefault("JAVA_OPTS", "") + " -Dfaultline.pulses=true").trim());
        long t0 = System.nanoTime();
        Process p = pb.start();
        double ready = Double.NaN;
        double stall = Double.NaN;
        double cpu = Double.NaN;
        double readyCpu = Double.NaN;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith(READY) && Double.isNaN(ready)) {
                    ready = (System.nanoTime() - t0) / 1e9;
                    int c = line.indexOf(" ms of CPU");
                    if (c > 0) {
                        String before = line.substring(0, c);
                        readyCpu = Double.parseDouble(before.substring(before.lastIndexOf('(') + 1)) / 1e3;
                    }
                }
                int at = line.indexOf("longest FX stall ");
                if (at >= 0) {
                    stall = Double.parseDouble(line.substring(at + 17).replaceAll("[^0-9.].*$", ""));
                    int c = line.indexOf("at most ");
                    if (c >= 0) {
                        cpu = Double.parseDouble(line.substring(c + 8).replaceAll("[^0-9.].*$", ""));
                    }
                }
            }
        }
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
        }
        Files.deleteIfExists(shot);
        return new double[]{ready, stall, cpu, readyCpu};
    }
}
