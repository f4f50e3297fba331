package faultline.importer.read;

import faultline.importer.merge.TaskDraft;
import faultline.importer.merge.TaskRegistry;
import faultline.importer.scan.Bytes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Gives a request Ollama answered with a 5xx the error its server relayed while the request ran (the runner's death,
 * {@code error="llama runner process has terminated: CUDA error: …"}, or {@code msg="error during generation"}):
 * the access line says only that it failed. Judged once the file is read, so that a relay in the part before an
 * access line is found as in one pass.
 *
 * <p>Times are compared as times of day the lines write: the server's records carry their zone's offset, Gin's
 * access lines the same local clock without one, so instants taken from both would be hours apart.
 */
final class OllamaRequests {
    private static final long DAY = 86_400_000_000_000L;
    /** Gin's clock writes whole seconds: the answer came up to a second after the written time. */
    private static final long SECOND = 1_000_000_000L;
    private static final byte[] ERROR_KEY = " error=\"".getBytes(StandardCharsets.US_ASCII);

    /** A relayed error: its row, its written time of day and the error's text. */
    record Relay(int row, long timeOfDay, String error) {
    }

    /** A failed request: the access line's row, its unit, its written end as a time of day, and how long it ran. */
    record Failed(int row, int ref, long endOfDay, long latencyNanos) {
    }

    final List<Relay> relays = new ArrayList<>();
    final List<Failed> failed = new ArrayList<>();

    /** An error record of the server's [m, e) written at that time of day (ns), about to be event row. */
    void errorLine(byte[] b, long tod, int m, int e, int row) {
        int k = Bytes.indexOf(b, m, e, " error=\"");
        if (k < 0) {
            return;
        }
        String error = quoted(b, k + ERROR_KEY.length, e);
        if (!error.isEmpty()) {
            relays.add(new Relay(row, tod, error));
        }
    }

    void failed(int row, int ref, long endOfDay, long latencyNanos) {
        failed.add(new Failed(row, ref, endOfDay, latencyNanos));
    }

    /** A part's lists, its rows moved by base - mark and its units mapped to the whole file's. */
    void join(OllamaRequests part, int base, int mark, int[] map) {
        for (Relay r : part.relays) {
            relays.add(new Relay(base + r.row() - mark, r.timeOfDay(), r.error()));
        }
        for (Failed f : part.failed) {
            if (map[f.ref()] >= 0) {
                failed.add(new Failed(base + f.row() - mark, map[f.ref()], f.endOfDay(), f.latencyNanos()));
            }
        }
    }

    /** Each failed request takes the last error relayed while it ran, a bare exit status only when nothing says more. */
    void giveErrors(TaskRegistry tasks) {
        for (Failed f : failed) {
            String best = null;
            boolean bare = true;
            for (Relay r : relays) {
                if (r.row() >= f.row()) {
                    break;
                }
                long since = Math.floorMod(r.timeOfDay() - (f.endOfDay() - f.latencyNanos()), DAY);
                if (since > f.latencyNanos() + SECOND) {
                    continue;
                }
                boolean exit = r.error().startsWith("exit status ");
                if (best == null || !exit || bare) {
                    best = r.error();
                    bare = exit;
                }
            }
            TaskDraft d = tasks.draftOfRef(f.ref());
            if (best != null && d.errorMessage.isEmpty()) {
                d.errorMessage = best;
            }
        }
    }

    /** A logfmt value after its opening quote at s, its escapes undone. */
    private static String quoted(byte[] b, int s, int e) {
        StringBuilder out = new StringBuilder();
        for (int i = s; i < e && i - s < 2000; i++) {
            if (b[i] == '\\' && i + 1 < e) {
                i++;
            } else if (b[i] == '"') {
                break;
            }
            out.append((char) (b[i] & 0xff));
        }
        return new String(out.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8).strip();
    }
}
