package faultline.analysis;

import faultline.model.Traceback;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

/** A Python error a C++ host relays with pybind11's "At:" frames (Triton's Python backend): its site and type. */
class AtFramesTest {
    @Test
    void escapedFramesInsideAQuotedGlogMessageAreReadInnermostFirst() {
        String msg = "\"failed to load 'shot_splitter' version 1: Internal: ModuleNotFoundError: No module named 'scenedetect'"
                + "\\n\\nAt:\\n  <frozen importlib._bootstrap>(1140): _find_and_load_unlocked\\n  /models/shot_splitter/1/model.py(6): <module>"
                + "\\n  /opt/tritonserver/backends/python/startup.py(120): initialize\\n\"";
        Traceback t = relayed(msg);
        assertEquals("ModuleNotFoundError", t.exceptionType());
        assertEquals("<module> (model.py:6)", t.site().text(), "the model's own frame, not the backend's stub that called it");
        assertEquals("No module named 'scenedetect'", t.message());
    }

    @Test
    void framesOnTheirOwnLinesAfterABlankLine() {
        String msg = "failed to load 'clip_text' version 1: Internal: TypeError: __init__() got an unexpected keyword argument 'x'\n\nAt:\n"
                + "  /opt/conda/lib/python3.8/site-packages/transformers/modeling_utils.py(2350): from_pretrained\n"
                + "  /models/clip_text/1/model.py(44): initialize\n";
        Traceback t = relayed(msg);
        assertEquals("TypeError", t.exceptionType());
        assertEquals("initialize (model.py:44)", t.site().text());
    }

    /** The traceback the message's "At:" frames make with the exception it names. */
    private static Traceback relayed(String msg) {
        ExceptionFinding named = ExceptionFinding.named(msg);
        Traceback t = ExceptionFinding.atFrames(msg, named.type(), named.message());
        assertNotNull(t);
        return t;
    }

    @Test
    void noFramesNoTraceback() {
        assertNull(ExceptionFinding.atFrames("Internal: TypeError: bad\n\nAt:\nsomething else", "TypeError", "bad"));
        assertNull(ExceptionFinding.atFrames("TypeError: bad", "TypeError", "bad"));
    }
}
