package faultline.importer;

import faultline.model.EventStore;
import faultline.model.Level;
import faultline.model.TaskSet;
import faultline.model.Traceback;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ray's driver logs an actor's failure as a record followed by the frames and the exception, without the
 * traceback's header: the exception line after the frames is that record's, not an untimed line of its own,
 * so the record carries a whole traceback.
 */
class FramesWithoutHeaderTest {
    @Test
    void theExceptionAfterHeaderlessFramesStaysWithTheRecord() throws Exception {
        Path f = Path.of(FramesWithoutHeaderTest.class.getResource("/faultline/layouts/ray/python-core-worker.log").toURI());
        TaskSet set = Fixtures.load(f);
        EventStore s = set.store();
        int record = LayoutCorpusTest.rowAt(s, 13);
        assertTrue(record >= 0);
        assertEquals(-1, LayoutCorpusTest.rowAt(s, 18), "the ValueError line is no event of its own");
        assertEquals(Level.ERROR, s.level(record));
        Traceback t = Traceback.find(s.message(record)).orElseThrow();
        assertEquals("ValueError", t.exceptionType());
        assertEquals("split (actor.py:88)", t.site().text());
    }

    @Test
    void aTimedTracebackAfterANativeStackIsARecordOfItsOwn() throws Exception {
        Path f = Path.of(FramesWithoutHeaderTest.class.getResource("/faultline/layouts/tensorrt/trtllm-serve.log").toURI());
        TaskSet set = Fixtures.load(f);
        EventStore s = set.store();
        int traceback = LayoutCorpusTest.rowAt(s, 13);
        assertTrue(traceback >= 0, "the traceback's record starts an event");
        assertTrue(s.message(LayoutCorpusTest.rowAt(s, 12)).indexOf("Traceback") < 0, "the native stack's frame does not take it");
        Traceback t = Traceback.find(s.message(traceback)).orElseThrow();
        assertEquals("RuntimeError", t.exceptionType());
        assertEquals("build_worker (launch.py:58)", t.site().text());
    }
}
