package faultline.importer.scan;

import faultline.importer.time.Clock;
import faultline.model.Level;

/**
 * One file's line layout, inferred once from its first lines and then applied to every line as a
 * fixed sequence of byte steps: skip the leading tokens the file always has, read the timestamp
 * in its shape, read the level at its token, skip the header (logger, thread, process) to the
 * message. {@link #read} fills the public fields for the line; nothing is allocated per line.
 */
public final class LineLayout {
    /** Tokens before the timestamp (an alert tag, a record id and node, a second clock, a log file's name). */
    final int skip;
    /** The timestamp opens with a bracket: {@code [2025-03-02 10:11:12,345]}. */
    final boolean bracketed;
    public final Clock.Shape shape;
    /** Header token after the timestamp that holds the level; -1-k for the k-th skipped token; NONE if lines have no level. */
    final int levelToken;
    /** Levels are written as single letters (E, W, I): accepted only at their token. */
    final boolean letterLevels;
    /** Skipped token that carries the year (a date or an epoch) when the timestamp has none; -1 if none. */
    final int yearToken;
    /** The skipped tokens hold another clock (container, journald): continuation lines carry it too. */
    public final boolean secondClock;
    /**
     * This layout reads only the outer clock (a container's, journald's) of lines whose own layout
     * has another: what follows it is read as a line without a time of its own.
     */
    public boolean outerClock;
    /** The timestamp is a logfmt value: this many bytes of its key come first ({@code time=}). */
    int keyLength;
    /**
     * The level is one glyph after the clock, as Redis (and its forks) write it: {@code .} debug,
     * {@code -} verbose, {@code *} notice, {@code #} warning. Only a whole file of them says so: alone,
     * each is a bullet or a separator.
     */
    boolean glyphLevels;

    static final int NONE = Integer.MIN_VALUE;

    // Per line, after read():
    int timeStart;
    public int messageStart;
    /** Level ordinal, or -1 when the line has none. */
    public int level;
    /** Hash of the process/thread/worker the header names, 0 for none. */
    public long worker;
    /** The year of a skipped date or epoch token, or -1. */
    public int lineYear;
    /** Where the name of a process riding on the level sits ({@code ERROR/ForkPoolWorker-3]}), or -1. */
    public int processStart;
    public int processEnd;

    private final int[] slash = new int[1];

    LineLayout(int skip, boolean bracketed, Clock.Shape shape, int levelToken, boolean letterLevels, int yearToken,
               boolean secondClock) {
        this.skip = skip;
        this.bracketed = bracketed;
        this.shape = shape;
        this.levelToken = levelToken;
        this.letterLevels = letterLevels;
        this.yearToken = yearToken;
        this.secondClock = secondClock;
    }

    /** The same layout with its own per-line fields, for a reader on another thread. */
    public LineLayout copy() {
        LineLayout l = new LineLayout(skip, bracketed, shape, levelToken, letterLevels, yearToken, secondClock);
        l.outerClock = outerClock;
        l.keyLength = keyLength;
        l.glyphLevels = glyphLevels;
        return l;
    }

    /** Reads the line [p, e) in this layout into clock and the fields; false if it is not in it. */
    public boolean read(byte[] b, int p, int e, Clock clock) {
        int q = spaces(b, p, e);
        if (q >= e) {
            return false; // a blank line (a record's message shaped line by line meets them) has no clock
        }
        if (isJournalMarker(b, q, e)) {
            return false; // journalctl's "-- Logs begin at … --", "-- Reboot --": the journal's notes, not records
        }
        boolean letterHeader = skip > 0 && letterOpensHeader(b, q, e);
        boolean rfc5424 = skip > 0 && isRfc5424Head(b, q, e);
        level = -1;
        worker = 0;
        lineYear = -1;
        processStart = -1;
        for (int k = 0; k < skip; k++) {
            int t = tokenEnd(b, q, e);
            if (k == yearToken) {
                lineYear = yearOf(b, q, t, clock);
            }
            if (levelToken == -1 - k) {
                level = levelOf(b, q, t);
            }
            q = spaces(b, t, e);
            if (q >= e) {
                return false;
            }
        }
        if (bracketed) {
            if (b[q] != '[' && b[q] != '(') {
                return false;
            }
            q++;
            if (q + 1 < e && b[q] == ' ' && Clock.isDigit(b[q + 1])) {
                q++; // logcat -v long's "[ 12-31 23:59:58.365  1702: 1744 I/Tag ]"
            }
        }
        if (keyLength > 0) {
            // The key ends with its '=', or with '="' before a quoted value.
            int last = q + keyLength - 1;
            if (q + keyLength >= e || (b[last] != '=' && !(b[last] == '"' && b[last - 1] == '='))) {
                return false;
            }
            q += keyLength;
        }
        if (!clock.parse(shape, b, q, e)) {
            return false;
        }
        timeStart = q;
        q = afterQuotedValue(b, clock.end, e, keyLength);
        if (clock.level >= 0) {
            level = clock.level;
        }
        if (bracketed && q < e && b[q] == ' ') {
            // Ranks inside the clock's bracket ("[2026-05-28 03:00:05 TP0]", "[… DP0 TP1]", SGLang's): the process.
            int close = q + 1;
            while (close < e && close - q < 24 && b[close] != ']') {
                close++;
            }
            // Ray's level letter before them: "[2025-03-02 10:11:07,101 I 4412 4470]".
            int inner = q + 1;
            int letter = close < e && inner + 2 < close && b[inner + 1] == ' ' ? LevelWords.read(b, inner, inner + 1, null) : -1;
            if (letter >= 0 && numberTokens(b, inner + 2, close)) {
                level = letter & 0xFF;
                inner += 2;
            }
            if (close < e && b[close] == ']' && (rankTokens(b, inner, close) || numberTokens(b, inner, close))) {
                worker = worker * 31 + LinePrefixes.hash(b, inner, close);
                processStart = inner;
                processEnd = close;
                q = close;
                if (numberTokens(b, processStart, processEnd)) {
                    // Ray's "[time L pid tid] core_worker.cc:107: message": the source location after the bracket is no text.
                    int m = separators(b, q, e);
                    int loc = sourceLocationEnd(b, m, e);
                    if (loc > m) {
                        messageStart = spaces(b, loc, e);
                        return true;
                    }
                }
            }
        }
        if (rfc5424) {
            rfc5424Header(b, q, e);
            return true;
        }
        if (letterHeader) {
            // The logger (or module:line) after the clock, then the bracket the level opened: the message follows.
            int lim = Math.min(e, q + 80);
            for (int i = q; i < lim; i++) {
                if (b[i] == ']') {
                    messageStart = spaces(b, i + 1, e);
                    return true;
                }
            }
        }
        if (shape == Clock.Shape.GLOG) {
            // "E0302 10:11:12.345678 140 file.py:869] message": the message follows the source location.
            int lim = Math.min(e - 1, q + 160);
            messageStart = q;
            for (int i = q; i < lim; i++) {
                if (b[i] == ']' && b[i + 1] == ' ') {
                    messageStart = i + 2;
                    break;
                }
            }
            return true;
        }
        header(b, q, e);
        return true;
    }

