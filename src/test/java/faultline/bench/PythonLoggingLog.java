package faultline.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a large log in Python logging's default layout {@code 2025-03-02 10:11:12,345 - name - LEVEL - msg}:
 * a worker claiming jobs by id, logging steps without the id, now and then failing with a
 * traceback, with millisecond timestamps. The general text reader's benchmark input.
 */
public final class PythonLoggingLog {
    private static final String[] LOGGERS = {"worker.gpu", "worker.queue", "diffusers.pipeline", "httpx", "worker.upload"};
    private static final String[] STEPS = {"loading checkpoint shard 2 of 4", "denoising step 12/30 eta 3.2s",
            "HTTP Request: POST https://api.example.test/v1/jobs \"HTTP/1.1 200 OK\"", "vae decode took 412 ms",
            "cache hit ratio 0.83 for prompt embeddings", "uploading 14.2 MB to bucket outputs", "frame 48/81 written"};

    private final Random rnd = new Random(20250302);
    private final byte[] stamp = "2025-03-02 00:00:00,000".getBytes(StandardCharsets.US_ASCII);
    private long millis = 8L * 3600 * 1000;
    private int day = 2;

    /** Writes about {@code target} bytes. */
    public void write(Path out, long target) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            long written = 0;
            int job = 0;
            while (written < target) {
                written += job(os, job++);
            }
        }
    }

    private long job(OutputStream os, int n) throws IOException {
        String id = uuid();
        long w = line(os, "worker.queue", "INFO", "claimed job " + id + " (type=render, attempt 1)");
        int steps = 200 + rnd.nextInt(200);
        for (int i = 0; i < steps; i++) {
            w += line(os, LOGGERS[rnd.nextInt(LOGGERS.length)], i % 37 == 5 ? "WARNING" : i % 11 == 0 ? "DEBUG" : "INFO",
                    STEPS[rnd.nextInt(STEPS.length)]);
        }
        if (n % 10 == 7) {
            w += line(os, "worker.gpu", "ERROR", "job " + id + " failed");
            w += raw(os, "Traceback (most recent call last):\n  File \"/srv/worker/run.py\", line 88, in run\n    out = pipe(prompt)\n"
                    + "  File \"/srv/worker/pipe.py\", line 12, in __call__\n    return self.decode(x)\n"
                    + "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB\n");
        } else {
            w += line(os, "worker.queue", "INFO", "job " + id + " succeeded in 41.2s");
        }
        return w;
    }

    private long line(OutputStream os, String logger, String level, String message) throws IOException {
        millis += 1 + rnd.nextInt(40);
        if (millis >= 86_400_000L) {
            millis -= 86_400_000L;
            day++;
        }
        long s = millis / 1000;
        put(8, day, 2);
        put(11, (int) (s / 3600), 2);
        put(14, (int) (s / 60 % 60), 2);
        put(17, (int) (s % 60), 2);
        put(20, (int) (millis % 1000), 3);
        os.write(stamp);
        return stamp.length + raw(os, " - " + logger + " - " + level + " - " + message + "\n");
    }

    private static long raw(OutputStream os, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        os.write(b);
        return b.length;
    }

    private void put(int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            stamp[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private String uuid() {
        String h = Long.toHexString(rnd.nextLong() | Long.MIN_VALUE) + Long.toHexString(rnd.nextLong() | Long.MIN_VALUE);
        return h.substring(0, 8) + "-" + h.substring(8, 12) + "-4" + h.substring(13, 16) + "-a" + h.substring(17, 20) + "-" + h.substring(20, 32);
    }
}
