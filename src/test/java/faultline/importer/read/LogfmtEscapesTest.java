package faultline.importer.read;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A logfmt message from malformed or escaped input is left readable and never throws. */
class LogfmtEscapesTest {
    @Test
    void anUnclosedQuoteInTheLevelLeftoverLeavesTheTextAsItIs() {
        // The layout took "level" as the level column of `… level="info msg=started`: the text left starts with `="`.
        // skipValue returns -1 and skipSpaces(text, -1) throws StringIndexOutOfBoundsException (through EventStore.message).
        String text = "=\"info msg=started";
        assertEquals(text, LogfmtMessage.of(text));
    }

    @Test
    void anEscapedBackslashBeforeAnNIsABackslashNotANewLine() {
        // logfmt value "open C:\\new failed" is `open C:\new failed`; the chained replace() turns `\\n` into `\` + newline.
        assertEquals("open C:\\new failed", LogfmtMessage.of("level=error msg=\"open C:\\\\new failed\""));
    }
}
