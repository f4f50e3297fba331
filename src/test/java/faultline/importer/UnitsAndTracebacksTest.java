package faultline.importer;

import faultline.model.EventStore;
import faultline.model.Level;
import faultline.model.Task;
import faultline.analysis.Analyzer;
import faultline.model.Crash;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.row;
import static faultline.importer.Fixtures.task;
import static faultline.importer.Fixtures.time;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Units of work of task queues, inference servers and web UIs, found by their ids and lifecycle
 * words; lines without an id belong to the unit their worker last claimed; a traceback is one
 * error event with all its lines. Lines written here, values made up.
 */
class UnitsAndTracebacksTest {
    @TempDir
    Path dir;

    static Set<String> ids(TaskSet set) {
        return set.tasks().stream().map(Task::id).collect(Collectors.toSet());
    }

    @Test
    void celeryTasksTakeTheirWorkersLinesAndEndWithTheirStatus() throws Exception {
        TaskSet set = load(write(dir, "celery.log", """
                [2025-04-01 09:00:00,100: INFO/MainProcess] Task media.encode[11111111-aaaa-4bbb-8ccc-000000000001] received
                [2025-04-01 09:00:00,200: INFO/ForkPoolWorker-2] media.encode[11111111-aaaa-4bbb-8ccc-000000000001]: opening input
                [2025-04-01 09:00:00,300: INFO/MainProcess] Task media.encode[11111111-aaaa-4bbb-8ccc-000000000002] received
                [2025-04-01 09:00:01,000: ERROR/ForkPoolWorker-2] Task media.encode[11111111-aaaa-4bbb-8ccc-000000000001] raised unexpected: KeyError('fps')
                Traceback (most recent call last):
                  File "/app/tasks.py", line 40, in encode
                    fps = meta["fps"]
                          ~~~~^^^^^^^
                KeyError: 'fps'
                [2025-04-01 09:00:02,000: INFO/ForkPoolWorker-3] Task media.encode[11111111-aaaa-4bbb-8ccc-000000000002] succeeded in 1.7s: None
                """));
        assertEquals(Set.of("11111111-aaaa-4bbb-8ccc-000000000001", "11111111-aaaa-4bbb-8ccc-000000000002"), ids(set));
        Task failed = task(set, "11111111-aaaa-4bbb-8ccc-000000000001");
        assertEquals(TaskStatus.FAILED, failed.status());
        assertEquals(TaskStatus.COMPLETE, task(set, "11111111-aaaa-4bbb-8ccc-000000000002").status());
        assertEquals("media.encode", failed.type(), "the task's name before its id in brackets is its type");
        int raised = row(set, "raised unexpected");
        String text = set.store().message(raised);
        assertTrue(text.contains("Traceback (most recent call last):") && text.endsWith("KeyError: 'fps'"), text);
        assertTrue(text.contains("~~~~^^^^^^^"), "the 3.11 marker line is part of the traceback");
        assertEquals(Level.ERROR, set.store().level(raised));
        assertEquals(failed.index(), set.store().task(raised));
        assertEquals(5, set.store().size(), "the traceback's lines are no events of their own");
    }

    @Test
    void aNodeWorkersErrorAndItsStackBelongToTheRecordThatLoggedIt() throws Exception {
        TaskSet set = load(write(dir, "queue-worker.log", """
                2025-02-07T09:20:02.400Z INFO job 1188 active
                2025-02-07T09:20:11.302Z ERROR job 1188 failed
                TypeError: Cannot read properties of undefined (reading 'width')
                    at scaleImage (/srv/app/dist/jobs/upscale.js:48:27)
                    at async Worker.processor (/srv/app/dist/worker.js:22:12)
                    at async Worker.processJob (/srv/app/node_modules/bullmq/dist/cjs/classes/worker.js:455:28)
                2025-02-07T09:20:12.000Z INFO job 1189 active
                """));
        assertEquals(3, set.store().size(), "the error and its frames are no events of their own");
        Task job = task(set, "job 1188");
        assertEquals(TaskStatus.FAILED, job.status());
        Crash c = new Analyzer(set).analyse(job).crash();
        assertEquals("TypeError", c.exceptionType());
        assertEquals("scaleImage (upscale.js:48)", c.site().text());
    }

    @Test
    void aProgramsOwnOutputFileIsTheUnitSupervisordNamesIt() throws Exception {
        java.nio.file.Path supervisor = write(dir, "supervisord.log", """
                2025-07-08 22:40:02,139 INFO spawned: 'render_worker_0' with pid 15
                2025-07-08 22:40:02,142 INFO spawned: 'upload_sync' with pid 16
                2025-07-08 22:40:03,144 INFO success: render_worker_0 entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)
                2025-07-08 23:02:47,530 WARN exited: render_worker_0 (exit status 1; not expected)
                2025-07-08 23:02:48,101 INFO waiting for upload_sync to die
                """);
        java.nio.file.Path output = write(dir, "render_worker_0-stderr---supervisor-q81x0c.log", """
                Traceback (most recent call last):
                  File "/srv/render/worker.py", line 88, in run
                    frames = decode(clip)
                OSError: clip has no video stream
                """);
        TaskSet set = load(supervisor, output);
        Task worker = task(set, "render_worker_0");
        assertEquals(TaskStatus.FAILED, worker.status());
        assertEquals("process", worker.type());
        Crash c = new Analyzer(set).analyse(worker).crash();
        assertEquals("OSError", c.exceptionType(), "the crash its own output file holds");
        assertEquals(-1, set.store().task(row(set, "waiting for upload_sync")), "supervisord's own line is no program's");
    }

