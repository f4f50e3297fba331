package faultline.importer;

import faultline.importer.read.KubectlEventsReader;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * kubectl's events table read as a file: the object a row is about is the unit, a failing Warning fails it with
 * its message, other warnings do not, and rows keep the file's order without a clock.
 */
class KubectlEventsTest {
    @TempDir
    Path dir;

    private Map<String, Task> read(String text) throws Exception {
        Path f = dir.resolve("events.txt");
        Files.writeString(f, text);
        TaskSet set = Fixtures.load(f);
        assertEquals(KubectlEventsReader.FORMAT.id(), set.report().files().get(0).format().id());
        assertTrue(set.sources().get(0).untimed(), "ages are no clock");
        return set.tasks().stream().collect(Collectors.toMap(Task::id, t -> t));
    }

    @Test
    void warningsThatFailAndOnesThatDoNot() throws Exception {
        Map<String, Task> units = read("""
                LAST SEEN   TYPE      REASON      OBJECT            MESSAGE
                5m          Normal    Started     pod/a-1           Started container a
                4m          Warning   Unhealthy   pod/a-1           Readiness probe failed: connection refused
                3m          Warning   BackOff     pod/b-2           Back-off restarting failed container b in pod b-2_x(0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f)
                1m          Normal    Completed   job.batch/nightly Job completed
                """);
        assertEquals(TaskStatus.IN_PROGRESS, units.get("a-1").status(), "a failed probe is no failure of the pod's work");
        assertEquals(TaskStatus.FAILED, units.get("b-2").status());
        assertTrue(units.get("b-2").errorMessage().startsWith("Back-off restarting"));
        assertEquals(TaskStatus.COMPLETE, units.get("nightly").status());
        assertEquals("job", units.get("nightly").type());
        assertFalse(units.containsKey("0f1e2d3c-4b5a-4968-8776-5a4b3c2d1e0f"), "an id inside a message is no unit");
        assertEquals(3, units.size());
    }

    @Test
    void aDescribedPodsEventsAreThatPods() throws Exception {
        Map<String, Task> units = read("""
                Name:             ingest-4b7c9-rx2lp
                Namespace:        data
                Node:             pool-b-7/10.8.3.21
                Status:           Running
                Containers:
                  ingest:
                    State:          Waiting
                      Reason:       CrashLoopBackOff
                Events:
                  Type     Reason     Age                From               Message
                  ----     ------     ----               ----               -------
                  Normal   Scheduled  6m                 default-scheduler  Successfully assigned data/ingest-4b7c9-rx2lp to pool-b-7
                  Normal   Started    6m (x3 over 6m)    kubelet            Started container ingest
                  Warning  BackOff    65s (x24 over 6m)  kubelet            Back-off restarting failed container ingest in pod ingest-4b7c9-rx2lp_data
                """);
        assertEquals(1, units.size(), units.keySet().toString());
        Task pod = units.get("ingest-4b7c9-rx2lp");
        assertEquals(TaskStatus.FAILED, pod.status());
        assertTrue(pod.errorMessage().startsWith("Back-off restarting failed container ingest"));
    }

    @Test
    void aContainersTerminationIsThePodsFailureWhereItsEventsOnlyTellABackOff() throws Exception {
        Map<String, Task> units = read("""
                Name:             embed-6c9f8-2kq4z
                Namespace:        ml
                Status:           Running
                Containers:
                  embed:
                    State:          Waiting
                      Reason:       CrashLoopBackOff
                    Last State:     Terminated
                      Reason:       OOMKilled
                      Exit Code:    137
                      Started:      Tue, 11 Mar 2025 09:18:55 +0000
                      Finished:     Tue, 11 Mar 2025 09:40:59 +0000
                    Restart Count:  4
                Events:
                  Type     Reason   Age                From     Message
                  ----     ------   ----               ----     -------
                  Warning  BackOff  20s (x9 over 3m)   kubelet  Back-off restarting failed container embed in pod embed-6c9f8-2kq4z_ml

                Name:             nightly-index-88x1
                Namespace:        ml
                Status:           Failed
                Reason:           Evicted
                Message:          The node was low on resource: memory.
                Events:           <none>

                Name:             warmup-3b7d1
                Status:           Succeeded
                Containers:
                  warm:
                    State:          Terminated
                      Reason:       Completed
                      Exit Code:    0
                Events:           <none>
                """);
        assertEquals(3, units.size(), units.keySet().toString());
        Task embed = units.get("embed-6c9f8-2kq4z");
        assertEquals(TaskStatus.FAILED, embed.status());
        assertEquals("OOMKilled (exit code 137)", embed.errorMessage());
        Task evicted = units.get("nightly-index-88x1");
        assertEquals(TaskStatus.FAILED, evicted.status());
        assertEquals("Evicted: The node was low on resource: memory.", evicted.errorMessage());
        assertEquals(TaskStatus.COMPLETE, units.get("warmup-3b7d1").status());
    }
}
