package faultline.importer;

import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A driver script that raises after the tasks it ran had finished (a Ray job's driver): the bare traceback is the
 * driver's own failure, named after its job or file, and not the last task's; after a task's failure, a bare
 * traceback at the end tells that failure again and makes no unit.
 */
class DriverCrashTest {
    @TempDir
    Path dir;

    private static final String TASKS = """
            2025-04-02 07:30:00,101\tINFO worker.py:1832 -- Connected to Ray cluster.
            2025-04-02 07:30:01,200\tINFO batch.py:12 -- Starting task a1b2c3d4 (part 1)
            2025-04-02 07:30:01,201\tINFO batch.py:12 -- Starting task e5f6a7b8 (part 2)
            2025-04-02 07:30:09,310\tINFO batch.py:19 -- Finished task a1b2c3d4 in 8.1s
            """;

    private static final String RAISED = """
            Traceback (most recent call last):
              File "/srv/batch/batch.py", line 40, in <module>
                publish(summary)
              File "/srv/batch/batch.py", line 33, in publish
                raise KeyError("bucket")
            KeyError: 'bucket'
            """;

    private Map<String, Task> read(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        TaskSet set = Fixtures.load(f);
        return set.tasks().stream().collect(Collectors.toMap(Task::id, t -> t));
    }

    @Test
    void aTracebackAfterTheTasksFinishedIsTheDriversOwnFailure() throws Exception {
        Map<String, Task> units = read("job-driver-raysubmit_Tq4Wz8.log",
                TASKS + "2025-04-02 07:30:12,002\tINFO batch.py:19 -- Finished task e5f6a7b8 in 10.8s\n" + RAISED);
        assertEquals(TaskStatus.COMPLETE, units.get("a1b2c3d4").status());
        assertEquals(TaskStatus.COMPLETE, units.get("e5f6a7b8").status(), "the last task is not the crash's");
        Task job = units.get("raysubmit_Tq4Wz8");
        assertTrue(job != null, units.keySet().toString());
        assertEquals(TaskStatus.FAILED, job.status());
        assertEquals("job", job.type());
    }

    @Test
    void aDriverLogWithoutAJobIdIsNamedAfterItsFile() throws Exception {
        Map<String, Task> units = read("nightly-batch.log",
                TASKS + "2025-04-02 07:30:12,002\tINFO batch.py:19 -- Finished task e5f6a7b8 in 10.8s\n" + RAISED);
        assertEquals(TaskStatus.FAILED, units.get("nightly-batch").status(), units.toString());
    }

    @Test
    void aTracebackAtTheEndAfterATasksFailureMakesNoUnit() throws Exception {
        Map<String, Task> units = read("relay.log",
                TASKS + "2025-04-02 07:30:12,002\tERROR batch.py:21 -- Task e5f6a7b8 failed: KeyError('bucket')\n" + RAISED);
        List<String> failed = units.values().stream().filter(t -> t.status() == TaskStatus.FAILED).map(Task::id).toList();
        assertEquals(List.of("e5f6a7b8"), failed);
    }
}
