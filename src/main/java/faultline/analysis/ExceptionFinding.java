package faultline.analysis;

import faultline.model.Level;
import faultline.model.Traceback;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The exception of a failure, from the best evidence there is: its traceback's exception line first,
 * then a {@code Type: message} (or {@code Type('message')}) named in a failure line
 * ({@code [TASK_ERROR] Task x failed after 3.2s: ValueError: bad}, celery's
 * {@code raised unexpected: ValueError('x')}), then the task's error text. Inference from the message
 * alone is the caller's last resort, and is said so.
 *
 * @param type      the exception type, or ""
 * @param message   its message, or ""
 * @param traceback the failure's traceback, or null
 */
record ExceptionFinding(String type, String message, Traceback traceback) {
    /**
     * {@code ValueError: bad}, {@code torch.OutOfMemoryError: CUDA out of memory}, {@code System.TimeoutException: x}
     * (a .NET or Java namespace may be capitalised), after a start, ": " or a space.
     */
    private static final Pattern NAMED = Pattern.compile(
            "(?:^|: |\\s|\\()((?:[A-Za-z_]\\w*\\.){0,16}[A-Z]\\w*(?:Error|Exception|Interrupt|Exit))(?:: (.+))?$");
    /** {@code ValueError('x')}, {@code WorkerLostError("Worker exited prematurely: signal 9")}, also in parentheses (RQ's registry line). */
    private static final Pattern REPR = Pattern.compile(
            "(?:^|: |\\s|\\(|\")((?:[A-Za-z_]\\w*\\.){0,16}[A-Z]\\w*(?:Error|Exception|Interrupt|Exit))\\((.*)\\)");

    /**
     * A Ruby exception as its handlers log it, {@code Errno::ENOENT: No such file}, {@code Net::ReadTimeout: …}: a class
     * namespaced with {@code ::}, whose name need not end in Error, at the line's start.
     */
    private static final Pattern RUBY = Pattern.compile("^((?:[A-Z]\\w*::)+[A-Z]\\w*): (.+)$");
    /** Rails' and ActiveJob's way: {@code … in 8.02ms: Errno::EACCES (Permission denied @ rb_sysopen - /x):}, the class before its message. */
    private static final Pattern RUBY_TOLD = Pattern.compile("(?:^|: )((?:[A-Z]\\w*::)*[A-Z]\\w*) \\((.+)\\):?$");

    /** Failure lines read after the first signal: the exception is told right after it, not a thousand lines on. */
    static final int MAX_LINES = 200;

    /** A C++ abort: {@code terminate called after throwing an instance of 'c10::DistBackendError'}. */
    private static final Pattern CPP = Pattern.compile("throwing an instance of '([\\w:<>, ]+)'");
    private static final Pattern WHAT = Pattern.compile("^\\s*what\\(\\):\\s*(.*)$", Pattern.MULTILINE);

    static final ExceptionFinding NONE = new ExceptionFinding("", "", null);

    /** Reads the failure's lines from the first signal on, then the task's error message. */
    static ExceptionFinding of(TaskText t, int failure) {
        Traceback traceback = null;
        String type = "";
        String message = "";
        if (failure >= 0) {
            int looked = 0;
            for (int k = failure; k < t.size() && looked < MAX_LINES; k++) {
                if (!FailureSignals.isSignal(t, k) && t.level(k) != Level.PRINT) {
                    continue;
                }
                looked++;
                String msg = t.message(k);
                if (traceback == null) {
                    traceback = Traceback.find(msg).orElse(null);
                    if (traceback != null && traceback.endsBeforeExceptionLine()) {
                        traceback = withItsRest(t, k, traceback);
                    } else if (traceback != null && traceback.language() == Traceback.Language.JVM) {
                        traceback = withItsCauses(t, k, traceback);
                    }
                }
                if (type.isEmpty()) {
                    ExceptionFinding named = named(msg);
                    type = named.type();
                    message = named.message();
                }
                if (traceback == null && !type.isEmpty()) {
                    traceback = quotedFrames(msg, type, message);
                }
                if (traceback == null && !type.isEmpty() && k + 1 < t.size()) {
                    traceback = backtraceAfter(t.message(k + 1), type, message);
                }
                if (traceback == null && !type.isEmpty()) {
                    traceback = atFrames(msg, type, message);
                }
                if (traceback != null && !traceback.endsBeforeExceptionLine()) {
                    break;
                }
            }
        }
        if (failure >= 0 && (traceback == null || traceback.site() == null)) {
            Traceback whole = splitAtBlanks(t, failure);
            if (whole != null && !whole.endsBeforeExceptionLine() && (traceback == null || whole.site() != null)) {
                traceback = whole;
            }
        }
        String error = t.task().errorMessage();
        if (traceback == null && !error.isEmpty()) {
            traceback = Traceback.find(error).orElse(null);
        }
        if (type.isEmpty() && !error.isEmpty()) {
            ExceptionFinding named = named(error);
            type = named.type();
            message = named.message();
        }
        if (traceback != null && !traceback.endsBeforeExceptionLine()) {
            return new ExceptionFinding(traceback.exceptionType(), traceback.message(), traceback);
        }
        return new ExceptionFinding(type, message, traceback);
    }

