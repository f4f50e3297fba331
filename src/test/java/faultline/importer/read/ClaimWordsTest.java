package faultline.importer.read;

import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.EventStore;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * A worker that writes a unit's UUID only where it takes the unit on: however the claim is worded, the lines after
 * it are that unit's until a line says the unit is done; a line that only speaks of a unit takes nothing on.
 */
class ClaimWordsTest {
    private static final String ID = "7c0ffee1-2a3b-4c5d-8e9f-0a1b2c3d4e5f";

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"claimed job %s", "Started task %s", "picked up job %s", "received new task %s",
            "worker-2 processing task %s (attempt 1)", "task %s started", "Job %s is running", "task %s has been received"})
    void theLinesAfterAClaimAreTheUnits(String claim) throws Exception {
        TaskSet set = read(String.format(claim, ID), "job %s succeeded in 2.0s");
        EventStore s = set.store();
        for (int i = 0; i < 4; i++) {
            assertEquals(ID, unit(set, i), "line " + (i + 1) + " after \"" + claim + "\"");
        }
        assertNull(unit(set, 4), "what the worker writes after the unit is done is no longer the unit's");
        assertEquals(5, s.size());
    }

    @ParameterizedTest
    @ValueSource(strings = {"waiting for task %s to start", "cancel requested for job %s", "Task %s failed validation",
            "Failed to start task %s: no GPU", "Unable to take job %s, queue full", "won't start task %s before midnight"})
    void aLineThatOnlySpeaksOfAUnitTakesNothingOn(String mention) throws Exception {
        TaskSet set = read(String.format(mention, ID), "job %s state queried");
        assertNull(unit(set, 1), "after \"" + mention + "\"");
        assertNull(unit(set, 2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"job %s finished downloading inputs, starting compute", "Task %s: completed 3 of 10 steps"})
    void aStepOfTheUnitsWorkDoesNotEndIt(String step) throws Exception {
        TaskSet set = read("claimed job %s".formatted(ID), step);
        assertEquals(ID, unit(set, 4), "what the worker writes after \"" + step + "\" is still the unit's");
    }

    @Test
    void shardsLoadingAreCountedButShardsProcessedAreUnits() throws Exception {
        Path f = Files.write(dir.resolve("shards.log"), List.of(
                "2025-04-01 08:00:00,001 INFO [loader] loading checkpoint shard 2 of 4",
                "2025-04-01 08:00:00,002 INFO [loader] Loaded shard 3/4 in 1.2 s",
                "2025-04-01 08:00:01,001 INFO [etl-1] Processing shard 3 of 8",
                "2025-04-01 08:00:01,500 INFO [etl-1] wrote 1200 rows",
                "2025-04-01 08:00:02,000 ERROR [etl-1] Shard 3 failed: disk full"));
        TaskSet set = new Importer().importFiles(List.of(f), ImportMonitor.NONE);
        assertNull(unit(set, 0));
        assertNull(unit(set, 1));
        assertEquals(List.of("shard 3"), set.tasks().stream().map(t -> t.id()).toList(), "the shard processed is the file's one unit");
        assertEquals(unit(set, 2), unit(set, 3));
    }

    private TaskSet read(String first, String last) throws Exception {
        List<String> lines = List.of(
                "2025-04-01 08:00:00,001 INFO [render-2] " + first,
                "2025-04-01 08:00:00,120 INFO [render-2] loading weights from /models/wan-2.1",
                "2025-04-01 08:00:01,480 WARNING [render-2] frame 12 took 1.4 s",
                "2025-04-01 08:00:02,001 INFO [render-2] " + String.format(last, ID),
                "2025-04-01 08:00:02,350 INFO [render-2] polling the queue");
        Path f = Files.write(dir.resolve("render-2.log"), lines);
        return new Importer().importFiles(List.of(f), ImportMonitor.NONE);
    }

    private static String unit(TaskSet set, int event) {
        int t = set.store().task(event);
        return t < 0 ? null : set.tasks().get(t).id();
    }
}
