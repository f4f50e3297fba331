package faultline.importer;

import faultline.model.EventStore;
import faultline.model.TaskSet;
import faultline.model.WordGate;
import faultline.model.WordLook;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A look at an event's words, which lets the task facts pass over lines without decoding them, never
 * misses a word or a name its message holds, in any layout of the corpus: a miss would lose a status
 * or a start without a trace.
 */
class WordLookTest {
    private static final List<List<String>> WORDS = List.of(
            List.of("failed", "Failed", "Traceback (most recent call last)", "\tat ", " at ", "Success: False"),
            List.of("Processing ", "type", "Task created successfully"),
            List.of("complete", "done", "retr", "SIGKILL", "exception", "orchestrator"),
            List.of("INFO", "ERROR", "Job", "Task", "request"));
    private static final WordGate GATE = new WordGate(WORDS);

    @Test
    void findsEveryWordAndNameTheMessageHolds() {
        List<String> misses = new ArrayList<>();
        int looked = 0;
        int found = 0;
        for (LayoutExpectation e : LayoutExpectation.all()) {
            TaskSet set = Fixtures.load(e.file());
            EventStore s = set.store();
            WordLook look = new WordLook();
            for (int i = 0; i < s.size(); i++) {
                String message = s.message(i);
                String name = nameFor(set, s, i, message);
                s.look(i, GATE, name, look);
                long want = GATE.groups(message);
                looked++;
                if (want != 0) {
                    found++;
                }
                if ((look.groups & want) != want || (message.contains(name) && !look.mentions)) {
                    misses.add(e.file().getFileName() + " row " + i + ": " + message);
                }
            }
        }
        assertEquals(List.of(), misses.subList(0, Math.min(10, misses.size())));
        assertTrue(found > looked / 20, "the corpus exercises the words: " + found + " of " + looked);
    }

    /** The event's task id's 8-character start, as the facts look for it, or a word of the message. */
    private static String nameFor(TaskSet set, EventStore s, int i, String message) {
        int t = s.task(i);
        if (t >= 0) {
            String id = set.tasks().get(t).id();
            return id.length() == 36 ? id.substring(0, 8) : id;
        }
        // A name is one token (an id never holds a space): five characters of a word in the message's second half.
        for (String w : message.substring(message.length() / 2).split("\\s+")) {
            if (w.length() >= 5) {
                return w.substring(0, 5);
            }
        }
        return "zz-none";
    }
}