    /**
     * A report a reader parted into events at its blank lines (Dagster's error display: the wrapper's line, its stack,
     * then its cause's): the failure's record and the untimed events right after it, read as one text; null when they
     * hold no more than the record does.
     */
    private static Traceback splitAtBlanks(TaskText t, int failure) {
        StringBuilder joined = new StringBuilder(t.message(failure));
        int parts = 0;
        for (int j = failure + 1; j < t.size() && j <= failure + MAX_REST && t.estimated(j); j++) {
            joined.append('\n').append(t.message(j));
            parts++;
        }
        return parts == 0 ? null : Traceback.find(joined.toString()).orElse(null);
    }

    /** Unleveled lines after a cut traceback that are read as the rest of it. */
    static final int MAX_REST = 40;

    /**
     * A traceback whose lines a reader split into several events (a print of frames after the one
     * that opened it, the exception line on its own): read again over the unleveled lines that
     * follow, and kept if that gives more of it.
     */
    private static Traceback withItsRest(TaskText t, int k, Traceback cut) {
        StringBuilder joined = new StringBuilder(t.message(k));
        int frames = cut.failure().frames().size();
        Traceback best = cut;
        for (int j = k + 1; j < t.size() && j <= k + MAX_REST && t.level(j) == Level.PRINT; j++) {
            joined.append('\n').append(t.message(j));
            Traceback more = Traceback.find(joined.toString()).orElse(null);
            if (more != null && (more.failure().frames().size() > frames || !more.endsBeforeExceptionLine())) {
                best = more;
                frames = more.failure().frames().size();
                if (!more.endsBeforeExceptionLine()) {
                    break;
                }
            }
        }
        return best;
    }

    /**
     * A JVM trace whose {@code Caused by:} parts a reader made events of their own: read again with
     * the unleveled lines that go on with it, so that its root cause is the one of the whole trace.
     */
    private static Traceback withItsCauses(TaskText t, int k, Traceback first) {
        StringBuilder joined = new StringBuilder(t.message(k));
        boolean more = false;
        for (int j = k + 1; j < t.size() && j <= k + MAX_REST && t.level(j) == Level.PRINT; j++) {
            String m = t.message(j);
            String s = m.stripLeading();
            if (!(s.startsWith("Caused by:") || s.startsWith("at ") || s.startsWith("...") || s.startsWith("Suppressed:")
                    || s.startsWith("Wrapped by:"))) {
                break;
            }
            joined.append('\n').append(m);
            more = true;
        }
        return more ? Traceback.find(joined.toString()).orElse(first) : first;
    }

    /** The first exception a text names, line by line: the earliest {@code Type: message} or {@code Type(…)}. */
    /** A field that quotes a traceback's frames as one string: {@code Traceback: '  File "/srv/x.py", line 58, in f\n    …'} (Dask's). */
    private static final Pattern QUOTED_FRAMES = Pattern.compile("(?m)^Traceback: '(.*)'\\s*$");

    /** The traceback a failure report quotes in one field, with the exception it names beside it; null if none. */
    static Traceback quotedFrames(String msg, String type, String message) {
        Matcher q = QUOTED_FRAMES.matcher(msg);
        if (!q.find()) {
            return null;
        }
        String frames = q.group(1).replace("\\n", "\n").replace("\\'", "'").replace("\\\\", "\\");
        String text = "Traceback (most recent call last):\n" + frames.stripTrailing() + "\n" + type + (message.isEmpty() ? "" : ": " + message);
        Traceback t = Traceback.find(text).orElse(null);
        return t != null && !t.failure().frames().isEmpty() ? t : null;
    }

    /**
     * The backtrace a Ruby error handler logs as its own record right after the exception's line (Sidekiq's, Resque's
     * "Class: message", then the frames): the frames of that exception; null if the next record is no such backtrace.
     */
    static Traceback backtraceAfter(String next, String type, String message) {
        Traceback t = Traceback.find(next).orElse(null);
        if (t == null || t.language() != Traceback.Language.RUBY || !t.endsBeforeExceptionLine() || t.failure().frames().isEmpty()) {
            return null;
        }
        Traceback.Raised r = new Traceback.Raised(type, message, t.failure().frames(), true, "");
        return new Traceback(java.util.List.of(r), Traceback.Language.RUBY);
    }

