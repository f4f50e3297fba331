package faultline.importer.merge;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Luigi's task reprs read as the task_ids the scheduler's lines wrote. Values made up here. */
class LuigiTasksTest {
    private static int resolve(LuigiTasks l, String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return l.resolve(b, 0, b.length);
    }

    @Test
    void theIdWritesTheFirstThreeValuesByParameterNameCutAndWithWordCharactersOnly() {
        assertEquals("north_12", LuigiTasks.summary("zoom=12, region=north"));
        assertEquals("a_b_c", LuigiTasks.summary("d=z, c=c, a=a, b=b"), "only three values");
        assertEquals("2025_05_14_s3___bucket_raw_", LuigiTasks.summary("day=2025-05-14, src=s3://bucket/raw/2025/05"));
        assertEquals("", LuigiTasks.summary(""));
        assertEquals("x__1__2_", LuigiTasks.summary("k=x, t=(1, 2)"), "a tuple value stays one value");
    }

    @Test
    void aReprIsTheTaskWithItsValuesThenTheFamilysFirstUntakenOne() {
        LuigiTasks l = new LuigiTasks();
        assertFalse(l.any());
        l.saw("RenderTiles_north_12_0d6e2f9a31", 0);
        l.saw("RenderTiles_north_13_c83a5b7e04", 1);
        l.saw("BuildIndex__99914b932b", 2);
        l.saw("Render job 7", 3); // not of Luigi's shape
        assertTrue(l.any());
        String worker = "[pid 8815] Worker Worker(salt=1, workers=2, host=h, username=u, pid=8807) ";
        assertEquals(1, resolve(l, worker + "running   RenderTiles(region=north, zoom=13)"));
        assertEquals(0, resolve(l, worker + "done      RenderTiles(zoom=12, region=north)"));
        assertEquals(2, resolve(l, worker + "running   BuildIndex()"));
        assertEquals(-1, resolve(l, "Worker " + "Worker(salt=1, workers=2, host=h, username=u, pid=8807) was stopped"), "the worker's own repr");
        assertEquals(-1, resolve(l, worker + "running   Publish(region=north)"), "a family the file wrote no id of");
        LuigiTasks custom = new LuigiTasks();
        custom.saw("Export_a9_5d1e0c7b3f", 4);
        custom.saw("Export_b2_77aa01c9d0", 5);
        assertEquals(4, resolve(custom, worker + "running   Export(...)"), "values left out: the family's first id");
        assertEquals(5, resolve(custom, worker + "running   Export(part=..)"), "then the next one not taken");
    }
}
