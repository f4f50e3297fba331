package faultline.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a fleet's {@code system_logs} in the text rendering {@code ts [LEVEL] [source] COMPONENT: message}:
 * tens of thousands of short tasks (about two hundred lines each) one after another, the task id only on
 * the claim line and on the lines that end the task, about one in seven failing with one of a handful of
 * errors, edge-function status rows between them, microsecond timestamps with the database's trimmed
 * trailing zeros. This is the shape an operator exports from a busy fleet, unlike {@link SyntheticLog}'s
 * few long tasks.
 */
public final class FleetLog {
    private static final String[] PARAMS = {"prompt", "negative_prompt", "resolution", "video_length", "num_inference_steps",
            "seed", "flow_shift", "guidance_scale", "guidance2_scale", "switch_threshold", "model_switch_phase",
            "sample_solver", "activated_loras", "loras_multipliers", "guidance_phases", "sliding_window_size",
            "sliding_window_overlap", "film_grain_intensity", "NAG_scale", "color_correction_strength"};
    private static final String[] TYPES = {"travel_segment", "travel_segment", "travel_segment", "travel_stitch",
            "join_clips_segment", "magic_edit", "inpaint_frames"};
    private static final String[] ERRORS = {
            "AttributeError: 'NoneType' object has no attribute 'get'",
            "torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.00 GiB",
            "RuntimeError: CUDA error: device-side assert triggered",
            "ValueError: video_length must be a multiple of 4 plus 1",
            "KeyError: 'guidance_phases'",
            "FileNotFoundError: [Errno 2] No such file or directory: '/workspace/loras/missing.safetensors'"};

    private final Random rnd = new Random(20260301);
    private final byte[] stamp = "2026-03-01T00:00:00.000000".getBytes(StandardCharsets.US_ASCII);
    private final String worker;
    private long micros = 6L * 3600 * 1_000_000L;
    private int day = 1;
    private long lines;
    private int tasks;
    private int failed;

    public FleetLog() {
        this.worker = "gpu-20260301_060000-" + hex(8);
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench/fleet.log");
        long bytes = args.length > 1 ? Long.parseLong(args[1]) : 1L << 30;
        FleetLog log = new FleetLog();
        log.write(out, bytes);
        System.out.printf("wrote %s: %,d bytes, %,d lines, %,d tasks, %,d failed%n", out, Files.size(out), log.lines, log.tasks, log.failed);
    }