    @Test
    void anExitSupervisordExpectedIsNoFailureWhateverItsStatusNumber() throws Exception {
        TaskSet set = load(write(dir, "supervisord.log", """
                2025-07-08 22:40:02,139 INFO spawned: 'thumbnailer' with pid 21
                2025-07-08 22:40:02,140 INFO spawned: 'indexer' with pid 22
                2025-07-08 22:41:10,002 INFO exited: thumbnailer (exit status 2; expected)
                2025-07-08 22:41:12,400 WARN exited: indexer (terminated by SIGKILL; not expected)
                """));
        assertEquals(TaskStatus.COMPLETE, task(set, "thumbnailer").status(), "its exitcodes list 2");
        assertEquals(TaskStatus.FAILED, task(set, "indexer").status());
    }

    @Test
    void slurmsOomKillAndSrunsReportOfATaskFailTheJob() throws Exception {
        TaskSet oom = load(write(dir, "slurm-448121.out", """
                Starting job 448121 on gpu-a08 at Tue Mar  5 08:00:02 UTC 2024
                [2024-03-05 08:00:11,200][train][INFO] - world size 4, batch 512
                slurmstepd: error: Detected 1 oom_kill event in StepId=448121.0. Some of your processes may have been killed by the cgroup out-of-memory handler.
                srun: launch/slurm: _step_signal: Terminating StepId=448121.0
                """));
        assertEquals(TaskStatus.FAILED, task(oom, "job 448121").status());
        assertEquals(task(oom, "job 448121").index(), oom.store().task(row(oom, "world size 4")), "Hydra's logger is no process of its own");
        TaskSet exit = load(write(dir, "slurm-448124.out", """
                Starting job 448124 on gpu-a09 at Tue Mar  5 08:00:03 UTC 2024
                [2024-03-05 08:00:12,000][eval][INFO] - evaluating checkpoint step_5000
                srun: error: gpu-a09: task 0: Exited with exit code 2
                """));
        assertEquals(TaskStatus.FAILED, task(exit, "job 448124").status());
        TaskSet ok = load(write(dir, "slurm-448125.out", """
                Starting job 448125 on gpu-a10 at Tue Mar  5 08:00:04 UTC 2024
                [2024-03-05 08:00:13,000][eval][INFO] - evaluating checkpoint step_4000
                srun: error: gpu-a10: task 0: Exited with exit code 0
                """));
        assertTrue(task(ok, "job 448125").status() != TaskStatus.FAILED, "exit code 0 is no failure");
    }

    @Test
    void aProgressBarEndingInKilledFailsTheJobItWasOn() throws Exception {
        TaskSet set = load(write(dir, "nohup.out", "2024-03-11 01:00:13 | INFO | Processing job 204 — big batch\n"
                + "embedding:  10%|#         | 1000/10000 [00:10<01:30, 99.0it/s]\rKilled\n"));
        assertEquals(TaskStatus.FAILED, task(set, "job 204").status());
    }

    @Test
    void aTracebackLoggedLineByLineUnderAProcessPrefixKeepsItsLastLineWhole() throws Exception {
        TaskSet set = load(write(dir, "engine-core.log", """
                (EngineCore_0 pid=4502) INFO 03-14 09:12:20 [core.py:69] Initializing a V1 LLM engine
                (EngineCore_0 pid=4502) ERROR 03-14 09:12:23 [core.py:586] EngineCore failed to start.
                (EngineCore_0 pid=4502) ERROR 03-14 09:12:23 [core.py:586] Traceback (most recent call last):
                (EngineCore_0 pid=4502) ERROR 03-14 09:12:23 [core.py:586]   File "/app/engine/loader.py", line 88, in load_weights
                (EngineCore_0 pid=4502) ERROR 03-14 09:12:23 [core.py:586]     shard = torch.load(path)
                (EngineCore_0 pid=4502) ERROR 03-14 09:12:23 [core.py:586] RuntimeError: CUDA error: an illegal memory access was encountered
                (EngineCore_0 pid=4502) INFO 03-14 09:12:24 [core.py:70] shutting down
                """));
        int failed = row(set, "EngineCore failed to start");
        assertTrue(set.store().message(failed).endsWith("RuntimeError: CUDA error: an illegal memory access was encountered"), set.store().message(failed));
        assertEquals(3, set.store().size(), "the traceback's lines are no events of their own");
        assertTheFailedUnitCrashed(set, "RuntimeError", "load_weights (loader.py:88)");
    }

