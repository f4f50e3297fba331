package faultline.importer;

import faultline.analysis.Analyzer;
import faultline.model.Crash;
import faultline.model.Level;
import faultline.model.ParseReport;
import faultline.model.SourceFormat;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.report;
import static faultline.importer.Fixtures.row;
import static faultline.importer.Fixtures.task;
import static faultline.importer.Fixtures.time;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JSON logs of the schemas operators have — hosting platforms, docker's json-file, structlog, pino
 * and bunyan, printed tasks rows with a script's text around them — read by field name.
 */
class JsonSchemasTest {
    @TempDir
    Path dir;

    static final String JOB = "4f1c2d3e-aaaa-4bbb-8ccc-111122223333";
    static final String SEG = "9e8d7c6b-1111-4222-8333-abcdefabcdef";
    static final String ORCH = "0a0b0c0d-2222-4333-8444-555566667777";

    @Test
    void aHostingPlatformsRecordKeepsTheApplicationsClockAndLevel() throws Exception {
        Path f = write(dir, "platform.json", """
                {"timestamp":"2025-03-02T10:11:14.901234Z","severity":"info","message":"render job claimed","attributes":{"asctime":"2025-03-02 10:11:12,345","levelname":"INFO","name":"render.worker","job_id":"%1$s"}}
                {"timestamp":"2025-03-02T10:11:15.100000Z","severity":"info","message":"render job failed","attributes":{"asctime":"2025-03-02 10:11:12,871","levelname":"ERROR","name":"render.worker","job_id":"%1$s","exc_info":"Traceback (most recent call last):\\n  File \\"/srv/render/job.py\\", line 88, in run\\n    frames = decode(path)\\n  File \\"/srv/render/codec.py\\", line 21, in decode\\n    raise ValueError(f\\"no frames in {path}\\")\\nValueError: no frames in clip.mp4"}}
                """.formatted(JOB));
        TaskSet set = load(f);
        assertEquals(SourceFormat.SYSTEM_LOGS_JSON, report(set, 0).format());
        assertEquals("JSON log records (fields read by name)", report(set, 0).format().label(), "a platform's records of a program's logging");
        int claimed = row(set, "render job claimed");
        assertEquals("2025-03-02 10:11:12.345", time(set, claimed), "asctime, not the platform's ingestion time");
        assertEquals(3, set.store().precision(claimed));
        assertTrue(set.store().raw(claimed).contains("2025-03-02T10:11:14.901234Z"), "the ingestion time stays in the raw record");
        int failed = row(set, "render job failed");
        assertEquals(Level.ERROR, set.store().level(failed), "the application's levelname over the platform's severity");
        Task job = task(set, JOB);
        assertEquals(2, job.eventCount());
        Crash c = new Analyzer(set).analyse(job).crash();
        assertNotNull(c, "an error with a traceback is a failure");
        assertEquals("ValueError", c.exceptionType());
        assertEquals("no frames in clip.mp4", c.message());
        assertEquals("decode (codec.py:21)", c.site().text());
    }

    @Test
    void dockerJsonFileLinesTakeTheTimeInsideTheLogAndJoinATraceback() throws Exception {
        Path f = write(dir, "container-json.log", """
                {"log":"2025-03-02 10:11:12,345 INFO worker: claimed job %1$s\\n","stream":"stdout","time":"2025-03-02T10:11:12.346789012Z"}
                {"log":"2025-03-02 10:11:13,002 ERROR worker: job %1$s crashed\\n","stream":"stderr","time":"2025-03-02T10:11:13.003100000Z"}
                {"log":"Traceback (most recent call last):\\n","stream":"stderr","time":"2025-03-02T10:11:13.003200000Z"}
                {"log":"  File \\"/srv/app/render.py\\", line 40, in render\\n","stream":"stderr","time":"2025-03-02T10:11:13.003300000Z"}
                {"log":"    raise RuntimeError(\\"CUDA error: an illegal memory access was encountered\\")\\n","stream":"stderr","time":"2025-03-02T10:11:13.003400000Z"}
                {"log":"RuntimeError: CUDA error: an illegal memory access was encountered\\n","stream":"stderr","time":"2025-03-02T10:11:13.003500000Z"}
                {"log":"2025-03-02 10:11:14,500 INFO worker: waiting for work\\n","stream":"stdout","time":"2025-03-02T10:11:14.501000000Z"}
                """.formatted(JOB));
        TaskSet set = load(f);
        int claimed = row(set, "claimed job");
        assertEquals("2025-03-02 10:11:12.345", time(set, claimed), "the application's clock, not docker's");
        assertEquals("worker: claimed job " + JOB, set.store().message(claimed), "the time and level are not part of the message");
        assertEquals(Level.INFO, set.store().level(claimed));
        assertTrue(set.store().raw(claimed).contains("\"time\":\"2025-03-02T10:11:12.346789012Z\""), "docker's clock is kept in the raw line");
        int tb = row(set, "Traceback (most recent call last)");
        String text = set.store().message(tb);
        assertTrue(text.startsWith("worker: job " + JOB + " crashed\nTraceback") && text.contains("File \"/srv/app/render.py\", line 40")
                && text.endsWith("illegal memory access was encountered"), "the traceback is one event with the error it was logged with: " + text);
        assertEquals(3, set.store().size(), "seven records: the traceback's four lines joined the error line before them");
        assertEquals(2, set.store().line(tb), "the event starts at the error record");
        assertEquals("2025-03-02 10:11:13.002", time(set, tb), "the traceback's records carry only docker's clock: the error's time stands");
        Crash c = new Analyzer(set).analyse(task(set, JOB)).crash();
        assertEquals("RuntimeError", c.exceptionType());
        assertEquals("render (render.py:40)", c.site().text());
    }

