package faultline.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Writes a large worker log in the system_logs text rendering {@code ts [LEVEL] [source] COMPONENT: message}:
 * tasks of about ten thousand lines each (claim, model switch, LoRA downloads, the 32-parameter loop
 * with every step, heartbeats, generation progress), some failing, with microsecond timestamps.
 */
public final class SyntheticLog {
    private static final String[] PARAMS = {"prompt", "negative_prompt", "resolution", "video_length", "num_inference_steps",
            "seed", "flow_shift", "multi_images_gen_type", "guidance_scale", "guidance2_scale", "guidance3_scale",
            "switch_threshold", "switch_threshold2", "model_switch_phase", "audio_guidance_scale", "embedded_guidance_scale",
            "sample_solver", "repeat_generation", "multi_prompts_gen_type", "skip_steps_cache_type", "skip_steps_multiplier",
            "skip_steps_start_step_perc", "activated_loras", "loras_multipliers", "color_correction_strength", "guidance_phases",
            "sliding_window_size", "sliding_window_overlap", "sliding_window_discard_last_frames",
            "remove_background_images_ref", "film_grain_intensity", "NAG_scale"};

    private final Random rnd = new Random(20260224);
    private final byte[] stamp = "2026-02-24T00:00:00.000000".getBytes(StandardCharsets.US_ASCII);
    private long micros = (14L * 3600) * 1_000_000L;
    private long day = 0;
    private long lines;

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "target/bench/system_logs.log");
        long bytes = args.length > 1 ? Long.parseLong(args[1]) : 1L << 30;
        long n = new SyntheticLog().write(out, bytes);
        System.out.printf("wrote %s: %,d bytes, %,d lines%n", out, Files.size(out), n);
    }

    /** Writes about {@code target} bytes; returns the number of lines. */
    public long write(Path out, long target) throws IOException {
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream os = new BufferedOutputStream(Files.newOutputStream(out), 1 << 20)) {
            long written = 0;
            int task = 0;
            while (written < target) {
                written += task(os, task++);
            }
        }
        return lines;
    }

    private long task(OutputStream os, int n) throws IOException {
        String id = uuid();
        long w = 0;
        w += line(os, "INFO", "worker", "HEADLESS: [CLAIM] Claimed task " + id + " (type=travel_segment, segment_index=" + (n % 4) + ")", 900);
        w += line(os, "INFO", "worker", "HEADLESS: Processing travel_segment task " + id, 40_000);
        w += line(os, "INFO", "worker", "MODEL: MODEL SWITCH: switching from (current: t2v) to lightning_baseline_2_2_2", 120_000);
        w += line(os, "INFO", "worker", "MODEL: [TASK_PROCESSING] Phase 1 complete - Model switch took 2.3s", 2_300_000);
        w += line(os, "INFO", "worker", "QUEUE: [LORA_PROCESS] Task " + id + ": 3 LoRAs need downloading", 4_000);
        for (int i = 0; i < 3; i++) {
            w += line(os, "INFO", "worker", "QUEUE: [LORA_DOWNLOAD] Task " + id + ": Downloaded lora_" + i + ".safetensors", 11_000);
        }
        boolean fails = n % 7 == 3;
        int stop = fails ? 1 + rnd.nextInt(32) : 33;
        for (int rep = 0; rep < 50; rep++) {
            for (int i = 1; i <= 32 && (rep < 49 || i < stop); i++) {
                String p = PARAMS[i - 1];
                w += line(os, "INFO", "worker", "GENERATION: LOOP [" + i + "/32]: Processing param='" + p + "', value_type=int", 380);
                w += line(os, "DEBUG", "worker", "GENERATION: LOOP [" + i + "]: Getting old value for '" + p + "'", 400);
                w += line(os, "DEBUG", "worker", "GENERATION: LOOP [" + i + "]: Assigning new value for '" + p + "'", 410);
                w += line(os, "DEBUG", "worker", "GENERATION: LOOP [" + i + "]: Logging change for '" + p + "'", 380);
                w += line(os, "DEBUG", "worker", "GENERATION: " + p + ": NOT_SET → " + (i * 7 % 13), 120);
                w += line(os, "DEBUG", "worker", "GENERATION: LOOP [" + i + "]: Completed '" + p + "'", 390);
            }
            if (rep % 5 == 0) {
                w += line(os, "INFO", "worker", "HEADLESS: [HEARTBEAT] Worker gpu-20260224_140402-5c1e7a9d active (" + (n * 10 + rep) + " heartbeats sent)", 20_000);
            }
        }
        if (fails) {
            w += line(os, "ERROR", "worker", "QUEUE: [TASK_ERROR] Task " + id + " failed after 0.2s: AttributeError: 'NoneType' object has no attribute 'get'", 600);
            w += line(os, "INFO", "edge_function", "Processing status update for " + id, 1_030_000);
        } else {
            w += line(os, "INFO", "worker", "GENERATION: Generation completed in 226.4s", 226_000_000);
            w += line(os, "INFO", "worker", "HEADLESS: Task completed successfully: /workspace/outputs/" + id.substring(0, 8) + ".mp4", 1_500_000);
        }
        w += line(os, "INFO", "worker", "HEADLESS: Finished task (Success: " + (fails ? "False" : "True") + ")", 3_000);
        return w;
    }

    private long line(OutputStream os, String level, String source, String message, long stepMicros) throws IOException {
        micros += stepMicros / 2 + rnd.nextInt((int) Math.max(1, stepMicros));
        if (micros >= 86_400_000_000L) {
            micros -= 86_400_000_000L;
            day++;
        }
        formatStamp();
        os.write(stamp);
        byte[] rest = (" [" + level + "] [" + source + "] " + message + "\n").getBytes(StandardCharsets.UTF_8);
        os.write(rest);
        lines++;
        return stamp.length + rest.length;
    }

    private void formatStamp() {
        long us = micros;
        int d = 24 + (int) day;
        put(8, d, 2);
        long sec = us / 1_000_000;
        put(11, (int) (sec / 3600), 2);
        put(14, (int) (sec / 60 % 60), 2);
        put(17, (int) (sec % 60), 2);
        put(20, (int) (us % 1_000_000), 6);
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
