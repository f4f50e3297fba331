package faultline.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class WordGateTest {
    @Test
    void tellsWhichGroupsHaveAWordInTheLineInOnePass() {
        WordGate g = new WordGate(List.of(List.of("failed", "Killed"), List.of("done", "finished"), List.of("failed to start")));
        assertEquals(0b001, g.groups("job 7 failed"));
        assertEquals(0b101, g.groups("shard 1 failed to start"), "a word in two groups marks both");
        assertEquals(0b010, g.groups("🔍 task 9 finished in 3 s"), "text around the words may be any text");
        assertEquals(0, g.groups("GENERATION: LOOP [9/32]: Processing param='guidance_scale'"));
        assertEquals(0, g.groups(""));
        assertEquals(0b001, g.groups("Killed"));
    }

    @Test
    void linesAsBytesTellTheSameAsTheirText() {
        // Words sharing their first pair with many others, words of two bytes beside longer ones, words at the line's end.
        List<List<String>> groups = List.of(List.of("retr", "requeu", "re-queu"), List.of(" at ", "\tat "), List.of("revoked"),
                List.of("Processing status update", "Processing "), List.of("type"), List.of("done"));
        List<String> lines = List.of("resolution returned result: retrying request", "requeued for retry", "job re-queued",
                "sent at 08:00", "\tat com.x.Y(Y.java:3)", "task revoked", "Processing status update for 7",
                "Processing travel task", "value_type=int", "prototype done", "re", "r", "", "type", "revoke", "atypical",
                "🔍 LOOP [1/20]: Processing param='resolution', value_type=int", "résumé retr");
        for (List<List<String>> gs : List.of(groups, List.of(List.of("ok", "done"), List.of("retr")))) {
            WordGate g = new WordGate(gs);
            for (String line : lines) {
                byte[] b = ("xx" + line + "yy").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                assertEquals(g.groups(line), g.groups(b, 2, b.length - 2), line);
                assertEquals(g.groups(line), g.groups(line.getBytes(java.nio.charset.StandardCharsets.UTF_8), 0,
                        line.getBytes(java.nio.charset.StandardCharsets.UTF_8).length), line);
            }
        }
        WordGate g = new WordGate(groups);
        assertEquals(0b000001, g.groups("requeued for retry".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 18));
        assertEquals(0, g.groups("resolution result".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 17));
        assertEquals(0b100000, g.groups("done".getBytes(java.nio.charset.StandardCharsets.UTF_8), 0, 4), "a word that is the whole line");
    }

    @Test
    void wordsAreAsciiOfTwoCharactersOrMore() {
        assertThrows(IllegalArgumentException.class, () -> new WordGate(List.of(List.of("x"))));
        assertThrows(IllegalArgumentException.class, () -> new WordGate(List.of(List.of("✅ ok"))));
    }
}
