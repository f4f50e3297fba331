package faultline.importer.merge;

import faultline.model.Level;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A rule that is a phrase or a whole word says what its pattern says, read as a plain search. */
class StatusWordsLiteralTest {
    @Test
    void plainSearchesAgreeWithTheRulesPatterns() {
        int literal = 0;
        for (StatusWords.Rule rule : StatusWords.RULES) {
            if (rule.literal() == null) {
                continue;
            }
            literal++;
            String w = rule.literal();
            for (String line : List.of(w, "x " + w + " y", "x" + w, w + "s", "é" + w, w + "é", "1" + w + "2", "(" + w + ")",
                    w.toUpperCase(java.util.Locale.ROOT), "a " + w + "b then " + w + ".", w + "\uD835\uDC00", "")) {
                assertEquals(rule.words().matcher(line).find(), rule.says(line, Level.INFO), rule.literal() + " in \"" + line + "\"");
            }
        }
        assertTrue(literal > 20, "the phrases and whole words are read as plain searches");
    }
}
