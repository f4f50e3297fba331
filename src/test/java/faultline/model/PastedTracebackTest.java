package faultline.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Tracebacks as they arrive after a paste: typographic quotes, no-break spaces, quote marks, lost line ends. */
class PastedTracebackTest {
    private static Traceback parse(String text) {
        return Traceback.find(text).orElseThrow(() -> new AssertionError("no traceback found in " + text));
    }

    @Test
    void framesInTypographicQuotesAreFrames() {
        Traceback tb = parse(String.join("\n",
                "Traceback (most recent call last):",
                "",
                "File \u201C/srv/app/main.py\u201D, line 40, in <module>",
                "",
                "main()",
                "",
                "File \u201C/srv/app/io.py\u201D, line 9, in load",
                "",
                "raise ValueError(\u201Cbad cfg\u201D)",
                "",
                "ValueError: bad cfg"));
        assertEquals("ValueError", tb.exceptionType());
        assertEquals(2, tb.failure().frames().size());
        assertEquals("main()", tb.failure().frames().get(0).code(), "the line under a flush-left frame is its source");
        assertEquals("load (io.py:9)", tb.site().text());
    }

    @Test
    void aTracebackThatLostItsLineEndsIsReadFromOneLine() {
        Traceback tb = parse("job 41 failed: Traceback (most recent call last): File \u201C/opt/w/tasks.py\u201D, line 214, in run_job"
                + " frames = pipeline(**params) File \u201C/opt/w/io.py\u201D, line 41, in save_frames writer.append(frame)"
                + " OSError: [Errno 28] No space left on device");
        assertEquals("OSError", tb.exceptionType());
        assertEquals("[Errno 28] No space left on device", tb.message());
        assertEquals(2, tb.failure().frames().size());
        assertEquals("frames = pipeline(**params)", tb.failure().frames().get(0).code());
        assertEquals("save_frames (io.py:41)", tb.site().text());
    }

    @Test
    void theSourceLineOfTheLastFrameIsNotTakenForTheException() {
        Traceback tb = parse("Traceback (most recent call last): File \"/srv/app/io.py\", line 9, in load raise ValueError(\"bad cfg\") ValueError: bad cfg");
        assertEquals("ValueError", tb.exceptionType(), "ValueError( is the source; ValueError: the exception");
        assertEquals("bad cfg", tb.message());
        assertEquals("raise ValueError(\"bad cfg\")", tb.failure().frames().get(0).code());
    }

    @Test
    void aChainThatLostItsLineEndsKeepsItsParts() {
        Traceback tb = parse("Traceback (most recent call last): File \"/srv/app/io.py\", line 9, in load return cache[key] KeyError: 'cfg'"
                + " During handling of the above exception, another exception occurred: Traceback (most recent call last):"
                + " File \"/srv/app/main.py\", line 30, in start cfg = load() File \"/srv/app/io.py\", line 11, in load"
                + " raise RuntimeError(\"no config\") RuntimeError: no config");
        assertEquals("RuntimeError", tb.exceptionType());
        assertEquals("load (io.py:11)", tb.site().text());
        assertTrue(tb.chain().size() >= 2 && tb.chain().get(0).type().equals("KeyError"), "the first part is kept: " + tb.chain());
    }

    @Test
    void quoteMarksAndNoBreakSpacesAreNotPartOfTheTrace() {
        Traceback quoted = parse(String.join("\n",
                "> Traceback (most recent call last):",
                ">",
                ">   File \"/srv/render/encode.py\", line 57, in encode",
                ">     return CODECS[codec](frames)",
                ">",
                "> KeyError: 'av1_nvenc'"));
        assertEquals("KeyError", quoted.exceptionType());
        assertEquals("encode (encode.py:57)", quoted.site().text());
        Traceback nbsp = parse(String.join("\n",
                "Traceback (most recent call last):",
                "\u00A0 File \"/srv/render/encode.py\", line 61, in encode",
                "\u00A0 \u00A0 raise RuntimeError(\"encoder failed\")",
                "RuntimeError: encoder failed"));
        assertEquals("RuntimeError", nbsp.exceptionType());
        assertEquals("raise RuntimeError(\"encoder failed\")", nbsp.failure().frames().get(0).code());
    }
    @Test
    void framesAConsoleCutAtItsWidthAreReadWhole() {
        // Rich at 80 columns: a cut at a space loses the space, a path longer than the width is folded inside
        Traceback t = Traceback.find(String.join("\n",
                "Traceback (most recent call last):",
                "  File",
                "\"/opt/venv/lib/python3.11/site-packages/uvicorn/protocols/http/httptools_impl.py",
                "\", line 409, in run_asgi",
                "    result = await app(  # type:",
                "ignore[func-returns-value]",
                "  File \"/app/endpoints/router.py\", line",
                "138, in chat_completion_request",
                "    prompt = await apply_chat_template(data)",
                "AttributeError: 'VisionTower' object",
                "has no attribute 'get_image_embeddings'")).orElseThrow();
        assertEquals("AttributeError", t.exceptionType());
        assertEquals(2, t.chain().get(0).frames().size(), "both frames, each from the lines it was cut into");
        assertEquals("chat_completion_request (router.py:138)", t.raisedAt().text());
    }

    @Test
    void aLineThatOnlyLooksCutIsNoFrame() {
        Traceback t = Traceback.find(String.join("\n",
                "Traceback (most recent call last):",
                "  File \"/app/a.py\", line 4, in f",
                "    g()",
                "ValueError: bad value",
                "File",
                "listing done")).orElseThrow();
        assertEquals("ValueError", t.exceptionType());
        assertEquals("bad value", t.message().lines().findFirst().orElse(""));
    }
}
