package faultline.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * lnav, the general log viewer we measure ourselves against: the wall time it takes to open a file and
 * index every line (a count over all log rows forces the whole file through its format detection and
 * line index), headless.
 */
final class Lnav {
    private Lnav() {
    }

    static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "lnav"))) {
                return true;
            }
        }
        return false;
    }

    static double secondsToIndex(Path file) throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("lnav-home");
        try {
            ProcessBuilder pb = new ProcessBuilder(List.of("lnav", "-n", "-c", ";SELECT count(*) FROM all_logs", file.toString()))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().put("HOME", home.toString());
            long t0 = System.nanoTime();
            Process p = pb.start();
            if (!p.waitFor(10, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("lnav did not finish in 10 minutes");
            }
            return (System.nanoTime() - t0) / 1e9;
        } finally {
            try (var s = Files.walk(home)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }
}
