package faultline.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stack traces as workers print them, read into exception, message, frames, chain and crash site. */
class TracebackTest {
    private static Traceback parse(String... lines) {
        return Traceback.find(String.join("\n", lines)).orElseThrow(() -> new AssertionError("no traceback found"));
    }

    @Test
    void aTracebackRelayedWithoutItsIndentationKeepsItsSourceLinesApartFromTheException() {
        Traceback tb = parse(
                "2025-05-14 13:05:44.121 [1715690000000001/train/4 (pid 311)] Traceback (most recent call last):",
                "2025-05-14 13:05:44.121 [1715690000000001/train/4 (pid 311)] File \"/srv/flows/train.py\", line 41, in train",
                "2025-05-14 13:05:44.121 [1715690000000001/train/4 (pid 311)] self.model = fit(rows)",
                "2025-05-14 13:05:44.122 [1715690000000001/train/4 (pid 311)] File \"<frozen runpy>\", line 88, in _run_code",
                "2025-05-14 13:05:44.122 [1715690000000001/train/4 (pid 311)] KeyError: 'label'");
        assertEquals("KeyError", tb.exceptionType());
        assertEquals(2, tb.failure().frames().size());
        assertEquals("self.model = fit(rows)", tb.failure().frames().get(0).code());
        assertEquals("train (train.py:41)", tb.site().text());
    }

    @Test
    void packagesBundledBesideTheProgramAreNotItsCode() {
        Traceback tb = parse(
                "Traceback (most recent call last):",
                "  File \"/var/task/vc__handler__python.py\", line 243, in <module>",
                "  File \"/var/task/api/run.py\", line 48, in handler",
                "    vectors = embed(texts)",
                "  File \"/var/task/_vendor/numpy/core/fromnumeric.py\", line 59, in _wrapfunc",
                "    return bound(*args, **kwds)",
                "ValueError: cannot reshape array of size 10 into shape (3,)");
        assertEquals("handler (run.py:48)", tb.site().text(), "Vercel's _vendor folder holds the function's dependencies");
    }

    @Test
    void aPlainTracebackGivesTypeMessageFramesAndTheLastOwnFrame() {
        Traceback tb = parse(
                "Traceback (most recent call last):",
                "  File \"/srv/render/worker.py\", line 210, in run_job",
                "    result = pipeline.render(job)",
                "  File \"/srv/render/pipeline.py\", line 57, in render",
                "    frames = self._decode(job.frames)",
                "  File \"/usr/lib/python3.10/json/__init__.py\", line 346, in loads",
                "    return _default_decoder.decode(s)",
                "ValueError: frame count must be positive, got -3");
        assertEquals("ValueError", tb.exceptionType());
        assertEquals("frame count must be positive, got -3", tb.message());
        assertEquals(3, tb.failure().frames().size());
        assertEquals("frames = self._decode(job.frames)", tb.failure().frames().get(1).code());
        CrashSite site = tb.site();
        assertEquals("render", site.function());
        assertEquals("/srv/render/pipeline.py", site.file());
        assertEquals(57, site.line());
        assertTrue(site.own(), "the standard library's frame is not the site");
        assertEquals("render (pipeline.py:57)", site.text());
    }

    @Test
    void aChainedTracebackFailsWithTheLastRaisedAndKeepsTheChain() {
        Traceback tb = parse(
                "Traceback (most recent call last):",
                "  File \"/app/jobs/fetch.py\", line 12, in fetch",
                "    return cache[key]",
                "KeyError: 'clip-17'",
                "",
                "During handling of the above exception, another exception occurred:",
                "",
                "Traceback (most recent call last):",
                "  File \"/app/jobs/fetch.py\", line 14, in fetch",
                "    return download(key)",
                "  File \"/app/jobs/net.py\", line 40, in download",
                "    raise ConnectionError(f\"no route to {host}\")",
                "ConnectionError: no route to store-2",
                "",
                "The above exception was the direct cause of the following exception:",
                "",
                "Traceback (most recent call last):",
                "  File \"/app/main.py\", line 5, in <module>",
                "    run()",
                "app.errors.JobFailed: fetch of clip-17 failed");
        assertEquals(3, tb.chain().size());
        assertEquals(List.of("KeyError", "ConnectionError", "app.errors.JobFailed"),
                tb.chain().stream().map(Traceback.Raised::type).toList());
        assertEquals("during handling", tb.chain().get(1).link());
        assertEquals("direct cause", tb.chain().get(2).link());
        assertEquals("app.errors.JobFailed", tb.exceptionType());
        assertEquals("<module> (main.py:5)", tb.site().text());
    }