    /** Writes about {@code target} bytes; returns the number of lines. */
    public long write(Path out, long target) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            long written = 0;
            while (written < target) {
                written += task(os);
            }
        }
        return lines;
    }

    public long lines() {
        return lines;
    }

    public int tasks() {
        return tasks;
    }

    public int failed() {
        return failed;
    }

    private long task(OutputStream os) throws IOException {
        String id = uuid();
        String type = TYPES[rnd.nextInt(TYPES.length)];
        tasks++;
        boolean fails = rnd.nextInt(100) < 15;
        long w = 0;
        w += line(os, "INFO", "edge_function", "Task claimed successfully", 200_000);
        w += line(os, "INFO", "worker", "HEADLESS: [CLAIM] Claimed task " + id + " (type=" + type + ", segment_index=" + rnd.nextInt(6) + ")", 900);
        w += line(os, "INFO", "worker", "HEADLESS: Processing " + type + " task", 40_000);
        w += line(os, "INFO", "worker", "QUEUE: Task submitted (model: lightning_baseline_2_2_2, priority: 0)", 3_000);
        if (rnd.nextInt(4) == 0) {
            w += line(os, "INFO", "worker", "MODEL: 🔄 MODEL SWITCH: switching from t2v to lightning_baseline_2_2_2", 120_000);
            w += line(os, "INFO", "worker", "MODEL: [TASK_PROCESSING] Phase 1 complete - Model switch took 2.3s", 2_300_000);
        }
        int loras = rnd.nextInt(3);
        if (loras > 0) {
            w += line(os, "INFO", "worker", "QUEUE: [LORA_PROCESS] " + loras + " LoRAs need downloading", 4_000);
            for (int i = 0; i < loras; i++) {
                w += line(os, "INFO", "worker", "QUEUE: [LORA_DOWNLOAD] Downloaded lora_" + rnd.nextInt(40) + ".safetensors", 400_000);
            }
        }
        w += line(os, "INFO", "worker", "GENERATION: 🔍 DIAGNOSTIC: model_defaults has " + PARAMS.length + " parameters", 500);
        int stop = fails && rnd.nextBoolean() ? 1 + rnd.nextInt(PARAMS.length) : PARAMS.length + 1;
        for (int i = 1; i <= PARAMS.length && i < stop; i++) {
            String p = PARAMS[i - 1];
            w += line(os, "INFO", "worker", "GENERATION: 🔍 LOOP [" + i + "/" + PARAMS.length + "]: Processing param='" + p + "', value_type=int", 380);
            w += line(os, "DEBUG", "worker", "GENERATION: 🔍 LOOP [" + i + "]: Getting old value for '" + p + "'", 400);
            w += line(os, "DEBUG", "worker", "GENERATION: 🔍 LOOP [" + i + "]: Assigning new value for '" + p + "'", 410);
            w += line(os, "DEBUG", "worker", "GENERATION: " + p + ": NOT_SET → " + (i * 7 % 13), 120);
            w += line(os, "DEBUG", "worker", "GENERATION: ✅ LOOP [" + i + "]: Completed '" + p + "'", 390);
        }
        if (stop > PARAMS.length) {
            w += line(os, "INFO", "worker", "GENERATION: ✅ DIAGNOSTIC: Loop completed successfully, processed " + PARAMS.length + " items", 300);
            int steps = 60 + rnd.nextInt(50);
            for (int s = 1; s <= steps && !(fails && s > steps / 2); s++) {
                w += line(os, "INFO", "worker", "GENERATION: step " + s + "/" + steps + " (" + (s * 100 / steps) + "%)", 1_900_000);
            }
        }
        if (fails) {
            failed++;
            String error = ERRORS[rnd.nextInt(ERRORS.length)];
            w += line(os, "ERROR", "worker", "QUEUE: [TASK_ERROR] Task " + id + " failed after " + (1 + rnd.nextInt(200)) + "." + rnd.nextInt(10) + "s: " + error, 600);
            w += line(os, "INFO", "worker", "HEADLESS: Finished task " + id + " (Success: False)", 3_000);
            w += line(os, "INFO", "edge_function", "Processing status update for " + id, 800_000);
        } else {
            w += line(os, "INFO", "worker", "GENERATION: Generation completed in " + (60 + rnd.nextInt(200)) + ".4s", 1_000_000);
            w += line(os, "INFO", "worker", "HEADLESS: Finished task " + id + " (Success: True)", 3_000);
        }
        if (rnd.nextInt(5) == 0) {
            w += line(os, "INFO", "worker", "HEADLESS: [HEARTBEAT] Worker " + worker + " active", 20_000);
        }
        return w;
    }

    private long line(OutputStream os, String level, String source, String message, long stepMicros) throws IOException {
        micros += stepMicros / 2 + rnd.nextInt((int) Math.max(1, stepMicros));
        while (micros >= 86_400_000_000L) {
            micros -= 86_400_000_000L;
            day++;
        }
        int len = formatStamp();
        os.write(stamp, 0, len);
        byte[] rest = (" [" + level + "] [" + source + "] " + message + "\n").getBytes(StandardCharsets.UTF_8);
        os.write(rest);
        lines++;
        return len + rest.length;
    }

    /** Writes the stamp and returns its length: the database drops trailing zeros of the fraction. */
    private int formatStamp() {
        // A real calendar: a 20 GiB log spans years of this fleet's days, and month 60 is no date.
        java.time.LocalDate date = java.time.LocalDate.of(2026, 3, 1).plusDays(day - 1);
        put(0, date.getYear(), 4);
        put(5, date.getMonthValue(), 2);
        put(8, date.getDayOfMonth(), 2);
        long sec = micros / 1_000_000;
        put(11, (int) (sec / 3600), 2);
        put(14, (int) (sec / 60 % 60), 2);
        put(17, (int) (sec % 60), 2);
        put(20, (int) (micros % 1_000_000), 6);
        int len = stamp.length;
        while (len > 20 && stamp[len - 1] == '0') {
            len--;
        }
        return len == 20 ? 19 : len;
    }

    private void put(int at, int value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            stamp[at + i] = (byte) ('0' + value % 10);
            value /= 10;
        }
    }

    private String hex(int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(Character.forDigit(rnd.nextInt(16), 16));
        }
        return sb.toString();
    }

    private String uuid() {
        return hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + hex(12);
    }
}
