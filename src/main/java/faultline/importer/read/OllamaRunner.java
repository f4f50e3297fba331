package faultline.importer.read;

import faultline.importer.scan.Bytes;

import java.nio.charset.StandardCharsets;

/**
 * Ollama's server names no request and no model load by an id: it starts a llama.cpp runner for a model
 * ({@code msg="starting llama server"}, {@code msg="starting runner"}), waits for it, and relays its death
 * ({@code msg="llama runner terminated"}, {@code error="llama runner process has terminated: CUDA error: …"})
 * before it answers the request with a 500. The runner is the unit of work that fails: it is named by the
 * time of day its start line writes, and only the server's lines about it are its (the server runs others).
 */
final class OllamaRunner {
    private OllamaRunner() {
    }

    enum Says { NONE, STARTS, ABOUT }

    private static final String STARTING_SERVER = "msg=\"starting llama server\"";
    private static final String STARTING_RUNNER = "msg=\"starting runner\"";
    private static final String RUNNER = "llama runner";
    private static final String LLAMA_SERVER = "llama server";

    /** What a logfmt line of the server says of its runner: [m, e) is the message after the time and level. */
    static Says of(byte[] b, int m, int e) {
        // Every phrase has "llama " or "runner" in it: one byte search keeps the rest off other lines.
        int r = Bytes.indexOf(b, m, e, "runner");
        if (r < 0 && Bytes.indexOf(b, m, e, "llama ") < 0) {
            return Says.NONE;
        }
        if (Bytes.indexOf(b, m, e, STARTING_SERVER) >= 0 || Bytes.indexOf(b, m, e, STARTING_RUNNER) >= 0) {
            return Says.STARTS;
        }
        return Bytes.indexOf(b, m, e, RUNNER) >= 0 || Bytes.indexOf(b, m, e, LLAMA_SERVER) >= 0 ? Says.ABOUT : Says.NONE;
    }

    /** The runner's id from its start line's written clock [from, to): {@code runner 09:24:03.255}. */
    static String id(byte[] b, int from, int to) {
        int t = from;
        while (t < to && b[t] != 'T' && b[t] != ' ') {
            t++;
        }
        int s = t < to ? t + 1 : from;
        int q = s;
        while (q < to && q - s < 12 && (Character.isDigit(b[q]) || b[q] == ':' || b[q] == '.')) {
            q++;
        }
        return "runner " + new String(b, s, q - s, StandardCharsets.US_ASCII);
    }
}
