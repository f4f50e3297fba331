package faultline.importer.read;

import faultline.model.EventStore;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * What a worker says of its unit in a part that starts after the unit was taken on: the parts give each line the
 * unit one pass gives it, however the worker went idle (a separator, a crash), whatever the unit (a request in
 * flight is no line's), and whatever the line names while the unit is under way.
 */
class PartsScenariosTest {
    private static final String ID = "7c0ffee1-2a3b-4c5d-8e9f-0a1b2c3d4e5f";

    @TempDir
    Path dir;

    private static String line(int i, String thread, String msg) {
        return String.format("2025-04-01 08:%02d:%02d,%03d INFO %s%s%n", (i / 60_000) % 60, (i / 1000) % 60, i % 1000, thread, msg);
    }

    @Test
    void aThreadsUntimedLinesAfterThePartStart() throws Exception {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        sb.append(line(i++, "[render-2] ", "claimed job " + ID));
        for (int k = 0; k < 4000; k++) {
            sb.append(line(i++, "[render-2] ", "frame " + k + " rendered"));
            if (k % 50 == 49) {
                sb.append("\nprogress printed by the renderer ").append(k).append('\n');
            }
        }
        sb.append(line(i, "[render-2] ", "job " + ID + " succeeded in 2.0s"));
        agree("thread", sb.toString());
    }

    @Test
    void aSeparatorEndsTheUnitOfAnEarlierPart() throws Exception {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        sb.append(line(i++, "", "claimed job " + ID));
        for (int k = 0; k < 3000; k++) {
            sb.append(line(i++, "", "frame " + k + " rendered"));
        }
        sb.append("\n----------\n");
        for (int k = 0; k < 100; k++) {
            sb.append(line(i++, "", "idle " + k));
        }
        agree("separator", sb.toString());
    }

    @Test
    void aCrashEndsTheUnitOfAnEarlierPart() throws Exception {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        sb.append(line(i++, "", "claimed job " + ID));
        for (int k = 0; k < 3000; k++) {
            sb.append(line(i++, "", "frame " + k + " rendered"));
        }
        sb.append("\npanic: runtime error: index out of range [3] with length 3\n\ngoroutine 1 [running]:\nmain.main()\n\t/src/main.go:9 +0x1d\n\n");
        for (int k = 0; k < 100; k++) {
            sb.append(line(i++, "", "restarted, idle " + k));
        }
        agree("panic", sb.toString());
    }

    @Test
    void aUnitNamedWhileAnotherIsUnderWayTakesNothingOn() throws Exception {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        sb.append(line(i++, "", "claimed job " + ID));
        for (int k = 0; k < 3000; k++) {
            sb.append(line(i++, "", "frame " + k + " rendered"));
        }
        sb.append(line(i++, "", "uploading artifact of Job RJ-0071"));
        for (int k = 0; k < 100; k++) {
            sb.append(line(i++, "", "chunk " + k + " sent"));
        }
        agree("busy", sb.toString());
    }

    @Test
    void aUnitNamedWhileIdleIsTakenOn() throws Exception {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        sb.append(line(i++, "", "claimed job " + ID));
        sb.append(line(i++, "", "job " + ID + " succeeded in 2.0s"));
        for (int k = 0; k < 3000; k++) {
            sb.append(line(i++, "", "waiting " + k));
        }
        sb.append(line(i++, "", "uploading artifact of Job RJ-0071"));
        for (int k = 0; k < 100; k++) {
            sb.append(line(i++, "", "chunk " + k + " sent"));
        }
        agree("idle", sb.toString());
    }

    @Test
    void aRequestInFlightIsNoLinesUnit() throws Exception {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        sb.append(line(i++, "", "Received request " + ID));
        for (int k = 0; k < 3000; k++) {
            sb.append(line(i++, "", "engine step " + k));
        }
        agree("request", sb.toString());
    }

    private void agree(String name, String text) throws Exception {
        Path f = Files.writeString(dir.resolve(name + ".log"), text);
        BothWays read = BothWays.read(f, 0);
        TaskSet one = read.onePass();
        TaskSet parts = read.parts();
        EventStore a = one.store();
        EventStore b = parts.store();
        assertEquals(a.size(), b.size(), name);
        List<String> diffs = new ArrayList<>();
        int differ = 0;
        for (int i = 0; i < a.size(); i++) {
            String ta = a.task(i) < 0 ? null : one.tasks().get(a.task(i)).id();
            String tb = b.task(i) < 0 ? null : parts.tasks().get(b.task(i)).id();
            if (ta == null ? tb != null : !ta.equals(tb)) {
                differ++;
                if (diffs.size() < 3) {
                    diffs.add("line " + a.line(i) + " [" + a.message(i) + "]: one pass " + ta + ", parts " + tb);
                }
            }
        }
        assertEquals(0, differ, name + ": " + diffs);
    }
}