    @Test
    void aTracebackLoggedLineByLineAfterGlogsSourceLocationKeepsItsIndentation() throws Exception {
        TaskSet set = load(write(dir, "api-server.log", """
                INFO 05-21 14:05:03 async_llm_engine.py:208] Added request cmpl-aaa111-0.
                ERROR 05-21 14:05:09 async_llm_engine.py:56] Engine background task failed
                ERROR 05-21 14:05:09 async_llm_engine.py:56] Traceback (most recent call last):
                ERROR 05-21 14:05:09 async_llm_engine.py:56]   File "/srv/app/engine_loop.py", line 46, in run_step
                ERROR 05-21 14:05:09 async_llm_engine.py:56]     out = task.result()
                ERROR 05-21 14:05:09 async_llm_engine.py:56] RuntimeError: CUDA error: an illegal memory access was encountered
                """));
        assertEquals(2, set.store().size(), "one error event");
        assertTrue(set.store().message(row(set, "Engine background task failed")).contains("\n  File \"/srv/app/engine_loop.py\""));
        assertEquals(TaskStatus.FAILED, task(set, "cmpl-aaa111-0").status(), "the request in flight fails with it");
    }

    @Test
    void aWorkerKilledBySegfaultFailsWithTheSignalAndItsCurrentThreadsFrame() throws Exception {
        TaskSet set = load(write(dir, "upscaler.log", """
                2025-03-02 08:00:11,240 INFO [worker-3] batch b-00412 start: 64 images
                Fatal Python error: Segmentation fault

                Thread 0x00007f0e2effd640 (most recent call first):
                  File "/usr/lib/python3.10/threading.py", line 324 in wait
                  File "/opt/imgsvc/imgsvc/prefetch.py", line 22 in _loop

                Current thread 0x00007f0f4a1b3740 (most recent call first):
                  File "/opt/imgsvc/imgsvc/upscale.py", line 118 in run_tile
                  File "/opt/imgsvc/run_worker.py", line 9 in <module>

                Segmentation fault (core dumped)
                """));
        assertTheFailedUnitCrashed(set, "Segmentation fault", "run_tile (upscale.py:118)");
    }

    /** The file's one failed unit (a process that crashed before it took any unit on) crashed so. */
    private static void assertTheFailedUnitCrashed(TaskSet set, String exception, String site) {
        Task failed = set.tasks().stream().filter(Task::failed).findFirst().orElseThrow(() -> new AssertionError("the crash is a failed unit"));
        Crash c = new Analyzer(set).analyse(failed).crash();
        assertEquals(exception, c.exceptionType());
        assertEquals(site, c.site().text());
    }

    @Test
    void aLineUnderARanksPrefixIsThatRanksWhateverTheScriptSaidBefore() throws Exception {
        TaskSet set = load(write(dir, "train.log", """
                2025-03-02 11:02:09,441 INFO rank=3 step=100 loss=2.4411
                [rank1]:[E302 11:12:09.551601 ProcessGroupNCCL.cpp:636] [Rank 1] To avoid data inconsistency, we are taking the entire process down.
                """));
        assertEquals(task(set, "rank1").index(), set.store().task(row(set, "To avoid data inconsistency")));
    }

    @Test
    void rayServesRequestIdColumnBeforeItsRouteAndSourceNamesTheRequest() throws Exception {
        TaskSet set = load(write(dir, "serve.log", """
                (ServeReplica:default:Embedder pid=31901) INFO 2024-09-03 10:12:10,220 default_Embedder k3x9pq2a 7c1e55d0-2b1f-4c6a-9e0d-1f2a3b4c5d6e /embed replica.py:373 - __CALL__ OK 41.7ms
                (ServeReplica:default:Embedder pid=31902) ERROR 2024-09-03 10:12:11,902 default_Embedder m8v2hd7w 0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b /embed replica.py:359 - Request failed:
                (ServeReplica:default:Embedder pid=31902)   File "/srv/embedsvc/app/encoder.py", line 31, in encode
                (ServeReplica:default:Embedder pid=31902)     out = self.model(**toks)
                (ServeReplica:default:Embedder pid=31902) RuntimeError: CUDA error: device-side assert triggered
                (ServeReplica:default:Embedder pid=31902) ERROR 2024-09-03 10:12:11,905 default_Embedder m8v2hd7w 0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b /embed replica.py:373 - __CALL__ ERROR 12.3ms
                """));
        Task failed = task(set, "0f9e8d7c-6b5a-4938-8271-605f4e3d2c1b");
        assertEquals(TaskStatus.FAILED, failed.status());
        Crash c = new Analyzer(set).analyse(failed).crash();
        assertEquals("RuntimeError", c.exceptionType());
        assertEquals("encode (encoder.py:31)", c.site().text());
        assertEquals(TaskStatus.COMPLETE, task(set, "7c1e55d0-2b1f-4c6a-9e0d-1f2a3b4c5d6e").status());
    }