    @Test
    void python311MarkersAndElisionsAreNotSourceLines() {
        Traceback tb = parse(
                "Traceback (most recent call last):",
                "  File \"/home/op/gen/run.py\", line 88, in <module>",
                "    main(",
                "    ~~~~^",
                "    ...<3 lines>...",
                "    )",
                "  File \"/home/op/gen/run.py\", line 61, in main",
                "    total = sizes[idx] / scale",
                "            ~~~~~~~~~~^~~~~~~",
                "ZeroDivisionError: division by zero");
        assertEquals("ZeroDivisionError", tb.exceptionType());
        assertEquals(2, tb.failure().frames().size());
        assertEquals("main(", tb.failure().frames().get(0).code());
        assertEquals("total = sizes[idx] / scale", tb.failure().frames().get(1).code());
        assertEquals("main (run.py:61)", tb.site().text());
    }

    @Test
    void raysTaskErrorGivesTheRemoteTasksOwnExceptionAndFrame() {
        Traceback tb = parse(
                "Traceback (most recent call last):",
                "  File \"/opt/venv/lib/python3.10/site-packages/ray/_private/worker.py\", line 864, in get_objects",
                "    raise value.as_instanceof_cause()",
                "ray.exceptions.RayTaskError(ValueError): ray::ImplicitFunc.train() (pid=4522, ip=10.0.0.5)",
                "  File \"/opt/venv/lib/python3.10/site-packages/ray/tune/trainable/trainable.py\", line 331, in train",
                "    raise skipped from exception_cause(skipped)",
                "  File \"/home/ml/exp/tune_exp.py\", line 9, in check",
                "    raise ValueError(\"lr too high, diverged\")",
                "ValueError: lr too high, diverged");
        assertEquals("ValueError", tb.exceptionType());
        assertEquals("lr too high, diverged", tb.message());
        assertEquals("check (tune_exp.py:9)", tb.site().text());
        assertEquals("ray.exceptions.RayTaskError", tb.chain().get(0).type(), "the wrapper stays in the chain");
    }

    @Test
    void faulthandlersDumpGivesTheSignalAndTheCurrentThreadsStack() {
        Traceback tb = parse(
                "Fatal Python error: Segmentation fault",
                "",
                "Thread 0x00007f0e2effd640 (most recent call first):",
                "  File \"/usr/lib/python3.10/threading.py\", line 324 in wait",
                "  File \"/opt/imgsvc/imgsvc/prefetch.py\", line 22 in _loop",
                "",
                "Current thread 0x00007f0f4a1b3740 (most recent call first):",
                "  File \"/opt/venv/lib/python3.10/site-packages/torch/nn/modules/conv.py\", line 456 in _conv_forward",
                "  File \"/opt/imgsvc/imgsvc/upscale.py\", line 118 in run_tile",
                "  File \"/opt/imgsvc/run_worker.py\", line 9 in <module>");
        assertEquals("Segmentation fault", tb.exceptionType());
        assertEquals("run_tile (upscale.py:118)", tb.site().text(), "the current thread's, not the prefetch thread's");
        assertEquals("<module>", tb.failure().frames().get(0).function(), "kept outermost first");
        assertTrue(Traceback.find("Thread 0x00007f0e2effd640 (most recent call first):\n  File \"/a.py\", line 3 in f").isEmpty(),
                "another thread's stack alone is no crash");
    }

    @Test
    void aPackagesConsoleScriptIsNotTheProjectsOwnCode() {
        Traceback tb = parse(
                "Traceback (most recent call last):",
                "  File \"/opt/conda/bin/text-generation-server\", line 8, in <module>",
                "    sys.exit(app())",
                "  File \"/opt/conda/lib/python3.11/site-packages/text_generation_server/models/flash_causal_lm.py\", line 1207, in warmup",
                "    raise RuntimeError(\"Not enough memory to handle 4096 prefill tokens\")",
                "RuntimeError: Not enough memory to handle 4096 prefill tokens");
        assertNull(tb.site(), "no frame of the project's own: no crash site");
        assertFalse(tb.raisedAt().own());
        assertEquals("warmup (flash_causal_lm.py:1207)", tb.raisedAt().text(), "where it was raised, a library's frame");
    }

