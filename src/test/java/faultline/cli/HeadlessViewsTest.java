package faultline.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code faultline events} and {@code faultline tasks}: the model, one record a line, for scripts. */
class HeadlessViewsTest {
    @TempDir
    Path dir;

    static final ObjectMapper JSON = new ObjectMapper();
    static final String JOB = "4f1c2d3e-aaaa-4bbb-8ccc-111122223333";

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> rows = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                assertFalse(line.startsWith(" "), "one record a line, nothing before it: " + line);
                rows.add(JSON.readTree(line));
            }
        }
        return rows;
    }

    static List<Map<String, String>> csv(String out) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(out)) {
            while (it.hasNext()) {
                rows.add(it.next());
            }
        }
        return rows;
    }

    private Path workerLog() throws Exception {
        Path f = dir.resolve("worker.jsonl");
        Files.writeString(f, String.join("\n",
                "{\"ts\": \"2025-03-02T10:11:12.345Z\", \"level\": \"info\", \"msg\": \"job " + JOB + " started\", \"job_id\": \"" + JOB + "\"}",
                "{\"ts\": \"2025-03-02T10:11:12.5Z\", \"level\": \"warning\", \"msg\": \"frame 7, \\\"odd\\\" size\\nsecond line \\u0007 bell\"}",
                "a stray line",
                "{\"ts\": \"2025-03-02T10:11:13.000001Z\", \"level\": \"error\", \"msg\": \"job " + JOB + " failed\", \"job_id\": \"" + JOB + "\","
                        + " \"exc_info\": \"Traceback (most recent call last):\\n  File \\\"/srv/job.py\\\", line 9, in run\\n    go()\\nKeyError: 'x'\"}",
                "{\"ts\": 1740910400, \"level\": \"info\", \"msg\": \"idle\"}",
                ""), StandardCharsets.UTF_8);
        return f;
    }

    @Test
    void eventsAsJsonLinesCarryFileLineTimeWithItsDigitsLevelTaskAndMessage() throws Exception {
        Run r = run("events", workerLog().toString());
        assertEquals(0, r.code(), r.err());
        List<JsonNode> rows = jsonLines(r.out());
        assertEquals(5, rows.size());
        JsonNode first = rows.get(0);
        assertEquals("worker.jsonl", first.get("file").asText());
        assertEquals(1, first.get("line").asInt());
        assertEquals("2025-03-02T10:11:12.345Z", first.get("time").asText(), "ISO-8601 with exactly the digits the line had");
        assertEquals(3, first.get("precision").asInt());
        assertFalse(first.get("estimated").asBoolean());
        assertEquals("INFO", first.get("level").asText());
        assertEquals(JOB, first.get("task").asText());
        assertEquals("2025-03-02T10:11:12.5Z", rows.get(1).get("time").asText());
        assertEquals("WARNING", rows.get(1).get("level").asText());
        assertEquals(JOB, rows.get(1).get("task").asText(), "a line without an id belongs to the job its writer started");
        assertEquals("frame 7, \"odd\" size\nsecond line \u0007 bell", rows.get(1).get("message").asText());
        assertTrue(r.out().contains("\\n") && r.out().contains("\\u0007"), "control characters are escaped, not written raw");
        JsonNode stray = rows.get(2);
        assertEquals(3, stray.get("line").asInt());
        assertTrue(stray.get("level").isNull(), "a line without a level");
        assertTrue(stray.get("estimated").asBoolean());
        assertEquals("2025-03-02T10:11:13.000001Z", rows.get(3).get("time").asText());
        assertEquals("2025-03-02T10:13:20Z", rows.get(4).get("time").asText(), "epoch seconds: no fraction digits");
        assertEquals(0, rows.get(4).get("precision").asInt());
    }

    @Test
    void eventsOfOneTask() throws Exception {
        Run r = run("events", workerLog().toString(), "--task", JOB.substring(0, 8));
        assertEquals(0, r.code(), r.err());
        List<JsonNode> rows = jsonLines(r.out());
        // Its two records, the id-less record between them and the stray print there: all of them its own.
        assertEquals(4, rows.size());
        assertEquals(3, rows.get(2).get("line").asInt());
        for (JsonNode row : rows) {
            assertEquals(JOB, row.get("task").asText());
        }
        Run unknown = run("events", workerLog().toString(), "--task", "ffffffff");
        assertEquals(1, unknown.code());
        assertTrue(unknown.err().contains("no task ffffffff"), unknown.err());
    }

    @Test
    void eventsAsCsvQuoteWhatNeedsQuotingAndKeepTheText() throws Exception {
        Run r = run("events", workerLog().toString(), "--format", "csv");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("file,line,time,precision,estimated,level,task,message\n"), r.out());
        List<Map<String, String>> rows = csv(r.out());
        assertEquals(5, rows.size());
        assertEquals("frame 7, \"odd\" size\nsecond line \u0007 bell", rows.get(1).get("message"), "kept as it is, quoted");
        assertTrue(r.out().contains("\"frame 7, \"\"odd\"\" size\nsecond line \u0007 bell\""));
        assertEquals("", rows.get(2).get("level"), "no level: an empty field");
        assertEquals("2025-03-02T10:11:12.345Z", rows.get(0).get("time"));
    }

    @Test
    void timesAreShownInTheOffsetTheFileWrites() throws Exception {
        Path f = dir.resolve("berlin.jsonl");
        Files.writeString(f, "{\"time\": \"2025-03-02T10:11:12.34+01:00\", \"msg\": \"a\"}\n"
                + "{\"time\": \"2025-07-02T10:11:12+02:00\", \"msg\": \"b\"}\n");
        List<JsonNode> rows = jsonLines(run("events", f.toString()).out());
        assertEquals("2025-03-02T10:11:12.34+01:00", rows.get(0).get("time").asText());
        assertEquals("2025-07-02T10:11:12+02:00", rows.get(1).get("time").asText(), "each line in the offset it writes");
    }

    @Test
    void anAccessLogThatTurnsToSummerTimeIsShownInEachLinesOffset() throws Exception {
        Path f = dir.resolve("access.log");
        Files.writeString(f, "10.0.0.8 - - [30/Mar/2025:00:59:58 +0000] \"GET /health HTTP/1.1\" 200 2\n"
                + "10.0.0.8 - - [30/Mar/2025:02:00:01 +0100] \"GET /health HTTP/1.1\" 200 2\n");
        List<JsonNode> rows = jsonLines(run("events", f.toString()).out());
        assertEquals("2025-03-30T00:59:58Z", rows.get(0).get("time").asText());
        assertEquals("2025-03-30T02:00:01+01:00", rows.get(1).get("time").asText(), "the offset written after a space");
    }

    @Test
    void eachLineIsShownInTheOffsetItsClockWritesAndATimeInAMessageChangesNothing() throws Exception {
        Path f = dir.resolve("mixed.log");
        Files.writeString(f, "2025-01-02 10:11:12,123 INFO [main] a - request at 2025-01-02T10:11:12+05:30 done\n"
                + "2025-01-02 10:11:13.500 CET INFO [main] a - the zone's abbreviation\n"
                + "2025-01-02 10:11:14.250 +01:00 INFO [main] a - an offset after a space\n"
                + "[2025-01-02 10:11:15 -0500] [12] [INFO] gunicorn's\n"
                + "2025-01-02 10:11:16,000 INFO [main] a - none again\n");
        List<JsonNode> rows = jsonLines(run("events", f.toString()).out());
        assertEquals("2025-01-02T10:11:12.123Z", rows.get(0).get("time").asText(), "the message's time is not the line's");
        assertEquals("2025-01-02T10:11:13.500+01:00", rows.get(1).get("time").asText());
        assertEquals("2025-01-02T10:11:14.250+01:00", rows.get(2).get("time").asText());
        assertEquals("2025-01-02T10:11:15-05:00", rows.get(3).get("time").asText());
        assertEquals("2025-01-02T10:11:16.000Z", rows.get(4).get("time").asText(), "a line without an offset, in the file's zone");
        Path logcat = dir.resolve("logcat.txt");
        Files.writeString(logcat, "01-02 10:11:12.345678 +0100  1234  1250 I ActivityManager: Start proc 4321\n"
                + "01-02 10:11:13.002000 +0100  4321  4321 W System  : A resource failed\n");
        Files.setLastModifiedTime(logcat, java.nio.file.attribute.FileTime.from(java.time.Instant.parse("2025-01-03T00:00:00Z")));
        List<JsonNode> cat = jsonLines(run("events", logcat.toString()).out());
        assertEquals("2025-01-02T10:11:12.345678+01:00", cat.get(0).get("time").asText(), "logcat's -v usec,zone");
    }

    @Test
    void anUntimedFileHasNoTimes() throws Exception {
        Path f = dir.resolve("untimed.jsonl");
        Files.writeString(f, "{\"msg\": \"got prompt\"}\n{\"msg\": \"Prompt executed in 3.2 seconds\"}\n");
        List<JsonNode> rows = jsonLines(run("events", f.toString()).out());
        assertEquals(2, rows.size());
        for (JsonNode row : rows) {
            assertTrue(row.get("time").isNull(), "never 1970-01-01: " + row);
            assertTrue(row.get("estimated").asBoolean());
        }
        assertEquals(2, rows.get(1).get("line").asInt());
    }

    @Test
    void anUntimedFilesTasksHaveNoTimes() throws Exception {
        Path f = dir.resolve("untimed-worker.log");
        Files.writeString(f, "Task 3f2a1b4c-1111-2222-3333-444455556666 received\nworking on it\n"
                + "Task 3f2a1b4c-1111-2222-3333-444455556666 raised: RuntimeError: boom\n");
        List<JsonNode> rows = jsonLines(run("tasks", f.toString()).out());
        assertEquals(1, rows.size());
        assertEquals("FAILED", rows.get(0).get("status").asText());
        assertTrue(rows.get(0).get("start").isNull(), "never 1970-01-01: " + rows.get(0));
        assertTrue(rows.get(0).get("end").isNull(), "never 1970-01-01: " + rows.get(0));
    }

    @Test
    void tasksWithStatusTimesExceptionSiteAndSignature() throws Exception {
        Run r = run("tasks", workerLog().toString());
        assertEquals(0, r.code(), r.err());
        List<JsonNode> rows = jsonLines(r.out());
        assertEquals(1, rows.size());
        JsonNode job = rows.get(0);
        assertEquals(JOB, job.get("id").asText());
        assertEquals("4f1c2d3e", job.get("shortId").asText());
        assertEquals("FAILED", job.get("status").asText());
        assertEquals("2025-03-02T10:11:12.345Z", job.get("start").asText());
        assertEquals("2025-03-02T10:11:13.000001Z", job.get("end").asText());
        assertEquals("KeyError", job.get("exception").asText());
        assertEquals("run (job.py:9)", job.get("site").asText());
        assertTrue(job.get("signature").asText().startsWith("KeyError"), job.toString());
        assertEquals("job", job.get("type").asText(), "the word before its id says what kind of unit it is");

        List<Map<String, String>> csv = csv(run("tasks", workerLog().toString(), "--format", "csv").out());
        assertEquals("run (job.py:9)", csv.get(0).get("site"));
    }

    @Test
    void printedTasksRowsGiveTasksAndAReport() throws Exception {
        Path f = dir.resolve("failed.txt");
        Files.writeString(f, """
                Found 1 failed task:
                [{"id": "%s", "task_type": "travel_segment", "status": "Failed", "created_at": "2025-03-02T10:00:01.25+00:00",
                  "updated_at": "2025-03-02T10:02:44.9+00:00", "error_message": "RuntimeError: CUDA error: out of memory",
                  "worker_id": "gpu-20250302_095500-1a2b3c4d"}]
                Done.
                """.formatted(JOB));
        List<JsonNode> tasks = jsonLines(run("tasks", f.toString()).out());
        assertEquals(1, tasks.size());
        assertEquals("FAILED", tasks.get(0).get("status").asText());
        assertEquals("gpu-20250302_095500-1a2b3c4d", tasks.get(0).get("worker").asText());
        assertEquals("2025-03-02T10:00:01.25Z", tasks.get(0).get("start").asText());
        assertEquals("2025-03-02T10:02:44.9Z", tasks.get(0).get("end").asText());
        assertEquals("RuntimeError", tasks.get(0).get("exception").asText());
        Run report = run("report", f.toString());
        assertEquals(0, report.code(), report.err());
        assertTrue(report.out().contains("RuntimeError: CUDA error: out of memory"), report.out());
    }

    @Test
    void aTaskKnownOnlyFromItsRowIsListedWithTheExceptionOfItsErrorText() throws Exception {
        Path f = dir.resolve("task_doc.json");
        String parent = "aaaaaaaa-1111-4222-8333-444455556666";
        Files.writeString(f, "{\"task_id\": \"" + parent + "\", \"state\": {\"id\": \"" + parent + "\", \"task_type\": \"travel_orchestrator\","
                + " \"status\": \"Failed\"}, \"logs\": [{\"timestamp\": \"2026-02-24T14:23:15.1+00:00\", \"log_level\": \"ERROR\","
                + " \"source_type\": \"worker\", \"task_id\": \"" + parent + "\", \"message\": \"TRAVEL: failed\"}],"
                + " \"child_tasks\": [{\"id\": \"" + JOB + "\", \"task_type\": \"travel_segment\", \"status\": \"Failed\","
                + " \"error_message\": \"ValueError: bad\"}]}\n");
        Run r = run("tasks", f.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode child = jsonLines(r.out()).stream().filter(n -> n.get("id").asText().equals(JOB)).findFirst().orElseThrow();
        assertEquals("FAILED", child.get("status").asText());
        assertEquals("ValueError", child.get("exception").asText());
        assertTrue(child.get("end").isNull());
    }

    @Test
    void aWrongFormatIsAUsageError() throws Exception {
        Run r = run("events", workerLog().toString(), "--format", "xml");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--format is jsonl or csv"), r.err());
    }
}