    @Test
    void prefectsFlowRunsAreUnitsByTheirGeneratedNamesAndEndInTheirFinalState() throws Exception {
        TaskSet set = load(write(dir, "flows-20250404.log", """
                10:22:00.000 | INFO    | Flow run 'quiet-lynx' - Beginning flow run 'quiet-lynx' for flow 'ingest'
                10:22:00.100 | INFO    | Flow run 'brisk-wren' - Beginning flow run 'brisk-wren' for flow 'ingest'
                10:22:00.200 | INFO    | Flow run 'lazy-mole' - Beginning flow run 'lazy-mole' for flow 'ingest'
                10:22:01.000 | ERROR   | Flow run 'quiet-lynx' - Crash detected! Execution was interrupted by an unexpected exception: KeyboardInterrupt
                10:22:03.100 | INFO    | Flow run 'brisk-wren' - Finished in state Completed()
                10:22:04.000 | INFO    | Flow run 'lazy-mole' - Finished in state Cancelled('Flow run was cancelled by the user.')
                """));
        assertEquals(TaskStatus.FAILED, task(set, "quiet-lynx").status(), "crashed");
        assertEquals(TaskStatus.COMPLETE, task(set, "brisk-wren").status());
        assertEquals(TaskStatus.CANCELLED, task(set, "lazy-mole").status());
        assertEquals(Set.of("quiet-lynx", "brisk-wren", "lazy-mole"), ids(set), "the flow 'ingest' is no run");
    }

    @Test
    void anRqJobKilledByItsTimeoutFailsWithTheExceptionItsRegistryLineNames() throws Exception {
        TaskSet set = load(write(dir, "rq_20240601.log", """
                14:01:30 default: inference.run_batch(20) (f8051627-4e5f-4061-a273-9e0f1a2b3c45)
                14:02:30 default: Job f8051627-4e5f-4061-a273-9e0f1a2b3c45: JobTimeoutException('Task exceeded maximum timeout value (60 seconds)')
                14:02:31 Moving job to FailedJobRegistry (JobTimeoutException('Task exceeded maximum timeout value (60 seconds)'))
                """));
        Task job = task(set, "f8051627-4e5f-4061-a273-9e0f1a2b3c45");
        assertEquals(TaskStatus.FAILED, job.status());
        assertEquals("JobTimeoutException", new Analyzer(set).analyse(job).crash().exceptionType());
    }

    @Test
    void anRqJobOwnsTheLinesBetweenItsStartAndItsEnd() throws Exception {
        TaskSet set = load(write(dir, "rq_20250401.log", """
                09:00:00 Worker rq:worker:w1 started, version 1.16.1
                09:00:01 default: thumbs.make(42) (22222222-bbbb-4ccc-8ddd-000000000001)
                09:00:02 resizing 42 images
                09:00:03 default: Job OK (22222222-bbbb-4ccc-8ddd-000000000001)
                09:00:04 Result is kept for 500 seconds
                """));
        Task job = task(set, "22222222-bbbb-4ccc-8ddd-000000000001");
        assertEquals("job", job.type());
        assertEquals(TaskStatus.COMPLETE, job.status());
        assertEquals(job.index(), set.store().task(row(set, "resizing 42 images")));
        assertEquals(-1, set.store().task(row(set, "Result is kept")));
        assertEquals("2025-04-01 09:00:02", time(set, row(set, "resizing 42 images")), "the date comes from the file name");
    }

    @Test
    void vllmRequestsAndAWorkerProcessTraceback() throws Exception {
        TaskSet set = load(write(dir, "vllm.log", """
                INFO 04-01 09:00:00 [api_server.py:900] Started server process [77]
                INFO 04-01 09:00:01 [logger.py:43] Received request cmpl-5d1e2f7a9b3c4d: prompt: 'a red error bird', params: SamplingParams(n=1)
                INFO 04-01 09:00:02 [engine.py:310] Added request cmpl-5d1e2f7a9b3c4d.
                (VllmWorker rank=0 pid=81) ERROR 04-01 09:00:03 [multiproc_executor.py:470] WorkerProc hit an exception.
                (VllmWorker rank=0 pid=81) Traceback (most recent call last):
                (VllmWorker rank=0 pid=81)   File "/opt/vllm/v1/executor.py", line 465, in worker_busy_loop
                (VllmWorker rank=0 pid=81)     output = func(*args, **kwargs)
                (VllmWorker rank=0 pid=81) torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.50 GiB.
                INFO 04-01 09:00:04 [engine.py:330] Aborted request cmpl-5d1e2f7a9b3c4d.
                """));
        Task request = task(set, "cmpl-5d1e2f7a9b3c4d");
        assertEquals("request", request.type());
        assertEquals(TaskStatus.CANCELLED, request.status());
        int tb = row(set, "WorkerProc hit an exception");
        String text = set.store().message(tb);
        assertFalse(text.contains("(VllmWorker"), "the per-line prefix is stripped from the message: " + text);
        assertTrue(text.endsWith("torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 1.50 GiB."), text);
        assertTrue(set.store().raw(tb).contains("(VllmWorker rank=0 pid=81)   File"), "the raw text stays as written");
    }