    @Test
    void aContainerThatCrashesBeforeAnyJobIsAFailedUnitTimedByDockersClockShiftedToTheProgramsZone() throws Exception {
        // the program logs its local time (two hours east of UTC); docker stamps UTC
        Path f = write(dir, "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef-json.log", """
                {"log":"2025-03-02 12:11:12,345 INFO loader: starting\\n","stream":"stdout","time":"2025-03-02T10:11:12.346789012Z"}
                {"log":"2025-03-02 12:11:13,002 INFO loader: loading weights\\n","stream":"stdout","time":"2025-03-02T10:11:13.003100000Z"}
                {"log":"Traceback (most recent call last):\\n","stream":"stderr","time":"2025-03-02T10:11:20.500000000Z"}
                {"log":"  File \\"/app/loader.py\\", line 44, in load\\n","stream":"stderr","time":"2025-03-02T10:11:20.500100000Z"}
                {"log":"    raise OSError(\\"weights truncated\\")\\n","stream":"stderr","time":"2025-03-02T10:11:20.500200000Z"}
                {"log":"OSError: weights truncated\\n","stream":"stderr","time":"2025-03-02T10:11:20.500300000Z"}
                """);
        TaskSet set = load(f);
        assertEquals(SourceFormat.SYSTEM_LOGS_JSON, report(set, 0).format(), "read by the JSON reader");
        assertEquals("JSON log records (fields read by name)", report(set, 0).format().label(),
                "a container's log is not called the worker system's export");
        int tb = row(set, "Traceback (most recent call last)");
        assertEquals("2025-03-02 12:11:20.500000000", time(set, tb),
                "docker's clock less the two hours its records showed between the clocks, not file order after 12:11:13");
        assertEquals(Level.ERROR, set.store().level(tb), "a traceback on stderr is an error though no level was written");
        Task unit = task(set, "0123456789ab");
        assertEquals(TaskStatus.FAILED, unit.status(), "the container crashed before it took any job");
        Crash c = new Analyzer(set).analyse(unit).crash();
        assertEquals("OSError", c.exceptionType());
        assertEquals("load (loader.py:44)", c.site().text());
    }

    @Test
    void clocksThatDisagreeBeyondAZonesOffsetLeaveADockerOnlyRecordToFileOrder() throws Exception {
        Path f = write(dir, "replayed-json.log", """
                {"log":"2025-03-02 12:11:12,345 INFO loader: starting\\n","stream":"stdout","time":"2025-03-02T10:11:12.346789012Z"}
                {"log":"2025-03-02 12:40:13,002 INFO loader: loading weights\\n","stream":"stdout","time":"2025-03-02T10:11:13.003100000Z"}
                {"log":"worker exited\\n","stream":"stderr","time":"2025-03-02T10:11:20.500000000Z"}
                """);
        TaskSet set = load(f);
        int exited = row(set, "worker exited");
        assertTrue(set.store().nanos(exited) >= set.store().nanos(row(set, "loading weights")),
                "a replayed log's docker clock says nothing of the program's: the record follows the last one");
        assertTrue(!time(set, exited).startsWith("2025-03-02 12:11:20"), "no shift was learnt from clocks half an hour apart: " + time(set, exited));
    }

