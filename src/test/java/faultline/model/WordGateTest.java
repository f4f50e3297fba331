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
    void wordsAreAsciiOfTwoCharactersOrMore() {
        assertThrows(IllegalArgumentException.class, () -> new WordGate(List.of(List.of("x"))));
        assertThrows(IllegalArgumentException.class, () -> new WordGate(List.of(List.of("✅ ok"))));
    }
}