    /**
     * Level, worker and message start of the text after the timestamp. The message keeps what a
     * reader may need (a logger, a tag, a host): only the clock, the level and, before the level,
     * the process, thread and logger fields come off; and the worker system's {@code [source_type]}.
     */
    private void header(byte[] b, int q, int e) {
        if (glyphLevels) {
            int g = spaces(b, q, e);
            int lv = g + 1 < e && b[g + 1] == ' ' ? glyphLevel(b[g]) : -1;
            if (lv >= 0) {
                level = lv;
                messageStart = spaces(b, g + 1, e);
                return;
            }
        }
        int index = 0;
        q = separators(b, q, e);
        int firstHeader = q;
        int lim = levelToken >= 0 ? levelToken + 1 : 0;
        // Tokens up to the level's: the process and thread, the logger before the level.
        while (q < e && index < lim) {
            int t = tokenEnd(b, q, e);
            if (index == levelToken) {
                int lv = levelOf(b, q, t);
                if (lv < 0 && t < e) {
                    // One glyph before the level on some lines ("[10:11:12] ℹ️ [INFO    ] …"): the level is the next token.
                    int q2 = separators(b, t, e);
                    int t2 = tokenEnd(b, q2, e);
                    int lv2 = t - q <= 8 ? levelOf(b, q2, t2) : -1;
                    if (lv2 >= 0) {
                        q = q2;
                        t = t2;
                        lv = lv2;
                    }
                }
                if (lv < 0) {
                    // Not this line's level token: the message starts where the header would have.
                    messageStart = firstHeader;
                    return;
                }
                level = lv;
                int w = wordEnd(b, q, t);
                if (slash[0] > 0 && slash[0] < t) {
                    // ERROR/ForkPoolWorker-3]: the process rides on the level.
                    worker = worker * 31 + LinePrefixes.hash(b, slash[0], t);
                    processStart = slash[0];
                    processEnd = t;
                    while (processEnd > processStart && (b[processEnd - 1] == ']' || b[processEnd - 1] == ':')) {
                        processEnd--;
                    }
                    w = t;
                } else if (b[q] != '[' && w < t && b[w] == ':' && w + 1 < t) {
                    // INFO:root:message (logging.basicConfig): the message follows the level's colon.
                    messageStart = w + 1;
                    return;
                } else if (b[q] == '[' || b[q] == '(' || b[q] == '<' || (w < t && b[w] == '.')) {
                    w = t; // the whole token: a bracketed level, or Monolog's "production.ERROR:"
                }
                q = separators(b, w, e);
                index++;
                break;
            }
            int inner = programInner(b, q, t);
            if (inner > 0) {
                worker = worker * 31 + LinePrefixes.hash(b, inner, programInnerEnd(b, t));
            } else if (isProcess(b, q, t) && !gluedLogger(b, q, t, e)) {
                worker = worker * 31 + LinePrefixes.hash(b, q, t);
            }
            q = separators(b, t, e);
            index++;
        }
        if (levelToken >= 0 && level < 0 && index < lim) {
            // The line ends before its level's token: the header's tokens are its text.
            messageStart = firstHeader;
            return;
        }
        if (bracketed && level >= 0 && q < e && b[q] != '[') {
            // The logger that closes the clock's bracket after the level: env_logger's
            // "[2025-03-02T10:11:07Z INFO  embed_worker::queue] …".
            int t = tokenEnd(b, q, e);
            if (t > q + 1 && t < e && b[t - 1] == ']' && Bytes.indexOf(b, q, t, (byte) '[') == t) {
                q = separators(b, t, e);
            }
        }
        if (level >= 0 && q < e) {
            // The source location glog's header ends in, where another clock stands in front of it: TensorFlow's
            // "2025-02-11 14:02:17.331842: I tensorflow/core/…/gpu_device.cc:1928] Created device …".
            int t = tokenEnd(b, q, e);
            if (isGlogLocation(b, q, t)) {
                q = t < e && b[t] == ' ' ? t + 1 : t; // one space: a logged traceback's frames keep their indentation
            }
        }
        // After the level: the worker system's [source_type] tag; threads in brackets name the worker.
        int r = q;
        for (int k = 0; k < 4 && r < e; k++) {
            byte c = b[r];
            if (c != '[' && c != '(') {
                break;
            }
            int t = tokenEnd(b, r, e);
            if (t >= e) {
                break;
            }
            if (k == 0 && isSourceTag(b, r, t)) {
                q = separators(b, t, e); // which system wrote the row, not which worker
            } else if (isProcess(b, r, t)) {
                worker = worker * 31 + LinePrefixes.hash(b, r, t);
            }
            r = separators(b, t, e);
        }
        if (level < 0) {
            // No level: a syslog program with its pid names the worker ("sshd[4120]:").
            int s1 = q;
            for (int k = 0; k < 2 && s1 < e; k++) {
                int t = tokenEnd(b, s1, e);
                int inner = programInner(b, s1, t);
                if (inner > 0) {
                    worker = worker * 31 + LinePrefixes.hash(b, inner, programInnerEnd(b, t));
                }
                s1 = spaces(b, t, e);
            }
        }
        if (level < 0 && q + 3 < e && b[q] == '#' && b[q + 1] == '#' && b[q + 2] == '[') {
            q = workflowCommand(b, q, e);
        }
        messageStart = q;
    }