    @Test
    void aUuidsShortIdIsItsFirstEightDigitsAndAPrefixedIdStaysWhole() {
        assertEquals("9e8d7c6b", task("9e8d7c6b-1111-4222-8333-abcdefabcdef").shortId());
        assertEquals("chatcmpl-9e8d7c6b5a41", task("chatcmpl-9e8d7c6b5a41").shortId(), "two requests would share chatcmpl");
    }

    private static Task task(String id) {
        return new Task(0, id, "", TaskStatus.FAILED, "", null, null, null, "", "", "", java.util.Map.of(), new int[0], java.util.List.of());
    }

    @Test
    void aNodeStackGivesTypeMessageAndItsInnermostOwnFrame() {
        Traceback tb = parse(
                "TypeError: Cannot read properties of undefined (reading 'width')",
                "    at scaleImage (/srv/app/dist/jobs/upscale.js:48:27)",
                "    at async Worker.processor (/srv/app/dist/worker.js:22:12)",
                "    at async Worker.processJob (/srv/app/node_modules/bullmq/dist/cjs/classes/worker.js:455:28)",
                "    at /srv/app/dist/queue.js:10:3",
                "    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)");
        assertEquals(Traceback.Language.NODE, tb.language());
        assertEquals("TypeError", tb.exceptionType());
        assertEquals("Cannot read properties of undefined (reading 'width')", tb.message());
        assertEquals(5, tb.failure().frames().size());
        assertEquals("scaleImage", tb.failure().frames().get(4).function(), "printed innermost first, kept outermost first");
        assertEquals("scaleImage (upscale.js:48)", tb.site().text());
        assertFalse(tb.failure().frames().get(0).own(), "Node's own modules are not the project's");
        assertFalse(tb.failure().frames().get(2).own(), "nor an installed package");
        assertEquals("<anonymous>", tb.failure().frames().get(1).function(), "an anonymous frame");
    }

    @Test
    void aNodeStackInsideLibrariesOnlyFallsBackToItsInnermostFrame() {
        Traceback tb = parse(
                "Error: connect ECONNREFUSED 127.0.0.1:6379",
                "    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1595:16)");
        assertEquals("Error", tb.exceptionType());
        assertNull(tb.site());
        assertFalse(tb.raisedAt().own());
    }

    @Test
    void rankPrefixesOnEveryLineAreTolerated() {
        Traceback tb = parse(
                "[rank3]: Traceback (most recent call last):",
                "[rank3]:   File \"/work/train/step.py\", line 301, in forward",
                "[rank3]:     out = self.block(x)",
                "[rank3]:   File \"/opt/conda/lib/python3.11/site-packages/torch/nn/modules/module.py\", line 1736, in _wrapped_call_impl",
                "[rank3]:     return self._call_impl(*args, **kwargs)",
                "[rank3]: torch.OutOfMemoryError: CUDA out of memory. Tried to allocate 2.50 GiB.");
        assertEquals("torch.OutOfMemoryError", tb.exceptionType());
        assertTrue(tb.message().startsWith("CUDA out of memory."), tb.message());
        assertEquals("forward (step.py:301)", tb.site().text());
        assertFalse(tb.failure().frames().get(1).own(), "site-packages is not the project's code");
    }

    @Test
    void aTimestampedPrefixMatchesOnEveryLineWhateverItsNumbers() {
        Traceback tb = parse(
                "2025-03-02 10:11:12,345 ERROR Traceback (most recent call last):",
                "2025-03-02 10:11:12,346 ERROR   File \"/srv/a.py\", line 9, in go",
                "2025-03-02 10:11:12,346 ERROR     go_on()",
                "2025-03-02 10:11:12,347 ERROR RuntimeError: CUDA error: device-side assert triggered");
        assertEquals("RuntimeError", tb.exceptionType());
        assertEquals("CUDA error: device-side assert triggered", tb.message());
        assertEquals("go (a.py:9)", tb.site().text());
    }

