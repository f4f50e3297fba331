package faultline.importer;

import faultline.Samples;
import faultline.model.EventStore;
import faultline.model.ParseReport;
import faultline.model.SourceFormat;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The bundled sample: four files in two formats become the tasks of the seed's two runs. */
class SampleImportTest {
    static TaskSet set;

    @BeforeAll
    static void load() {
        set = Samples.importSample();
    }

    @Test
    void everyFileIsReadInItsFormat() {
        List<ParseReport.FileReport> files = set.report().files();
        assertEquals(4, files.size());
        assertEquals(SourceFormat.WORKER_CONSOLE, files.get(0).format());
        for (int i = 1; i < 4; i++) {
            assertEquals(SourceFormat.SYSTEM_LOGS_JSON, files.get(i).format(), files.get(i).file());
        }
        assertEquals(0, set.report().totalUnparsed());
        assertTrue(set.report().failures().isEmpty());
    }

    @Test
    void findsTheTasksOfBothRunsWithFailuresFirst() {
        Set<String> ids = set.tasks().stream().map(Task::shortId).collect(Collectors.toSet());
        assertEquals(Set.of("78cd8678", "e040ae48", "c2d9f4a6", "e6a3b1f9", "9b1e5d2c", "d47a0f83"), ids);
        assertEquals(4, set.failed().size());
        List<Task> tasks = set.tasks();
        for (int i = 0; i < 4; i++) {
            assertEquals(TaskStatus.FAILED, tasks.get(i).status(), "failed tasks come first");
        }
        assertEquals(TaskStatus.COMPLETE, set.find("9b1e5d2c").orElseThrow().status());
        assertEquals(TaskStatus.COMPLETE, set.find("d47a0f83").orElseThrow().status());
    }

    @Test
    void consoleAndDatabaseSightingsOfOneEventAreKeptOnce() {
        Task current = set.find(Samples.CURRENT).orElseThrow();
        EventStore store = set.store();
        long loop9 = 0;
        for (int row : current.events()) {
            if (store.message(row).contains("LOOP [9/32]: Processing param='guidance_scale'")) {
                loop9++;
                assertEquals(5, store.precision(row), "the database row (.55306, trailing zero trimmed) is the one kept");
                assertTrue(store.source(row) > 0, "kept from a system_logs file");
                int twin = store.twin(row);
                assertTrue(twin >= 0, "the console sighting is linked");
                assertEquals(0, store.source(twin), "the twin comes from the console file");
            }
        }
        assertEquals(1, loop9);
        assertEquals(66, current.eventCount());
        assertEquals(172, set.find(Samples.PREVIOUS).orElseThrow().eventCount());
    }

    @Test
    void tasksCarryTheirRowFacts() {
        Task current = set.find("78cd8678").orElseThrow();
        assertEquals("travel_segment", current.type());
        assertEquals("gpu-20260224_140402-5c1e7a9d", current.workerId());
        assertEquals("c2d9f4a6-1e7b-4c3a-9d52-8f0a6b3e7c14", current.parentId());
        assertEquals("1", current.params().get("guidance_scale").text());
        assertEquals("int", current.params().get("guidance_scale").type());
        assertFalse(current.errorMessage().isEmpty());
    }

    @Test
    void consoleLinesAfterAKnownRowAreOrderedAfterIt() {
        // The traceback is stamped [14:31:53] in the console; file order puts it after LOOP [9]'s last row.
        Task current = set.find(Samples.CURRENT).orElseThrow();
        EventStore store = set.store();
        int getting = -1;
        int critical = -1;
        int[] rows = current.events();
        for (int k = 0; k < rows.length; k++) {
            String m = store.message(rows[k]);
            if (m.contains("LOOP [9]: Getting old value")) {
                getting = k;
            }
            if (m.contains("hit UNEXPECTED exception")) {
                critical = k;
            }
        }
        assertTrue(getting >= 0 && critical > getting, "traceback after the last loop row");
        assertTrue(store.nanos(rows[critical]) > store.nanos(rows[getting]),
                "the console second [14:31:53] starts after the microsecond row written before it");
        assertTrue(store.latest(rows[critical]) < store.nanos(rows[getting]) + 1_000_000_000L);
    }
}
