package faultline.importer.read;

import faultline.model.EventStore;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A file read in parallel parts gives every line of an InvokeAI-style console the unit one pass gives it: queue items, their sessions and invocations. */
class QueueItemsInPartsTest {
    @TempDir
    Path dir;

    private static String ts(int i) {
        return String.format("[2026-02-11 %02d:%02d:%02d,%03d]", 10 + i / 3_600_000, (i / 60_000) % 60, (i / 1000) % 60, i % 1000);
    }

    @Test
    void invokeAiQueueItemsAgreeInParts() throws Exception {
        Random r = new Random(3);
        StringBuilder sb = new StringBuilder();
        int t = 0;
        for (int item = 1; item <= 120; item++) {
            String session = new UUID(r.nextLong(), r.nextLong()).toString();
            sb.append(ts(t++)).append("::[InvokeAI]::INFO --> Executing queue item ").append(item).append(", session ").append(session).append('\n');
            int n = r.nextInt(60);
            for (int k = 0; k < n; k++) {
                String inv = new UUID(r.nextLong(), r.nextLong()).toString();
                switch (r.nextInt(4)) {
                    case 0 -> sb.append(ts(t++)).append("::[InvokeAI]::DEBUG --> Invocation cache miss for type \"denoise\": ").append(inv).append('\n');
                    case 1 -> sb.append(ts(t++)).append("::[InvokeAI]::INFO --> Graph stats: ").append(session).append('\n');
                    case 2 -> sb.append(ts(t++)).append("::[InvokeAI]::INFO --> step ").append(k).append(" of ").append(n).append('\n');
                    default -> sb.append(ts(t++)).append("::[InvokeAI]::INFO --> Saved image ").append(inv).append(".png\n");
                }
            }
            if (r.nextInt(5) == 0) {
                sb.append(ts(t++)).append("::[InvokeAI]::ERROR --> Error while invoking session ").append(session).append(": boom\n");
                sb.append(ts(t++)).append("::[InvokeAI]::WARNING --> Queue item ").append(item).append(" failed\n");
            } else {
                sb.append(ts(t++)).append("::[InvokeAI]::INFO --> Graph stats: ").append(session).append('\n');
            }
        }
        Path f = Files.writeString(dir.resolve("invokeai.log"), sb.toString());
        BothWays read = BothWays.read(f, 0);
        TaskSet one = read.onePass();
        TaskSet parts = read.parts();
        EventStore a = one.store();
        EventStore b = parts.store();
        assertEquals(a.size(), b.size());
        List<String> diffs = new ArrayList<>();
        int differ = 0;
        for (int i = 0; i < a.size(); i++) {
            String ta = BothWays.unit(one, a.task(i));
            String tb = BothWays.unit(parts, b.task(i));
            if (ta == null ? tb != null : !ta.equals(tb)) {
                differ++;
                if (diffs.size() < 5) {
                    diffs.add("line " + a.line(i) + " [" + a.message(i) + "]: one pass " + ta + ", parts " + tb);
                }
            }
        }
        assertEquals(0, differ, diffs.toString());
        assertEquals(one.tasks().stream().map(x -> x.id() + " " + x.status()).sorted().toList(),
                parts.tasks().stream().map(x -> x.id() + " " + x.status()).sorted().toList());
    }
}
