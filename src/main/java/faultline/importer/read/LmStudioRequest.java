package faultline.importer.read;

import faultline.importer.scan.Bytes;

import java.nio.charset.StandardCharsets;

/**
 * A request LM Studio's server takes on and answers, one at a time (it queues the others: "Processing queued
 * request..."): {@code Received POST request to /v1/chat/completions with body: {…}} takes it on, {@code Generated
 * prediction: {…}} answers it. No line names the request (the completion's id is the answer's, printed at its end), so
 * it is named by its method, route and the time it came in, as an inference server's access line names one.
 */
final class LmStudioRequest {
    private LmStudioRequest() {
    }

    private static final byte[] RECEIVED = "Received POST request to /".getBytes(StandardCharsets.US_ASCII);
    private static final String WITH_BODY = " with body";
    private static final String ANSWERED = "Generated prediction: ";

    /** "POST /route" when [m, e) takes a POST request on, else null: a GET of the model list or the like is no work. */
    static String route(byte[] b, int m, int e) {
        if (!startsWith(b, m, e, RECEIVED)) {
            return null;
        }
        int from = m + RECEIVED.length - 1;
        int to = from;
        while (to < e && to - from < 200 && b[to] != ' ') {
            to++;
        }
        if (to == from + 1 || Bytes.indexOf(b, to, Math.min(e, to + WITH_BODY.length()), WITH_BODY) != to) {
            return null;
        }
        return "POST " + new String(b, from, to - from, StandardCharsets.US_ASCII);
    }

    private static final byte[] SERVER_ERROR = "[Server Error] ".getBytes(StandardCharsets.US_ASCII);

    /**
     * Whether [m, e) answers the request in hand: with its prediction (after the server's component and the model's
     * name in brackets), or with an error ({@code [Server Error] {"title":"…"}}), which ends it as well.
     */
    static boolean answered(byte[] b, int m, int e) {
        if (startsWith(b, m, e, SERVER_ERROR)) {
            return true;
        }
        int at = Bytes.indexOf(b, m, Math.min(e, m + 400), ANSWERED);
        return at >= 0 && (at == m || b[at - 1] == ' ');
    }

    private static boolean startsWith(byte[] b, int p, int e, byte[] w) {
        if (p + w.length > e) {
            return false;
        }
        for (int i = 0; i < w.length; i++) {
            if (b[p + i] != w[i]) {
                return false;
            }
        }
        return true;
    }
}
