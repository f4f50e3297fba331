package faultline.importer.read;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An access record written as sorted key=value fields (LocalAI's Fiber middleware through zerolog). */
class AccessFieldsTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anAnswerAndARefusalWithItsError() {
        byte[] ok = b("Success ip=10.1.0.3 latency=\"52.1µs\" method=GET status=200 url=/readyz");
        assertTrue(AccessFields.endsWithUrl(ok, 0, ok.length));
        assertEquals(new GinAccess(200, 52_100L, "GET", "/readyz", ""), AccessFields.parse(ok, 0, ok.length));
        byte[] bad = b("Server error error=\"could not load model: rpc error: code = Unavailable\" ip=10.1.0.3 latency=3.5s method=POST status=500 url=/v1/chat/completions?x=1");
        GinAccess a = AccessFields.parse(bad, 0, bad.length);
        assertEquals(new GinAccess(500, 3_500_000_000L, "POST", "/v1/chat/completions", "could not load model: rpc error: code = Unavailable"), a);
        assertTrue(OllamaRequest.isWork(a));
    }

    @Test
    void proseAndOtherFieldsAreNoAccessRecord() {
        byte[] prose = b("downloading from url=/models/x.gguf");
        assertTrue(AccessFields.endsWithUrl(prose, 0, prose.length));
        assertNull(AccessFields.parse(prose, 0, prose.length), "no method, status or latency");
        byte[] other = b("Success ip=10.1.0.3 latency=1s method=GET status=200 url=/ extra=1");
        assertFalse(AccessFields.endsWithUrl(other, 0, other.length));
    }
}