    @Test
    void comfyUiConsoleWithoutIdsOrTimes() throws Exception {
        TaskSet set = load(write(dir, "comfyui.txt", """
                Starting server
                got prompt
                100%|██████████| 20/20 [00:04<00:00,  4.45it/s]
                Prompt executed in 5.12 seconds
                got prompt
                !!! Exception during processing !!! mat1 and mat2 shapes cannot be multiplied (77x768 and 1024x320)
                Traceback (most recent call last):
                  File "/srv/ComfyUI/execution.py", line 152, in map_node_over_list
                    process_inputs(input_dict, i)
                RuntimeError: mat1 and mat2 shapes cannot be multiplied (77x768 and 1024x320)

                Prompt executed in 0.41 seconds
                Starting server
                got prompt
                Prompt executed in 4.80 seconds
                got prompt
                Prompt executed in 4.70 seconds
                got prompt
                Prompt executed in 4.90 seconds
                got prompt
                Prompt executed in 4.60 seconds
                got prompt
                Prompt executed in 5.00 seconds
                got prompt
                Prompt executed in 4.40 seconds
                """));
        assertTrue(set.sources().get(0).untimed());
        assertEquals(8, set.tasks().size(), "a prompt without an id or a time is named by the line it came in on");
        Task failed = task(set, "prompt line 5");
        assertEquals(TaskStatus.FAILED, failed.status(), "the traceback is the prompt's, and \"Prompt executed\" after it does not undo it");
        assertEquals(TaskStatus.COMPLETE, task(set, "prompt line 2").status());
        assertEquals(TaskStatus.COMPLETE, task(set, "prompt line 24").status());
        int report = row(set, "!!! Exception during processing");
        assertTrue(set.store().message(report).endsWith("(77x768 and 1024x320)"));
        int tb = row(set, "Traceback (most recent call last)");
        assertEquals(report + 1, tb, "an untimed traceback starts an event of its own after the line that reports it");
        assertEquals(Level.ERROR, set.store().level(tb));
        assertTrue(set.store().message(tb).endsWith("RuntimeError: mat1 and mat2 shapes cannot be multiplied (77x768 and 1024x320)"));
        assertEquals(failed.index(), set.store().task(row(set, "Prompt executed in 0.41")));
        assertEquals(-1, set.store().task(row(set, "Starting server")));
        EventStore s = set.store();
        for (int i = 1; i < s.size(); i++) {
            assertTrue(s.nanos(i) > s.nanos(i - 1), "file order is time order on the line axis");
        }
    }

    @Test
    void aTracebackPrintedARecordPerLineUnderALoggingPrefixKeepsItsFrames() throws Exception {
        TaskSet set = load(write(dir, "launcher.log", """
                2025-04-01 09:00:00,100 - __main__ - INFO - starting the encoder
                2025-04-01 09:00:01,200 - __main__ - INFO - [encoder] worker hit an exception: Traceback (most recent call last):
                2025-04-01 09:00:01,200 - __main__ - INFO -   File "/srv/encoder/run.py", line 40, in main
                2025-04-01 09:00:01,200 - __main__ - INFO -     encode(clip)
                2025-04-01 09:00:01,201 - __main__ - INFO -   File "/srv/encoder/encode.py", line 12, in encode
                2025-04-01 09:00:01,201 - __main__ - INFO -     raise ValueError("bad clip")
                2025-04-01 09:00:01,201 - __main__ - INFO - ValueError: bad clip
                2025-04-01 09:00:01,300 - __main__ - INFO - encoder exited
                """));
        int tb = row(set, "worker hit an exception");
        assertEquals(Level.ERROR, set.store().level(tb));
        assertTrue(set.store().message(tb).contains("\n  File \"/srv/encoder/encode.py\", line 12, in encode\n    raise"),
                "the frames keep their indentation: " + set.store().message(tb));
        assertEquals(tb + 1, row(set, "encoder exited"), "the traceback is one event up to its exception line");
        Task worker = set.tasks().get(0);
        assertEquals(TaskStatus.FAILED, worker.status());
        Crash c = new Analyzer(set).crashOf(worker);
        assertEquals("ValueError", c.exceptionType());
        assertEquals("encode (encode.py:12)", c.site().text());
    }

