package faultline.importer.read;

import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The line AUTOMATIC1111's web UI and Forge print for each API call they answered when started with {@code --api-log}:
 * {@code API 2024-08-19 14:05:46.402771 200 http/1.1 POST /sdapi/v1/txt2img 10.0.0.4 6.2134}, after the clock the
 * status, the protocol, the method, the route, the client and how long the call ran in seconds. A generation the API
 * ran is named by nothing else: it is a request named by its route and start, as an access line names one. Progress
 * polls, options and model lists are no work.
 */
final class WebuiApiLine {
    private WebuiApiLine() {
    }

    private static final Set<String> WORK = Set.of("/sdapi/v1/txt2img", "/sdapi/v1/img2img", "/sdapi/v1/extra-single-image",
            "/sdapi/v1/extra-batch-images", "/sdapi/v1/interrogate");
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final byte[] TAG = "API ".getBytes(StandardCharsets.US_ASCII);

    /** Whether the tag stands right before the clock that starts at timeStart, at the line's start. */
    static boolean taggedAt(byte[] b, int lineStart, int timeStart) {
        if (timeStart - lineStart != TAG.length) {
            return false;
        }
        for (int k = 0; k < TAG.length; k++) {
            if (b[lineStart + k] != TAG[k]) {
                return false;
            }
        }
        return true;
    }

    /** Whether the call ran a generation. */
    static boolean isWork(GinAccess a) {
        return a.method().equals("POST") && WORK.contains(a.path());
    }

    /** The fields of the message [m, e) after the clock ({@code 200 http/1.1 POST /sdapi/v1/txt2img 10.0.0.4 6.2134}), or null. */
    static GinAccess parse(byte[] b, int m, int e) {
        String[] f = new String(b, m, Math.min(e - m, 600), StandardCharsets.UTF_8).strip().split(" ");
        if (f.length != 6 || !f[0].matches("[1-5]\\d\\d") || !f[1].matches("[a-z]+/\\d(?:\\.\\d)?") || !f[2].matches("[A-Z]+")
                || !f[3].startsWith("/") || !f[5].matches("\\d+(?:\\.\\d+)?")) {
            return null;
        }
        long latency = (long) (Double.parseDouble(f[5]) * NANOS_PER_SECOND);
        return new GinAccess(Integer.parseInt(f[0]), latency, f[2], f[3], "");
    }
}
