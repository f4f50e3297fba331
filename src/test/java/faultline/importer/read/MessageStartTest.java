package faultline.importer.read;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where a look at a line's words starts: at the message the reader keeps, or at the line's start when the
 * bytes do not say for sure. Starting after the message's start would hide a status word from the task facts.
 */
class MessageStartTest {
    private static final List<String> LINES = List.of(
            "2026-03-01T06:00:00.196763 [INFO] [worker] HEADLESS: [CLAIM] Claimed task 84b03439-1e67-48c2-ae11-c398c32c78a6",
            "2026-03-01 06:00:00,196 [ERROR] Task failed. Output: boom",
            "2026-03-01T06:00:00Z - [WARNING] retrying task 7",
            "2026-03-01T06:00:00+01:00 [CRITICAL] [edge_function] hit UNEXPECTED exception",
            "2026-03-01T06:00:00.1 [INFO    ] padded level",
            "2026-03-01T06:00:00.1 [INFO] [Not_A_Tag] tag with capitals stays in the message",
            "2026-03-01T06:00:00.1 [INFO] [a_tag_that_is_far_too_long_to_be_one] message",
            "2026-03-01T06:00:00.1 [TRACE] an uncommon level word",
            "2026-03-01T06:00:00.1 [INFO]no space after the level",
            "2026-03-01T06:00:00.1 [INFO] [worker]",
            "[INFO] 2026-03-01T06:00:00.1: level first",
            "Traceback (most recent call last):",
            "  File \"x.py\", line 3, in <module>",
            "2026-03-01T06:00:00.1",
            "2026-03-01T06:00:00.1 [INFO] [worker] caf\u00e9 \u2705 done",
            "");

    @Test
    void startsWhereTheMessageStartsOrAtTheLineStart() {
        for (String line : LINES) {
            byte[] b = ("xx" + line).getBytes(StandardCharsets.UTF_8);
            int at = SystemLogsTextReader.messageStart(b, 2, b.length);
            String kept = SystemLogsTextReader.message(line);
            if (at == 2) {
                continue; // unsure: the whole line is looked at
            }
            String fromBytes = new String(b, at, b.length - at, StandardCharsets.UTF_8);
            assertEquals(kept, fromBytes, line);
        }
    }

    @Test
    void aLevelPaddedPastNineIsNoRenderingsAndLeavesTheLineWhole() {
        String line = "2026-03-01T06:00:00+01:00 - [CRITICAL  ] [orchestrator] child task 5 failed";
        assertEquals(line, SystemLogsTextReader.message(line), "no rendering reads it");
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        assertEquals(0, SystemLogsTextReader.messageStart(b, 0, b.length), "the look would pass over the tag the message keeps");
    }

    @Test
    void passesOverTheClockLevelAndTagOfTheCommonRenderings() {
        String line = "2026-03-01T06:00:00.196763 [INFO] [worker] HEADLESS: Processing travel task";
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        assertEquals(line.indexOf("HEADLESS"), SystemLogsTextReader.messageStart(b, 0, b.length));
        String dash = "2026-03-01 06:00:00,196 - [ERROR] Task failed";
        byte[] d = dash.getBytes(StandardCharsets.UTF_8);
        assertEquals(dash.indexOf("Task"), SystemLogsTextReader.messageStart(d, 0, d.length));
        String uncommon = "2026-03-01T06:00:00.1 [TRACE] x";
        byte[] u = uncommon.getBytes(StandardCharsets.UTF_8);
        assertTrue(SystemLogsTextReader.messageStart(u, 0, u.length) == 0, "a level word it does not know leaves the line whole");
    }
}
