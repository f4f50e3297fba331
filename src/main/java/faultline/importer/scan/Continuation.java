package faultline.importer.scan;

import faultline.importer.time.Clock;

import faultline.importer.merge.UnitVocabulary;

/**
 * Whether a line without a time of its own continues the event before it: a traceback (with its
 * chained parts, 3.11+ markers and elisions, up to and including the exception line), an indented
 * line, the wrapped rest of an exception message, or text inside brackets the event left open.
 */
public final class Continuation {
    public enum Kind { NEW, TEXT, TRACEBACK }

    /**
     * RECORD: the exception line of a traceback whose lines all carry the record's prefix was read. NATIVE: a C++
     * backtrace as c10 prints one under an error's text ({@code Exception raised from … (most recent call first):}, frames).
     */
    private enum State { NONE, TRACEBACK, EXCEPTION, RECORD, JVM, GO, FIELDS, NATIVE, RUBY, RICH, RICH_END }

    /** The column of the corners of the Rich box being read: its rows start there. */
    private int richIndent;
    /** The event's text went on over indented lines (a Rich console's record wraps so): a box at column 0 is not its. */
    private boolean wrappedIndented;

    /** The event is a C++ abort ({@code terminate called after throwing …}): its what() may hold backtraces parted by blank lines. */
    private boolean abort;

    /** Where the values of a record's field dump start ({@code Key:       ('x-1f…', 4)}, Dask's), while in one. */
    private int fieldColumn;

    private State state = State.NONE;
    private int blanks;
    private int depth;

