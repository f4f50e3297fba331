package faultline.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stack trace read from an event's text: a Python traceback (chained ones, the 3.11+ {@code ~~~^^^}
 * markers and {@code ...<N lines>...} elisions, with per-line prefixes such as {@code [rank1]: }) or a
 * JVM stack trace with its {@code Caused by:} chain, a Node.js stack or a Ruby backtrace.
 *
 * <p>The chain is in printed order. The failure is the exception that was finally thrown: for Python
 * the one raised last (printed last), for a JVM trace the one the trace opens with (printed first,
 * its {@code Caused by:} parts after it, down to the root cause). Frames are in call order (outermost
 * first) whatever the language printed, so that the last frame is where the exception was raised.
 *
 * @param chain    the exceptions, in printed order; never empty
 * @param language how the trace was written
 */
public record Traceback(List<Raised> chain, Language language) {
    /** What a paste that stops after its frames says, instead of an invented exception. */
    public static final String NO_EXCEPTION_LINE = faultline.text.Prose.get("traceback.no-exception-line");

    public enum Language { PYTHON, JVM, NODE, RUBY }

    /**
     * One frame.
     *
     * @param file     as the trace wrote it ({@code /app/worker.py}, {@code Worker.java})
     * @param line     1-based, 0 when not given
     * @param function the function ({@code <module>}, {@code Worker.run})
     * @param code     the quoted source line, or ""
     * @param own      the project's own code: not the standard library, an installed package, a
     *                 frozen module or the framework's internals
     */
    public record Frame(String file, int line, String function, String code, boolean own) {
        public CrashSite site(boolean ownSite) {
            return new CrashSite(function, file, line, code, ownSite);
        }
    }

    /**
     * One exception of the chain.
     *
     * @param type             e.g. {@code ValueError}, {@code torch.OutOfMemoryError}; "" when the exception line is missing
     * @param message          the first line of its message, or ""
     * @param frames           in call order
     * @param hasExceptionLine false for a paste that ends after its frames
     * @param link             how it follows the one before: "", "during handling", "direct cause", "caused by", or
     *                         "wrapped" for the traceback a wrapper exception quotes in its message
     */
    public record Raised(String type, String message, List<Frame> frames, boolean hasExceptionLine, String link) {
    }