    @Test
    void torchrunRanksAreUnitsAndTheirPrefixIsStripped() throws Exception {
        TaskSet set = load(write(dir, "train.log", """
                [2025-04-01 09:00:00,000] [INFO] [engine.py:99:step] epoch 3 step 400
                [rank3]: Traceback (most recent call last):
                [rank3]:   File "/srv/train.py", line 88, in <module>
                [rank3]:     trainer.fit()
                [rank3]:   ...<2 lines>...
                [rank3]: torch.distributed.DistBackendError: NCCL communicator was aborted on rank 3.
                """));
        Task rank = task(set, "rank3");
        assertEquals("rank", rank.type());
        assertEquals(TaskStatus.FAILED, rank.status());
        String text = set.store().message(row(set, "Traceback (most recent call last)"));
        assertFalse(text.contains("[rank3]"), text);
        assertTrue(text.contains("  ...<2 lines>...") && text.endsWith("aborted on rank 3."), text);
    }

    @Test
    void aRankNamedInProseFirstTakesTheNameItsLinePrefixGivesIt() throws Exception {
        TaskSet set = load(write(dir, "driver.log", """
                2025-04-01 09:00:00,000\tINFO worker.py:10 -- Connected to cluster
                (TrainWorker pid=701, ip=10.1.0.2) Setting up process group: [rank=0, world_size=2]
                (TrainWorker pid=702, ip=10.1.0.3) Setting up process group: [rank=1, world_size=2]
                (TrainWorker pid=701, ip=10.1.0.2) [rank0]: epoch 0 step 10 loss 2.1
                (TrainWorker pid=702, ip=10.1.0.3) [rank1]: Traceback (most recent call last):
                (TrainWorker pid=702, ip=10.1.0.3) [rank1]:   File "/srv/loop.py", line 12, in step
                (TrainWorker pid=702, ip=10.1.0.3) [rank1]:     batch = next(it)
                (TrainWorker pid=702, ip=10.1.0.3) [rank1]: ValueError: empty shard
                """));
        assertEquals(Set.of("rank0", "rank1"), ids(set), "one unit a rank, named as its prefix writes it");
        assertEquals(TaskStatus.FAILED, task(set, "rank1").status());
        assertEquals("rank0", set.tasks().get(set.store().task(row(set, "Setting up process group: [rank=0"))).id());
    }

    @Test
    void theRanksOfAServerThatServesRequestsAreNoUnitsUnlessOneFails() throws Exception {
        TaskSet set = load(write(dir, "serve.log", """
                (ApiServer pid=10) INFO 04-01 09:00:00 [api.py:1] server starting
                (ModelWorker rank=0 pid=11) INFO 04-01 09:00:05 [runner.py:9] weights loaded in 4.1 seconds
                (ModelWorker rank=1 pid=12) INFO 04-01 09:00:05 [runner.py:9] weights loaded in 4.2 seconds
                (ApiServer pid=10) INFO 04-01 09:00:09 [log.py:4] Received request cmpl-0a1b2c3d4e5f: prompt: 'hi'
                (ApiServer pid=10) INFO 04-01 09:00:10 [log.py:5] Finished request cmpl-0a1b2c3d4e5f.
                """));
        assertEquals(Set.of("cmpl-0a1b2c3d4e5f"), ids(set));
        assertEquals(-1, set.store().task(row(set, "weights loaded in 4.1")));
    }

    @Test
    void aPoolProcessKilledUnderItsTaskFailsThatTaskWithTheLinesThatReportIt() throws Exception {
        TaskSet set = load(write(dir, "celery.log", """
                [2025-04-01 09:00:00,100: INFO/MainProcess] Task media.encode[22222222-aaaa-4bbb-8ccc-000000000001] received
                [2025-04-01 09:00:00,200: INFO/ForkPoolWorker-4] media.encode[22222222-aaaa-4bbb-8ccc-000000000001]: decoding
                [2025-04-01 09:00:05,000: ERROR/MainProcess] Process 'ForkPoolWorker-4' pid:77 exited with 'signal 9 (SIGKILL)'
                [2025-04-01 09:00:05,010: ERROR/MainProcess] Task handler raised error: WorkerLostError('Worker exited prematurely: signal 9 (SIGKILL) Job: 0.')
                Traceback (most recent call last):
                  File "/venv/lib/python3.11/site-packages/billiard/pool.py", line 1264, in mark_as_worker_lost
                    raise WorkerLostError(
                billiard.exceptions.WorkerLostError: Worker exited prematurely: signal 9 (SIGKILL) Job: 0.
                [2025-04-01 09:00:06,000: INFO/MainProcess] Task media.thumb[22222222-aaaa-4bbb-8ccc-000000000002] received
                [2025-04-01 09:00:06,500: INFO/ForkPoolWorker-5] Task media.thumb[22222222-aaaa-4bbb-8ccc-000000000002] succeeded in 0.4s: None
                """));
        Task lost = task(set, "22222222-aaaa-4bbb-8ccc-000000000001");
        assertEquals(TaskStatus.FAILED, lost.status());
        EventStore s = set.store();
        assertEquals(lost.index(), s.task(row(set, "Process 'ForkPoolWorker-4' pid:77 exited")));
        assertEquals(lost.index(), s.task(row(set, "Task handler raised error: WorkerLostError")));
        assertEquals(TaskStatus.COMPLETE, task(set, "22222222-aaaa-4bbb-8ccc-000000000002").status());
    }