    /** The level a Redis glyph stands for, or -1. */
    static int glyphLevel(byte c) {
        switch (c) {
            case '.': case '-': return Level.DEBUG.ordinal();
            case '*': return Level.INFO.ordinal();
            case '#': return Level.WARNING.ordinal();
            default: return -1;
        }
    }

    /**
     * A CI runner's logging command at the message's start ({@code ##[error]…}, {@code ##[warning]…},
     * {@code ##[debug]…}, as GitHub Actions and Azure Pipelines write them in raw job logs): its level,
     * and the message after it. Markers that name no level ({@code ##[group]}, {@code ##[section]}) stay
     * in the message. Returns where the message starts.
     */
    private int workflowCommand(byte[] b, int q, int e) {
        int close = q + 3;
        while (close < e && close - q < 16 && b[close] != ']') {
            close++;
        }
        if (close >= e || b[close] != ']') {
            return q;
        }
        int lv = LevelWords.read(b, q + 3, close, null);
        if (lv < 0 || (lv & LevelWords.LETTER) != 0) {
            return q;
        }
        level = lv & 0xFF;
        return spaces(b, close + 1, e);
    }

    /**
     * Layouts tried on a line that fits none of the file's own and starts an event: a timestamp with a date
     * (or glog's) at its start or after one token, bracketed or not, the level right after it. A line of
     * another program inside the file (a TensorFlow line in a server's log, a c10 warning under a rank's
     * prefix, redis under docker compose) keeps its own clock.
     */
    public static LineLayout[] fallbacks() {
        Clock.Shape[] shapes = {Clock.Shape.ISO, Clock.Shape.GLOG, Clock.Shape.DAY_MONTH_NAME, Clock.Shape.MONTH_NAME,
                Clock.Shape.MONTH_DAY, Clock.Shape.SHORT_YEAR};
        java.util.List<LineLayout> out = new java.util.ArrayList<>();
        for (int skip = 0; skip < 2; skip++) {
            for (Clock.Shape shape : shapes) {
                for (boolean bracketed : new boolean[]{false, true}) {
                    out.add(new LineLayout(skip, bracketed, shape, 0, true, -1, false));
                }
            }
        }
        return out.toArray(new LineLayout[0]);
    }

    /** Whether the layout's lines write a level. */
    public boolean hasLevel() {
        return levelToken != NONE;
    }

    /** Tokens the layout skips before the timestamp (a second clock, a host, a program). */
    public int skipped() {
        return skip;
    }

    /** Where the line's timestamp starts, after read() accepted it. */
    /** Whether the clock is a logfmt value after its key ({@code time=…}). */
    public boolean keyedClock() {
        return keyLength > 0;
    }

    public int timeStart() {
        return timeStart;
    }

    /**
     * The key of the program a syslog or journald line names among its first tokens from p
     * ({@code gpu-box-2 celery[4121]:} → {@code celery[4121]}), or 0: lines of two programs are two writers.
     */
    public static long programKey(byte[] b, int p, int e, int tokens) {
        int q = spaces(b, p, e);
        for (int k = 0; k < tokens && q < e; k++) {
            int t = tokenEnd(b, q, e);
            int inner = programInner(b, q, t);
            if (inner > 0) {
                // The pid, dyno or machine in the brackets: a platform's lines about it and the program's own are one writer.
                return LinePrefixes.hash(b, inner, programInnerEnd(b, t));
            }
            q = spaces(b, t, e);
        }
        return 0;
    }

    /**
     * The key of a log stream's name among the first tokens from p, or 0: a platform that prints its own clock
     * before each event writes the stream the event came from after it ({@code aws logs tail}'s
     * {@code 2025-06-02T09:14:03.215000+00:00 jobdef/default/<task id> …}), and the streams of two workers
     * interleave. A stream's name is a path: a slash, a letter, no colon (a clock's, a URL's).
     */
    public static long streamKey(byte[] b, int p, int e, int tokens) {
        int q = spaces(b, p, e);
        for (int k = 0; k < tokens && q < e; k++) {
            int t = tokenEnd(b, q, e);
            if (streamEnd(b, q, e) == t) {
                return LinePrefixes.hash(b, q, t);
            }
            q = spaces(b, t, e);
        }
        return 0;
    }

    /**
     * End of the log stream's name that starts right at p ({@link #streamKey}), or -1: a path with a letter, no
     * colon (a clock's, a URL's), not rooted (a file's path the program prints starts with a slash).
     */
    public static int streamEnd(byte[] b, int p, int e) {
        int t = tokenEnd(b, p, e);
        if (t - p < 8 || b[p] == '/' || b[p] == ' ') {
            return -1;
        }
        boolean slash = false;
        boolean letter = false;
        for (int i = p; i < t; i++) {
            if (b[i] == ':') {
                return -1;
            }
            slash |= b[i] == '/';
            letter |= Clock.isLetter(b[i]);
        }
        return slash && letter ? t : -1;
    }

