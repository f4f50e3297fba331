package faultline.importer;

import faultline.model.Level;
import faultline.model.Task;
import faultline.model.TaskSet;
import faultline.model.TaskStatus;
import org.junit.jupiter.api.Test;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A server that logs its crash as a traceback opened at the end of a message, without a level column (SGLang's
 * scheduler), crashed: the line is an error event with its frames, and the server is a failed unit whose
 * exception and crash site come from that traceback.
 */
class TracebackInMessageTest {
    @Test
    void aTracebackOpenedAtAMessagesEndIsTheServersCrash() throws URISyntaxException {
        Path f = Path.of(TracebackInMessageTest.class.getResource("/faultline/layouts/sglang/sglang-server.log").toURI());
        TaskSet set = Fixtures.load(f);
        List<Task> failed = set.tasks().stream().filter(t -> t.status() == TaskStatus.FAILED).toList();
        assertEquals(1, failed.size(), set.tasks().toString());
        Task crash = failed.get(0);
        int first = crash.events()[0];
        assertEquals(16, set.store().line(first));
        assertEquals(Level.ERROR, set.store().level(first));
        faultline.model.Crash c = new faultline.analysis.Analyzer(set).crashOf(crash);
        assertEquals("torch.OutOfMemoryError", c.exceptionType());
        assertEquals("forward_extend (model_runner.py:1408)", c.site().text());
    }
}