    public Traceback {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a traceback has at least one exception");
        }
    }

    /** The exception that failed: the last raised (Python), the one thrown that the trace opens with (JVM). */
    public Raised failure() {
        return language == Language.PYTHON ? chain.get(chain.size() - 1) : chain.get(0);
    }

    /** The deepest part of the chain: the exception raised last (Python), the root cause (JVM). */
    public Raised root() {
        return chain.get(chain.size() - 1);
    }

    /** The failure's exception type, or "" when the paste lacks its exception line. */
    public String exceptionType() {
        return failure().type();
    }

    public String message() {
        return failure().message();
    }

    public boolean endsBeforeExceptionLine() {
        return !failure().hasExceptionLine();
    }

    /**
     * The crash site: the last frame of the program's own code where the chain's deepest exception was raised; null
     * when no frame of it is the program's own (an installed package's, the standard library's): a library frame is
     * not where the program failed, and is told apart by {@link #raisedAt()}.
     */
    public CrashSite site() {
        CrashSite at = raisedAt();
        return at != null && at.own() ? at : null;
    }

    /**
     * Where the failure was raised: the last own frame of the chain's deepest exception, else its last frame (a
     * library's, marked not own); a JVM root cause whose own frames were elided ({@code ... 5 more}) falls back to the
     * enclosing traces, and a Python exception raised from another ({@code raise Wrapper from cause}) with no own frame
     * of its own to its cause's, as a framework that wraps the program's error raises it in its own code. Null without
     * frames.
     */
    public CrashSite raisedAt() {
        for (int i = chain.size() - 1; i >= 0; i--) {
            List<Frame> frames = chain.get(i).frames();
            if (language == Language.PYTHON && i > 0 && chain.get(i).link().equals("direct cause") && !frames.isEmpty()
                    && !frames.get(frames.size() - 1).own()) {
                // Raised inside a library from its cause (a future's result re-raising a worker process's error, a
                // framework wrapping a callback's): where the cause was raised in the program's own code is the crash.
                CrashSite cause = lastOwn(chain.get(i - 1).frames());
                if (cause != null) {
                    return cause;
                }
            }
            for (int k = frames.size() - 1; k >= 0; k--) {
                if (frames.get(k).own()) {
                    return frames.get(k).site(true);
                }
            }
            if (language == Language.PYTHON && !chain.get(i).link().equals("direct cause")) {
                break; // a Python failure's own frames are all printed: an earlier exception's frames are another place
            }
        }
        List<Frame> frames = root().frames();
        if (!frames.isEmpty()) {
            return frames.get(frames.size() - 1).site(false);
        }
        for (int i = chain.size() - 2; i >= 0; i--) {
            List<Frame> f = chain.get(i).frames();
            if (!f.isEmpty()) {
                return f.get(f.size() - 1).site(false);
            }
        }
        return null;
    }

    private static CrashSite lastOwn(List<Frame> frames) {
        for (int k = frames.size() - 1; k >= 0; k--) {
            if (frames.get(k).own()) {
                return frames.get(k).site(true);
            }
        }
        return null;
    }

    /** The first stack trace in the text, if any. */
    public static Optional<Traceback> find(String text) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        if (text.indexOf(RichTrace.TOP) >= 0 && text.contains(RichTrace.TITLE)) {
            Optional<Traceback> rich = RichTrace.parse(text);
            if (rich.isPresent()) {
                return rich;
            }
        }
        if (text.contains(ErrorDisplay.STACK) && text.contains("File \"")) {
            Optional<Traceback> shown = ErrorDisplay.parse(text);
            if (shown.isPresent()) {
                return shown;
            }
        }
        if (text.contains("Traceback (most recent call last)") || text.contains("File \"") || text.contains("File \u201C")) {
            Optional<Traceback> py = PythonTrace.parse(text);
            if (py.isPresent()) {
                return py;
            }
        }
        if (text.contains("\tat ") || text.contains("    at ") || text.contains("Caused by:")) {
            Optional<Traceback> jvm = JvmTrace.parse(text);
            if (jvm.isPresent()) {
                return jvm;
            }
        }
        if (text.contains("    at ")) {
            Optional<Traceback> node = NodeTrace.parse(text);
            if (node.isPresent()) {
                return node;
            }
        }
        if (text.contains(":in `") || text.contains(":in '")) {
            Optional<Traceback> ruby = RubyTrace.parse(text);
            if (ruby.isPresent()) {
                return ruby;
            }
        }
        if (text.contains("(most recent call first):")) {
            return FaultHandlerTrace.parse(text);
        }
        return Optional.empty();
    }

    /** Whether a word followed by a colon (or nothing) names a Python exception, not a level or a label. */
    static boolean isPythonExceptionName(String name, boolean withMessage) {
        return PythonTrace.isExceptionName(name, withMessage);
    }

    static String[] lines(String text) {
        // A traceback copied from a rendered page is indented with no-break spaces, which \s does not match.
        return text.replace("\r", "").replace('\u00A0', ' ').split("\n", -1);
    }

    /** Python tracebacks. */
    private static final class PythonTrace {
        static final Pattern HEADER = Pattern.compile("Traceback \\(most recent call last\\):");
        /** A frame; loguru marks the one that raised with "> ". */
        static final Pattern FRAME = Pattern.compile("^\\s*(?:> )?File [\"\u201C]([^\"\u201C\u201D]*)[\"\u201C\u201D], line (\\d+)(?:, in (.+?))?\\s*$");
        static final Pattern MARKERS = Pattern.compile("^[\\s~^\\-+]*[~^][\\s~^\\-+]*$");
        static final Pattern ELISION = Pattern.compile("^\\.\\.\\.\\s*<\\d+ lines?>\\s*\\.\\.\\.$|^\\[Previous line repeated \\d+ more times?\\]$");
        static final Pattern EXCEPTION = Pattern.compile("^([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)(?:: ?(.*))?$");
        static final Pattern BARE_TYPE = Pattern.compile(
                "(?:Error|Exception|Interrupt|Exit|Iteration|Warning|Failure|Fault|Timeout|Cancelled|Group)$");
        /** Ray's wrapper of a remote task's error, named with the error's type: {@code ray.exceptions.RayTaskError(ValueError): ray::f() (pid=…)}. */
        static final Pattern REMOTE_WRAPPER = Pattern.compile("^((?:[A-Za-z_]\\w*\\.)*Ray(?:Task|Actor)Error)\\(([A-Za-z_][\\w.]*)\\): ?(.*)$");
        static final Pattern KNOWN_PREFIX = Pattern.compile("^(?:(?:>(?: |$))+|\\[rank\\d+\\]:\\s?|\\(\\w[\\w ]*?(?:rank|pid)=\\d+[^)]*\\)\\s)");
        static final String DURING = "During handling of the above exception, another exception occurred:";
        static final String CAUSE = "The above exception was the direct cause of the following exception:";

        private enum State { FRAMES, AFTER_EXCEPTION, BETWEEN }

        /**
         * A console that cut its lines at its width (Rich through loguru, TabbyAPI's) parts a frame over two or three
         * lines ({@code File} / {@code "/opt/…/httptools_impl.py} / {@code ", line 409, in run_asgi}): they are read as one.
         * A cut at a space lost the space, a long path was folded inside: each way is tried, and only a whole frame is kept.
         */
        static String[] rewrapped(String[] lines) {
            String[] out = lines;
            for (int i = 0; i + 1 < lines.length; i++) {
                String t = out[i].strip();
                if (!(t.equals("File") || t.startsWith("File \"") || t.startsWith("> File")) || FRAME.matcher(out[i]).matches()) {
                    continue;
                }
                for (int more = 1; more <= 2 && i + more < lines.length; more++) {
                    String whole = joined(out, i, more);
                    if (whole != null) {
                        if (out == lines) {
                            out = lines.clone();
                        }
                        out[i] = whole;
                        for (int k = 1; k <= more; k++) {
                            out[i + k] = "";
                        }
                        i += more;
                        break;
                    }
                }
            }
            return out;
        }

        /** The frame that lines[i] and the {@code more} lines after it make, joined with or without a space at each cut; null if none. */
        private static String joined(String[] lines, int i, int more) {
            for (int spaces = 0; spaces < 1 << more; spaces++) {
                StringBuilder sb = new StringBuilder(lines[i].stripTrailing());
                for (int k = 1; k <= more; k++) {
                    String next = lines[i + k].strip();
                    if (next.isEmpty()) {
                        return null;
                    }
                    sb.append((spaces & (1 << (k - 1))) != 0 ? " " : "").append(next);
                }
                if (FRAME.matcher(sb).matches()) {
                    return sb.toString();
                }
            }
            return null;
        }

        static Optional<Traceback> parse(String text) {
            String[] lines = text.contains(ExceptionGroups.GROUP_HEADER) ? ExceptionGroups.flatten(lines(text)) : lines(text);
            lines = unfolded(lines);
            lines = rewrapped(lines);
            int start = -1;
            Pattern prefix = null;
            for (int i = 0; i < lines.length && start < 0; i++) {
                Matcher h = HEADER.matcher(lines[i]);
                if (h.find()) {
                    start = i;
                    prefix = prefixPattern(lines[i].substring(0, h.start()));
                }
            }
            if (start < 0) {
                // A paste that begins inside the frames.
                for (int i = 0; i < lines.length && start < 0; i++) {
                    if (FRAME.matcher(strip(lines[i], null)).matches()) {
                        start = i;
                    }
                }
                if (start < 0) {
                    return Optional.empty();
                }
            }
            List<Raised> chain = new ArrayList<>();
            Part cur = new Part("");
            State state = State.FRAMES;
            String pendingLink = "";
            boolean headerSeen = false;
            boolean frameBefore = false;
            for (int i = start; i < lines.length; i++) {
                String raw = strip(lines[i], prefix);
                String t = raw.strip();
                if (HEADER.matcher(t).lookingAt() || (i == start && HEADER.matcher(raw).find())) {
                    if (state == State.BETWEEN || (!headerSeen && !cur.hasFrames())) {
                        if (state == State.BETWEEN) {
                            cur = new Part(pendingLink);
                        }
                        state = State.FRAMES;
                        headerSeen = true;
                        continue;
                    }
                    if (state == State.AFTER_EXCEPTION && cur.wrapper()) {
                        // A wrapper (billiard's ExceptionWithTraceback, a _RemoteTraceback) quotes the traceback it carries.
                        chain.add(cur.done());
                        cur = new Part("wrapped");
                        state = State.FRAMES;
                        continue;
                    }
                    break; // a second, unrelated traceback: the first one is this event's
                }
                if (t.equals(DURING) || t.equals(CAUSE) || t.equals(ExceptionGroups.MEMBER)) {
                    chain.add(cur.done());
                    pendingLink = t.equals(DURING) ? "during handling" : t.equals(CAUSE) ? "direct cause" : "in group";
                    state = State.BETWEEN;
                    continue;
                }
                if (t.isEmpty() || state == State.BETWEEN) {
                    continue;
                }
                Matcher f = FRAME.matcher(raw);
                if (f.matches() && state == State.AFTER_EXCEPTION && cur.remoteWrapper) {
                    // Ray's RayTaskError(ValueError): the remote task's own frames and exception follow its line.
                    chain.add(cur.done());
                    cur = new Part("wrapped");
                    state = State.FRAMES;
                }
                if (f.matches() && state == State.FRAMES) {
                    // A line number no file has (a cut or garbled paste) is an unknown line, not the end of the trace.
                    int line = f.group(2).length() <= 9 ? Integer.parseInt(f.group(2)) : 0;
                    cur.frame(f.group(1), line, f.group(3) == null ? "" : f.group(3).strip());
                    frameBefore = true;
                    continue;
                }
                boolean afterFrame = frameBefore;
                frameBefore = false;
                if (state == State.AFTER_EXCEPTION && cur.remoteWrapper && !cur.wrappedType.isEmpty()) {
                    // The remote error's own line without its frames (a driver that only saw it raised): the type it names.
                    Matcher own = EXCEPTION.matcher(t);
                    if (own.matches() && (own.group(1).equals(cur.wrappedType) || own.group(1).endsWith("." + cur.wrappedType))) {
                        chain.add(cur.done());
                        cur = new Part("wrapped");
                        cur.raised(own.group(1), own.group(2) == null ? "" : own.group(2).strip());
                        continue;
                    }
                }
                if (state == State.AFTER_EXCEPTION) {
                    cur.quotes = cur.message.isEmpty() && t.endsWith(":");
                    continue; // the rest of a multi-line message
                }
                boolean indented = Character.isWhitespace(raw.charAt(0));
                if (!indented && afterFrame && cur.hasFrames()) {
                    // A traceback relayed with its indentation taken off (Metaflow's task lines): the line under a
                    // frame is its source line, unless it reads as the exception (a frame that shows no source).
                    Matcher x = EXCEPTION.matcher(t);
                    indented = !(x.matches() && isExceptionName(x.group(1), x.group(2) != null));
                }
                if (indented && cur.hasFrames()) {
                    if (!MARKERS.matcher(t).matches() && !ELISION.matcher(t).matches()) {
                        cur.code(t);
                    }
                    continue;
                }
                Matcher e = EXCEPTION.matcher(t);
                if (e.matches() && isExceptionName(e.group(1), e.group(2) != null)) {
                    cur.raised(e.group(1), e.group(2) == null ? "" : e.group(2).strip());
                    state = State.AFTER_EXCEPTION;
                    continue;
                }
                Matcher w = REMOTE_WRAPPER.matcher(t);
                if (w.matches()) {
                    cur.raised(w.group(1), w.group(3).strip());
                    cur.remoteWrapper = true;
                    cur.wrappedType = w.group(2);
                    state = State.AFTER_EXCEPTION;
                    continue;
                }
                if (state == State.FRAMES && cur.hasFrames() && i + 1 < lines.length && FRAME.matcher(strip(lines[i + 1], prefix)).matches()) {
                    continue; // the rest of a source line a console cut at its width, flush left, before the next frame
                }
                break; // a line of something else: the traceback has ended
            }
            if (state != State.BETWEEN) {
                chain.add(cur.done());
            }
            if (chain.isEmpty() || (chain.size() == 1 && !chain.get(0).hasExceptionLine() && chain.get(0).frames().isEmpty() && !headerSeen)) {
                return Optional.empty();
            }
            return Optional.of(new Traceback(chain, Language.PYTHON));
        }

        /** The lines with any traceback that lost its line ends put back on lines of its own. */
        private static String[] unfolded(String[] lines) {
            List<String> out = null;
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].length() > 60 && CollapsedTrace.isCollapsed(lines[i])) {
                    if (out == null) {
                        out = new ArrayList<>(java.util.Arrays.asList(lines).subList(0, i));
                    }
                    out.addAll(CollapsedTrace.unfold(lines[i]));
                } else if (out != null) {
                    out.add(lines[i]);
                }
            }
            return out == null ? lines : out.toArray(new String[0]);
        }

        static boolean isExceptionName(String name, boolean withMessage) {
            String last = name.substring(name.lastIndexOf('.') + 1);
            if (last.equals(last.toUpperCase(Locale.ROOT))) {
                return false; // INFO:, ERROR:, a level word and not an exception class
            }
            if (!Character.isUpperCase(last.charAt(0))) {
                return false;
            }
            if (BARE_TYPE.matcher(last).find() || name.indexOf('.') > 0) {
                return true;
            }
            // A message after a CamelCase name (ReadTimeout: …), not a capitalised word (Note: …).
            return withMessage && last.chars().filter(Character::isUpperCase).count() >= 2;
        }

        /**
         * The text before the header, as a pattern that also fits the same prefix with other numbers
         * and other padding inside it; its last blank stays exact, so that the indentation of frames
         * and source lines after it is kept. A prefix of blanks only (a traceback indented as a whole)
         * is taken off as it is.
         */
        static Pattern prefixPattern(String before) {
            if (before.isEmpty()) {
                return null;
            }
            if (before.isBlank()) {
                return Pattern.compile("^" + Pattern.quote(before));
            }
            int tail = before.length();
            while (tail > 0 && Character.isWhitespace(before.charAt(tail - 1))) {
                tail--;
            }
            String body = before.substring(0, tail);
            StringBuilder re = new StringBuilder("^");
            int i = 0;
            int n = body.length();
            while (i < n) {
                char c = body.charAt(i);
                int j = i;
                if (Character.isDigit(c)) {
                    while (j < n && Character.isDigit(body.charAt(j))) {
                        j++;
                    }
                    re.append("\\d+");
                } else if (Character.isWhitespace(c)) {
                    while (j < n && Character.isWhitespace(body.charAt(j))) {
                        j++;
                    }
                    re.append("\\s+");
                } else {
                    while (j < n && !Character.isDigit(body.charAt(j)) && !Character.isWhitespace(body.charAt(j))) {
                        j++;
                    }
                    re.append(Pattern.quote(body.substring(i, j)));
                }
                i = j;
            }
            re.append(Pattern.quote(before.substring(tail)));
            return Pattern.compile(re.toString());
        }

        static String strip(String line, Pattern prefix) {
            if (prefix != null) {
                Matcher m = prefix.matcher(line);
                if (m.lookingAt()) {
                    return line.substring(m.end());
                }
            }
            Matcher k = KNOWN_PREFIX.matcher(line);
            return k.lookingAt() ? line.substring(k.end()) : line;
        }

        static boolean own(String file) {
            String f = file.replace('\\', '/');
            if (f.startsWith("<")) {
                return false; // <frozen runpy>, <string>
            }
            String lower = f.toLowerCase(Locale.ROOT);
            if (lower.contains("/site-packages/") || lower.contains("/dist-packages/")) {
                return false;
            }
            if (lower.contains("/_vendor/")) {
                return false; // packages bundled beside the program (Vercel's /var/task/_vendor/, pip's own): not its code
            }
            if (STDLIB.matcher(lower).find()) {
                return false;
            }
            if (CONSOLE_SCRIPT.matcher(lower).find()) {
                return false; // an installed package's entry point (/opt/conda/bin/text-generation-server): its stub, not the project
            }
            return !(lower.startsWith("torch/") || lower.contains("/torch/"));
        }

        /** A script without an extension in a bin folder: pip's and conda's launcher for a package's command. */
        static final Pattern CONSOLE_SCRIPT = Pattern.compile("/bin/[^/.]+$");
        static final Pattern STDLIB = Pattern.compile("/lib(?:64)?/python\\d+(?:\\.\\d+)?/|^[a-z]:/python\\d+/lib/|/python\\d+/lib/");

        /** An exception of the chain while it is read. */
        private static final class Part {
            final String link;
            final List<Frame> frames = new ArrayList<>();
            String type = "";
            String message = "";
            boolean raised;
            /** Its exception wraps a remote one whose frames follow (Ray's RayTaskError). */
            boolean remoteWrapper;
            /** The remote one's type as the wrapper names it ({@code JSONDecodeError}), or empty. */
            String wrappedType = "";

            Part(String link) {
                this.link = link;
            }

            void frame(String file, int line, String function) {
                frames.add(new Frame(file, line, function, "", own(file)));
            }

            boolean hasFrames() {
                return !frames.isEmpty();
            }

            /** The source line of the frame's own line, where the trace marks it among others. */
            void codeAt(String code) {
                Frame f = frames.get(frames.size() - 1);
                frames.set(frames.size() - 1, new Frame(f.file(), f.line(), f.function(), code, f.own()));
            }

            void code(String code) {
                Frame f = frames.get(frames.size() - 1);
                if (f.code().isEmpty()) {
                    frames.set(frames.size() - 1, new Frame(f.file(), f.line(), f.function(), code, f.own()));
                }
            }

            void raised(String type, String message) {
                this.type = type;
                this.message = message;
                this.raised = true;
            }

            Raised done() {
                return doneAs(link);
            }

            Raised doneAs(String how) {
                return new Raised(type, message, List.copyOf(frames), raised, how);
            }

            /** An exception that only carries another one's traceback in its message. */
            boolean wrapper() {
                return raised && (type.substring(type.lastIndexOf('.') + 1).contains("Traceback") || quotes);
            }

            /**
             * The exception has no message on its line and its text below ends with a colon: it introduces the traceback
             * of the process it stands for (torch.multiprocessing's ProcessRaisedException, "-- Process 1 terminated
             * with the following error:").
             */
            boolean quotes;
        }
    }

    /**
     * A traceback as Rich draws it ({@code rich.traceback}, Typer's and Kedro's default, a RichHandler's
     * {@code rich_tracebacks}): a box titled {@code Traceback (most recent call last)}, in it each frame's
     * {@code /path/file.py:123 in fn} (wrapped at the box's width, parted from the next by a blank row; {@code in fn:123}
     * for a file that is not on disk), its numbered source lines with {@code ❱} at the frame's line and its
     * {@code locals} box below or beside them; the exception line after the box, a chain's sentence between boxes. The
     * box may stand indented under the record that logged it: its rows are read from the column of its corners.
     */
    private static final class RichTrace {
        static final char TOP = '\u256d';
        static final char BOTTOM = '\u2570';
        static final char SIDE = '\u2502';
        static final String TITLE = "Traceback (most recent call last)";
        static final char CURRENT = '\u2771';
        /** A frame's heading: {@code /srv/app/nodes.py:27 in caption_clips}. */
        static final Pattern HEADING = Pattern.compile("^(.+):(\\d+) in (\\S+)$");
        /** A frame whose file is not on disk: {@code in _run_module_as_main:198}. */
        static final Pattern NO_FILE = Pattern.compile("^in (\\S+):(\\d+)$");
        /** A numbered source line, the frame's own marked: {@code ❱ 27 │   │   caption=…}. */
        static final Pattern CODE = Pattern.compile("^(\u2771)?\\s*(\\d+)(?: (.*))?$");
        /** A heading's text that is followed by a word of its own: the line number, or "in" before the function. */
        static final Pattern PARTED = Pattern.compile("(?::\\d+| in)$");
        static final Pattern HIDDEN = Pattern.compile("^\\.\\.\\. \\d+ frames? hidden \\.\\.\\.$");

        private enum State { OUTSIDE, BOX, AFTER_BOX, AFTER_EXCEPTION }

        static Optional<Traceback> parse(String text) {
            String[] lines = lines(text);
            List<Raised> chain = new ArrayList<>();
            PythonTrace.Part cur = null;
            String link = "";
            State state = State.OUTSIDE;
            int left = -1;
            int right = -1;
            int locals = -1;
            StringBuilder heading = new StringBuilder();
            boolean headingFull = false;
            for (String line : lines) {
                if (state == State.BOX) {
                    if (line.length() <= left || (line.charAt(left) != SIDE && line.charAt(left) != BOTTOM)) {
                        break; // a box cut short: what it held so far
                    }
                    if (line.charAt(left) == BOTTOM) {
                        flush(cur, heading);
                        state = State.AFTER_BOX;
                        continue;
                    }
                    int end = right > left && right < line.length() && line.charAt(right) == SIDE ? right : line.lastIndexOf(SIDE);
                    String row = end > left + 1 ? line.substring(left + 1, end) : "";
                    // A locals box below the source, or beside it: the rows of its column are the frame's variables.
                    int open = locals < 0 ? localsOpening(row) : -1;
                    if (open >= 0) {
                        locals = open;
                        row = row.substring(0, open);
                    } else if (locals >= 0 && locals < row.length() && (row.charAt(locals) == SIDE || row.charAt(locals) == BOTTOM)) {
                        int at = locals;
                        if (row.charAt(at) == BOTTOM) {
                            locals = -1;
                        }
                        row = row.substring(0, at);
                    } else {
                        locals = -1;
                    }
                    String t = row.strip();
                    if (t.isEmpty() || HIDDEN.matcher(t).matches()) {
                        flush(cur, heading);
                        continue;
                    }
                    Matcher code = CODE.matcher(t);
                    if (code.matches() && heading.length() == 0 && cur.hasFrames()) {
                        if (code.group(1) != null) {
                            cur.codeAt(code.group(3) == null ? "" : code.group(3).replace(SIDE, ' ').strip());
                        }
                        continue;
                    }
                    if (heading.length() > 0 && !headingFull && isHeading(heading.toString()) && isHeading(t)) {
                        flush(cur, heading); // two frames not on disk, one under the other
                    }
                    if (heading.length() > 0 && (!headingFull || PARTED.matcher(heading).find() || t.startsWith("in "))) {
                        heading.append(' '); // a word that ended at the edge: the space Rich wrapped at is gone
                    }
                    heading.append(t);
                    // A row filled to the box's edge was cut inside a word: the next row goes on with it unparted.
                    headingFull = row.stripTrailing().length() >= row.length() - 1 && row.length() > 2;
                    continue;
                }
                String t = line.strip();
                int top = line.indexOf(TOP);
                if (top >= 0 && line.indexOf(TITLE, top) > top && (state != State.OUTSIDE || chain.isEmpty() && cur == null)) {
                    if (state == State.AFTER_BOX || (state == State.AFTER_EXCEPTION && link.isEmpty())) {
                        break; // a second, unrelated traceback
                    }
                    if (cur != null) {
                        chain.add(cur.done());
                    }
                    cur = new PythonTrace.Part(link);
                    link = "";
                    left = top;
                    right = line.lastIndexOf('\u256e');
                    heading.setLength(0);
                    locals = -1;
                    state = State.BOX;
                    continue;
                }
                if (state == State.OUTSIDE) {
                    continue;
                }
                if (t.equals(PythonTrace.DURING) || t.equals(PythonTrace.CAUSE)) {
                    link = t.equals(PythonTrace.DURING) ? "during handling" : "direct cause";
                    state = State.AFTER_EXCEPTION;
                    continue;
                }
                if (t.isEmpty()) {
                    continue;
                }
                if (state == State.AFTER_BOX) {
                    Matcher e = PythonTrace.EXCEPTION.matcher(t);
                    if (e.matches() && PythonTrace.isExceptionName(e.group(1), e.group(2) != null)) {
                        cur.raised(e.group(1), e.group(2) == null ? "" : e.group(2).strip());
                        state = State.AFTER_EXCEPTION;
                        continue;
                    }
                    break; // no exception line after the box: a paste cut there
                }
                if (state == State.AFTER_EXCEPTION && !link.isEmpty()) {
                    break; // a chain's sentence, then something else than its box
                }
                // The exception's message wrapped at the console's width, or its notes.
            }
            if (cur == null) {
                return Optional.empty();
            }
            flush(cur, heading);
            chain.add(cur.done());
            return Optional.of(new Traceback(chain, Language.PYTHON));
        }

        private static boolean isHeading(String t) {
            return HEADING.matcher(t).matches() || NO_FILE.matcher(t).matches();
        }

        /** Where a locals box opens in the row ({@code ╭──── locals ────╮}), or -1. */
        private static int localsOpening(String row) {
            int at = row.indexOf(TOP);
            return at >= 0 && row.indexOf(" locals ", at) > at ? at : -1;
        }

        /** The frame whose heading was read, if it was one. */
        private static void flush(PythonTrace.Part cur, StringBuilder heading) {
            if (heading.length() == 0) {
                return;
            }
            String h = heading.toString();
            heading.setLength(0);
            Matcher m = HEADING.matcher(h);
            if (m.matches()) {
                cur.frame(m.group(1), m.group(2).length() <= 9 ? Integer.parseInt(m.group(2)) : 0, m.group(3));
                return;
            }
            Matcher n = NO_FILE.matcher(h);
            if (n.matches()) {
                cur.frame("<unknown>", n.group(2).length() <= 9 ? Integer.parseInt(n.group(2)) : 0, n.group(1));
            }
        }
    }

    /**
     * A serialised error as Dagster displays it: the exception line (its message may run over lines), {@code Stack Trace:}
     * and its frames, then the exception it was raised from ({@code The above exception was caused by the following
     * exception:}) or while handling ({@code … occurred during handling of the following exception:}), each shown the
     * same way. The display prints the exception raised last first, the reverse of Python's order; the chain is kept
     * in Python's order, so that the failure is the wrapper and its cause's own frames can place it.
     */
    private static final class ErrorDisplay {
        static final String STACK = "Stack Trace:";
        static final String CAUSED = "The above exception was caused by the following exception:";
        static final String DURING = "The above exception occurred during handling of the following exception:";

        static Optional<Traceback> parse(String text) {
            String[] lines = lines(text);
            List<PythonTrace.Part> shown = new ArrayList<>();
            List<String> links = new ArrayList<>();
            PythonTrace.Part cur = null;
            boolean inStack = false;
            boolean expectException = false;
            for (String line : lines) {
                String t = line.strip();
                if (t.equals(CAUSED) || t.equals(DURING)) {
                    if (cur == null) {
                        return Optional.empty();
                    }
                    links.add(t.equals(CAUSED) ? "direct cause" : "during handling");
                    cur = null;
                    inStack = false;
                    expectException = true;
                    continue;
                }
                if (t.equals(STACK)) {
                    if (cur == null) {
                        return Optional.empty(); // frames without the exception they belong to: not this display
                    }
                    inStack = true;
                    continue;
                }
                if (inStack) {
                    Matcher f = PythonTrace.FRAME.matcher(line);
                    if (f.matches()) {
                        int n = f.group(2).length() <= 9 ? Integer.parseInt(f.group(2)) : 0;
                        cur.frame(f.group(1), n, f.group(3) == null ? "" : f.group(3).strip());
                    } else if (!t.isEmpty() && cur.hasFrames() && Character.isWhitespace(line.charAt(0))) {
                        if (!PythonTrace.MARKERS.matcher(t).matches()) {
                            cur.code(t);
                        }
                    } else if (!t.isEmpty()) {
                        break; // the display has ended: another record
                    }
                    continue;
                }
                if (cur == null && !t.isEmpty() && (expectException || shown.isEmpty())) {
                    Matcher e = PythonTrace.EXCEPTION.matcher(t);
                    if (e.matches() && PythonTrace.isExceptionName(e.group(1), e.group(2) != null)) {
                        cur = new PythonTrace.Part("");
                        cur.raised(e.group(1), e.group(2) == null ? "" : e.group(2).strip());
                        shown.add(cur);
                        expectException = false;
                    } else if (expectException) {
                        return Optional.empty();
                    }
                }
                // Other lines before the stack are the rest of the exception's message.
            }
            if (shown.isEmpty() || shown.stream().noneMatch(PythonTrace.Part::hasFrames)) {
                return Optional.empty();
            }
            // Printed last raised first: Python's order is the other way round, each part linked to the one before it.
            List<Raised> chain = new ArrayList<>();
            for (int i = shown.size() - 1; i >= 0; i--) {
                String link = i < links.size() && i + 1 < shown.size() ? links.get(i) : "";
                chain.add(shown.get(i).doneAs(i == shown.size() - 1 ? "" : link));
            }
            return Optional.of(new Traceback(chain, Language.PYTHON));
        }
    }

    /**
     * Python 3.11+ exception groups ({@code + Exception Group Traceback}, each member's traceback drawn inside
     * {@code |} borders) as the plain traceback they hold: the group's frames and exception line, then its first
     * member's, linked as a chained part is, so that the failure is the member that was raised (the
     * {@code QueueFullError} inside the {@code ExceptionGroup}) and the crash site is where it was raised.
     */
    private static final class ExceptionGroups {
        static final String GROUP_HEADER = "Exception Group Traceback (most recent call last):";
        /** The line that takes the place of the border before the first member: a link of the chain. */
        static final String MEMBER = "-- the exception group's first member --";
        /** A border between members: "+-+---------------- 1 ----------------", "+---------------- ... ----". */
        static final Pattern BORDER = Pattern.compile("^\\+(?:-\\+)?-+(?:\\s*(\\d+|\\.\\.\\.)\\s*-+)?\\s*$");
        static final Pattern BAR = Pattern.compile("^\\s*\\| ?");

        static String[] flatten(String[] lines) {
            List<String> out = new ArrayList<>(lines.length);
            boolean inMember = false;
            for (String line : lines) {
                String t = line;
                // Each level of nesting draws its own bar: a member's lines lose all of them, and keep their indentation.
                Matcher bar = BAR.matcher(t);
                while (bar.lookingAt()) {
                    t = t.substring(bar.end());
                    bar = BAR.matcher(t);
                }
                String stripped = t.strip();
                if (stripped.startsWith("+ " + GROUP_HEADER)) {
                    out.add(GROUP_HEADER);
                    continue;
                }
                Matcher border = BORDER.matcher(stripped);
                if (border.matches()) {
                    if (border.group(1) == null || inMember) {
                        // The end of the first member, or another one: the failure is the first member's.
                        if (inMember) {
                            break;
                        }
                        out.add("");
                        continue;
                    }
                    out.add(MEMBER);
                    inMember = true;
                    continue;
                }
                out.add(t);
            }
            return out.toArray(new String[0]);
        }
    }

    /** JVM stack traces: {@code Type: message}, {@code at …} frames, {@code Caused by:} parts. */
    private static final class JvmTrace {
        static final Pattern EXCEPTION = Pattern.compile(
                "^(Caused by: |Exception in thread \"[^\"]*\" )?((?:[A-Za-z_$][\\w$]*\\.)+[A-Za-z_$][\\w$]*)(?:: ?(.*))?$");
        static final Pattern FRAME = Pattern.compile("^\\s+at (?:[\\w.$-]+/)*((?:[\\w$<>]+\\.)*)([\\w$<>]+)\\(([^)]*)\\)");
        static final Pattern LIBRARY = Pattern.compile("^(?:java|javax|jdk|sun|com\\.sun|kotlin|kotlinx|scala)\\.");

        static Optional<Traceback> parse(String text) {
            String[] lines = lines(text);
            List<Raised> chain = new ArrayList<>();
            String type = null;
            String message = "";
            String link = "";
            List<Frame> frames = new ArrayList<>();
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i];
                Matcher f = FRAME.matcher(line);
                if (f.lookingAt()) {
                    if (type != null) {
                        frames.add(frame(f));
                    }
                    continue;
                }
                Matcher e = EXCEPTION.matcher(line.strip());
                boolean indented = !line.isEmpty() && Character.isWhitespace(line.charAt(0));
                if (e.matches() && !indented && i + 1 < lines.length && startsFrames(lines, i + 1)) {
                    if (type != null) {
                        chain.add(raised(type, message, frames, link));
                    }
                    link = type == null ? "" : "caused by";
                    type = e.group(2);
                    message = e.group(3) == null ? "" : e.group(3).strip();
                    frames = new ArrayList<>();
                }
            }
            if (type == null) {
                return Optional.empty();
            }
            chain.add(raised(type, message, frames, link));
            return Optional.of(new Traceback(chain, Language.JVM));
        }

        /** The exception line is followed by frames (or by the rest of its message, then frames). */
        static boolean startsFrames(String[] lines, int from) {
            for (int k = from; k < lines.length && k < from + 4; k++) {
                if (FRAME.matcher(lines[k]).lookingAt()) {
                    return true;
                }
                if (EXCEPTION.matcher(lines[k].strip()).matches() && !lines[k].startsWith(" ")) {
                    return false;
                }
            }
            return false;
        }

        static Frame frame(Matcher f) {
            String cls = f.group(1).isEmpty() ? "" : f.group(1).substring(0, f.group(1).length() - 1);
            String method = f.group(2);
            String where = f.group(3);
            String file = where;
            int line = 0;
            int colon = where.lastIndexOf(':');
            if (colon > 0) {
                file = where.substring(0, colon);
                try {
                    line = Integer.parseInt(where.substring(colon + 1).strip());
                } catch (NumberFormatException ex) {
                    line = 0;
                }
            }
            String simple = cls.substring(cls.lastIndexOf('.') + 1);
            String function = simple.isEmpty() ? method : simple + "." + method;
            return new Frame(file, line, function, "", !LIBRARY.matcher(cls).find());
        }

        /** Printed innermost first; kept outermost first like every trace here. */
        static Raised raised(String type, String message, List<Frame> printed, String link) {
            List<Frame> callOrder = new ArrayList<>(printed);
            java.util.Collections.reverse(callOrder);
            return new Raised(type, message, List.copyOf(callOrder), true, link);
        }
    }

    /**
     * Node.js stacks: {@code TypeError: message}, then {@code at fn (file.js:48:27)} frames, innermost first
     * ({@code async}, {@code new} and anonymous {@code at file.js:10:3} ones too).
     */
    private static final class NodeTrace {
        static final Pattern EXCEPTION = Pattern.compile("^(?:Uncaught )?([A-Z][\\w$]*(?:Error|Exception)|Error)(?: \\[[^\\]]*\\])?(?:: ?(.*))?$");
        static final Pattern FRAME = Pattern.compile("^\\s+at (?:async )?(?:new )?(?:(.+?) \\((.+?):(\\d+):\\d+\\)|(.+?):(\\d+):\\d+)\\s*$");

        static Optional<Traceback> parse(String text) {
            String[] lines = lines(text);
            for (int i = 0; i + 1 < lines.length; i++) {
                Matcher e = EXCEPTION.matcher(lines[i].strip());
                if (!e.matches() || !FRAME.matcher(lines[i + 1]).matches()) {
                    continue;
                }
                List<Frame> printed = new ArrayList<>();
                for (int k = i + 1; k < lines.length; k++) {
                    Matcher f = FRAME.matcher(lines[k]);
                    if (!f.matches()) {
                        break;
                    }
                    printed.add(f.group(2) != null ? frame(f.group(2), f.group(3), f.group(1)) : frame(f.group(4), f.group(5), "<anonymous>"));
                }
                String message = e.group(2) == null ? "" : e.group(2).strip();
                return Optional.of(new Traceback(List.of(JvmTrace.raised(e.group(1), message, printed, "")), Language.NODE));
            }
            return Optional.empty();
        }

        static Frame frame(String file, String line, String function) {
            int n;
            try {
                n = Integer.parseInt(line);
            } catch (NumberFormatException ex) {
                n = 0;
            }
            // Node's own modules, installed packages and native frames are not the project's code.
            boolean own = !file.startsWith("node:") && !file.startsWith("internal/") && !file.contains("/node_modules/")
                    && !file.equals("<anonymous>") && !file.equals("native");
            return new Frame(file, n, function, "", own);
        }
    }

    /**
     * Ruby backtraces, innermost first: {@code /app/jobs/render_job.rb:12:in `perform'} (Ruby 3.4 quotes
     * {@code 'RenderJob#perform'}), after the exception line a handler logs ({@code Errno::ENOENT: No such file},
     * {@code undefined method 'x' for nil (NoMethodError)}), or as Ruby reports an uncaught one: the message and class
     * after the first frame ({@code …:in `perform': boom (RuntimeError)}), the rest with {@code from}. Installed gems,
     * Ruby's own library and its {@code <internal:…>} frames are not the project's code. A paste of frames alone has no
     * exception line, as a Sidekiq error handler logs the class and message a line before the backtrace.
     */
    private static final class RubyTrace {
        static final Pattern FRAME = Pattern.compile("^\\s*(?:from\\s+)?([^\\s:][^:]*):(\\d+):in [`']([^'`]+)'(.*)$");
        /** After the first frame of an uncaught exception: {@code : boom (RuntimeError)}. */
        static final Pattern UNCAUGHT = Pattern.compile("^: (.*) \\(((?:[A-Z]\\w*::)*[A-Z]\\w*)\\)$");
        /**
         * {@code Errno::ENOENT: No such file}, {@code NoMethodError: undefined method}, or at the end of a record ActiveJob
         * logs, {@code … in 8.02ms: Errno::ENOENT (No such file …):}.
         */
        static final Pattern EXCEPTION = Pattern.compile("(?:^|: )((?:[A-Z]\\w*::)*[A-Z]\\w*)(?:: (.*)| \\((.*)\\):?)$");
        /** {@code undefined method 'x' for nil (NoMethodError)}: the message, then the class. */
        static final Pattern MESSAGE_FIRST = Pattern.compile("^(.+) \\(((?:[A-Z]\\w*::)*[A-Z]\\w*)\\)$");
        static final Pattern LIBRARY = Pattern.compile("/gems/|/rubygems/|/lib/ruby/\\d|/vendor/bundle/|^<internal:");

        static Optional<Traceback> parse(String text) {
            String[] lines = lines(text);
            for (int i = 0; i < lines.length; i++) {
                Matcher f = FRAME.matcher(lines[i]);
                if (!f.matches()) {
                    continue;
                }
                String type = "";
                String message = "";
                Matcher u = UNCAUGHT.matcher(f.group(4));
                if (u.matches()) {
                    type = u.group(2);
                    message = u.group(1);
                } else if (i > 0) {
                    String before = lines[i - 1].strip();
                    Matcher e = EXCEPTION.matcher(before);
                    Matcher m = MESSAGE_FIRST.matcher(before);
                    if (e.find() && (e.group(2) != null || e.group(3) != null) && (e.group(1).contains("::") || isErrorName(e.group(1)))) {
                        type = e.group(1);
                        message = e.group(2) != null ? e.group(2) : e.group(3);
                    } else if (m.matches()) {
                        type = m.group(2);
                        message = m.group(1);
                    }
                }
                List<Frame> printed = new ArrayList<>();
                for (int k = i; k < lines.length; k++) {
                    Matcher g = FRAME.matcher(lines[k]);
                    if (!g.matches()) {
                        break;
                    }
                    printed.add(frame(g));
                }
                List<Frame> callOrder = new ArrayList<>(printed);
                java.util.Collections.reverse(callOrder);
                Raised raised = new Raised(type, message.strip(), List.copyOf(callOrder), !type.isEmpty(), "");
                return Optional.of(new Traceback(List.of(raised), Language.RUBY));
            }
            return Optional.empty();
        }

        /** A class name alone before frames is an exception's only if it says so: a handler's "Foo: bar" line may be anything. */
        static boolean isErrorName(String name) {
            return name.endsWith("Error") || name.endsWith("Exception") || name.endsWith("Timeout") || name.equals("Interrupt")
                    || name.equals("SystemExit") || name.equals("SignalException");
        }

        static Frame frame(Matcher g) {
            int n;
            try {
                n = Integer.parseInt(g.group(2));
            } catch (NumberFormatException e) {
                n = 0;
            }
            String file = g.group(1).strip();
            return new Frame(file, n, g.group(3), "", !LIBRARY.matcher(file).find());
        }
    }

    /**
     * Python's faulthandler on a fatal signal: {@code Fatal Python error: Segmentation fault}, then each thread's
     * stack, most recent call first ({@code File "…", line 118 in run_tile}); the current thread's is the crash.
     */
    private static final class FaultHandlerTrace {
        static final Pattern THREAD = Pattern.compile("^(Current thread|Thread) 0x[0-9a-fA-F]+ \\(most recent call first\\):");
        static final Pattern FRAME = Pattern.compile("^\\s+File \"([^\"]*)\", line (\\d+) in (.+?)\\s*$");
        static final Pattern FATAL = Pattern.compile("Fatal Python error: ([^\\n]+)");
        static final Pattern SIGNAL = Pattern.compile("(?m)^(Segmentation fault|Bus error|Aborted|Floating point exception|Illegal instruction)\\b");

        static Optional<Traceback> parse(String text) {
            String[] lines = lines(text);
            int start = -1;
            for (int i = 0; i < lines.length; i++) {
                Matcher t = THREAD.matcher(lines[i].strip());
                if (t.find() && (start < 0 || t.group(1).equals("Current thread"))) {
                    start = i;
                    if (t.group(1).equals("Current thread")) {
                        break;
                    }
                }
            }
            if (start < 0 || (!lines[start].strip().startsWith("Current thread") && !text.contains("Fatal Python error: "))) {
                return Optional.empty(); // another thread's stack, printed beside the one that crashed
            }
            List<Frame> printed = new ArrayList<>();
            for (int k = start + 1; k < lines.length; k++) {
                Matcher f = FRAME.matcher(lines[k]);
                if (!f.matches()) {
                    break;
                }
                int n;
                try {
                    n = Integer.parseInt(f.group(2));
                } catch (NumberFormatException e) {
                    n = 0;
                }
                printed.add(new Frame(f.group(1), n, f.group(3), "", PythonTrace.own(f.group(1))));
            }
            if (printed.isEmpty()) {
                return Optional.empty();
            }
            Matcher fatal = FATAL.matcher(text);
            Matcher signal = SIGNAL.matcher(text);
            String type = fatal.find() ? fatal.group(1).strip() : signal.find() ? signal.group(1) : "";
            List<Frame> callOrder = new ArrayList<>(printed);
            java.util.Collections.reverse(callOrder);
            return Optional.of(new Traceback(List.of(new Raised(type, "", List.copyOf(callOrder), !type.isEmpty(), "")), Language.PYTHON));
        }
    }
}