    /** Index after the program token ({@code celery[4121]:}) among the first tokens from p, or -1. */
    public static int programEnd(byte[] b, int p, int e, int tokens) {
        int q = spaces(b, p, e);
        for (int k = 0; k < tokens && q < e; k++) {
            int t = tokenEnd(b, q, e);
            if (t - q >= 4 && b[t - 1] == ':' && b[t - 2] == ']' && programInner(b, q, t) > 0) {
                return t;
            }
            q = spaces(b, t, e);
        }
        return -1;
    }

    /** End of the level word at p (after an opening bracket and padding, if any). */
    private static int wordEnd(byte[] b, int p, int t) {
        int q = p;
        while (q < t && (b[q] == '[' || b[q] == '(' || b[q] == ' ')) {
            q++;
        }
        while (q < t && Clock.isLetter(b[q])) {
            q++;
        }
        return q;
    }

    /** The worker system's {@code [source_type]} or padded {@code [source_id   ]} after the level. */
    private static boolean isSourceTag(byte[] b, int p, int t) {
        if (b[p] != '[' || b[t - 1] != ']' || t - p < 3) {
            return false;
        }
        int end = t - 1;
        while (end > p + 1 && b[end - 1] == ' ') {
            end--;
        }
        boolean padded = end < t - 1;
        for (int i = p + 1; i < end; i++) {
            byte c = b[i];
            // [worker], [edge_function]; the debug tool pads its source ids: [worker_gpu_a        ]
            if (!((c >= 'a' && c <= 'z') || c == '_' || (padded && (c == '-' || Clock.isDigit(c))))) {
                return false;
            }
        }
        return end > p + 1;
    }

    private int levelOf(byte[] b, int p, int t) {
        int lv = LevelWords.read(b, p, t, slash);
        if (lv < 0) {
            return -1;
        }
        if ((lv & LevelWords.LETTER) != 0 && !letterLevels) {
            return -1;
        }
        return lv & 0xFF;
    }

    private static int yearOf(byte[] b, int p, int t, Clock clock) {
        int y = dateYear(b, p, t);
        if (y > 0) {
            return y;
        }
        int saved = clock.end;
        if (clock.parse(Clock.Shape.EPOCH, b, p, t)) {
            long days = Math.floorDiv(clock.epochNanos / 1_000_000_000L, 86_400L);
            clock.end = saved;
            return (int) java.time.LocalDate.ofEpochDay(days).getYear();
        }
        return -1;
    }

    /** The year of a date-only token {@code 2005.06.03} or {@code 2005-06-03}, or -1. */
    public static int dateYear(byte[] b, int p, int t) {
        if (t - p == 4) {
            // A year alone before the month and day: syslog-ng's "2025 Jan  2 10:11:12".
            int y = Clock.num(b, p, 4);
            return y >= 1970 && y <= 2100 ? y : -1;
        }
        if (t - p != 10) {
            return -1;
        }
        byte s = b[p + 4];
        if ((s != '.' && s != '-' && s != '/') || b[p + 7] != s) {
            return -1;
        }
        int y = Clock.num(b, p, 4);
        int m = Clock.num(b, p + 5, 2);
        int d = Clock.num(b, p + 8, 2);
        return y >= 1900 && y <= 2300 && m >= 1 && m <= 12 && d >= 1 && d <= 31 ? y : -1;
    }

    /** {@code -- text --}: a note journalctl writes between the records it prints. */
    static boolean isJournalMarker(byte[] b, int q, int e) {
        int t = e;
        while (t > q && (b[t - 1] == ' ' || b[t - 1] == '\r')) {
            t--;
        }
        return t - q >= 8 && b[q] == '-' && b[q + 1] == '-' && b[q + 2] == ' ' && b[t - 1] == '-' && b[t - 2] == '-' && b[t - 3] == ' ';
    }

    /** End of the token at p: a bracketed group runs to its matching closer, anything else to the next space. */
    public static int tokenEnd(byte[] b, int p, int e) {
        if (p >= e) {
            return e;
        }
        byte open = b[p];
        int named = headerNameEnd(b, p, e);
        if (named >= 0) {
            return named == p + 1 ? p + 2 : named;
        }
        byte close = open == '[' ? (byte) ']' : open == '(' ? (byte) ')' : open == '<' ? (byte) '>' : 0;
        if (close != 0) {
            int depth = 0;
            int lim = Math.min(e, p + 256);
            for (int q = p; q < lim; q++) {
                byte c = b[q];
                if (c == open) {
                    depth++;
                } else if (c == close && --depth == 0) {
                    if (open == '<' && q > p + 1 && q - p <= 4 && Clock.isDigit(b[p + 1]) && Clock.isDigit(b[q - 1])) {
                        return q + 1; // a syslog priority glued to its clock, "<34>Jan  2 10:11:12": a token of its own
                    }
                    // A bracket glued to more text ("[x]:" or "[x]abc") ends where the text does.
                    int r = q + 1;
                    while (r < e && b[r] != ' ' && b[r] != '\t' && b[r] != '[' && !(b[r] == ':' && r + 1 < e && b[r + 1] == ':')) {
                        r++;
                    }
                    return r;
                }
            }
        }
        int q = p;
        while (q < e && b[q] != ' ' && b[q] != '\t') {
            q++;
        }
        return q;
    }

