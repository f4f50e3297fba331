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
    void findsExactlyTheWordsAnyLineHoldsWhateverTheirLength() {
        // Gates whose words all have four bytes or more take a faster path than those with shorter words: both must be exact.
        List<List<String>> longWords = List.of(List.of("failed", "Failed during "), List.of("Success: False", "Success: True"),
                List.of("retr", "requeu"), List.of("Processing ", "Processing status update"), List.of("\tat ", " at "), List.of("type"));
        List<List<String>> shortWords = List.of(List.of("ok", "done"), List.of("ret", "fail"), List.of("at"));
        String alphabet = "aefiklnorstdyupcgPS: \t\u00e9\u2705";
        java.util.Random random = new java.util.Random(7);
        for (List<List<String>> groups : List.of(longWords, shortWords)) {
            WordGate g = new WordGate(groups);
            List<String> pieces = groups.stream().flatMap(List::stream).toList();
            for (int n = 0; n < 20_000; n++) {
                StringBuilder line = new StringBuilder();
                int parts = random.nextInt(6);
                for (int k = 0; k < parts; k++) {
                    if (random.nextInt(3) == 0) {
                        String w = pieces.get(random.nextInt(pieces.size()));
                        line.append(random.nextBoolean() ? w : w.substring(0, 1 + random.nextInt(w.length())));
                    } else {
                        for (int c = random.nextInt(8); c > 0; c--) {
                            line.append(alphabet.charAt(random.nextInt(alphabet.length())));
                        }
                    }
                }
                String text = line.toString();
                long expected = 0;
                for (int i = 0; i < groups.size(); i++) {
                    for (String w : groups.get(i)) {
                        if (text.contains(w)) {
                            expected |= 1L << i;
                        }
                    }
                }
                byte[] b = ("\u2705" + text + "x").getBytes(java.nio.charset.StandardCharsets.UTF_8);
                int from = "\u2705".getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
                assertEquals(expected, g.groups(text), text);
                assertEquals(expected, g.groups(b, from, b.length - 1), text);
            }
        }
    }

    @Test
    void wordsAreAsciiOfTwoCharactersOrMore() {
        assertThrows(IllegalArgumentException.class, () -> new WordGate(List.of(List.of("x"))));
        assertThrows(IllegalArgumentException.class, () -> new WordGate(List.of(List.of("✅ ok"))));
    }
}
