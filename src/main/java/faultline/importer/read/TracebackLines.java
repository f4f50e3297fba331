package faultline.importer.read;

import java.util.regex.Pattern;

/**
 * Follows a traceback written one line per record (docker's json-file, a platform that ships every
 * line of stderr as its own entry), so that its lines join the record that opened it: the header, the
 * frames and source lines, the exception line, and a chain's blank lines and joining sentences.
 */
final class TracebackLines {
    private static final Pattern HEADER = Pattern.compile("Traceback \\(most recent call last\\):\\s*$");
    private static final Pattern CHAINED = Pattern.compile(
            "^(?:During handling of the above exception|The above exception was the direct cause)");
    private static final Pattern EXCEPTION = Pattern.compile("^[A-Za-z_][\\w.]*(?:Error|Exception|Interrupt|Exit|Warning)\\b(?::.*)?$");

    /** A wrapper whose message is another process's traceback in triple quotes (concurrent.futures' {@code _RemoteTraceback: }). */
    private static final Pattern QUOTING = Pattern.compile("^[A-Za-z_][\\w.]*Traceback:\\s*$");

    private enum State { OUTSIDE, FRAMES, AFTER_EXCEPTION }

    private State state = State.OUTSIDE;
    /** The exception line read last has no message after its colon: what it stands for may follow (see below). */
    private boolean openMessage;

    /** Whether the line continues the traceback of the records before it; updates the state. */
    boolean continues(String line) {
        String t = line.strip();
        switch (state) {
            case FRAMES:
                if (line.isEmpty() || Character.isWhitespace(line.charAt(0))) {
                    return true;
                }
                if (EXCEPTION.matcher(t).matches()) {
                    state = State.AFTER_EXCEPTION;
                    openMessage = t.endsWith(":");
                    return true;
                }
                if (CHAINED.matcher(t).find() || HEADER.matcher(t).find()) {
                    return true;
                }
                state = State.OUTSIDE;
                return opens(line);
            case AFTER_EXCEPTION:
                if (t.isEmpty() || t.equals("\"\"\"")) {
                    return true; // a chain's blank line; the quotes round a wrapped traceback
                }
                if (openMessage && t.endsWith(":") && !Character.isWhitespace(line.charAt(0))) {
                    // torch.multiprocessing's "ProcessRaisedException: " then "-- Process 1 terminated with the following error:"
                    openMessage = false;
                    return true;
                }
                if (CHAINED.matcher(t).find() || HEADER.matcher(t).find()) {
                    state = State.FRAMES;
                    return true;
                }
                state = State.OUTSIDE;
                return opens(line);
            default:
                return opens(line);
        }
    }

    /** A line that opens a traceback starts a new record (it is not a continuation); later lines join it. */
    private boolean opens(String line) {
        openMessage = false;
        if (HEADER.matcher(line).find()) {
            state = State.FRAMES;
        } else if (QUOTING.matcher(line.strip()).matches()) {
            state = State.AFTER_EXCEPTION;
            openMessage = true;
        }
        return false;
    }

    /** The line is a traceback's header, or a wrapper's line that quotes one. */
    static boolean isHeader(String line) {
        return HEADER.matcher(line).find() || QUOTING.matcher(line.strip()).matches();
    }

    void reset() {
        state = State.OUTSIDE;
        openMessage = false;
    }
}