    @Test
    void anAccessLineEndsTheRequestInFlightWithItsStatus() throws Exception {
        TaskSet set = load(write(dir, "serve.log", """
                INFO 04-01 09:00:01 [log.py:4] Received request cmpl-aaaa1111: prompt: 'one'
                INFO:     10.0.0.5:40000 - "POST /v1/completions HTTP/1.1" 200 OK
                INFO 04-01 09:00:03 [log.py:4] Received request cmpl-bbbb2222: prompt: 'two'
                INFO:     10.0.0.5:40002 - "POST /v1/completions HTTP/1.1" 500 Internal Server Error
                """));
        assertEquals(TaskStatus.COMPLETE, task(set, "cmpl-aaaa1111").status());
        assertEquals(TaskStatus.FAILED, task(set, "cmpl-bbbb2222").status());
    }

    @Test
    void processingAStatusUpdateOfAUnitDoesNotTakeItOn() throws Exception {
        TaskSet set = load(write(dir, "svc.log", """
                2025-04-01 09:00:00,000 - svc - INFO - Processing travel_segment task 44444444-aaaa-4bbb-8ccc-000000000001
                2025-04-01 09:00:01,000 - svc - INFO - Processing status update for 55555555-aaaa-4bbb-8ccc-000000000002
                2025-04-01 09:00:02,000 - svc - INFO - frame 10 written
                2025-04-01 09:00:03,000 - svc - INFO - Processing job 66666666-aaaa-4bbb-8ccc-000000000003
                2025-04-01 09:00:04,000 - svc - INFO - frame 1 written
                """));
        EventStore s = set.store();
        assertEquals("44444444-aaaa-4bbb-8ccc-000000000001", set.tasks().get(s.task(row(set, "frame 10 written"))).id());
        assertEquals("66666666-aaaa-4bbb-8ccc-000000000003", set.tasks().get(s.task(row(set, "frame 1 written"))).id());
    }

    @Test
    void aChainedTracebackAfterALogLineIsThatLinesText() throws Exception {
        TaskSet set = load(write(dir, "svc.log", """
                2025-04-01 09:00:00,000 - svc - INFO - claimed task 33333333-cccc-4ddd-8eee-000000000001
                2025-04-01 09:00:01,000 - svc - ERROR - render failed
                Traceback (most recent call last):
                  File "/srv/render.py", line 10, in run
                    frames = load()
                FileNotFoundError: clip.mp4

                The above exception was the direct cause of the following exception:

                Traceback (most recent call last):
                  File "/srv/render.py", line 12, in run
                    raise RenderError("no input") from e
                render.RenderError: no input
                2025-04-01 09:00:02,000 - svc - INFO - waiting for work
                """));
        int failed = row(set, "render failed");
        String text = set.store().message(failed);
        assertTrue(text.contains("FileNotFoundError: clip.mp4") && text.contains("The above exception was the direct cause")
                && text.endsWith("render.RenderError: no input"), text);
        Task t = task(set, "33333333-cccc-4ddd-8eee-000000000001");
        assertEquals(t.index(), set.store().task(failed), "an id-less line belongs to the task the worker claimed");
        assertEquals(TaskStatus.FAILED, t.status());
        assertEquals(3, set.store().size());
    }

    @Test
    void aWorkerThatCrashesBeforeClaimingIsAFailedUnitOfItsOwn() throws Exception {
        TaskSet set = load(write(dir, "gpu-worker-7.log", """
                2025-04-01 09:00:00,000 INFO booting
                Traceback (most recent call last):
                  File "/srv/worker.py", line 2, in <module>
                    import torch
                ModuleNotFoundError: No module named 'torch'
                """));
        assertEquals(1, set.tasks().size());
        Task worker = set.tasks().get(0);
        assertEquals("gpu-worker-7", worker.id());
        assertEquals("worker", worker.type());
        assertEquals(TaskStatus.FAILED, worker.status());
    }

    @Test
    void idsOfUsersSessionsAndModelsAreNotUnits() throws Exception {
        TaskSet set = load(write(dir, "api.log", """
                2025-04-01 09:00:00,000 INFO login user_id=44444444-dddd-4eee-8fff-000000000001
                2025-04-01 09:00:01,000 INFO session 44444444-dddd-4eee-8fff-000000000002 opened
                2025-04-01 09:00:02,000 INFO Project ID: 44444444-dddd-4eee-8fff-000000000003
                2025-04-01 09:00:03,000 INFO trace_id=44444444-dddd-4eee-8fff-000000000004 model hash 44444444-dddd-4eee-8fff-000000000005
                """));
        assertTrue(set.tasks().isEmpty(), set.tasks().toString());
    }