    @Test
    void aPasteWithoutItsExceptionLineSaysSoAndInventsNone() {
        Traceback tb = parse(
                "Traceback (most recent call last):",
                "  File \"/srv/worker/loop.py\", line 77, in poll",
                "    task = claim_next()",
                "  File \"/srv/worker/db.py\", line 31, in claim_next",
                "    return rows[0]",
                "Stopping heartbeat thread...");
        assertTrue(tb.endsBeforeExceptionLine());
        assertEquals("", tb.exceptionType());
        assertEquals("the traceback ends before its exception line", Traceback.NO_EXCEPTION_LINE);
        assertEquals("claim_next (db.py:31)", tb.site().text(), "the frames still place the failure");
    }

    @Test
    void onlyLibraryFramesFallBackToTheLastFrameAndSaySo() {
        Traceback tb = parse(
                "Traceback (most recent call last):",
                "  File \"<frozen runpy>\", line 198, in _run_module_as_main",
                "  File \"/usr/local/lib/python3.12/site-packages/uvicorn/main.py\", line 410, in run",
                "    server.run()",
                "OSError: [Errno 98] Address already in use");
        assertEquals("OSError", tb.exceptionType());
        assertNull(tb.site(), "a library's frame is no crash site");
        CrashSite site = tb.raisedAt();
        assertFalse(site.own());
        assertEquals("run", site.function());
    }

    @Test
    void anExceptionWithoutAMessageIsStillAnException() {
        Traceback tb = parse(
                "Traceback (most recent call last):",
                "  File \"/srv/loop.py\", line 3, in <module>",
                "    time.sleep(60)",
                "KeyboardInterrupt");
        assertEquals("KeyboardInterrupt", tb.exceptionType());
        assertEquals("", tb.message());
    }

    @Test
    void aJvmTraceFailsWithTheExceptionItThrewAndKeepsItsRootCause() {
        Traceback tb = parse(
                "Exception in thread \"main\" java.lang.IllegalStateException: job 42 could not start",
                "\tat com.example.render.Scheduler.start(Scheduler.java:88)",
                "\tat com.example.render.Main.main(Main.java:12)",
                "Caused by: java.io.UncheckedIOException: read failed",
                "\tat com.example.render.Store.read(Store.java:40)",
                "\t... 2 more",
                "Caused by: java.io.FileNotFoundException: /data/job42.json (No such file or directory)",
                "\tat java.base/java.io.FileInputStream.open0(Native Method)",
                "\tat java.base/java.io.FileInputStream.open(FileInputStream.java:219)",
                "\tat com.example.render.Store.open(Store.java:71)",
                "\t... 3 more");
        assertEquals(Traceback.Language.JVM, tb.language());
        assertEquals(3, tb.chain().size());
        assertEquals("java.lang.IllegalStateException", tb.exceptionType(), "the exception thrown, as the trace opens with it");
        assertEquals("job 42 could not start", tb.message());
        assertEquals("java.io.FileNotFoundException", tb.root().type(), "the root cause stays in the chain");
        assertEquals("caused by", tb.root().link());
        CrashSite site = tb.site();
        assertNotNull(site);
        assertEquals("Store.open", site.function());
        assertEquals("Store.java", site.file());
        assertEquals(71, site.line());
        assertTrue(site.own());
    }

    @Test
    void aJvmTraceCutIntoEventsIsNamedByTheExceptionItThrewWithTheRootOfTheWhole() {
        Traceback top = parse(
                "com.example.render.pipeline.TranscodeException: ffmpeg exited with 1",
                "\tat com.example.render.pipeline.Transcoder.run(Transcoder.java:88)");
        assertEquals("com.example.render.pipeline.TranscodeException", top.exceptionType(), "alone, the part is its own root");
        Traceback whole = parse(
                "com.example.render.pipeline.TranscodeException: ffmpeg exited with 1",
                "\tat com.example.render.pipeline.Transcoder.run(Transcoder.java:88)",
                "Caused by: java.io.IOException: No space left on device",
                "\tat java.base/sun.nio.ch.FileDispatcherImpl.write0(Native Method)",
                "\tat com.example.render.pipeline.OutputSink.write(OutputSink.java:57)",
                "\t... 4 common frames omitted");
        assertEquals("com.example.render.pipeline.TranscodeException", whole.exceptionType());
        assertEquals("java.io.IOException", whole.root().type(), "the root cause is kept in the chain");
        assertEquals("OutputSink.write (OutputSink.java:57)", whole.site().text(), "where the root cause was raised");
    }

