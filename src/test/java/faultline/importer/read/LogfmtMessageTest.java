package faultline.importer.read;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A logfmt line's message is its msg value, with its error after it and its other keys kept; anything else is left alone. */
class LogfmtMessageTest {
    @Test
    void theMessageIsTheMsgValueWithItsErrorAndTheOtherKeys() {
        assertEquals("job 12 failed: ValueError: bad shape worker=w1",
                LogfmtMessage.of("level=error msg=\"job 12 failed\" err=\"ValueError: bad shape\" worker=w1"));
        assertEquals("total blobs: 12 source=images.go:432", LogfmtMessage.of("level=INFO source=images.go:432 msg=\"total blobs: 12\""));
        assertEquals("started", LogfmtMessage.of("=info msg=started"), "the value of a key the layout took as the level");
        assertEquals("said \"hi\"\nthen left", LogfmtMessage.of("lvl=info msg=\"said \\\"hi\\\"\\nthen left\""), "escapes");
    }

    @Test
    void textThatIsNotPairsThroughoutStaysAsItIs() {
        for (String text : new String[]{"Processing param=prompt value=7", "loss=0.5 step=10", "msg=\"unclosed quote level=info",
                "note: msg=hello is how it is written", "msg=alone"}) {
            assertEquals(text, LogfmtMessage.of(text));
        }
    }
}
