package faultline;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A worker's system_logs rows in the `<timestamp> [LEVEL] [source_type] message` rendering, written by
 * the tests: eight travel segments that fail one after the other on one worker, each some hundreds of
 * milliseconds after its last loop line (so that the failures lie from 0.2 s to 1.1 s after the last
 * evidence, as in a real fleet), a few of them with the error known only to the millisecond, and two
 * tasks that complete. Ids only on the claim and end lines. Made-up values throughout.
 * {@code java -cp target/test-classes:target/classes faultline.FleetFixture out.log} writes it for a look.
 */
public final class FleetFixture {
    public static final int FAILED = 8;
    static final String WORKER = "gpu-20260301_080000-0badc0de";
    private static final String[] PARAMS = {"prompt", "negative_prompt", "resolution", "video_length", "num_inference_steps",
            "seed", "flow_shift", "guidance_scale", "guidance2_scale", "sample_solver", "denoise_strength", "color_correction_strength"};

    private FleetFixture() {
    }

    public static void main(String[] args) throws IOException {
        Path out = write(Path.of(args.length > 0 ? args[0] : "fleet_system_logs.log"));
        System.out.println("wrote " + out);
    }

    /** The id of the i-th task of the file. */
    public static String id(int i) {
        return String.format("%08x-1a2b-4c3d-8e9f-%012x", 0x5eed0000 + i * 0x1111, 0xfeed0000L + i);
    }

    public static Path write(Path file) throws IOException {
        Files.writeString(file, text(), StandardCharsets.UTF_8);
        return file;
    }

    static String text() {
        Random rnd = new Random(12);
        List<String> lines = new ArrayList<>();
        long t = micros(8, 0, 0);
        for (int i = 0; i < FAILED + 2; i++) {
            boolean fails = i < FAILED;
            String id = id(i);
            t += 2_000_000 + rnd.nextInt(3_000_000);
            lines.add(row(t, "INFO", "worker", "HEADLESS: [CLAIM] ✅ Claimed task " + id + " (type=travel_segment, segment_index=" + i + ")"));
            t += 1_200 + rnd.nextInt(400);
            lines.add(row(t, "INFO", "worker", "HEADLESS: Processing task " + id + " (travel_segment)"));
            t += 200;
            lines.add(row(t, "INFO", "worker", "HEADLESS: Processing travel_segment task"));
            t += 3_000;
            lines.add(row(t, "INFO", "worker", "QUEUE: Task submitted: " + id + " (model: lightning_baseline_2_2_2, priority: 0)"));
            t += 30_000_000 + rnd.nextInt(20_000_000);
            lines.add(row(t, "INFO", "worker", "GENERATION: 🔍 DIAGNOSTIC: model_defaults has " + PARAMS.length + " parameters"));
            int crashAt = fails ? 4 + (i % (PARAMS.length - 5)) : PARAMS.length;
            for (int p = 0; p < PARAMS.length && p <= crashAt; p++) {
                int n = p + 1;
                String name = PARAMS[p];
                t += 350 + rnd.nextInt(80);
                lines.add(row(t, "INFO", "worker", "GENERATION: 🔍 LOOP [" + n + "/" + PARAMS.length + "]: Processing param='" + name + "'"
                        + (name.endsWith("scale") ? ", value_type=int" : "")));
                t += 350 + rnd.nextInt(80);
                lines.add(row(t, "DEBUG", "worker", "GENERATION: 🔍 LOOP [" + n + "]: Getting old value for '" + name + "'"));
                if (p == crashAt) {
                    break;
                }
                t += 350 + rnd.nextInt(80);
                lines.add(row(t, "DEBUG", "worker", "GENERATION: 🔍 LOOP [" + n + "]: Assigning new value for '" + name + "'"));
                t += 120;
                lines.add(row(t, "DEBUG", "worker", "GENERATION: " + name + ": NOT_SET → " + (p * 3 + 1)));
                t += 350 + rnd.nextInt(80);
                lines.add(row(t, "DEBUG", "worker", "GENERATION: ✅ LOOP [" + n + "]: Completed '" + name + "'"));
            }
            if (fails) {
                // The worker loses the rows between the last loop line and the error: 0.2 s to 1.1 s of silence.
                t += 200_000 + (long) i * 900_000 / (FAILED - 1);
                String error = "HEADLESS: [TASK_ERROR] Task " + id + " hit UNEXPECTED exception: AttributeError: 'NoneType' object has no attribute 'get'";
                lines.add(i % 3 == 2 ? rowMillis(t, "ERROR", "worker", error) : row(t, "ERROR", "worker", error));
                t += 20_000;
                lines.add(row(t, "INFO", "worker", "HEADLESS: Finished task " + id + " (Success: False)"));
            } else {
                t += 40_000_000;
                lines.add(row(t, "INFO", "worker", "HEADLESS: Finished task " + id + " (Success: True)"));
            }
        }
        return String.join("\n", lines) + "\n";
    }

    private static long micros(int h, int m, int s) {
        return ((h * 60L + m) * 60 + s) * 1_000_000L;
    }

    private static String stamp(long micros, int digits) {
        long sec = micros / 1_000_000;
        String frac = String.format("%06d", micros % 1_000_000).substring(0, digits);
        return String.format("2026-03-01T%02d:%02d:%02d.%s+00:00", sec / 3600, sec / 60 % 60, sec % 60, frac);
    }

    private static String row(long micros, String level, String source, String message) {
        return stamp(micros, 6) + " [" + level + "] [" + source + "] " + message;
    }

    private static String rowMillis(long micros, String level, String source, String message) {
        return stamp(micros, 3) + " [" + level + "] [" + source + "] " + message;
    }
}
