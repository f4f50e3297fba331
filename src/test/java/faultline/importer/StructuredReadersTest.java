package faultline.importer;

import faultline.model.ParseReport;
import faultline.model.SourceFormat;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** system_logs as JSON (array, JSON lines, the debug tool's document) and as CSV. */
class StructuredReadersTest {
    @TempDir
    Path dir;

    static final String A = "aaaaaaaa-1111-4222-8333-444455556666";
    static final String B = "bbbbbbbb-1111-4222-8333-444455556666";

    private static String row(String ts, String level, String task, String message, String metadata) {
        return "{\"timestamp\": \"" + ts + "\", \"log_level\": \"" + level + "\", \"source_type\": \"worker\", \"source_id\": \"gpu-1\","
                + " \"task_id\": " + (task == null ? "null" : "\"" + task + "\"") + ", \"worker_id\": \"gpu-20260224_140402-5c1e7a9d\","
                + " \"message\": \"" + message + "\", \"metadata\": " + metadata + "}";
    }

    @Test
    void readsAJsonArrayOfRows() throws Exception {
        Path f = write(dir, "rows.json", "[\n" + row("2026-02-24T14:31:53.55306+00:00", "INFO", A, "GENERATION: LOOP [9/32]: x", "{}") + ",\n"
                + row("2026-02-24T14:31:54.583+00:00", "INFO", A, "Processing status update", "{\"status\": \"Failed\"}") + "\n]\n");
        TaskSet set = load(f);
        assertEquals(SourceFormat.SYSTEM_LOGS_JSON, report(set, 0).format());
        assertEquals("system_logs (JSON)", report(set, 0).format().label(), "the worker system's rows are named so");
        assertEquals("2026-02-24 14:31:53.55306", time(set, 0));
        assertEquals(3, set.store().line(1), "each row keeps its own line");
        Task a = task(set, A);
        assertEquals(TaskStatus.FAILED, a.status(), "a status update to Failed in the metadata");
        assertEquals("gpu-20260224_140402-5c1e7a9d", a.workerId());
        assertTrue(set.store().raw(1).contains("\"status\":\"Failed\""), "the raw row shows its metadata");
    }

    @Test
    void readsJsonLines() throws Exception {
        Path f = write(dir, "rows.jsonl", row("2026-02-24T14:31:53.5Z", "DEBUG", A, "x", "null") + "\n"
                + row("2026-02-24T14:31:53.6Z", "ERROR", B, "y", "\"{\\\"k\\\": 1}\"") + "\n");
        TaskSet set = load(f);
        assertEquals(2, set.store().size());
        assertEquals(2, set.tasks().size());
    }

    @Test
    void readsTheDebugToolsDocumentWithItsTaskRowAndChildren() throws Exception {
        Path f = write(dir, "task.json", "{\"task_id\": \"" + A + "\", \"state\": {\"id\": \"" + A + "\", \"task_type\": \"travel_orchestrator\","
                + " \"status\": \"Failed\", \"created_at\": \"2026-02-24T14:23:14.617+00:00\", \"params\": {\"run_id\": \"r1\", \"guidance_scale\": 7.5}},"
                + " \"logs\": [" + row("2026-02-24T14:23:15.1+00:00", "INFO", A, "TRAVEL: Starting", "{}") + "],"
                + " \"child_tasks\": [{\"id\": \"" + B + "\", \"task_type\": \"travel_segment\", \"status\": \"Complete\","
                + " \"created_at\": \"2026-02-24T14:23:21.437+00:00\"}]}\n");
        TaskSet set = load(f);
        Task a = task(set, A);
        Task b = task(set, B);
        assertEquals("travel_orchestrator", a.type());
        assertEquals("7.5", a.params().get("guidance_scale").text());
        assertEquals("float", a.params().get("guidance_scale").type());
        assertEquals("r1", a.runId());
        assertEquals(A, b.parentId(), "child_tasks are children of the document's task");
        assertEquals(TaskStatus.COMPLETE, b.status());
        assertEquals(3, a.created().precision());
    }

    @Test
    void aCascadeFromAChildMakesTheOrchestratorItsParent() throws Exception {
        Path f = write(dir, "rows.json", "[{\"id\": \"" + A + "\", \"task_type\": \"travel_orchestrator\", \"status\": \"Failed\","
                + " \"error_message\": \"Cascaded failed from related task " + B + "\"},"
                + " {\"id\": \"" + B + "\", \"task_type\": \"travel_segment\", \"status\": \"Failed\"}]\n");
        TaskSet set = load(f);
        assertEquals(A, task(set, B).parentId());
        assertEquals("", task(set, A).parentId());
    }

    @Test
    void aTruncatedJsonDocumentKeepsItsRowsAndSaysWhereItBroke() throws Exception {
        Path f = write(dir, "cut.json", "[\n" + row("2026-02-24T14:31:53.5Z", "INFO", A, "first", "{}") + ",\n"
                + "{\"timestamp\": \"2026-02-24T14:31:53.6Z\", \"message\": \"sec");
        TaskSet set = load(f);
        ParseReport.FileReport r = report(set, 0);
        assertNull(r.fatal());
        assertNotNull(r.incomplete(), "a half-read file is not presented as complete");
        assertTrue(r.incomplete().contains("line 3"), r.incomplete());
        assertEquals(1, set.store().size());
    }

    @Test
    void readsCsvByItsHeaderInAnyColumnOrder() throws Exception {
        Path f = write(dir, "rows.csv", "message,log_level,timestamp,task_id,metadata\n"
                + "\"Processing status update\",INFO,2026-02-24T14:31:54.583+00:00," + A + ",\"{\"\"status\"\": \"\"Failed\"\"}\"\n"
                + "\"GENERATION: LOOP [9/32]: a, b\",DEBUG,2026-02-24T14:31:53.55306+00:00," + A + ",\n");
        TaskSet set = load(f);
        assertEquals(SourceFormat.SYSTEM_LOGS_CSV, report(set, 0).format());
        assertEquals(2, set.store().size());
        assertEquals("GENERATION: LOOP [9/32]: a, b", set.store().message(1));
        assertEquals(TaskStatus.FAILED, task(set, A).status());
        assertEquals(3, set.store().line(1));
    }

    @Test
    void aCsvWithoutTheNeededColumnsIsReadAsTextAndSaysWhichColumnsItHas() throws Exception {
        Path g = write(dir, "rows2.csv", "timestamp,level,count,task_id\n2026-02-24T10:00:00Z,INFO,3,\n");
        ParseReport.FileReport r = report(load(g), 0);
        assertNull(r.fatal());
        assertEquals(SourceFormat.TEXT_LOG, r.format());
        String why = r.problems().stream().map(ParseReport.Problem::reason).filter(p -> p.startsWith("read as text")).findFirst().orElse(null);
        assertNotNull(why);
        assertTrue(why.contains("rows2.csv") && why.contains("message") && why.contains("timestamp, level, count, task_id"), why);
    }

    @Test
    void aCsvOfAnotherSchemaIsReadByItsColumnNames() throws Exception {
        Path f = write(dir, "export.csv", "time,severity,msg,job_id\n"
                + "2025-03-02 10:11:12.345,WARN,\"slow, but going\",j-17\n"
                + "2025-03-02 10:11:13.5,ERROR,job j-17 failed,j-17\n");
        TaskSet set = load(f);
        assertEquals(2, set.store().size());
        assertEquals("2025-03-02 10:11:12.345", time(set, 0));
        assertEquals(faultline.model.Level.WARNING, set.store().level(0));
        assertEquals("slow, but going", set.store().message(0));
        assertEquals(TaskStatus.FAILED, task(set, "j-17").status());
    }

    @Test
    void aCsvOfTasksRowsGivesTasks() throws Exception {
        Path f = write(dir, "tasks.csv", "id,task_type,status,created_at,updated_at,error_message,worker_id\n"
                + A + ",travel_segment,Failed,2026-02-24T14:23:21.459+00:00,2026-02-24T14:31:55.009+00:00,\"ValueError: bad\",gpu-20260224_140402-5c1e7a9d\n"
                + B + ",travel_segment,Complete,2026-02-24T14:23:21.5+00:00,2026-02-24T14:30:00+00:00,,\n");
        TaskSet set = load(f);
        assertEquals(TaskStatus.FAILED, task(set, A).status());
        assertEquals("ValueError: bad", task(set, A).errorMessage());
        assertEquals(TaskStatus.COMPLETE, task(set, B).status());
        assertEquals(2, task(set, A).eventCount(), "created and failed, as events of the task");
    }
}
