package faultline.importer;

import faultline.model.EventStore;
import faultline.model.Level;
import faultline.model.Task;
import faultline.model.TaskSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static faultline.importer.Fixtures.load;
import static faultline.importer.Fixtures.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Lines of inference servers and launchers written here in their layouts (values made up): what a user sees of
 * each line's level and message, and which unit it is shown under with what status.
 */
class InferenceServerLinesTest {
    @TempDir
    Path dir;

    static Task unit(TaskSet set, String id) {
        return set.tasks().stream().filter(t -> t.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no unit " + id + " among " + set.tasks().stream().map(Task::id).toList()));
    }

    @Test
    void llamaCppsElapsedPrefixGivesTheLevelAndLeavesTheMessage() throws Exception {
        Path f = write(dir, "server.log", String.join("\n",
                "0.00.051.330 I srv    load_model: loading model '/m/a.gguf'",
                "\u001b[34m0.02.440.118\u001b[0m \u001b[35mW \u001b[0mllama_context: n_ctx_per_seq (4096) < n_ctx_train (8192)",
                "3.07.000.004 D srv  params_from_: Chat format: Content-only",
                "214.59.993.071 E srv  update_slots: decode() failed",
                "0.5 I think this is prose, not a prefix",
                ""));
        TaskSet set = load(f);
        EventStore s = set.store();
        assertEquals(5, s.size());
        assertEquals(Level.INFO, s.level(0));
        assertEquals("srv    load_model: loading model '/m/a.gguf'", s.message(0));
        assertEquals(Level.WARNING, s.level(1));
        assertEquals("llama_context: n_ctx_per_seq (4096) < n_ctx_train (8192)", s.message(1));
        assertEquals(Level.DEBUG, s.level(2));
        assertEquals(Level.ERROR, s.level(3));
        assertEquals("srv  update_slots: decode() failed", s.message(3));
        assertEquals(Level.PRINT, s.level(4));
        assertTrue(s.message(4).startsWith("0.5 I think"));
        assertTrue(set.sources().get(0).untimed(), "time since start is no clock of the day");
    }

    @Test
    void aTaskNoSlotTookFailsByItsKeyAndAReleasedTaskTakesNoLaterLine() throws Exception {
        Path f = write(dir, "server.log", String.join("\n",
                "0.10.000.100 I slot launch_slot_: id  0 | task 0 | processing task, is_child = 0",
                "0.10.500.200 I slot      release: id  0 | task 0 | stop processing: n_tokens = 40, truncated = 0",
                "0.11.000.300 E failed to parse grammar",
                "0.11.000.400 E srv    send_error: task id = 3, error: Failed to initialize samplers: failed to parse grammar",
                "0.11.000.500 E srv  process_sing: failed to launch slot with task, id_task = 3",
                ""));
        TaskSet set = load(f);
        assertEquals("COMPLETE", unit(set, "task 0").status().name());
        assertEquals("FAILED", unit(set, "task 3").status().name());
        EventStore s = set.store();
        assertEquals(-1, s.task(2), "the line after the release is no longer task 0's");
        assertEquals("task 3", set.tasks().get(s.task(4)).id());
    }

    @Test
    void aLauncherLineNamingNoShardIsTheLaunchersNotTheShardStartedLast() throws Exception {
        Path f = write(dir, "launcher.log", String.join("\n",
                "2025-01-05T09:00:00.100000Z  INFO shard-manager: text_generation_launcher: Starting shard rank=0",
                "2025-01-05T09:00:00.200000Z  INFO shard-manager: text_generation_launcher: Starting shard rank=1",
                "2025-01-05T09:00:05.000000Z  INFO text_generation_launcher: Starting Webserver",
                "2025-01-05T09:00:06.000000Z  INFO shard-manager: text_generation_launcher: Shard ready in 5.8s rank=1",
                ""));
        TaskSet set = load(f);
        EventStore s = set.store();
        assertEquals("rank=1", set.tasks().get(s.task(1)).id());
        assertEquals(-1, s.task(2), "the launcher's own line");
        assertEquals("rank=1", set.tasks().get(s.task(3)).id());
    }

    @Test
    void torchrunsTeePrefixNamesTheLocalRankAndKeepsTheIndentation() throws Exception {
        Path f = write(dir, "train.log", String.join("\n",
                "[default0]:step 5 loss 1.9",
                "[default3]:Traceback (most recent call last):",
                "[default3]:  File \"/w/train.py\", line 9, in <module>",
                "[default3]:ValueError: bad batch",
                ""));
        TaskSet set = load(f);
        EventStore s = set.store();
        assertEquals("rank0", set.tasks().get(s.task(0)).id());
        assertEquals("rank3", set.tasks().get(s.task(1)).id());
        assertEquals("FAILED", unit(set, "rank3").status().name());
        assertTrue(s.message(1).contains("\n  File \"/w/train.py\""), s.message(1));
    }

    @Test
    void ollamasRunnerFailsWhenTheServerRelaysItsDeath() throws Exception {
        Path f = write(dir, "server.log", String.join("\n",
                "time=2025-04-01T10:00:00.100Z level=INFO source=server.go:400 msg=\"starting runner\" cmd=\"ollama runner --port 40001\"",
                "time=2025-04-01T10:00:04.000Z level=INFO source=server.go:600 msg=\"llama runner started in 3.90 seconds\"",
                "[GIN] 2025/04/01 - 10:00:09 | 200 |  4.1s |       127.0.0.1 | POST     \"/api/chat\"",
                "time=2025-04-01T10:05:00.000Z level=ERROR source=server.go:450 msg=\"llama runner terminated\" error=\"exit status 2\"",
                ""));
        TaskSet set = load(f);
        Task runner = unit(set, "runner 10:00:00.100");
        assertEquals("FAILED", runner.status().name());
        EventStore s = set.store();
        assertEquals("POST /api/chat 10:00:04.900", set.tasks().get(s.task(2)).id(), "an access line is its request's");
        assertEquals(runner.id(), set.tasks().get(s.task(3)).id());
    }

    @Test
    void ollamasRequestsAreTheirAccessLinesAndAFailedOneTakesTheRelayedError() throws Exception {
        Path f = write(dir, "server.log", String.join("\n",
                "time=2025-04-01T10:00:00.100+02:00 level=INFO source=server.go:400 msg=\"starting runner\" cmd=\"ollama runner --port 40001\"",
                "[GIN] 2025/04/01 - 10:00:03 | 200 |      41.2µs |       127.0.0.1 | GET      \"/api/tags\"",
                "[GIN] 2025/04/01 - 10:00:09 | 200 | 1m2.5s |       127.0.0.1 | POST     \"/v1/chat/completions\"",
                "time=2025-04-01T10:05:00.000+02:00 level=ERROR source=server.go:450 msg=\"llama runner terminated\" error=\"exit status 2\"",
                "time=2025-04-01T10:05:00.001+02:00 level=ERROR source=routes.go:478 msg=\"error during generation\" error=\"llama runner process has terminated: CUDA error: out of memory\"",
                "[GIN] 2025/04/01 - 10:05:00 | 500 |  2.25s |       127.0.0.1 | POST     \"/api/generate\"",
                "[GIN] 2025/04/01 - 10:06:00 | 500 |  1.5s |       127.0.0.1 | POST     \"/api/generate\"",
                ""));
        TaskSet set = load(f);
        EventStore s = set.store();
        assertEquals(-1, s.task(1), "a health poll is no work");
        Task chat = unit(set, "POST /v1/chat/completions 09:59:06.500");
        assertEquals("COMPLETE", chat.status().name());
        assertTrue(chat.created().estimated(), "its start is its latency before its answer");
        Task crashed = unit(set, "POST /api/generate 10:04:57.750");
        assertEquals("FAILED", crashed.status().name());
        // By the times of day the lines write: the records' +02:00 and Gin's clock without a zone are the same local time.
        assertEquals("llama runner process has terminated: CUDA error: out of memory", crashed.errorMessage());
        Task later = unit(set, "POST /api/generate 10:05:58.500");
        assertEquals("FAILED", later.status().name());
        assertEquals("", later.errorMessage(), "the runner died before it ran");
    }
    @Test
    void theExceptionAServerLogsRightAfterItsFiveHundredIsThatRequestsFailure() throws Exception {
        Path f = write(dir, "tabby.log", """
                2025-04-22 09:14:10.502 INFO:     Received chat completion request 3c1f0b9e8d2a47c6b5e4f3a2d1c0b9a8
                2025-04-22 09:14:16.046 INFO:     10.8.0.14:51822 - "POST /v1/chat/completions HTTP/1.1" 200
                2025-04-22 09:15:02.771 INFO:     Received chat completion request 9f8e7d6c5b4a43218f7e6d5c4b3a2910
                2025-04-22 09:15:02.790 INFO:     10.8.0.14:51830 - "POST /v1/chat/completions HTTP/1.1" 500
                2025-04-22 09:15:02.791 ERROR:    Exception in ASGI application
                2025-04-22 09:15:02.791 ERROR:    Traceback (most recent call last):
                2025-04-22 09:15:02.791 ERROR:      File "/app/common/multimodal.py", line 44, in add
                2025-04-22 09:15:02.791 ERROR:        embedding = await get_image_embedding(url)
                2025-04-22 09:15:02.791 ERROR:    AttributeError: 'VisionTower' object has no attribute 'get_image_embeddings'
                2025-04-22 09:16:30.003 INFO:     Unloading model
                2025-04-22 09:16:41.120 ERROR:    Traceback (most recent call last):
                2025-04-22 09:16:41.120 ERROR:      File "/app/backends/loader.py", line 12, in unload
                2025-04-22 09:16:41.120 ERROR:    RuntimeError: cache already freed
                """);
        TaskSet set = load(f);
        Task failed = set.find("9f8e7d6c5b4a43218f7e6d5c4b3a2910").orElseThrow();
        assertEquals(faultline.model.TaskStatus.FAILED, failed.status());
        assertTrue(failed.errorMessage().startsWith("AttributeError: 'VisionTower' object"), "uvicorn logs the exception after the 500: " + failed.errorMessage());
        Task ok = set.find("3c1f0b9e8d2a47c6b5e4f3a2d1c0b9a8").orElseThrow();
        assertEquals(faultline.model.TaskStatus.COMPLETE, ok.status(), "an error eleven seconds after the last answer is no request's");
        assertTrue(ok.errorMessage().isEmpty());
    }
    @Test
    void aRequestNamedByAUuidIsAnsweredByItsAccessLineAndItsExceptionIsNoCrashOfTheServer() throws Exception {
        Path f = write(dir, "api.log", """
                2025-04-22 09:14:10,502 INFO app.server: Received chat completion request 3c1f0b9e-8d2a-47c6-b5e4-f3a2d1c0b9a8
                2025-04-22 09:14:16,046 INFO uvicorn.access: 10.8.0.14:51822 - "POST /v1/chat/completions HTTP/1.1" 200
                2025-04-22 09:15:01,100 INFO app.server: Received chat completion request 9f8e7d6c-5b4a-4321-8f7e-6d5c4b3a2910
                2025-04-22 09:15:02,790 INFO uvicorn.access: 10.8.0.14:51830 - "POST /v1/chat/completions HTTP/1.1" 500
                2025-04-22 09:15:02,791 ERROR uvicorn.error: Exception in ASGI application
                Traceback (most recent call last):
                  File "/app/endpoints/router.py", line 138, in chat_completion_request
                    prompt = await apply_chat_template(data)
                  File "/app/common/multimodal.py", line 44, in add
                    embedding = await get_image_embedding(url)
                AttributeError: 'VisionTower' object has no attribute 'get_image_embeddings'
                2025-04-22 09:16:30,003 INFO app.server: Unloading model
                """);
        TaskSet set = load(f);
        Task failed = set.find("9f8e7d6c-5b4a-4321-8f7e-6d5c4b3a2910").orElseThrow();
        assertEquals(faultline.model.TaskStatus.FAILED, failed.status(), "its 500 answered it");
        assertTrue(failed.errorMessage().startsWith("AttributeError:"), failed.errorMessage());
        assertEquals(faultline.model.TaskStatus.COMPLETE, set.find("3c1f0b9e-8d2a-47c6-b5e4-f3a2d1c0b9a8").orElseThrow().status(),
                "its 200 answered it");
        assertEquals(2, set.tasks().size(), "the server went on serving: its request's exception is no crash of its own " + set.tasks());
    }
}