    @Test
    void aContainerClockOnEveryLineStandsInWhereTheApplicationWroteNone() throws Exception {
        TaskSet set = load(write(dir, "container.log", """
                2025-04-01T09:00:00.000000001Z 2025-04-01 09:00:00,250 - app - INFO - ready
                2025-04-01T09:00:01.000000001Z 2025-04-01 09:00:01,500 - app - ERROR - lost broker
                2025-04-01T09:00:01.000000002Z Traceback (most recent call last):
                2025-04-01T09:00:01.000000003Z   File "/app/main.py", line 3, in <module>
                2025-04-01T09:00:01.000000004Z ConnectionError: broker gone
                2025-04-01T09:00:05.123456789Z plain print from the app
                """));
        assertEquals("2025-04-01 09:00:00.250", time(set, row(set, "ready")), "the application's clock is the event time");
        String text = set.store().message(row(set, "lost broker"));
        assertTrue(text.endsWith("\nConnectionError: broker gone") && !text.contains("09:00:01.0000"), text);
        assertEquals("2025-04-01 09:00:05.123456789", time(set, row(set, "plain print")), "the container's clock where the app wrote none");
    }

    @Test
    void systemLogsRowsWithIdsOnlyOnClaimLinesBelongToTheClaimedTask() throws Exception {
        TaskSet set = load(write(dir, "rows.log", """
                2026-02-24T14:31:50.100000 [INFO] HEADLESS: [CLAIM] Claimed task 55555555-eeee-4fff-8aaa-000000000001 (type=travel_segment, segment_index=0)
                2026-02-24T14:31:50.200000 [INFO] GENERATION: LOOP [1/32]: Processing param='prompt'
                2026-02-24T14:31:50.300000 [INFO] HEADLESS: Finished task (Success: True)
                2026-02-24T14:31:51.000000 [INFO] HEADLESS: Polling for work
                """));
        assertEquals(faultline.model.SourceFormat.SYSTEM_LOGS_TEXT, set.report().files().get(0).format());
        Task t = task(set, "55555555-eeee-4fff-8aaa-000000000001");
        assertEquals(t.index(), set.store().task(row(set, "LOOP [1/32]")));
        assertEquals(t.index(), set.store().task(row(set, "Finished task")));
        assertEquals(-1, set.store().task(row(set, "Polling for work")));
        assertEquals(TaskStatus.COMPLETE, t.status());
    }

    @Test
    void dramatiqsAcknowledgedMessageCompletedAndARejectedOneFailed() throws Exception {
        TaskSet set = load(write(dir, "dramatiq.log", """
                [2025-05-02 11:00:00,100] [PID 301] [Thread-4] [dramatiq.worker.WorkerThread] [DEBUG] Received message caption('b', 1) with id '22222222-aaaa-4bbb-8ccc-000000000001'.
                [2025-05-02 11:00:03,200] [PID 301] [Thread-4] [app.actors] [INFO] caption: 12 frames
                [2025-05-02 11:00:04,300] [PID 301] [Thread-2] [dramatiq.worker.ConsumerThread(default)] [DEBUG] Acknowledging message '22222222-aaaa-4bbb-8ccc-000000000001'.
                [2025-05-02 11:00:05,100] [PID 301] [Thread-4] [dramatiq.worker.WorkerThread] [DEBUG] Received message caption('c', 2) with id '22222222-aaaa-4bbb-8ccc-000000000002'.
                [2025-05-02 11:00:09,300] [PID 301] [Thread-2] [dramatiq.worker.ConsumerThread(default)] [DEBUG] Rejecting message '22222222-aaaa-4bbb-8ccc-000000000002'.
                """));
        assertEquals(TaskStatus.COMPLETE, task(set, "22222222-aaaa-4bbb-8ccc-000000000001").status());
        assertEquals(TaskStatus.FAILED, task(set, "22222222-aaaa-4bbb-8ccc-000000000002").status());
    }

    @Test
    void aRankWhoseNcclWatchdogTimedOutFailedOfItsOwn() throws Exception {
        TaskSet set = load(write(dir, "ddp.log", """
                [rank0]:[W1119 13:00:00.000000001 ProcessGroupNCCL.cpp:100] [Rank 0] warming up
                [rank1]:[W1119 13:00:00.000000002 ProcessGroupNCCL.cpp:100] [Rank 1] warming up
                [rank1]:[E1119 13:21:13.101377204 ProcessGroupNCCL.cpp:616] [Rank 1] Watchdog caught collective operation timeout: WorkNCCL(SeqNum=9, OpType=ALLREDUCE, Timeout(ms)=180000) ran for 180004 milliseconds before timing out.
                [rank0]: Traceback (most recent call last):
                [rank0]:   File "/srv/train.py", line 12, in <module>
                [rank0]:     step()
                [rank0]: torch.distributed.DistBackendError: NCCL communicator was aborted on rank 0.
                """));
        assertEquals(TaskStatus.FAILED, task(set, "rank1").status(), "its own timeout, not stopped with rank 0");
        assertEquals(TaskStatus.FAILED, task(set, "rank0").status());
    }
}
