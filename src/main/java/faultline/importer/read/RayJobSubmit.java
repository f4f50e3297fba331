package faultline.importer.read;

import faultline.importer.scan.Bytes;

import java.nio.charset.StandardCharsets;

/**
 * What {@code ray job submit} says of its job in the layout newer Ray versions print when the output is not a terminal:
 * every line of the CLI is a timed record from {@code cli.py}, the job's submission is boxed and names no job
 * ({@code cli.py:39 -- Job submitted successfully}), the job is named first by the hints under it
 * ({@code cli.py:278 -- ray job logs raysubmit_…}), and after the box of its end a status message
 * ({@code Status message: Job entrypoint command failed with exit code 1, last available logs …:}) carries the tail of
 * the driver's output, a traceback among it. The job is the unit of all of it, from its submission to that tail.
 */
final class RayJobSubmit {
    private RayJobSubmit() {
    }

    enum Says { NONE, SUBMITTED, HINT, STATUS }

    private static final String SOURCE_END = " -- ";
    private static final String SUBMITTED = "Job submitted successfully";
    private static final String HINT = "ray job logs ";
    private static final String STATUS = "Status message: ";

    /** What a line's message [m, e) says of the job, when it is the CLI's ({@code cli.py:N -- …}). */
    static Says of(byte[] b, int m, int e) {
        if (m + 8 >= e || b[m] != 'c' || b[m + 1] != 'l' || b[m + 2] != 'i' || b[m + 3] != '.') {
            return Says.NONE; // four bytes keep every other line out
        }
        int t = text(b, m, e);
        if (t < 0) {
            return Says.NONE;
        }
        if (b[t] == 'J' && e - t == SUBMITTED.length() && Bytes.indexOf(b, t, e, SUBMITTED) == t) {
            return Says.SUBMITTED;
        }
        if (b[t] == 'r' && Bytes.indexOf(b, t, Math.min(e, t + HINT.length()), HINT) == t && t + HINT.length() < e) {
            return Says.HINT;
        }
        if (b[t] == 'S' && Bytes.indexOf(b, t, Math.min(e, t + STATUS.length()), STATUS) == t) {
            return Says.STATUS;
        }
        return Says.NONE;
    }

    /** The job a hint line names ({@code ray job logs <id>}), or null. */
    static String hintId(byte[] b, int m, int e) {
        int t = text(b, m, e);
        if (t < 0) {
            return null;
        }
        int s = t + HINT.length();
        int q = s;
        while (q < e && b[q] != ' ' && b[q] != '\t' && b[q] != '\r') {
            q++;
        }
        return q > s ? new String(b, s, q - s, StandardCharsets.UTF_8) : null;
    }

    private static final String LAST_LOGS = ", last available logs";

    /**
     * What a status message line says of the job's end ({@code Job entrypoint command failed with exit code 1}), without
     * the words that announce the tail of the logs below it; null when the line holds no status message.
     */
    static String statusText(String line) {
        int s = line.indexOf(STATUS);
        if (s < 0) {
            return null;
        }
        String why = line.substring(s + STATUS.length()).strip();
        int cut = why.indexOf(LAST_LOGS);
        if (cut >= 0) {
            why = why.substring(0, cut);
        }
        return why.isEmpty() ? null : why;
    }

    /** Where the text after {@code cli.py:N -- } starts, or -1. */
    private static int text(byte[] b, int m, int e) {
        int lim = Math.min(e, m + 24);
        int sep = Bytes.indexOf(b, m, lim, SOURCE_END);
        int t = sep + SOURCE_END.length();
        return sep < 0 || t >= e ? -1 : t;
    }
}