    @Test
    void goRecordsNameTheirUnitWithAnInitialismAndShowTheirError() throws Exception {
        Path f = write(dir, "zap.jsonl", """
                {"level":"info","ts":1740910269.5,"caller":"runner/run.go:41","msg":"task claimed","taskID":"%1$s"}
                {"level":"error","ts":1740910272.25,"caller":"runner/run.go:77","msg":"task failed","taskID":"%1$s","error":"exit code 139 (SIGSEGV)","stacktrace":"main.(*Runner).run\\n\\t/src/runner/run.go:77"}
                """.formatted(JOB));
        TaskSet set = load(f);
        Task t = task(set, JOB);
        assertEquals(TaskStatus.FAILED, t.status());
        assertEquals(2, t.events().length);
        String failed = set.store().message(row(set, "task failed"));
        assertTrue(failed.startsWith("task failed: exit code 139 (SIGSEGV)"), failed);
        assertTrue(failed.contains("run.go:77"), "the stack stays after the error: " + failed);
    }

    @Test
    void structlogRecordsWithAnExceptionField() throws Exception {
        Path f = write(dir, "structlog.jsonl", """
                {"event": "job started", "level": "info", "timestamp": "2025-03-02T10:11:12.345678Z", "logger": "jobs", "job_id": "%1$s"}
                {"event": "job failed", "level": "error", "timestamp": "2025-03-02T10:11:12.9Z", "logger": "jobs", "job_id": "%1$s", "exception": "Traceback (most recent call last):\\n  File \\"/app/jobs/run.py\\", line 12, in step\\n    cache[key]\\nKeyError: 'clip-17'"}
                """.formatted(JOB));
        TaskSet set = load(f);
        assertEquals(6, set.store().precision(row(set, "job started")));
        assertEquals(1, set.store().precision(row(set, "job failed")), "the digits written, no more");
        Crash c = new Analyzer(set).analyse(task(set, JOB)).crash();
        assertEquals("KeyError", c.exceptionType());
        assertEquals("step (run.py:12)", c.site().text());
    }

    @Test
    void pinoAndBunyanNumbersForTimeAndLevel() throws Exception {
        Path f = write(dir, "pino.log", """
                {"level":30,"time":1740910272345,"pid":12,"hostname":"gpu-7","reqId":"req-81","msg":"request received"}
                {"level":50,"time":1740910272999,"pid":12,"hostname":"gpu-7","reqId":"req-81","msg":"request failed","err":{"type":"TypeError","message":"cannot read properties of undefined","stack":"TypeError: cannot read properties of undefined\\n    at handler (/srv/api/routes.js:14:9)"}}
                {"name":"api","hostname":"web-2","pid":3,"level":40,"msg":"slow request","time":"2025-03-02T10:11:13.5Z","v":0}
                {"level":"info","ts":1740910274.123456,"msg":"epoch seconds with micros"}
                {"level":"debug","ts":1740910275123456789,"msg":"epoch nanoseconds"}
                """);
        TaskSet set = load(f);
        int received = row(set, "request received");
        assertEquals("2025-03-02 10:11:12.345", time(set, received), "epoch milliseconds");
        assertEquals(Level.INFO, set.store().level(received));
        assertEquals(Level.ERROR, set.store().level(row(set, "request failed")));
        assertEquals(Level.WARNING, set.store().level(row(set, "slow request")));
        assertEquals("2025-03-02 10:11:14.123456", time(set, row(set, "epoch seconds with micros")));
        assertEquals("2025-03-02 10:11:15.123456789", time(set, row(set, "epoch nanoseconds")));
        Task req = task(set, "req-81");
        assertEquals(2, req.eventCount(), "a request id names the unit of work");
        Crash c = new Analyzer(set).analyse(req).crash();
        assertEquals("TypeError", c.exceptionType());
        assertEquals("handler (routes.js:14)", c.site().text(), "the Node stack's innermost own frame");
    }