    @Test
    void textWithoutATraceIsNone() {
        assertTrue(Traceback.find("Task 7 failed after 3.2s: ValueError: bad").isEmpty());
        assertTrue(Traceback.find("").isEmpty());
    }

    @Test
    void aLineNumberTooLongForAnyFileIsNoFrameAndNoCrash() {
        Traceback t = Traceback.find(String.join("\n",
                "Traceback (most recent call last):",
                "  File \"/srv/a.py\", line 92233720368547758073, in run",
                "  File \"/srv/b.py\", line 12, in step",
                "    x()",
                "ValueError: bad")).orElseThrow();
        assertEquals("ValueError", t.exceptionType());
        assertEquals("step (b.py:12)", t.site().text());
    }

    @Test
    void aRubyBacktraceUnderAHandlersExceptionLineIsSitedInTheAppsCode() {
        Traceback tb = parse(
                "Faraday::ConnectionFailed: Connection refused - connect(2) for \"10.9.0.3\" port 9200",
                "/home/deploy/shared/bundle/ruby/3.2.0/gems/faraday-2.9.0/lib/faraday/adapter/net_http.rb:66:in `rescue in call'",
                "/home/deploy/current/app/indexers/catalog_indexer.rb:41:in `push_batch'",
                "/home/deploy/current/app/jobs/reindex_job.rb:17:in `block in perform'",
                "/usr/local/lib/ruby/3.2.0/benchmark.rb:311:in `realtime'",
                "/home/deploy/current/app/jobs/reindex_job.rb:15:in `perform'");
        assertEquals(Traceback.Language.RUBY, tb.language());
        assertEquals("Faraday::ConnectionFailed", tb.exceptionType());
        assertEquals(5, tb.failure().frames().size());
        assertEquals("push_batch (catalog_indexer.rb:41)", tb.site().text(), "the innermost own frame, past the gem's");
    }

    @Test
    void anUncaughtRubyExceptionNamesItsClassAfterTheFirstFrame() {
        Traceback tb = parse(
                "/srv/tools/lib/exporter.rb:88:in 'Exporter#write_row': undefined method 'strftime' for nil (NoMethodError)",
                "\tfrom <internal:kernel>:187:in 'Kernel#loop'",
                "\tfrom /srv/tools/bin/export:12:in '<main>'");
        assertEquals("NoMethodError", tb.exceptionType());
        assertEquals("undefined method 'strftime' for nil", tb.message());
        assertEquals("Exporter#write_row (exporter.rb:88)", tb.site().text());
    }

    @Test
    void rubyFramesAloneHaveNoExceptionLineAndAllLibraryFramesFallBack() {
        Traceback tb = parse(
                "/usr/local/bundle/gems/resque-2.6.0/lib/resque/job.rb:175:in `perform'",
                "/usr/local/lib/ruby/3.1.0/monitor.rb:202:in `synchronize'");
        assertTrue(tb.endsBeforeExceptionLine());
        assertNull(tb.site());
        assertEquals("perform (job.rb:175)", tb.raisedAt().text());
    }
    /** Rich's box of the given inner width: its top with the title, a row per text (padded), its bottom. */
    private static List<String> richBox(String pad, int width, String... rows) {
        List<String> out = new java.util.ArrayList<>();
        String title = " Traceback (most recent call last) ";
        int left = (width + 2 - title.length()) / 2;
        out.add(pad + "\u256d" + "\u2500".repeat(left) + title + "\u2500".repeat(width + 2 - left - title.length()) + "\u256e");
        for (String r : rows) {
            out.add(pad + "\u2502 " + r + " ".repeat(Math.max(0, width - r.length())) + " \u2502");
        }
        out.add(pad + "\u2570" + "\u2500".repeat(width + 2) + "\u256f");
        return out;
    }

