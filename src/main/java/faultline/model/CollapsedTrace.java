package faultline.model;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Python traceback whose line ends were lost on the way (pasted into a chat or a ticket, flattened into one log
 * field): {@code Traceback (most recent call last): File “x.py”, line 7, in f code NameError: name ‘g’ is not defined}.
 * Its lines are put back as Python prints them, so that it reads as any other traceback.
 */
final class CollapsedTrace {
    private CollapsedTrace() {
    }

    private static final String HEADER = "Traceback (most recent call last):";
    /** A frame's head; the function is the first word after "in", the rest of the segment is its source line. */
    private static final Pattern FRAME = Pattern.compile("File [\"\u201C]([^\"\u201C\u201D]*)[\"\u201C\u201D], line (\\d+)(?:, in (\\S+))?");
    /** Where a chain's sentence or a further header starts inside the text. */
    private static final Pattern BREAK = Pattern.compile(
            "During handling of the above exception, another exception occurred:|The above exception was the direct cause of the following exception:|"
                    + Pattern.quote(HEADER));
    /** A candidate exception name: a word (dotted) after a space, followed by a colon and a space, or the end. */
    private static final Pattern NAME = Pattern.compile("(?<=^|\\s)([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)*)(?=: |:$|$)");

    /** Whether the line holds a header with frames after it on the same line. */
    static boolean isCollapsed(String line) {
        int h = line.indexOf(HEADER);
        return h >= 0 && FRAME.matcher(line).region(h + HEADER.length(), line.length()).find();
    }

    /** The line as the lines it was: what came before the header stays on the header's line. */
    static List<String> unfold(String line) {
        List<String> out = new ArrayList<>();
        int h = line.indexOf(HEADER);
        Matcher breaks = BREAK.matcher(line);
        int at = h;
        while (at >= 0) {
            int next = breaks.find(at + 1) ? breaks.start() : -1;
            String part = line.substring(at, next < 0 ? line.length() : next).strip();
            if (at == h) {
                part = line.substring(0, h) + part;
            }
            unfoldPart(part, out);
            at = next;
        }
        return out;
    }

    /** One header or chain sentence and what follows it up to the next. */
    private static void unfoldPart(String part, List<String> out) {
        int h = part.indexOf(HEADER);
        if (h < 0) {
            out.add(part); // a chain's sentence: a blank line after it, as Python prints it
            out.add("");
            return;
        }
        int open = h + HEADER.length();
        out.add(part.substring(0, open));
        String rest = part.substring(open);
        Matcher f = FRAME.matcher(rest);
        int textFrom = -1;
        String lastText = rest.strip();
        while (f.find()) {
            if (textFrom >= 0) {
                code(rest.substring(textFrom, f.start()), out);
            }
            out.add("  " + f.group());
            textFrom = f.end();
        }
        if (textFrom < 0) {
            if (!lastText.isEmpty()) {
                out.add(lastText);
            }
            return;
        }
        String tail = rest.substring(textFrom).strip();
        int exception = exceptionStart(tail);
        if (exception > 0) {
            code(tail.substring(0, exception), out);
        }
        if (exception >= 0) {
            out.add(tail.substring(exception).strip());
        } else {
            code(tail, out);
        }
    }

    private static void code(String text, List<String> out) {
        String t = text.strip();
        if (!t.isEmpty()) {
            out.add("    " + t);
        }
    }

    /** Where the exception line starts in the last frame's rest, or -1: the first name that reads as an exception's. */
    private static int exceptionStart(String tail) {
        Matcher n = NAME.matcher(tail);
        while (n.find()) {
            String name = n.group(1);
            boolean message = n.end() < tail.length();
            if (Traceback.isPythonExceptionName(name, message)) {
                return n.start();
            }
        }
        return -1;
    }
}