    @Test
    void mongoDbsStructuredLogWithItsDateObjectAndSeverityLetter() throws Exception {
        Path f = write(dir, "mongod.log", """
                {"t":{"$date":"2025-01-02T10:11:12.123+01:00"},"s":"I",  "c":"NETWORK",  "id":23015,   "ctx":"listener","msg":"Listening on","attr":{"address":"127.0.0.1"}}
                {"t":{"$date":"2025-01-02T10:11:12.456+01:00"},"s":"W",  "c":"CONTROL",  "id":22120,   "ctx":"initandlisten","msg":"Access control is not enabled"}
                {"t":{"$date":"2025-01-02T09:11:13.000Z"},"s":"E",  "c":"STORAGE",  "id":22435,   "ctx":"initandlisten","msg":"WiredTiger error","attr":{"error":13}}
                {"t":{"$date":"2025-01-02T10:11:14.000+01:00"},"s":"D2", "c":"QUERY",    "id":20967,   "ctx":"conn4","msg":"Beginning planning"}
                """);
        TaskSet set = load(f);
        assertEquals("2025-01-02 09:11:12.123", time(set, row(set, "Listening on")));
        assertEquals(Level.INFO, set.store().level(row(set, "Listening on")));
        assertEquals(Level.WARNING, set.store().level(row(set, "Access control")));
        assertEquals(Level.ERROR, set.store().level(row(set, "WiredTiger error")));
        assertEquals("2025-01-02 09:11:13.000", time(set, row(set, "WiredTiger error")));
        assertEquals(Level.DEBUG, set.store().level(row(set, "Beginning planning")), "a debug verbosity level, D1 to D5");
    }