    @Test
    void aRichTracebackBoxGivesItsFramesWrappedHeadingsAndTheExceptionAfterIt() {
        List<String> lines = new java.util.ArrayList<>(richBox("", 40,
                "/opt/etl/venv/lib/python3.12/site-packag",
                "es/typer/main.py:340 in __call__",
                "",
                "/home/ops/Shared",
                "Jobs/batchtool/src/batchtool/cli.py:41",
                "in ingest",
                "",
                "  40 \u2502   rows = load(path)",
                "\u2771 41 \u2502   total = sum(r.size for r in rows)",
                "  42 \u2502   return total",
                "",
                "\u256d\u2500\u2500\u2500\u2500 locals \u2500\u2500\u2500\u2500\u256e",
                "\u2502 path = 'in 3:4' \u2502",
                "\u2570\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u2500\u256f",
                "",
                "in <genexpr>:41"));
        lines.add("AttributeError: 'dict' object has no attribute 'size'");
        Traceback tb = parse(lines.toArray(new String[0]));
        assertEquals("AttributeError", tb.exceptionType());
        assertEquals("'dict' object has no attribute 'size'", tb.message());
        List<Traceback.Frame> frames = tb.failure().frames();
        assertEquals(3, frames.size(), frames.toString());
        assertEquals("/opt/etl/venv/lib/python3.12/site-packages/typer/main.py", frames.get(0).file(), "a heading cut at the box's edge");
        assertEquals("/home/ops/Shared Jobs/batchtool/src/batchtool/cli.py", frames.get(1).file(), "a heading wrapped at a space");
        assertEquals("total = sum(r.size for r in rows)", frames.get(1).code(), "the marked line is the frame's");
        assertFalse(frames.get(2).own(), "a frame not on disk");
        assertEquals("ingest (cli.py:41)", tb.site().text());
    }

    @Test
    void aRichTracebackIndentedUnderItsRecordAndChainedIsReadFromItsCorners() {
        String pad = " ".repeat(20);
        List<String> lines = new java.util.ArrayList<>();
        lines.add("[06/02/25 09:14:03] ERROR    Step failed");
        lines.addAll(richBox(pad, 44, "/srv/app/store.py:12 in fetch"));
        lines.add(pad + "KeyError: 'shard'");
        lines.add("");
        lines.add(pad + "The above exception was the direct cause of the following exception:");
        lines.add("");
        lines.addAll(richBox(pad, 44, "/srv/venv/lib/python3.11/site-packages/orm/", "q.py:88 in get"));
        lines.add(pad + "LookupFailed: no row");
        Traceback tb = parse(lines.toArray(new String[0]));
        assertEquals(2, tb.chain().size());
        assertEquals("LookupFailed", tb.exceptionType(), "the exception raised last");
        assertEquals("direct cause", tb.failure().link());
        assertEquals("fetch (store.py:12)", tb.site().text(), "the wrapper raised in a library: its cause places it");
    }

    @Test
    void aDagsterErrorDisplayIsTheWrapperRaisedFromItsCause() {
        Traceback tb = parse(
                "Execution of step \"resize\" failed.",
                "",
                "dagster._core.errors.DagsterExecutionStepExecutionError: Error occurred while executing op \"resize\"::",
                "",
                "ValueError: width must be even",
                "",
                "Stack Trace:",
                "  File \"/usr/local/lib/python3.12/site-packages/dagster/_core/execution/plan/utils.py\", line 54, in op_execution_error_boundary",
                "    yield",
                "",
                "The above exception was caused by the following exception:",
                "ValueError: width must be even",
                "",
                "Stack Trace:",
                "  File \"/usr/local/lib/python3.12/site-packages/dagster/_core/execution/plan/utils.py\", line 54, in op_execution_error_boundary",
                "    yield",
                "  File \"/opt/pipelines/media/ops.py\", line 19, in resize",
                "    raise ValueError(\"width must be even\")",
                "");
        assertEquals("dagster._core.errors.DagsterExecutionStepExecutionError", tb.exceptionType(), "the wrapper, printed first");
        assertEquals("ValueError", tb.chain().get(0).type(), "its cause, earlier in Python's order");
        assertEquals("resize (ops.py:19)", tb.site().text());
    }
}
