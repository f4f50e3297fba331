package faultline.importer;

import faultline.model.EventStore;
import faultline.model.Level;
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
    private static EventStore read(String fixture) throws Exception {
        Path f = Path.of(FramesWithoutHeaderTest.class.getResource("/faultline/layouts/" + fixture).toURI());
        return Fixtures.load(f).store();
    }

    /** The traceback an event carries: its exception type and crash site. */
    private static void tracebackOf(EventStore s, int row, String exception, String site) {
        Traceback t = Traceback.find(s.message(row)).orElseThrow();
        assertEquals(exception, t.exceptionType());
        assertEquals(site, t.site().text());
    }

    @Test
    void theExceptionAfterHeaderlessFramesStaysWithTheRecord() throws Exception {
        EventStore s = read("ray/python-core-worker.log");
        int record = LayoutCorpusTest.rowAt(s, 13);
        assertTrue(record >= 0);
        assertEquals(-1, LayoutCorpusTest.rowAt(s, 18), "the ValueError line is no event of its own");
        assertEquals(Level.ERROR, s.level(record));
        tracebackOf(s, record, "ValueError", "split (actor.py:88)");
    }

    @Test
    void aTimedTracebackAfterANativeStackIsARecordOfItsOwn() throws Exception {
        EventStore s = read("tensorrt/trtllm-serve.log");
        int traceback = LayoutCorpusTest.rowAt(s, 13);
        assertTrue(traceback >= 0, "the traceback's record starts an event");
        assertTrue(s.message(LayoutCorpusTest.rowAt(s, 12)).indexOf("Traceback") < 0, "the native stack's frame does not take it");
        tracebackOf(s, traceback, "RuntimeError", "build_worker (launch.py:58)");
    }
}
