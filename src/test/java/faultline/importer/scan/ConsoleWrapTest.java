package faultline.importer.scan;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A line a console cut at 80 columns: the word it starts with would not have fit on the line before. */
class ConsoleWrapTest {
    private static boolean wraps(String before, String line) {
        byte[] a = before.getBytes(StandardCharsets.UTF_8);
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return ConsoleWrap.continues(ConsoleWrap.columns(a, 0, a.length), b, 0, b.length);
    }

    @Test
    void theNextWordWouldNotHaveFit() {
        assertTrue(wraps("2025-04-22 09:14:10.502 INFO:     Received chat completion streaming request",
                "3c1f0b9e8d2a47c6b5e4f3a2d1c0b9a8"));
        assertTrue(wraps("2025-04-22 09:15:02.791 ERROR:      File", "\"/opt/venv/lib/python3.11/site-packages/uvicorn/protocols/http/httptools_impl.py"),
                "a word wider than the console starts a line of its own");
        assertFalse(wraps("2025-04-22 09:12:41.902 INFO:     Model successfully loaded.", "Loading shards"),
                "a short line before: the word would have fit");
        assertFalse(wraps("2025-04-22 09:14:10.502 INFO:     Received chat completion streaming request",
                "  File \"x.py\", line 3"), "an indented line is no wrap");
        assertFalse(wraps("x".repeat(81), "word"), "the line before was already wider than the console");
        assertEquals(3, ConsoleWrap.columns("é→x".getBytes(StandardCharsets.UTF_8), 0, "é→x".getBytes(StandardCharsets.UTF_8).length));
    }
}