    /** RFC 5424's first token: the priority and the version, {@code <14>1}. */
    private static boolean isRfc5424Head(byte[] b, int p, int e) {
        if (p + 4 > e || b[p] != '<') {
            return false;
        }
        int q = p + 1;
        while (q < e && q - p <= 4 && Clock.isDigit(b[q])) {
            q++;
        }
        return q > p + 1 && q + 2 < e && b[q] == '>' && b[q + 1] == '1' && b[q + 2] == ' ';
    }

    /**
     * After an RFC 5424 clock: the host, the app, its process id and the message id, then the structured data
     * ({@code -} or {@code [id k="v"]…}), then the message (its byte-order mark off). The app and process name
     * the worker.
     */
    private void rfc5424Header(byte[] b, int q, int e) {
        q = spaces(b, q, e);
        int appStart = -1;
        for (int k = 0; k < 4 && q < e; k++) {
            int t = q;
            while (t < e && b[t] != ' ') {
                t++;
            }
            if (k == 1) {
                appStart = q;
            }
            if (k == 2 && appStart >= 0) {
                worker = worker * 31 + LinePrefixes.hash(b, appStart, t);
            }
            q = spaces(b, t, e);
        }
        if (q < e && b[q] == '-' && (q + 1 == e || b[q + 1] == ' ')) {
            q++;
        } else {
            while (q < e && b[q] == '[') {
                int c = q + 1;
                boolean quoted = false;
                while (c < e && (quoted || b[c] != ']')) {
                    if (b[c] == '\\' && c + 1 < e) {
                        c++;
                    } else if (b[c] == '"') {
                        quoted = !quoted;
                    }
                    c++;
                }
                q = Math.min(e, c + 1);
            }
        }
        q = spaces(b, q, e);
        if (q + 2 < e && (b[q] & 0xFF) == 0xEF && (b[q + 1] & 0xFF) == 0xBB && (b[q + 2] & 0xFF) == 0xBF) {
            q += 3;
        }
        messageStart = q;
    }

    /** After a clock that was a quoted logfmt value ({@code time="…"}): past its closing quote. */
    static int afterQuotedValue(byte[] b, int end, int e, int keyLength) {
        return keyLength > 0 && end < e && b[end] == '"' ? end + 1 : end;
    }

    /**
     * A level letter that opens the bracket the clock and logger are in: Tornado's and Jupyter's
     * {@code [I 2025-03-02 10:11:07.101 ServerApp] …}, {@code [E 250302 10:11:07 web:2271] …}, or that follows the
     * program's name there, as NeMo writes it: {@code [NeMo W 2025-03-02 10:11:07 exp_manager:966] …}. The letter is a token.
     */
    static boolean letterOpensHeader(byte[] b, int p, int e) {
        return headerNameEnd(b, p, e) >= 0;
    }

    /** Where the program's name in a {@link #letterOpensHeader} bracket ends (p + 1 when it has none), or -1. */
    static int headerNameEnd(byte[] b, int p, int e) {
        if (p + 3 >= e || b[p] != '[') {
            return -1;
        }
        int n = p + 1;
        while (n < e && n - p <= 12 && ((b[n] >= 'A' && b[n] <= 'Z') || (b[n] >= 'a' && b[n] <= 'z'))) {
            n++;
        }
        // A name is more than the level letter itself, and a space parts it from the letter.
        int letter = n - p > 2 && n < e && b[n] == ' ' ? n + 1 : p + 1;
        if (letter + 2 >= e || b[letter + 1] != ' ' || !Clock.isDigit(b[letter + 2])) {
            return -1;
        }
        byte c = b[letter];
        boolean level = c == 'I' || c == 'W' || c == 'E' || c == 'D' || c == 'C' || c == 'F' || c == 'T' || c == 'V';
        return !level ? -1 : letter == p + 1 ? p + 1 : n;
    }

    private static final byte[] RANK_FIELD = " rank=".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /**
     * The rank a line's trailing span field names ({@code … sharding on 2 shards rank=1}, a lone {@code  rank=1}):
     * tracing's fmt layer writes a span's fields after the record's text, so on the last line of one of many lines;
     * else -1. Looks at the line's last bytes only.
     */
    public static int rankTrailer(byte[] b, int p, int e) {
        int t = e;
        while (t > p && (b[t - 1] == ' ' || b[t - 1] == '\r')) {
            t--;
        }
        int d = t;
        while (d > p && t - d < 6 && Clock.isDigit(b[d - 1])) {
            d--;
        }
        int at = d - RANK_FIELD.length;
        if (d == t || at < p || b[d - 1] != '=') {
            return -1;
        }
        for (int i = 0; i < RANK_FIELD.length; i++) {
            if (b[at + i] != RANK_FIELD[i]) {
                return -1;
            }
        }
        int n = 0;
        for (int i = d; i < t; i++) {
            n = n * 10 + (b[i] - '0');
        }
        return n;
    }

