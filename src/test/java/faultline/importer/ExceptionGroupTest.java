package faultline.importer;

import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import faultline.model.Traceback;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Python 3.11+'s exception groups (FastAPI's and anyio's task groups): the failure is the member that was
 * raised, not the group that carries it through the framework, and its crash site is the member's own frame.
 */
class ExceptionGroupTest {
    private static final String GROUP = String.join("\n",
            "  + Exception Group Traceback (most recent call last):",
            "  |   File \"/usr/lib/python3.12/site-packages/anyio/_backends/_asyncio.py\", line 678, in __aexit__",
            "  |     raise BaseExceptionGroup(",
            "  | ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)",
            "  +-+---------------- 1 ----------------",
            "    | Traceback (most recent call last):",
            "    |   File \"/srv/app/jobs.py\", line 12, in run",
            "    |     await step(job)",
            "    |   File \"/srv/app/steps.py\", line 40, in step",
            "    |     raise ValueError(\"bad frame count\")",
            "    | ValueError: bad frame count",
            "    +---------------- 2 ----------------",
            "    | Traceback (most recent call last):",
            "    |   File \"/srv/app/jobs.py\", line 14, in run",
            "    |     await upload(job)",
            "    | TimeoutError: upload timed out",
            "    +------------------------------------");

    @Test
    void theFirstMemberIsTheFailureAndItsFrameTheSite() {
        Traceback t = Traceback.find("Exception in ASGI application\n" + GROUP).orElseThrow();
        assertEquals("ValueError", t.exceptionType());
        assertEquals("bad frame count", t.message());
        assertEquals("step (steps.py:40)", t.site().text());
        assertEquals("ExceptionGroup", t.chain().get(0).type(), "the group opens the chain");
        assertEquals("in group", t.failure().link());
    }

    @Test
    void aPlainTracebackIsReadAsBefore() {
        Traceback t = Traceback.find(String.join("\n",
                "Traceback (most recent call last):",
                "  File \"/srv/app/jobs.py\", line 12, in run",
                "    x = parse(spec)",
                "KeyError: 'fps'")).orElseThrow();
        assertEquals(List.of("KeyError"), t.chain().stream().map(Traceback.Raised::type).toList());
    }

    @Test
    void anUntimedServerThatFailsInAGroupIsAFailedUnitWithTheMember() throws Exception {
        Path file = Path.of(ExceptionGroupTest.class.getResource("/faultline/layouts/python/uvicorn-taskgroup.log").toURI());
        TaskSet set = Fixtures.load(file);
        List<Task> failed = set.tasks().stream().filter(t -> t.status() == TaskStatus.FAILED).toList();
        assertEquals(1, failed.size(), "the server is the failed unit");
        faultline.model.Crash crash = new faultline.analysis.Analyzer(set).crashOf(failed.get(0));
        assertEquals("render.pool.NoFreeGpu", crash.exceptionType());
        assertTrue(crash.site().text().startsWith("reserve (pool.py:33)"), crash.site().text());
    }

    @Test
    void aJupyterServersTracebackUnderItsBracketedHeaderIsItsFailure() throws Exception {
        Path file = Path.of(ExceptionGroupTest.class.getResource("/faultline/layouts/jupyter/jupyter-server.log").toURI());
        TaskSet set = Fixtures.load(file);
        List<Task> failed = set.tasks().stream().filter(t -> t.status() == TaskStatus.FAILED).toList();
        assertEquals(1, failed.size(), set.tasks().toString());
        faultline.model.Crash crash = new faultline.analysis.Analyzer(set).crashOf(failed.get(0));
        assertEquals("PermissionError", crash.exceptionType());
        assertTrue(crash.site().text().startsWith("load (contents_hook.py:41)"), crash.site().text());
        int error = failed.get(0).events()[0];
        assertEquals(7, set.store().line(error));
        assertEquals(faultline.model.Level.ERROR, set.store().level(error));
    }
}
