package faultline.importer;

import faultline.model.EventStore;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Units named by where a line writes them rather than by a noun in its text: a prefork server's worker by its pid,
 * a rank by a logger's prefix or a header field, a Metaflow task by its pathspec; and "shard N" in a message's prose,
 * which names no unit.
 */
class PrefixedUnitsTest {
    @TempDir
    Path dir;

    @Test
    void aChildProcessTheMasterSawDieIsAFailedUnitOfItsOwn() throws Exception {
        TaskSet set = Fixtures.load(Fixtures.write(dir, "uvicorn.log", String.join("\n",
                "INFO:     Uvicorn running on http://0.0.0.0:8000 (Press CTRL+C to quit)",
                "INFO:     Started parent process [7]",
                "INFO:     Started server process [11]",
                "INFO:     Started server process [12]",
                "INFO:     Child process [12] died",
                "INFO:     Waiting for application startup.", "")));
        assertEquals(List.of("pid:12"), set.tasks().stream().map(Task::id).toList(), "the parent and a server's own process are no units");
        assertEquals(TaskStatus.FAILED, set.find("pid:12").orElseThrow().status());
        assertNull(unit(set, "Waiting for application startup."), "the master's next line is nobody's");
    }

    @Test
    void aPoolProcessKilledUnderATaskStillFailsTheTask() throws Exception {
        TaskSet set = Fixtures.load(Fixtures.write(dir, "celery.log", String.join("\n",
                "[2025-03-02 10:11:12,345: INFO/MainProcess] Task app.render[5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f] received",
                "[2025-03-02 10:11:12,400: INFO/ForkPoolWorker-3] render starting",
                "[2025-03-02 10:11:40,001: ERROR/MainProcess] Process 'ForkPoolWorker-3' pid:1234 exited with 'signal 9 (SIGKILL)'", "")));
        assertEquals(List.of("5f0c1d2e-3a4b-4c5d-8e6f-7a8b9c0d1e2f"), set.tasks().stream().map(Task::id).toList());
    }

    @Test
    void aLoggersRankPrefixAndAHeaderFieldNameTheRankAsTorchrunsPrefixDoes() throws Exception {
        TaskSet set = Fixtures.load(Fixtures.write(dir, "ranks.log", String.join("\n",
                "[rank: 1] Seed set to 42",
                "[rank: 0]: Seed set to 42",
                "[2025-05-01 10:00:00,123] [INFO] [axolotl.train.train:173] [PID:1234] [RANK:1] Starting trainer...",
                "[rank1]: Traceback (most recent call last):",
                "[rank1]:   File \"/srv/train.py\", line 9, in <module>",
                "[rank1]: RuntimeError: boom", "")));
        assertEquals("rank1", unit(set, "Seed set to 42"));
        assertEquals("rank1", unit(set, "Starting trainer..."));
        assertEquals("rank1", unit(set, "Traceback"));
        assertTrue(set.find("rank0").isPresent(), "\"[rank: 0]:\" names rank 0");
        assertEquals(2, set.tasks().size(), "one unit a rank, however written");
    }

    @Test
    void aShardInProseIsNoUnitButALaunchersShardIs() throws Exception {
        TaskSet set = Fixtures.load(Fixtures.write(dir, "shards.log", String.join("\n",
                "2025-04-01 08:00:00,001 INFO decoded shard 0: 512 clips",
                "2025-04-01 08:00:00,002 ERROR ValueError: shard 1 is truncated at byte 88",
                "2025-04-01 08:00:01,001 ERROR Shard 2 failed to start", "")));
        assertEquals(List.of("Shard 2"), set.tasks().stream().map(Task::id).toList());
    }

    @Test
    void aMetaflowTasksLinesAreItsOwnAndTheRuntimesAreNone() throws Exception {
        TaskSet set = Fixtures.load(Fixtures.write(dir, "flow.log", String.join("\n",
                "2025-05-14 13:05:11.530 [1715690000000001/train/4 (pid 311)] Task is starting.",
                "2025-05-14 13:05:11.540 [1715690000000001/train/5 (pid 312)] Task is starting.",
                "2025-05-14 13:05:13.861 [1715690000000001/train/4 (pid 311)] shard 3: 80 rows",
                "2025-05-14 13:05:14.207 [1715690000000001/train/4 (pid 311)] Task failed.",
                "2025-05-14 13:05:14.300 Workflow failed.", "")));
        assertEquals("1715690000000001/train/4", unit(set, "shard 3"));
        assertNull(unit(set, "Workflow failed."));
        assertEquals(TaskStatus.FAILED, set.find("1715690000000001/train/4").orElseThrow().status());
        assertTrue(set.find("shard 3").isEmpty());
    }

    private static String unit(TaskSet set, String contains) {
        EventStore s = set.store();
        for (int i = 0; i < s.size(); i++) {
            if (s.message(i).contains(contains)) {
                return s.task(i) >= 0 ? set.tasks().get(s.task(i)).id() : null;
            }
        }
        throw new AssertionError("no event with " + contains);
    }
}