    public static int spaces(byte[] b, int p, int e) {
        while (p < e && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        return p;
    }

    /** Skips spaces and separator tokens: {@code -}, {@code |}, {@code :}, {@code ,}, {@code ]}, {@code )}. */
    static int separators(byte[] b, int p, int e) {
        int q = p;
        while (q < e) {
            byte c = b[q];
            if (c == ' ' || c == '\t') {
                q++;
            } else if (c == ':' && q + 1 < e && b[q + 1] == ':' && q > 0 && b[q - 1] != ' ' && b[q - 1] != '\t') {
                q += 2; // fields joined by "::" ([time]::[logger]::LEVEL, InvokeAI's), not an IPv6 address after a space (::1)
            } else if (c == '-' && q + 2 < e && b[q + 1] == '-' && b[q + 2] == ' ') {
                q += 3; // Ruby's Logger: "INFO -- : message", "INFO -- rails: message"
            } else if (c == '>' && q + 2 < e && b[q + 1] == '>' && b[q + 2] == ' ') {
                q += 3; // Hugging Face's "[INFO|trainer.py:2048] 2026-03-02 10:11:10,220 >> message"
            } else if ((c == '-' || c == '=') && arrowEnd(b, q, e) > q) {
                q = arrowEnd(b, q, e); // "LEVEL --> message", "LEVEL => message"
            } else if ((c == '-' || c == '|' || c == ':' || c == ',' || c == ']' || c == ')' || c == '>')
                    && (q + 1 == e || b[q + 1] == ' ' || b[q + 1] == '\t' || c == '|' || c == ']' || c == ')')) {
                q++;
            } else {
                break;
            }
        }
        return q;
    }

    /** Whether [p, t) is one or more words of 1–4 capitals and 1–4 digits, one space apart ({@code TP0}, {@code DP1 TP3}). */
    private static boolean rankTokens(byte[] b, int p, int t) {
        int i = p;
        while (i < t) {
            int letters = 0;
            while (i < t && b[i] >= 'A' && b[i] <= 'Z') {
                i++;
                letters++;
            }
            int digits = 0;
            while (i < t && Clock.isDigit(b[i])) {
                i++;
                digits++;
            }
            if (letters < 1 || letters > 4 || digits < 1 || digits > 4) {
                return false;
            }
            if (i < t) {
                if (b[i] != ' ' || i + 1 == t) {
                    return false;
                }
                i++;
            }
        }
        return t > p;
    }

    /** Whether [p, t) is one to three numbers one space apart: a process and thread id ({@code 4412 4470}). */
    private static boolean numberTokens(byte[] b, int p, int t) {
        int i = p;
        int tokens = 0;
        while (i < t) {
            int d = i;
            while (i < t && Clock.isDigit(b[i])) {
                i++;
            }
            if (i == d || i - d > 10) {
                return false;
            }
            tokens++;
            if (i < t) {
                if (b[i] != ' ' || i + 1 == t) {
                    return false;
                }
                i++;
            }
        }
        return tokens >= 1 && tokens <= 3;
    }

    /** The end of a source location {@code file.cc:107:} at p (a name with a dot, a line number, a colon), or p. */
    /** {@code file.cc:1928]}: a path with a dot, a colon, a line number and the bracket that closes glog's header. */
    private static boolean isGlogLocation(byte[] b, int q, int t) {
        if (t - q < 6 || b[t - 1] != ']') {
            return false;
        }
        int d = t - 2;
        while (d > q && Clock.isDigit(b[d])) {
            d--;
        }
        if (d == t - 2 || b[d] != ':') {
            return false;
        }
        for (int i = q; i < d; i++) {
            if (b[i] == '.') {
                return true;
            }
            if (b[i] == '[' || b[i] == '(') {
                return false;
            }
        }
        return false;
    }

    private static int sourceLocationEnd(byte[] b, int p, int e) {
        int t = p;
        boolean dot = false;
        while (t < e && t - p < 80 && b[t] != ':' && b[t] != ' ') {
            dot |= b[t] == '.';
            t++;
        }
        if (!dot || t == p || t >= e || b[t] != ':') {
            return p;
        }
        int d = t + 1;
        while (d < e && Clock.isDigit(b[d])) {
            d++;
        }
        return d > t + 1 && d < e && b[d] == ':' ? d + 1 : p;
    }

    /** The end of an arrow at p ({@code ->}, {@code -->}, {@code =>}) followed by a space or the line's end, or p. */
    private static int arrowEnd(byte[] b, int p, int e) {
        int q = p;
        while (q < e && q - p < 3 && b[q] == b[p]) {
            q++;
        }
        if (q < e && b[q] == '>' && (q + 1 == e || b[q + 1] == ' ' || b[q + 1] == '\t')) {
            return q + 1;
        }
        return p;
    }

    /** A token naming a process, thread or worker: {@code [PID 12]}, {@code [Thread-4]}, {@code 1702}, {@code sshd[123]}. */
    private static boolean isProcess(byte[] b, int p, int t) {
        if (t - p >= 1 && t - p <= 7 && allDigits(b, p, t)) {
            return true;
        }
        if (b[p] != '[' && b[p] != '(') {
            return false; // a bare word after the time is a logger or a host, not a process
        }
        if (b[p] == '[' && isReference(b, p, t)) {
            return false; // [dramatiq.worker.WorkerThread], [engine.py:99:step]: who logs, not which process
        }
        if (b[p] == '[' && t - p <= 48 && b[t - 1] == ']') {
            return true; // [main], [slot-1], [nio-8080-exec-1], [PID 12]: a thread or process
        }
        for (int i = p; i + 3 <= t; i++) {
            byte c = b[i];
            if ((c == 'P' || c == 'p') && (b[i + 1] == 'I' || b[i + 1] == 'i') && (b[i + 2] == 'D' || b[i + 2] == 'd')) {
                return true;
            }
            if ((c == 'T' || c == 't') && i + 6 <= t && b[i + 1] == 'h' && b[i + 2] == 'r' && b[i + 3] == 'e' && b[i + 4] == 'a' && b[i + 5] == 'd') {
                return true;
            }
            if (c == 'r' && i + 4 <= t && b[i + 1] == 'a' && b[i + 2] == 'n' && b[i + 3] == 'k') {
                return true;
            }
            if ((c == 'W' || c == 'w') && i + 6 <= t && b[i + 1] == 'o' && b[i + 2] == 'r' && b[i + 3] == 'k' && b[i + 4] == 'e' && b[i + 5] == 'r') {
                return true;
            }
        }
        return false;
    }

    /**
     * Hydra's logger, bracketed between the clock's bracket and the level's with nothing between them
     * ({@code [2024-03-05 08:00:10,101][train][INFO] - …}): who logs, not which process.
     */
    private static boolean gluedLogger(byte[] b, int p, int t, int e) {
        return b[p] == '[' && p > 0 && b[p - 1] == ']' && t < e && b[t] == '[';
    }

    /** A logger, class or source location in brackets ({@code [engine.py:99:step]}, {@code [Class@774]}, {@code [a.b.C]}). */
    private static boolean isReference(byte[] b, int p, int t) {
        for (int i = p; i < t; i++) {
            byte c = b[i];
            if (c == '@' || c == ':' || (c == '.' && i + 1 < t && Clock.isLetter(b[i + 1]))) {
                return true;
            }
        }
        return false;
    }

    private static boolean allDigits(byte[] b, int p, int t) {
        for (int i = p; i < t; i++) {
            if (!Clock.isDigit(b[i])) {
                return false;
            }
        }
        return t > p;
    }

    /** A logger or program name: letters, digits and {@code . _ - $ / [ ] ( )}, starting with a letter. */
    private static boolean isName(byte[] b, int p, int t) {
        if (!Clock.isLetter(b[p]) && b[p] != '_') {
            return false;
        }
        for (int i = p; i < t; i++) {
            byte c = b[i];
            if (!(Clock.isLetter(c) || Clock.isDigit(c) || c == '.' || c == '_' || c == '-' || c == '$' || c == '/'
                    || c == '[' || c == ']' || c == '(' || c == ')' || c == '@' || c == '#')) {
                return false;
            }
        }
        return true;
    }

    /** Index of a {@code [} in [p, t) (a program's pid), or -1. */
    /**
     * Where the bracketed name of a program token {@code sshd[4120]:}, {@code app[worker.2]:} starts, or -1: the
     * pid or dyno in it is the process, whichever source writes about it (a platform's router and the app both
     * write {@code [worker.2]}).
     */
    private static int programInner(byte[] b, int p, int t) {
        int close = t > p && b[t - 1] == ':' ? t - 2 : t - 1;
        if (close - p < 3 || b[close] != ']') {
            return -1;
        }
        int open = bracketStart(b, p, t);
        if (open <= p || open + 1 >= close || !Clock.isLetter(b[p])) {
            return -1;
        }
        // A program's name, then its pid, dyno or machine: "celery[4121]", "app[web.1]", "kernel[0]"; not code
        // ("json.loads(out)["streams"][0]", a traceback's source line under a container's clock).
        for (int i = p; i < open; i++) {
            if (!isProgramNameByte(b[i])) {
                return -1;
            }
        }
        for (int i = open + 1; i < close; i++) {
            if (!isProgramNameByte(b[i])) {
                return -1;
            }
        }
        return open + 1;
    }

    private static boolean isProgramNameByte(byte c) {
        return Clock.isLetter(c) || Clock.isDigit(c) || c == '-' || c == '_' || c == '.' || c == '/' || c == '@' || c == ':' || c < 0;
    }

    /** End of the name in a program token's brackets ({@code app[worker.2]:} → the index of {@code ]}). */
    private static int programInnerEnd(byte[] b, int t) {
        return b[t - 1] == ':' ? t - 2 : t - 1;
    }

    private static int bracketStart(byte[] b, int p, int t) {
        for (int i = p; i < t; i++) {
            if (b[i] == '[') {
                return i;
            }
        }
        return -1;
    }

    /** The level of an untimed line's first token ({@code ERROR:root:msg}, {@code [WARNING] …}, {@code Error: …}), or -1. */
    public static int leadingLevel(byte[] b, int p, int e) {
        int elapsed = ElapsedPrefix.level(b, p, e);
        if (elapsed >= 0) {
            return elapsed; // llama.cpp's "1.15.003.004 E ": its letter is the level
        }
        int nccl = ncclLevelAt(b, p, e);
        if (nccl >= 0) {
            return nccl;
        }
        int tagged = afterTag(b, p, e);
        if (tagged > p) {
            int lv = leadingLevel(b, tagged, e);
            return lv >= 0 && b[tagged] == '[' ? lv : -1;
        }
        int t = tokenEnd(b, p, e);
        int lv = LevelWords.read(b, p, t, null);
        if (lv < 0 && t - p >= 3 && t < e && b[t - 1] == ':' && isProgramName(b, p, t - 1)) {
            // "srun: error: …", "slurmstepd: error: …": a program names itself, then the level.
            int q = spaces(b, t, e);
            int t2 = tokenEnd(b, q, e);
            int lv2 = LevelWords.read(b, q, t2, null);
            return lv2 >= 0 && (lv2 & LevelWords.LETTER) == 0 && b[t2 - 1] == ':' ? lv2 & 0xFF : -1;
        }
        if (lv < 0 || (lv & LevelWords.LETTER) != 0) {
            return -1;
        }
        // A bare word is a level only when written as one: "ERROR:", "[error]", "Error:"; not "Error in line 3".
        int w = p;
        while (w < t && (b[w] == '[' || b[w] == '(' || b[w] == ' ')) {
            w++;
        }
        while (w < t && Clock.isLetter(b[w])) {
            w++;
        }
        boolean marked = b[p] == '[' || (w < e && b[w] == ':') || ((lv & LevelWords.NOT_UPPER) == 0 && t - p >= 4);
        return marked ? lv & 0xFF : -1;
    }

    /**
     * Where the bracketed level starts after a library's tag glued before it ({@code [TM][WARNING] …}, TurboMind's under
     * LMDeploy), or p: a short tag of capitals and digits, then at once another bracket.
     */
    private static int afterTag(byte[] b, int p, int e) {
        if (p + 4 >= e || b[p] != '[') {
            return p;
        }
        int q = p + 1;
        while (q < e && q - p <= 12 && ((b[q] >= 'A' && b[q] <= 'Z') || Clock.isDigit(b[q]) || b[q] == '_')) {
            q++;
        }
        return q > p + 1 && q + 1 < e && b[q] == ']' && b[q + 1] == '[' ? q + 1 : p;
    }

    private static final byte[] NCCL = "NCCL ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** NCCL's level after its prefix, with or without a source location before it: "NCCL WARN …", "proxy.cc:1519 NCCL WARN …". */
    private static int ncclLevelAt(byte[] b, int p, int e) {
        int q = p;
        if (q < e && b[q] != 'N') {
            int t = tokenEnd(b, q, e);
            if (t - q < 3 || t >= e || !Clock.isDigit(b[t - 1]) || Bytes.indexOf(b, q, t, (byte) ':') == t) {
                return -1;
            }
            q = t + 1;
        }
        if (q + 9 > e || !faultline.importer.merge.UnitVocabulary.startsWith(b, q, e, NCCL)) {
            return -1;
        }
        int w = q + NCCL.length;
        int t = tokenEnd(b, w, e);
        if (t - w == 5 && b[w] == 'A' && b[w + 1] == 'B') {
            return Level.CRITICAL.ordinal(); // ABORT
        }
        return upperLevel(b, w, t);
    }

    /** The level of [p, t) when it is a level word written in capitals ({@code INFO}, {@code WARNING}; not {@code I}, not {@code Info}), else -1. */
    private static int upperLevel(byte[] b, int p, int t) {
        int lv = LevelWords.read(b, p, t, null);
        return lv < 0 || (lv & (LevelWords.LETTER | LevelWords.NOT_UPPER)) != 0 ? -1 : lv & 0xFF;
    }

    /**
     * Where the text starts in a record of Rich's console that left its clock out (the same second as the record
     * before): eight spaces or more where the clock stood, then the level in capitals padded by spaces
     * ({@code "                    INFO     prepare images."}); -1 for any other line.
     */
    public static int afterClocklessLevel(byte[] b, int p, int e) {
        int w = spaces(b, p, e);
        int t = w;
        while (t < e && b[t] >= 'A' && b[t] <= 'Z') {
            t++;
        }
        return w - p >= 8 && t > w && t < e && b[t] == ' ' && upperLevel(b, w, t) >= 0 ? spaces(b, t, e) : -1;
    }

    /**
     * Where the text starts after an untimed line's level written as a level ({@code INFO:     Started server},
     * uvicorn's; {@code [WARNING] …}; {@code ERROR: …}), or -1: an upper-case word with its colon or brackets and a
     * space after. {@code Error: …} (an exception's name) and {@code INFO:root:…} (a logger) keep their text.
     */
    public static int afterLeadingLevel(byte[] b, int p, int e) {
        int elapsed = ElapsedPrefix.end(b, p, e);
        if (elapsed >= 0) {
            return elapsed;
        }
        int q = p;
        boolean bracket = q < e && b[q] == '[';
        if (bracket) {
            q++;
        }
        int w = q;
        while (q < e && b[q] >= 'A' && b[q] <= 'Z') {
            q++;
        }
        if (q - w < 3 || q - w > 9) {
            return -1;
        }
        if (upperLevel(b, w, q) < 0) {
            return -1;
        }
        if (bracket) {
            q = spaces(b, q, e);
            if (q >= e || b[q] != ']') {
                return -1;
            }
        } else if (q < e && b[q] == '[') {
            // logrus on a terminal: the level with the seconds since start, "ERRO[0005] job failed".
            int c = q + 1;
            while (c < e && Clock.isDigit(b[c])) {
                c++;
            }
            if (c == q + 1 || c >= e || b[c] != ']') {
                return -1;
            }
            q = c;
        } else if (q >= e || b[q] != ':') {
            return -1;
        }
        q++;
        if (q >= e || b[q] != ' ') {
            return -1;
        }
        return spaces(b, q, e);
    }

    private static final byte[][] LEVEL_KEYS = {"\"level\"".getBytes(), "\"levelname\"".getBytes(), "\"severity\"".getBytes()};

    /**
     * The level a JSON object printed as a line's message names ({@code {"requestId": …, "level": "ERROR"}}), or -1:
     * an SDK's structured line under a platform's clock.
     */
    public static int recordLevel(byte[] b, int p, int e) {
        for (byte[] key : LEVEL_KEYS) {
            int v = Bytes.stringValue(b, p, e, key);
            if (v >= 0) {
                int t = v;
                while (t < e && t - v < 12 && b[t] != '"') {
                    t++;
                }
                int lv = LevelWords.read(b, v, t, null);
                return lv < 0 || (lv & LevelWords.LETTER) != 0 ? -1 : lv & 0xFF;
            }
        }
        return -1;
    }

    /** A lower-case program name ({@code srun}, {@code slurmstepd}, {@code nvidia-smi}). */
    private static boolean isProgramName(byte[] b, int p, int t) {
        for (int i = p; i < t; i++) {
            byte c = b[i];
            if (!((c >= 'a' && c <= 'z') || c == '-' || c == '_' || (i > p && Clock.isDigit(c)))) {
                return false;
            }
        }
        return t - p >= 2;
    }

    @Override
    public String toString() {
        return "skip " + skip + (bracketed ? " [" : " ") + shape + " level@" + (levelToken == NONE ? "none" : levelToken)
                + (letterLevels ? " letters" : "") + (yearToken >= 0 ? " year@" + yearToken : "") + (secondClock ? " second clock" : "");
    }

    static Level levelOrNull(int ordinal) {
        return ordinal < 0 ? null : Level.ofOrdinal(ordinal);
    }
}