    /** The "At:" block that follows a Python error a C++ host relays (pybind11's, Triton's Python backend), as written or escaped. */
    private static final Pattern AT_BLOCK = Pattern.compile("(?:^|\\n|\\\\n)At:(?:\\n|\\\\n)");
    /** One of its frames, innermost first: {@code   /models/m/1/model.py(88): execute}. */
    private static final Pattern AT_FRAME = Pattern.compile("^ {1,8}(\\S[^\\n]*?)\\((\\d+)\\): ([\\w<>.]+)\\s*$");

    /**
     * The traceback of a Python error relayed with its "At:" frames ({@code … TypeError: bad\n\nAt:\n  /models/m/1/model.py(88):
     * execute\n}): its frames, listed innermost first, read as Python prints them; null if none.
     */
    static Traceback atFrames(String msg, String type, String message) {
        Matcher a = AT_BLOCK.matcher(msg);
        if (!a.find()) {
            return null;
        }
        java.util.List<String> frames = new java.util.ArrayList<>();
        for (String line : msg.substring(a.end()).replace("\\n", "\n").split("\n")) {
            Matcher f = AT_FRAME.matcher(line);
            if (!f.matches()) {
                break;
            }
            frames.add("  File \"" + f.group(1) + "\", line " + f.group(2) + ", in " + f.group(3));
        }
        if (frames.isEmpty()) {
            return null;
        }
        java.util.Collections.reverse(frames);
        int cut = message.indexOf("\\n");
        String said = (cut >= 0 ? message.substring(0, cut) : message).strip();
        String text = "Traceback (most recent call last):\n" + String.join("\n", frames) + "\n" + type + (said.isEmpty() ? "" : ": " + said);
        Traceback t = Traceback.find(text).orElse(null);
        return t != null && !t.failure().frames().isEmpty() ? t : null;
    }

    static ExceptionFinding named(String text) {
        Matcher fatal = FATAL_PYTHON.matcher(text);
        if (fatal.find()) {
            return new ExceptionFinding(fatal.group(1).strip(), "", null); // faulthandler: the signal the process died of
        }
        Matcher cpp = CPP.matcher(text);
        if (cpp.find()) {
            Matcher what = WHAT.matcher(text);
            return new ExceptionFinding(cpp.group(1), what.find() ? what.group(1).strip() : "", null);
        }
        String[] lines = text.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip();
            Matcher n = NAMED.matcher(l);
            Matcher r = REPR.matcher(l);
            boolean hasN = n.find();
            boolean hasR = r.find();
            if (hasR && (!hasN || r.start(1) < n.start(1))) {
                return new ExceptionFinding(qualified(r.group(1), lines, i + 1), unquote(r.group(2).strip()), null);
            }
            if (hasN) {
                return new ExceptionFinding(n.group(1), n.group(2) == null ? "" : n.group(2).strip(), null);
            }
            Matcher ruby = RUBY.matcher(l);
            if (ruby.find()) {
                return new ExceptionFinding(ruby.group(1), ruby.group(2).strip(), null);
            }
            Matcher told = RUBY_TOLD.matcher(l);
            if (told.find() && (told.group(1).contains("::") || told.group(1).endsWith("Error") || told.group(1).endsWith("Exception"))) {
                return new ExceptionFinding(told.group(1), told.group(2).strip(), null);
            }
        }
        return NONE;
    }

    /**
     * A repr names the type without its module ({@code raised error: WorkerLostError('…')}); the exception line printed
     * under it ({@code billiard.exceptions.WorkerLostError: …}) writes it in full, and then that is its name.
     */
    private static String qualified(String type, String[] lines, int from) {
        if (type.indexOf('.') >= 0) {
            return type;
        }
        String tail = "." + type + ":";
        for (int j = from; j < lines.length && j < from + 3; j++) {
            String l = lines[j].strip();
            int at = l.indexOf(tail);
            if (at > 0 && l.indexOf(' ') > at) {
                String full = l.substring(0, at + tail.length() - 1);
                if (full.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '.')) {
                    return full;
                }
            }
        }
        return type;
    }

    private static final java.util.regex.Pattern FATAL_PYTHON = java.util.regex.Pattern.compile("^Fatal Python error: ([^\\n]+)");

    private static String unquote(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }
}
