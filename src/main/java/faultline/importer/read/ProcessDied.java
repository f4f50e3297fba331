package faultline.importer.read;

import faultline.importer.scan.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * A line in which a server says that one of its worker processes died: TorchServe's "Backend worker
 * process died." and "Load model failed: m, error: Worker died.", vLLM's "Engine core proc EngineCore_0
 * died unexpectedly", a pool's "worker exited unexpectedly". It confirms the traceback before it as that
 * process's crash, even though the server goes on writing (and restarts the worker) after it.
 */
final class ProcessDied {
    private static final Pattern SAYS = Pattern.compile(
            "\\b(?:worker|process|proc|engine|child|subprocess)\\b.{0,60}?\\b(?:died|exited unexpectedly|crashed|terminated unexpectedly)\\b",
            Pattern.CASE_INSENSITIVE);

    private ProcessDied() {
    }

    static boolean says(byte[] b, int p, int e) {
        int lim = Math.min(e, p + 400);
        // The byte search keeps the pattern off almost every line.
        if (Bytes.indexOf(b, p, lim, "died") < 0 && Bytes.indexOf(b, p, lim, "unexpectedly") < 0
                && Bytes.indexOf(b, p, lim, "crashed") < 0) {
            return false;
        }
        return SAYS.matcher(new String(b, p, lim - p, StandardCharsets.UTF_8)).find();
    }
}
