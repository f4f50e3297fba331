package faultline.importer.scan;

import faultline.importer.merge.UnitVocabulary;

/**
 * Whether a line without a time of its own continues the event before it: a traceback (with its
 * chained parts, 3.11+ markers and elisions, up to and including the exception line), an indented
 * line, the wrapped rest of an exception message, or text inside brackets the event left open.
 */
public final class Continuation {
    public enum Kind { NEW, TEXT, TRACEBACK }

    private enum State { NONE, TRACEBACK, EXCEPTION }

    private State state = State.NONE;
    private int blanks;
    private int depth;

    private static final byte[] TRACEBACK = "Traceback (most recent call last):".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DURING = "During handling of the above exception".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CAUSE = "The above exception was the direct cause".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public void blank() {
        blanks++;
    }

    /** A line with a time started an event. */
    public void timedLine(byte[] b, int m, int e) {
        state = State.NONE;
        blanks = 0;
        depth = Math.max(0, depth(b, m, e));
    }

    /** An untimed line started an event. */
    public void newEvent(byte[] b, int p, int e, boolean traceback) {
        state = traceback ? State.TRACEBACK : State.NONE;
        blanks = 0;
        depth = Math.max(0, depth(b, p, e));
    }

    /** How the untimed line [p, e) relates to the event before it; updates the state for a continuation. */
    public Kind classify(byte[] b, int p, int e, boolean timedFile) {
        boolean indented = b[p] == ' ' || b[p] == '\t';
        int afterBlanks = blanks;
        blanks = 0;
        if (isTracebackStart(b, p, e)) {
            if (afterBlanks > 0 && state != State.EXCEPTION) {
                blanks = afterBlanks;
                return Kind.NEW;
            }
            state = State.TRACEBACK;
            return Kind.TRACEBACK;
        }
        if (isChain(b, p, e) && state != State.NONE) {
            state = State.EXCEPTION;
            return Kind.TRACEBACK;
        }
        if (state == State.TRACEBACK) {
            if (indented) {
                return Kind.TRACEBACK;
            }
            if (afterBlanks == 0) {
                state = State.EXCEPTION; // the exception line ends the frames
                return Kind.TRACEBACK;
            }
            state = State.NONE;
            blanks = afterBlanks;
            return Kind.NEW;
        }
        if (afterBlanks > 0) {
            state = State.NONE;
            if (!(indented && timedFile)) {
                blanks = afterBlanks;
                return Kind.NEW;
            }
        }
        if (state == State.EXCEPTION && !indented && timedFile) {
            return Kind.TEXT; // the exception's message wrapped over lines
        }
        if (indented || depth > 0) {
            depth = Math.max(0, depth + depth(b, p, e));
            return Kind.TEXT;
        }
        blanks = afterBlanks;
        return Kind.NEW;
    }

    public static boolean isTracebackStart(byte[] b, int p, int e) {
        return UnitVocabulary.startsWith(b, p, e, TRACEBACK);
    }

    static boolean isChain(byte[] b, int p, int e) {
        return UnitVocabulary.startsWith(b, p, e, DURING) || UnitVocabulary.startsWith(b, p, e, CAUSE);
    }

    /** Open minus closed brackets of the line, quotes ignored. */
    private static int depth(byte[] b, int p, int e) {
        int from = Bytes.anyOf(b, p, e, (byte) '(', (byte) '[', (byte) '{');
        if (from == e) {
            return 0;
        }
        int d = 0;
        for (int i = from; i < e; i++) {
            byte c = b[i];
            if (c == '(' || c == '[' || c == '{') {
                d++;
            } else if (c == ')' || c == ']' || c == '}') {
                d--;
            }
        }
        return d;
    }
}
