package faultline.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A parent's exception that stands for a child process's: the child's error and own frame are the failure. */
class ProcessWrapperTracebackTest {
    private static Traceback parse(String... lines) {
        return Traceback.find(String.join("\n", lines)).orElseThrow();
    }

    @Test
    void aSpawnedProcessesErrorIsTheFailureNotTheWrapperRaisedInJoin() {
        Traceback tb = parse(
                "Traceback (most recent call last):",
                "  File \"/work/run.py\", line 80, in <module>",
                "    mp.spawn(main, nprocs=2)",
                "  File \"/opt/conda/lib/python3.10/site-packages/torch/multiprocessing/spawn.py\", line 160, in join",
                "    raise ProcessRaisedException(msg, error_index, failed_process.pid)",
                "torch.multiprocessing.spawn.ProcessRaisedException: ",
                "",
                "-- Process 1 terminated with the following error:",
                "Traceback (most recent call last):",
                "  File \"/opt/conda/lib/python3.10/site-packages/torch/multiprocessing/spawn.py\", line 69, in _wrap",
                "    fn(i, *args)",
                "  File \"/work/run.py\", line 55, in main",
                "    loss = model(x)",
                "RuntimeError: CUDA error: out of memory");
        assertEquals("RuntimeError", tb.exceptionType());
        assertEquals("main (run.py:55)", tb.site().text());
    }

    @Test
    void aSecondTracebackAfterAnExceptionWithAMessageIsAnotherOne() {
        Traceback tb = parse(
                "Traceback (most recent call last):",
                "  File \"/work/a.py\", line 3, in f",
                "    g()",
                "ValueError: first",
                "Traceback (most recent call last):",
                "  File \"/work/b.py\", line 9, in h",
                "    k()",
                "KeyError: 'second'");
        assertEquals("ValueError", tb.exceptionType(), "only an exception without a message that ends in a colon quotes one");
    }

    @Test
    void aFuturesResultReRaisingAWorkersErrorPointsAtTheWorkersFrame() {
        Traceback tb = parse(
                "concurrent.futures.process._RemoteTraceback: ",
                "\"\"\"",
                "Traceback (most recent call last):",
                "  File \"/usr/lib/python3.12/concurrent/futures/process.py\", line 263, in _process_worker",
                "    r = call_item.fn(*call_item.args, **call_item.kwargs)",
                "  File \"/srv/thumbs/extract.py\", line 38, in grab_frame",
                "    return frames[index]",
                "IndexError: list index out of range",
                "\"\"\"",
                "",
                "The above exception was the direct cause of the following exception:",
                "",
                "Traceback (most recent call last):",
                "  File \"/srv/thumbs/run.py\", line 52, in main",
                "    thumbs = [f.result() for f in futures]",
                "  File \"/usr/lib/python3.12/concurrent/futures/_base.py\", line 401, in __get_result",
                "    raise self._exception",
                "IndexError: list index out of range");
        assertEquals("IndexError", tb.exceptionType());
        assertEquals("grab_frame (extract.py:38)", tb.site().text());
    }
}
