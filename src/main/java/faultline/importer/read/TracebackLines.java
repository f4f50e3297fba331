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

    private enum State { OUTSIDE, FRAMES, AFTER_EXCEPTION }

    private State state = State.OUTSIDE;

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
                    return true;
                }
                if (CHAINED.matcher(t).find() || HEADER.matcher(t).find()) {
                    return true;
                }
                state = State.OUTSIDE;
                return opens(line);
            case AFTER_EXCEPTION:
                if (t.isEmpty()) {
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
        if (HEADER.matcher(line).find()) {
            state = State.FRAMES;
        }
        return false;
    }

    /** The line is a traceback's header. */
    static boolean isHeader(String line) {
        return HEADER.matcher(line).find();
    }

    void reset() {
        state = State.OUTSIDE;
    }
}
