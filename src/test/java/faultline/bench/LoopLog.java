package faultline.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A worker console log of one task whose parameter loop has n parameters, every tenth overridden, crashing in the last. */
public final class LoopLog {
    public static final String ID = "9a8b7c6d-1111-4222-8333-444455556666";

    private LoopLog() {
    }

    public static Path write(Path file, int n) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("2026-03-02 07:59:58,120 [INFO] HeadlessQueue: Task queue initialized with 1 workers\n");
            w.write("[08:00:00] INFO HEADLESS [Task " + ID + "] Processing travel_segment task\n");
            for (int i = 1; i <= n; i++) {
                String t = String.format("[%02d:%02d:%02d]", 8 + i / 3600 % 12, i / 60 % 60, i % 60);
                w.write(t + " INFO GENERATION [Task 9a8b7c6d] 🔍 LOOP [" + i + "/" + n + "]: Processing param='p" + i + "', value_type=int\n");
                if (i < n) {
                    w.write(t + " DEBUG GENERATION [Task 9a8b7c6d] p" + i + ": NOT_SET → " + i + "\n");
                    w.write(t + " DEBUG GENERATION [Task 9a8b7c6d] 🔍 LOOP [" + i + "]: Completed 'p" + i + "'\n");
                }
            }
            for (int i = 1; i <= n; i += 10) {
                w.write("[20:00:00] INFO GENERATION [Task 9a8b7c6d] Task override p" + i + ": " + i + " → " + (i + 1) + "\n");
            }
            w.write("[20:00:01] ERROR QUEUE [Task " + ID + "] [TASK_ERROR] Task failed: KeyError: 'p" + n + "'\n");
            w.write("[20:00:02] ❌ HEADLESS [Task " + ID + "] Finished task (Success: False)\n");
        }
        return file;
    }
}