    @Test
    void printedTasksRowsWithAStatusLineBeforeAndASummaryAfter() throws Exception {
        Path f = write(dir, "failed_tasks.txt", """
                Found 2 failed tasks:
                [
                  {
                    "id": "%1$s",
                    "task_type": "travel_segment",
                    "status": "Failed",
                    "created_at": "2025-03-02T10:00:01.25+00:00",
                    "generation_started_at": "2025-03-02T10:00:09.500001+00:00",
                    "generation_processed_at": null,
                    "updated_at": "2025-03-02T10:02:44.9+00:00",
                    "error_message": "ValueError: guidance_scale must be a number, got None",
                    "worker_id": "gpu-20250302_095500-1a2b3c4d",
                    "dependant_on": null,
                    "params": {"orchestrator_task_id_ref": "%2$s", "guidance_scale": null}
                  },
                  {
                    "id": "%2$s",
                    "task_type": "travel_orchestrator",
                    "status": "Failed",
                    "created_at": "2025-03-02T09:59:58+00:00",
                    "updated_at": "2025-03-02T10:02:45.012+00:00",
                    "error_message": "Cascaded failed from related task %1$s",
                    "worker_id": null
                  }
                ]
                Done.
                """.formatted(SEG, ORCH));
        TaskSet set = load(f);
        ParseReport.FileReport r = report(set, 0);
        assertEquals(SourceFormat.SYSTEM_LOGS_JSON, r.format());
        assertNull(r.fatal());
        assertEquals(2, r.unparsed(), "the status line and the summary");
        assertTrue(r.problems().stream().anyMatch(p -> p.line() == 1 && p.reason().contains("text outside the JSON data")), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.line() == 26 && p.excerpt().equals("Done.")), r.problems().toString());
        Task seg = task(set, SEG);
        assertEquals(TaskStatus.FAILED, seg.status());
        assertEquals("travel_segment", seg.type());
        assertEquals("gpu-20250302_095500-1a2b3c4d", seg.workerId());
        assertEquals(ORCH, seg.parentId());
        assertEquals("ValueError: guidance_scale must be a number, got None", seg.errorMessage());
        assertEquals(2, seg.created().precision());
        assertEquals("2025-03-02 10:00:09.500001", faultline.model.TimeText.full(seg.started().nanos(), seg.started().precision()));
        assertEquals("2025-03-02 10:02:44.9", faultline.model.TimeText.full(seg.ended().nanos(), seg.ended().precision()));
        assertEquals(3, seg.eventCount(), "created, started, failed: the row has lines to show");
        assertEquals(3, set.store().line(seg.events()[0]), "each event leads back to its record");
        Crash c = new Analyzer(set).analyse(seg).crash();
        assertEquals("ValueError", c.exceptionType());
        assertEquals("guidance_scale must be a number, got None", c.message());
        assertEquals(TaskStatus.FAILED, task(set, ORCH).status());
        assertEquals(0, set.store().precision(task(set, ORCH).events()[0]));
    }

    @Test
    void aCommentHeaderAndAStrayLineAmongJsonLinesAreToldNotFatal() throws Exception {
        Path f = write(dir, "export.jsonl", """
                # export of worker-3, 2025-03-02
                {"ts": "2025-03-02T10:11:12.100Z", "lvl": "INFO", "msg": "first"}
                this line is not JSON
                {"ts": "2025-03-02T10:11:12.200Z", "lvl": "WARN", "msg": "second"}
                {"ts": "2025-03-02T10:11:12.300Z", "lvl": "E", "msg": "third"}
                {"ts": "2025-03-02T10:11:12.4Z", "msg": "cut
                """);
        TaskSet set = load(f);
        ParseReport.FileReport r = report(set, 0);
        assertEquals(SourceFormat.SYSTEM_LOGS_JSON, r.format());
        assertTrue(r.problems().stream().anyMatch(p -> p.line() == 1 && p.reason().contains("comment")), r.problems().toString());
        assertTrue(r.problems().stream().anyMatch(p -> p.line() == 3 && p.reason().contains("text outside")), r.problems().toString());
        assertEquals(Level.WARNING, set.store().level(row(set, "second")));
        assertEquals(Level.ERROR, set.store().level(row(set, "third")));
        assertEquals(4, set.store().line(row(set, "second")));
        assertTrue(set.store().estimated(row(set, "this line is not JSON")), "text is shown in file order, untimed");
        assertNotNull(r.incomplete(), "the last record is cut: " + r.problems());
        assertEquals(6, r.lines());
    }

    @Test
    void aGenericRecordNamesItsUnitInWordsAsATextLineWould() throws Exception {
        Path f = write(dir, "queue.jsonl", """
                {"time":"2025-03-02T10:11:12Z","level":"info","msg":"Started job 12 on gpu 0"}
                {"time":"2025-03-02T10:11:13Z","level":"info","msg":"loading weights"}
                {"time":"2025-03-02T10:11:15Z","level":"error","msg":"job 12 failed: torch.OutOfMemoryError: CUDA out of memory"}
                {"time":"2025-03-02T10:11:16Z","level":"info","msg":"Started job 13 on gpu 0"}
                {"time":"2025-03-02T10:11:18Z","level":"info","msg":"job 13 finished in 2.0s"}
                """);
        TaskSet set = load(f);
        Task failed = task(set, "job 12");
        assertEquals(TaskStatus.FAILED, failed.status());
        assertEquals("job", failed.type());
        assertEquals(3, failed.eventCount(), "its claim, the line without an id after it, and its failure");
        assertEquals("torch.OutOfMemoryError", new Analyzer(set).crashOf(failed).exceptionType());
        assertEquals(TaskStatus.COMPLETE, task(set, "job 13").status());
    }

    @Test
    void aCsvExportWithColumnsForPeopleIsReadByItsHeader() throws Exception {
        Path f = write(dir, "export.csv", """
                Date,Host,Service,Status,Message
                "2025-03-02T10:11:12.345Z","gpu-7","render","info","Task %1$s received"
                "2025-03-02T10:11:14.000Z","gpu-7","render","error","Task %1$s raised: System.TimeoutException: decode took too long"
                """.formatted(JOB));
        TaskSet set = load(f);
        assertEquals(SourceFormat.SYSTEM_LOGS_CSV, report(set, 0).format(), "Date and Message name the time and the message");
        assertEquals("CSV log records (columns read by header)", report(set, 0).format().label(), "not called the worker system's export");
        int received = row(set, "received");
        assertEquals("2025-03-02 10:11:12.345", time(set, received));
        Task job = task(set, JOB);
        assertEquals(TaskStatus.FAILED, job.status());
        assertEquals("gpu-7", job.workerId());
        assertEquals("System.TimeoutException", new Analyzer(set).crashOf(job).exceptionType(), "a capitalised namespace");
    }

    @Test
    void aCompactStructuredRecordHasItsTemplateFilledIn() throws Exception {
        Path f = write(dir, "worker.clef", """
                {"@t":"2025-03-02T10:11:12.1230000Z","@mt":"Starting job {JobId} for {User}","JobId":42,"User":"ana"}
                {"@t":"2025-03-02T10:11:13.5000000Z","@mt":"Job {JobId:l} failed","@l":"Error","@x":"System.InvalidOperationException: Sequence contains no elements","JobId":42}
                """);
        TaskSet set = load(f);
        int start = row(set, "Starting job 42 for ana");
        assertEquals("2025-03-02 10:11:12.123", time(set, start).substring(0, 23));
        int failure = row(set, "Job 42 failed");
        assertEquals(Level.ERROR, set.store().level(failure));
        Task job = task(set, "job 42");
        assertEquals(TaskStatus.FAILED, job.status());
        assertEquals("System.InvalidOperationException", new Analyzer(set).crashOf(job).exceptionType());
    }
    @Test
    void aPageOfAnApiAnswerIsItsRecordsAndNotARecordOfItsOwn() throws Exception {
        Path f = write(dir, "get-log-events.json", """
                {
                    "events": [
                        {
                            "timestamp": 1741000272349,
                            "message": "2025-03-03 11:11:12,345 INFO worker: claimed job %1$s",
                            "ingestionTime": 1741000272690
                        },
                        {
                            "timestamp": 1741000273004,
                            "message": "2025-03-03 11:11:13,002 INFO worker: job %1$s completed",
                            "ingestionTime": 1741000273311
                        }
                    ],
                    "nextForwardToken": "f/00000000000000000000000000000000000000000000000000000002",
                    "nextBackwardToken": "b/00000000000000000000000000000000000000000000000000000000"
                }
                """.formatted(JOB));
        TaskSet set = load(f);
        assertEquals(2, set.store().size(), "one event a record of the page, none for its tokens");
        int claimed = row(set, "claimed job");
        assertEquals(3, set.store().line(claimed), "the record's own line");
        assertEquals("2025-03-03 11:11:12.345", time(set, claimed), "the application's clock, not the log driver's epoch milliseconds");
        assertEquals(TaskStatus.COMPLETE, task(set, JOB).status());
    }

    @Test
    void aRecordWithAListOfEventsAfterItsMessageStaysOneRecord() throws Exception {
        Path f = write(dir, "span.jsonl", """
                {"message":"request served","time":"2025-03-03T11:11:12.345Z","events":[{"name":"cache miss"},{"name":"db read"}]}
                {"events":[],"message":"request served again","time":"2025-03-03T11:11:13.345Z"}
                """);
        TaskSet set = load(f);
        assertEquals(2, set.store().size());
        assertEquals("2025-03-03 11:11:12.345", time(set, row(set, "request served")));
        assertEquals("2025-03-03 11:11:13.345", time(set, row(set, "request served again")), "an empty list is no page of records");
    }
    @Test
    void aLogAnalyticsRowsSuffixedColumnsAreReadByTheirNames() throws Exception {
        Path f = write(dir, "query.json", """
                [
                  {"TimeGenerated": "2025-07-09T17:46:02.9930211Z", "ContainerGroupName_s": "app--rev1-6f7d8c9b5-abcde", "Log_s": "[2025-07-09 17:42:31,097] WARNING worker: job %1$s slow", "LogLevel_s": "info"},
                  {"TimeGenerated": "2025-07-09T17:46:03.0000000Z", "Log_s": "no level column, no clock of its own"}
                ]
                """.formatted(JOB));
        TaskSet set = load(f);
        int slow = row(set, "slow");
        assertEquals("2025-07-09 17:42:31.097", time(set, slow), "the app's clock in Log_s, not Log Analytics' TimeGenerated");
        assertEquals(Level.WARNING, set.store().level(slow), "the level the app wrote after its clock");
        assertTrue(set.store().message(row(set, "no level column")).startsWith("no level column"), "Log_s is the message");
    }

    @Test
    void azContainerappLogsShowRecordsAreReadByTheirCapitalisedNames() throws Exception {
        Path f = write(dir, "aca.jsonl", """
                {"TimeStamp": "2025-07-09T17:42:10.6401212Z", "Log": "connecting to the container 'worker'..."}
                {"TimeStamp": "2025-07-09T17:42:11.0000000Z", "Log": "2025-07-09 17:42:10,640 INFO worker: dequeued job %1$s"}
                """.formatted(JOB));
        TaskSet set = load(f);
        assertEquals("2025-07-09 17:42:10.6401212", time(set, row(set, "connecting to the container")), "the platform's clock where the line has none");
        assertEquals("2025-07-09 17:42:10.640", time(set, row(set, "dequeued job")));
    }
    @Test
    void aRequestEntryWithoutAPayloadReadsAsItsAccessLine() throws Exception {
        Path f = write(dir, "requests.jsonl", """
                {"httpRequest":{"latency":"6.790512s","requestMethod":"POST","requestUrl":"https://svc.run.app/jobs","status":500},"severity":"ERROR","timestamp":"2025-11-18T21:04:20.122876Z"}
                """);
        TaskSet set = load(f);
        int r = row(set, "POST https://svc.run.app/jobs 500 6.790512s");
        assertEquals(Level.ERROR, set.store().level(r));
        assertEquals("2025-11-18 21:04:20.122876", time(set, r));
    }
}