    private static final byte[] TRACEBACK = "Traceback (most recent call last):".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DURING = "During handling of the above exception".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CAUSED_BY = "Caused by: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] SUPPRESSED = "Suppressed: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] CAUSE = "The above exception was the direct cause".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    public void blank() {
        blanks++;
    }

    /** A line with a time started an event. */
    public void timedLine(byte[] b, int m, int e) {
        state = State.NONE;
        wrappedIndented = false;
        abort = false;
        recordTokens = 0;
        // The header may come after a thread and a logger the layout keeps in the message (log4j's
        // "W-9000-model-stdout MODEL_LOG - Traceback …", TorchServe's): the same tokens open each line of it.
        if (isTracebackStart(b, m, e)) {
            state = State.TRACEBACK;
        } else if (Bytes.indexOf(b, m, Math.min(e, m + 240), "Traceback (") >= 0) {
            // Only a line that holds the header is looked at token by token: every timed line comes here.
            for (int k = 1; k <= RECORD_TOKENS && state == State.NONE; k++) {
                int q = afterTokens(b, m, e, k);
                if (q >= 0 && isTracebackStart(b, q, e)) {
                    state = State.TRACEBACK;
                    recordTokens = k;
                }
            }
        }
        if (state == State.NONE && endsOpeningTraceback(b, m, e)) {
            state = State.TRACEBACK;
        }
        if (state == State.NONE && isRubyFrame(b, m, e)) {
            state = State.RUBY; // a Ruby backtrace logged as one record (Sidekiq's): its first frame on the timed line
        }
        record = state == State.TRACEBACK;
        spaced = false;
        headerLead = record ? leadBefore(b, m) : 0;
        blanks = 0;
        depth = Math.max(0, depth(b, m, e));
        marker = 0;
    }

    /** The spaces before the message of the record that opened the traceback: its frames have more. */
    private int headerLead;

    /**
     * The spaces just before p, which a layout that takes them off its message start leaves there
     * ({@code "… - INFO -   File …"}: a frame of a traceback logged a record per line has more of them than its header).
     */
    private static int leadBefore(byte[] b, int p) {
        int q = p;
        while (q > 0 && p - q < 64 && b[q - 1] == ' ') {
            q--;
        }
        return p - q;
    }

    /** The lines read last are a traceback's frames or its exception. */
    public boolean inTraceback() {
        return state == State.TRACEBACK || state == State.EXCEPTION;
    }

    /** The event read last is a traceback, a C++ abort or a native backtrace that its next lines may go on with. */
    public boolean inOpenBlock() {
        return state == State.TRACEBACK || state == State.EXCEPTION || state == State.NATIVE || abort;
    }

    /** An untimed line started an event. */
    public void newEvent(byte[] b, int p, int e, boolean traceback) {
        state = traceback ? (isRichTop(b, p, e) ? State.RICH : State.TRACEBACK) : State.NONE;
        richIndent = 0;
        wrappedIndented = false;
        abort = traceback && isCrashStart(b, p, e);
        record = false;
        spaced = false;
        blanks = 0;
        depth = Math.max(0, depth(b, p, e));
        marker = marker(b, p, e);
    }

    /** The marker the event's first line starts with ({@code *** }, {@code !!! }), packed, or 0. */
    private int marker;

    /**
     * A report's marker: two to four of the same punctuation character and a space ({@code *** Error completing
     * request}, {@code *** Arguments: …}): the lines that start with it are one report.
     */
    private static int marker(byte[] b, int p, int e) {
        int n = markerRun(b, p, e);
        int q = p + n;
        return n >= 2 && n <= 4 && q < e && b[q] == ' ' ? b[p] << 8 | n : 0;
    }

    /** A line of the marker alone ({@code ***} between the rows of an array a report prints), packed, or 0. */
    private static int bareMarker(byte[] b, int p, int e) {
        int n = markerRun(b, p, e);
        int q = p + n;
        while (q < e && (b[q] == ' ' || b[q] == '\r')) {
            q++;
        }
        return n >= 2 && n <= 4 && q == e ? b[p] << 8 | n : 0;
    }

    /** How many of a marker's character the line starts with (up to five), 0 when it starts with none. */
    private static int markerRun(byte[] b, int p, int e) {
        byte c = p < e ? b[p] : 0;
        if (c != '*' && c != '!' && c != '#' && c != '>' && c != '=') {
            return 0;
        }
        int q = p;
        while (q < e && q - p < 5 && b[q] == c) {
            q++;
        }
        return q - p;
    }

    /**
     * A frame of a Ruby backtrace, {@code /app/jobs/x.rb:9:in `perform'} (Ruby 3.4: {@code in 'X#perform'}): a file, a
     * line number and the method in quotes. Most lines are told apart by their last byte.
     */
    static boolean isRubyFrame(byte[] b, int p, int e) {
        int end = e > p && b[e - 1] == '\r' ? e - 1 : e;
        if (end - p < 10 || b[end - 1] != '\'') {
            return false;
        }
        int at = Bytes.indexOf(b, p, end, ":in ");
        if (at < p + 3 || at + 5 >= end || (b[at + 4] != '`' && b[at + 4] != '\'') || !Clock.isDigit(b[at - 1])) {
            return false;
        }
        int d = at - 1;
        while (d > p && Clock.isDigit(b[d - 1])) {
            d--;
        }
        return d > p + 1 && b[d - 1] == ':';
    }

    /** A line of "At:" alone: pybind11's header of the Python frames under an error it relays. */
    static boolean isAtBlock(byte[] b, int p, int e) {
        int n = e > p && b[e - 1] == '\r' ? e - 1 - p : e - p;
        return n == 3 && b[p] == 'A' && b[p + 1] == 't' && b[p + 2] == ':';
    }

    /** Whether the event is a report that marks each of its lines ({@code *** }): a later line may name its unit. */
    public boolean inReport() {
        return marker != 0;
    }

    /**
     * A Go stack frame's function line: {@code main.(*Worker).run}, {@code github.com/x/y.Func(0xc0, 0x1)}: a
     * package path and a name with a dot, no spaces outside the arguments. The first frame of a stack must show a
     * receiver, arguments or a path, so that a file name alone ({@code config.yaml}) is not taken for one.
     */
    static boolean isGoFrame(byte[] b, int p, int e, boolean first) {
        if (p >= e || !(Clock.isLetter(b[p]) || b[p] == '_')) {
            return false;
        }
        boolean dot = false;
        boolean marked = false;
        int paren = -1;
        int i = p;
        for (; i < e; i++) {
            byte c = b[i];
            if (c == '(') {
                if (i > p && b[i - 1] == '.') {
                    marked = true; // a receiver: pkg.(*T).M
                    continue;
                }
                paren = i;
                break;
            }
            if (c == '.') {
                dot = true;
            } else if (c == '/') {
                marked = true;
            } else if (!(Clock.isLetter(c) || Clock.isDigit(c) || c == '_' || c == '-' || c == '*' || c == ')')) {
                return false;
            }
        }
        if (!dot || b[i - 1] == '.') {
            return false;
        }
        if (paren >= 0) {
            if (b[e - 1] != ')' && !(b[e - 1] == '\r' && b[e - 2] == ')')) {
                return false;
            }
            marked = true;
        }
        return marked || !first;
    }

    /**
     * A JVM trace's first line: a qualified class name whose last part ends in Exception, Error or Throwable,
     * then ": message" or nothing ({@code java.lang.OutOfMemoryError: Java heap space}).
     */
    public static boolean isJvmExceptionLine(byte[] b, int p, int e) {
        int q = dottedNameEnd(b, p, e, 200, true);
        int part = lastPart(b, p, q);
        if (part == p || q == p || !(b[p] >= 'a' && b[p] <= 'z') || (q < e && b[q] != ':')) {
            return false;
        }
        return endsWith(b, part, q, "Exception") || endsWith(b, part, q, "Error") || endsWith(b, part, q, "Throwable");
    }

    /** The end of a dotted name from p (letters, digits, '_', '.', and '$' where a JVM's may hold it), at most limit bytes. */
    private static int dottedNameEnd(byte[] b, int p, int e, int limit, boolean dollar) {
        int q = p;
        while (q < e && q - p < limit) {
            byte c = b[q];
            if (!(Clock.isLetter(c) || Clock.isDigit(c) || c == '_' || c == '.' || (dollar && c == '$'))) {
                break;
            }
            q++;
        }
        return q;
    }

    /** Where the last part of the dotted name [p, q) starts: after its last dot, or p. */
    private static int lastPart(byte[] b, int p, int q) {
        int i = q;
        while (i > p && b[i - 1] != '.') {
            i--;
        }
        return i;
    }

    /** A JavaScript error's first line: {@code TypeError: message}, a capitalised name without dots that ends in Error or Exception. */
    static boolean isNodeExceptionLine(byte[] b, int p, int e) {
        if (p >= e || b[p] < 'A' || b[p] > 'Z') {
            return false;
        }
        int q = p;
        while (q < e && q - p < 64 && (faultline.importer.time.Clock.isLetter(b[q]) || faultline.importer.time.Clock.isDigit(b[q]) || b[q] == '_')) {
            q++;
        }
        if (q >= e || b[q] != ':' || q + 1 >= e || b[q + 1] != ' ') {
            return false;
        }
        // A bare "Error: …" is as often a program's last word (Rust's main returning its error) as a Node error's head.
        return q - p > 5 && (endsWith(b, p, q, "Error") || endsWith(b, p, q, "Exception"));
    }

    private static boolean endsWith(byte[] b, int p, int q, String word) {
        int n = word.length();
        if (q - p < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[q - n + i] != word.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** A line of only dashes, equals signs or stars ({@code ---}, {@code =====}): it closes the block before it. */
    public static boolean isSeparator(byte[] b, int p, int e) {
        int t = e;
        while (t > p && (b[t - 1] == ' ' || b[t - 1] == '\t')) {
            t--;
        }
        if (t - p < 3) {
            return false;
        }
        byte c = b[p];
        if (c != '-' && c != '=' && c != '*' && c != '_' && c != '~') {
            return false;
        }
        for (int i = p; i < t; i++) {
            if (b[i] != c) {
                return false;
            }
        }
        return true;
    }

    /**
     * How the untimed line [p, e) relates to the event before it; updates the state for a continuation.
     * leveled: the event before is a log record (it has a level), not a bare print: only a record is
     * continued by the traceback it logs.
     */
    public Kind classify(byte[] b, int p, int e, boolean timedFile, boolean leveled) {
        if (state == State.RECORD) {
            state = State.NONE;
        }
        boolean indented = b[p] == ' ' || b[p] == '\t' || isNoBreakSpace(b, p, e);
        int afterBlanks = blanks;
        blanks = 0;
        if (!indented && ElapsedPrefix.level(b, p, e) >= 0) {
            // llama.cpp writes its prefix at the start of every logged record, never inside one: a record of its own,
            // also after a bare line that left a brace open ("parse: error parsing grammar: … at {").
            state = State.NONE;
            depth = 0;
            return Kind.NEW;
        }
        // Not a level before its text, padded so ("INFO:     127.0.0.1:5012 - …", uvicorn's): that is a record of its own.
        int column = afterBlanks == 0 && leveled && !indented ? fieldValueColumn(b, p, e) : -1;
        if (column > 0 && LineLayout.leadingLevel(b, p, e) >= 0) {
            column = -1;
        }
        if (column > 0 && (state == State.FIELDS ? column == fieldColumn : state == State.NONE && b[p + column - 2] == ' ')) {
            // A record that dumps its fields under it, their values aligned (Dask's "Compute Failed", then Key:,
            // Function:, args:, Exception: …): each such line is the record's.
            state = State.FIELDS;
            fieldColumn = column;
            return Kind.TEXT;
        }
        if (state == State.FIELDS) {
            state = State.NONE;
        }
        if (afterBlanks > 0 && leveled && !indented && isAtBlock(b, p, e)) {
            return Kind.TEXT; // the frames a C++ host (Triton's Python backend) relays under the error, after a blank line
        }
        if (isRaisedFrom(b, p, e) && (afterBlanks == 0 ? leveled : state == State.NATIVE || abort)) {
            // c10's backtrace under the error it belongs to: the record that logged the error, or the abort whose
            // what() holds it; a nested error's backtrace follows its outer one after a blank line.
            state = State.NATIVE;
            return Kind.TEXT;
        }
        if (state == State.NATIVE) {
            if (afterBlanks == 0 && isNativeFrame(b, p, e)) {
                return Kind.TEXT;
            }
            state = State.NONE;
        }
        if (state == State.RICH || state == State.RICH_END) {
            // A Rich box: its rows at the column of its corners, then the exception line under it.
            int q = LineLayout.spaces(b, p, e);
            if (afterBlanks == 0 && q - p == richIndent && state == State.RICH && (startsWith(b, q, e, SIDE) || startsWith(b, q, e, BOTTOM))) {
                if (startsWith(b, q, e, BOTTOM)) {
                    state = State.RICH_END;
                }
                return Kind.TRACEBACK;
            }
            if (afterBlanks == 0 && q - p == richIndent && state == State.RICH_END && isPythonExceptionLine(b, q, e)) {
                state = State.EXCEPTION;
                return Kind.TRACEBACK;
            }
            state = State.NONE;
        }
        if (isTracebackStart(b, p, e)) {
            if ((afterBlanks > 0 || !leveled || (wrappedIndented && isRichTop(b, p, e))) && state != State.EXCEPTION) {
                blanks = afterBlanks;
                return Kind.NEW;
            }
            spaced &= state == State.EXCEPTION; // a chained part of the same paste
            state = isRichTop(b, p, e) ? State.RICH : State.TRACEBACK;
            richIndent = 0;
            frameBefore = false;
            return Kind.TRACEBACK;
        }
        if (indented && state == State.EXCEPTION) {
            // A chain of Rich boxes drawn under the record that logged it: the sentence and the next box at the same column.
            int q = LineLayout.spaces(b, p, e);
            if (q - p == richIndent && isChain(b, q, e)) {
                return Kind.TRACEBACK;
            }
            if (q - p == richIndent && isRichTop(b, q, e)) {
                state = State.RICH;
                return Kind.TRACEBACK;
            }
        }
        if (afterBlanks == 0 && !indented && isQuotedTracebackLine(b, p, e)) {
            // concurrent.futures' "_RemoteTraceback: " under the record that logged the failure: the worker process's
            // traceback follows in triple quotes, then the chain that re-raised it here.
            state = State.EXCEPTION;
            openMessage = true;
            return Kind.TRACEBACK;
        }
        if (state == State.EXCEPTION && afterBlanks == 0 && isTripleQuote(b, p, e)) {
            return Kind.TRACEBACK; // the quotes round the traceback a wrapper carries
        }
        if (isChain(b, p, e) && state != State.NONE) {
            state = State.EXCEPTION;
            return Kind.TRACEBACK;
        }
        if (leveled && afterBlanks == 0 && state == State.NONE && isJvmExceptionLine(b, p, e)) {
            // A JVM trace under the record that logged it, at the record's level: the exception line, then "\tat" frames.
            state = State.JVM;
            return Kind.TEXT;
        }
        if (leveled && timedFile && afterBlanks == 0 && state == State.NONE && isNodeExceptionLine(b, p, e)) {
            // A Node.js error under the record that logged it: "TypeError: …", then its indented "at fn (file.js:48:27)" frames.
            state = State.JVM;
            return Kind.TEXT;
        }
        if (leveled && timedFile && afterBlanks == 0 && state == State.NONE && isGoFrame(b, p, e, true)) {
            // A Go stack under the record that logged it (zap's stacktrace): a function per line, its file indented below.
            state = State.GO;
            return Kind.TEXT;
        }
        if (state == State.GO) {
            if (afterBlanks == 0 && (indented || isGoFrame(b, p, e, false))) {
                return Kind.TEXT;
            }
            state = State.NONE;
        }
        if (leveled && afterBlanks == 0 && state == State.NONE && isRubyFrame(b, p, e)) {
            // A Ruby backtrace under the record that logged it (ActiveJob's "Error performing …: Errno::EACCES (…):").
            state = State.RUBY;
            return Kind.TEXT;
        }
        if (state == State.RUBY) {
            if (afterBlanks == 0 && isRubyFrame(b, p, e)) {
                return Kind.TEXT;
            }
            state = State.NONE;
        }
        if (state == State.JVM) {
            if (afterBlanks == 0 && (indented || UnitVocabulary.startsWith(b, p, e, CAUSED_BY) || UnitVocabulary.startsWith(b, p, e, SUPPRESSED))) {
                return Kind.TEXT;
            }
            state = State.NONE;
        }
        if (indented && afterBlanks == 0 && isTracebackStart(b, indentEnd(b, p, e), e)) {
            // A traceback indented inside a report: its frames are indented deeper; a Rich box drawn under the record
            // that logged it (a RichHandler's), its rows at the column of its corners.
            int q = indentEnd(b, p, e);
            state = isRichTop(b, q, e) ? State.RICH : State.TRACEBACK;
            richIndent = q - p;
            return Kind.TRACEBACK;
        }
        if (marker != 0 && afterBlanks == 0 && (marker(b, p, e) == marker || bareMarker(b, p, e) == marker)) {
            return Kind.TEXT; // the next line of a report that marks each of its lines, also one with the marker alone
        }
        if (state == State.TRACEBACK) {
            if (indented) {
                // Frames parted by blank lines (a double-spaced paste, loguru's diagnosis): the exception line may be too.
                spaced |= afterBlanks == 1;
                frameBefore = false;
                return Kind.TRACEBACK;
            }
            // A traceback pasted through a chat, a mail or a rendered page: a blank line between all its lines. A frame
            // after one blank line is still this traceback's, and once one was, so are its source and exception lines.
            if (afterBlanks == 1 && isPythonFrame(b, p, e)) {
                spaced = true;
            }
            int gap = spaced && afterBlanks == 1 ? 0 : afterBlanks;
            // A traceback relayed a line at a time with its indentation taken off (Metaflow's task prefix on each):
            // a frame flush left, then its source line, before the exception line.
            if (gap == 0 && isPythonFrame(b, p, e)) {
                frameBefore = true;
                return Kind.TRACEBACK;
            }
            if (gap == 0 && frameBefore && !isPythonExceptionLine(b, p, e) && LineLayout.leadingLevel(b, p, e) < 0) {
                frameBefore = false;
                return Kind.TRACEBACK;
            }
            frameBefore = false;
            if (gap == 0 && afterBlanks > 0 && isMarkerLine(b, p, e)) {
                return Kind.TRACEBACK; // 3.11+'s ^^^^ under a source line, flush left in the paste
            }
            if (gap == 0 && (afterBlanks == 0 || isPythonExceptionLine(b, p, e)) && LineLayout.leadingLevel(b, p, e) < 0) {
                state = State.EXCEPTION; // the exception line ends the frames; a log line ("INFO:x:…") after a cut paste does not
                openMessage = endsWithColon(b, p, e);
                return Kind.TRACEBACK;
            }
            state = State.NONE;
            blanks = afterBlanks;
            return Kind.NEW;
        }
        if (state == State.EXCEPTION && openMessage && afterBlanks == 1 && !indented && endsWithColon(b, p, e)
                && LineLayout.leadingLevel(b, p, e) < 0) {
            // An exception without a message of its own that quotes the traceback of the process it stands for, after a
            // sentence: torch.multiprocessing's "ProcessRaisedException: ", then "-- Process 1 terminated with the following error:".
            openMessage = false;
            return Kind.TRACEBACK;
        }
        if (afterBlanks > 0) {
            state = State.NONE;
            if (!(indented && timedFile)) {
                blanks = afterBlanks;
                return Kind.NEW;
            }
        }
        if (state == State.EXCEPTION && !indented && timedFile && LineLayout.leadingLevel(b, p, e) < 0) {
            return Kind.TEXT; // the exception's message wrapped over lines; a log line after it ("INFO:worker:…") is not
        }
        if (indented && afterBlanks == 0 && state == State.NONE && isPythonFrame(b, indentEnd(b, p, e), e)) {
            // Frames under a record without the traceback's header (Ray's "Unhandled error … ray::Actor.method()"):
            // the exception line after them is the record's too.
            state = State.TRACEBACK;
            return Kind.TRACEBACK;
        }
        if (indented || depth > 0) {
            depth = Math.max(0, depth + depth(b, p, e));
            wrappedIndented |= indented;
            return Kind.TEXT;
        }
        blanks = afterBlanks;
        return Kind.NEW;
    }

    /**
     * Whether the message [p, e) of a timed line goes on with the traceback of the record before, the line
     * repeating that record's prefix: its start, a frame (indented), the exception line, a chained part, the
     * empty trailing line. Updates the state.
     */
    /** Whether the line {@link #continuesRecord} last took opened a traceback ({@code … [core.py:586] Traceback (most recent call last):}). */
    public boolean openedTraceback() {
        return opened;
    }

    private boolean opened;

    public boolean continuesRecord(byte[] b, int p, int e) {
        return continuesRecord(b, p, e, false);
    }

    /**
     * The same; printed: the line has a time of its own, not the record's, so that only a frame, a source line, a
     * chain's sentence or an exception line goes on with the traceback (another record of the writer ends it).
     */
    public boolean continuesRecord(byte[] b, int p, int e, boolean printed) {
        opened = false;
        // The record's message may keep a logger or a [file:line] before the traceback's text: the same number
        // of such tokens is taken off every line of it.
        for (int k = 0; k <= RECORD_TOKENS; k++) {
            int q = afterTokens(b, p, e, k);
            if (q >= 0 && isTracebackStart(b, q, e)) {
                state = State.TRACEBACK;
                recordTokens = k;
                record = true;
                opened = true;
                headerLead = leadBefore(b, q);
                return true;
            }
        }
        if (state == State.NONE || !record) {
            return false;
        }
        p = afterTokens(b, p, e, recordTokens);
        if (p < 0) {
            return false;
        }
        if (p >= e) {
            return true;
        }
        if (isChain(b, p, e)) {
            state = State.RECORD;
            return true;
        }
        boolean indented = b[p] == ' ' || b[p] == '\t' || (recordTokens == 0 && leadBefore(b, p) > headerLead);
        if (state == State.TRACEBACK) {
            if (!indented) {
                if (printed && !isPythonExceptionLine(b, p, e)) {
                    return false;
                }
                state = State.RECORD; // its exception line: a line without the prefix after it is no wrapped message
            }
            return true;
        }
        return false;
    }

    /** {@code ValueError: x}, {@code _pickle.UnpicklingError}, {@code torch.OutOfMemoryError: …}: a dotted name whose last part is capitalised. */
    static boolean isPythonExceptionLine(byte[] b, int p, int e) {
        int q = dottedNameEnd(b, p, e, 160, false);
        int last = lastPart(b, p, q);
        if (q == p || last >= q || !(b[last] >= 'A' && b[last] <= 'Z')) {
            return false;
        }
        return q == e || b[q] == ':' || b[q] == '\r';
    }

    /**
     * Whether a timed line's message [p, e) may be the inside of a traceback printed a record per line: within
     * its first few tokens it goes on indented (a frame, a source line), chains, or ends.
     */
    public static boolean mayGoOnTraceback(byte[] b, int p, int e) {
        for (int k = 0; k <= RECORD_TOKENS; k++) {
            int q = afterTokens(b, p, e, k);
            if (q < 0) {
                return false;
            }
            if (q >= e) {
                return k == 0 || b[e - 1] == ' '; // nothing after the prefix a chain's blank line repeats
            }
            if (b[q] == ' ' || b[q] == '\t' || b[q] == '\r' || isChain(b, q, e)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The column at which the value of a "name:   value" line starts (a word of letters, then a colon and spaces),
     * or -1.
     */
    static int fieldValueColumn(byte[] b, int p, int e) {
        int q = p;
        while (q < e && q - p <= 20 && (Clock.isLetter(b[q]) || b[q] == '_')) {
            q++;
        }
        if (q == p || q >= e || b[q] != ':' || q + 2 >= e || b[q + 1] != ' ') {
            return -1;
        }
        int v = q + 1;
        while (v < e && b[v] == ' ') {
            v++;
        }
        return v < e && v - p <= 24 ? v - p : -1;
    }

    /** The line before, inside a traceback, was a frame written flush left: its source line may follow unindented. */
    private boolean frameBefore;

    /** U+00A0 in UTF-8: a traceback copied from a rendered page is indented with it. */
    private static boolean isNoBreakSpace(byte[] b, int p, int e) {
        return p + 1 < e && b[p] == (byte) 0xC2 && b[p + 1] == (byte) 0xA0;
    }

    /** After the indentation at p: spaces, tabs and no-break spaces. */
    static int indentEnd(byte[] b, int p, int e) {
        int q = p;
        while (q < e) {
            if (b[q] == ' ' || b[q] == '\t') {
                q++;
            } else if (isNoBreakSpace(b, q, e)) {
                q += 2;
            } else {
                break;
            }
        }
        return q;
    }

    /** A wrapper's exception line that carries another process's traceback as its message: {@code …._RemoteTraceback: }. */
    public static boolean isQuotedTracebackLine(byte[] b, int p, int e) {
        int q = dottedNameEnd(b, p, e, 160, false);
        if (q - p < 9 || q >= e || b[q] != ':' || Bytes.indexOf(b, q - 9, q, "Traceback") != q - 9) {
            return false;
        }
        return LineLayout.spaces(b, q + 1, e) >= e || b[LineLayout.spaces(b, q + 1, e)] == '\r';
    }

    private static boolean isTripleQuote(byte[] b, int p, int e) {
        int q = LineLayout.spaces(b, p, e);
        return q + 3 <= e && b[q] == '"' && b[q + 1] == '"' && b[q + 2] == '"' && (q + 3 == e || b[q + 3] == '\r');
    }

    /** The exception line read last ends with its colon: its message, if any, is on the lines below. */
    private boolean openMessage;

    private static boolean endsWithColon(byte[] b, int p, int e) {
        int q = e;
        while (q > p && (b[q - 1] == ' ' || b[q - 1] == '\r')) {
            q--;
        }
        return q > p && b[q - 1] == ':';
    }

    /** The traceback being read has a blank line between its lines (a paste): one blank line does not end it. */
    private boolean spaced;

    /** Only the carets and tildes (and spaces) Python 3.11+ writes under a source line. */
    private static boolean isMarkerLine(byte[] b, int p, int e) {
        boolean caret = false;
        for (int i = p; i < e; i++) {
            byte c = b[i];
            if (c == '^' || c == '~') {
                caret = true;
            } else if (c != ' ' && c != '\r') {
                return false;
            }
        }
        return caret;
    }

    /** Tokens of a record's message before its traceback text. */
    private int recordTokens;
    /** At most this many: a logger, a [file:line], a thread and a logger with log4j's " - " after them. */
    private static final int RECORD_TOKENS = 3;

    /** The traceback being read opened in a timed record's message, and its exception line is not read yet. */
    public boolean inRecordTraceback() {
        return record && state == State.TRACEBACK;
    }
    /** The traceback being read opened in a timed record's message: timed lines may go on with it. */
    private boolean record;

    /** Index after k tokens and the one space after each, or -1; a line that ends there gives e. */
    private static int afterTokens(byte[] b, int p, int e, int k) {
        int q = p;
        for (int i = 0; i < k; i++) {
            if (q >= e || b[q] == ' ') {
                return -1;
            }
            q = faultline.importer.scan.LineLayout.tokenEnd(b, q, e);
            if (q < e) {
                if (b[q] != ' ') {
                    return -1;
                }
                q++;
            }
        }
        return q;
    }

    private static final byte[] FILE_QUOTE = "File \"".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** A Python frame: {@code File "/srv/render.py", line 51, in render}. */
    /** Whether [p, e) is a Python frame's line ({@code File "x.py", line 3, in f}), indented or flush left. */
    public static boolean isFrameLine(byte[] b, int p, int e) {
        return isPythonFrame(b, indentEnd(b, p, e), e);
    }

    static boolean isPythonFrame(byte[] b, int p, int e) {
        if (p + 1 < e && b[p] == '>' && b[p + 1] == ' ') {
            p += 2; // loguru's mark on the frame that caught the exception: "> File …"
        }
        if (UnitVocabulary.startsWith(b, p, e, FILE_QUOTE)) {
            return Bytes.indexOf(b, p + FILE_QUOTE.length, Math.min(e, p + 400), "\", line ") >= 0;
        }
        // A traceback pasted through a word processor or a chat has typographic quotes round the path (U+201C, U+201D).
        if (!startsWith(b, p, e, FILE_CURLY)) {
            return false;
        }
        int at = Bytes.indexOf(b, p + FILE_CURLY.length, Math.min(e, p + 400), ", line ");
        // Closed by either typographic quote (U+201D, or U+201C where the paste made both alike) or a straight one.
        return at >= p + FILE_CURLY.length + 1 && (b[at - 1] == '"'
                || at >= p + FILE_CURLY.length + 3 && b[at - 3] == (byte) 0xE2 && b[at - 2] == (byte) 0x80 && (b[at - 1] == (byte) 0x9D || b[at - 1] == (byte) 0x9C));
    }

    /** {@code File “}: the opening typographic quote U+201C in UTF-8. */
    private static final byte[] FILE_CURLY = {'F', 'i', 'l', 'e', ' ', (byte) 0xE2, (byte) 0x80, (byte) 0x9C};

    public static boolean isTracebackStart(byte[] b, int p, int e) {
        return UnitVocabulary.startsWith(b, p, e, TRACEBACK) || isGroupStart(b, p, e) || isRichTop(b, p, e);
    }

    /** Rich's box corners and side (U+256D, U+2570, U+2502) in UTF-8. */
    private static final byte[] TOP = {(byte) 0xE2, (byte) 0x95, (byte) 0xAD};
    private static final byte[] BOTTOM = {(byte) 0xE2, (byte) 0x95, (byte) 0xB0};
    private static final byte[] SIDE = {(byte) 0xE2, (byte) 0x94, (byte) 0x82};

    /** The top of a traceback Rich draws: {@code ╭──── Traceback (most recent call last) ────╮}. */
    static boolean isRichTop(byte[] b, int p, int e) {
        return p + 40 < e && b[p] == TOP[0] && startsWith(b, p, e, TOP)
                && Bytes.indexOf(b, p + 3, Math.min(e, p + 400), " Traceback (most recent call last) ") > 0;
    }

    private static boolean startsWith(byte[] b, int p, int e, byte[] w) {
        if (e - p < w.length) {
            return false;
        }
        for (int i = 0; i < w.length; i++) {
            if (b[p + i] != w[i]) {
                return false;
            }
        }
        return true;
    }

    private static final byte[] GROUP = "+ Exception Group Traceback (most recent call last):".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Python 3.11+'s exception group, which it prints indented: "  + Exception Group Traceback (most recent call last):". */
    private static boolean isGroupStart(byte[] b, int p, int e) {
        return p < e && b[p] == '+' && UnitVocabulary.startsWith(b, p, e, GROUP);
    }

    /**
     * A message that ends by opening a traceback: a program that logs one in its text
     * ({@code Scheduler hit an exception: Traceback (most recent call last):}, SGLang's).
     */
    public static boolean endsOpeningTraceback(byte[] b, int p, int e) {
        int end = e;
        while (end > p && (b[end - 1] == ' ' || b[end - 1] == '\r')) {
            end--;
        }
        int at = end - TRACEBACK.length;
        return at > p && b[at - 1] == ' ' && UnitVocabulary.startsWith(b, at, end, TRACEBACK);
    }

    private static final byte[][] CRASHES = {
            "terminate called after throwing an instance of".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            "panic: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            "fatal error: ".getBytes(java.nio.charset.StandardCharsets.US_ASCII)};

    /**
     * A process's own crash report that is not a Python traceback: a C++ abort, a Go panic or fatal error, a Rust panic.
     * Like a traceback, what follows it without a blank line is its rest.
     */
    public static boolean isCrashStart(byte[] b, int p, int e) {
        if (p >= e || (b[p] != 't' && b[p] != 'p' && b[p] != 'f')) {
            return false;
        }
        for (byte[] w : CRASHES) {
            if (UnitVocabulary.startsWith(b, p, e, w)) {
                return true;
            }
        }
        // A Rust panic: "thread 'tokio-runtime-worker' panicked at src/batch.rs:88:29:", its message and backtrace below.
        return UnitVocabulary.startsWith(b, p, e, RUST_THREAD) && Bytes.indexOf(b, p + RUST_THREAD.length, Math.min(e, p + 200), "' panicked at ") > 0;
    }

    private static final byte[] RUST_THREAD = "thread '".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private static final byte[] RAISED_FROM = "Exception raised from ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] FRAME = "frame #".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] OMITTING = "<omitting python frames>".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** The head of c10's C++ backtrace: {@code Exception raised from checkTimeout at …/ProcessGroupNCCL.cpp:632 (most recent call first):}. */
    static boolean isRaisedFrom(byte[] b, int p, int e) {
        return p < e && b[p] == 'E' && UnitVocabulary.startsWith(b, p, e, RAISED_FROM)
                && Bytes.indexOf(b, p + RAISED_FROM.length, e, "(most recent call first)") > 0;
    }

    /**
     * A frame of c10's C++ backtrace: {@code frame #3: c10d::ProcessGroupNCCL::watchdogHandler() + 0x890 (0x7f… in libtorch_cuda.so)},
     * the unwinder's {@code # 3  c10d::…}, or the {@code <omitting python frames>} it puts for the interpreter's.
     */
    static boolean isNativeFrame(byte[] b, int p, int e) {
        if (p >= e) {
            return false;
        }
        if (b[p] == 'f' || b[p] == '<') {
            return UnitVocabulary.startsWith(b, p, e, FRAME) || UnitVocabulary.startsWith(b, p, e, OMITTING);
        }
        if (b[p] != '#') {
            return false;
        }
        int q = LineLayout.spaces(b, p + 1, e);
        int d = q;
        while (d < e && Clock.isDigit(b[d])) {
            d++;
        }
        return d > q && d < e && b[d] == ' ';
    }

    /** A line of c10's C++ backtrace: its head or a frame. A process that prefixes its records' first lines only leaves these bare. */
    public static boolean isNativeTraceLine(byte[] b, int p, int e) {
        return isRaisedFrom(b, p, e) || isNativeFrame(b, p, e);
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
