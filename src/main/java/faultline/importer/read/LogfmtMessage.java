package faultline.importer.read;

import java.util.ArrayList;
import java.util.List;

/**
 * The message of a logfmt line ({@code level=info msg="job 12 failed" err="ValueError: x" worker=w1}): the
 * value of its msg key, the error after it as {@code msg: error} (where an exception is looked for), then the
 * other keys as they were written; the time and level keys are the event's own columns. A line that is not
 * pairs of key=value throughout, or has no message key, is left as it is.
 */
final class LogfmtMessage {
    private static final List<String> MESSAGE_KEYS = List.of("msg", "message");
    private static final List<String> ERROR_KEYS = List.of("err", "error", "exception", "exc");
    private static final List<String> OWN_COLUMNS = List.of("time", "ts", "timestamp", "level", "lvl", "severity");

    private LogfmtMessage() {
    }

    private record Pair(String key, String value, int from, int to) {
    }

    static String of(String text) {
        int eq = text.indexOf('=');
        if (eq < 0 || (text.indexOf("msg=") < 0 && text.indexOf("message=") < 0)) {
            return text;
        }
        int p = 0;
        boolean leftover = text.startsWith("=");
        if (leftover) {
            // The value of a key whose name the layout took as the line's level column.
            p = skipValue(text, 1);
            if (p < 0) {
                return text;
            }
            p = skipSpaces(text, p);
        }
        List<Pair> pairs = new ArrayList<>();
        while (p < text.length()) {
            int k = p;
            while (p < text.length() && isKeyChar(text.charAt(p))) {
                p++;
            }
            if (p == k || p >= text.length() || text.charAt(p) != '=') {
                return text; // not key=value throughout
            }
            String key = text.substring(k, p);
            int v = p + 1;
            int end = skipValue(text, v);
            if (end < 0) {
                return text;
            }
            pairs.add(new Pair(key, value(text, v, end), k, end));
            p = skipSpaces(text, end);
        }
        String message = null;
        String error = null;
        for (Pair pr : pairs) {
            if (message == null && MESSAGE_KEYS.contains(pr.key())) {
                message = pr.value();
            } else if (error == null && ERROR_KEYS.contains(pr.key())) {
                error = pr.value();
            }
        }
        if (message == null || pairs.size() + (leftover ? 1 : 0) < 2) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        out.append(message);
        if (error != null && !error.isEmpty()) {
            out.append(": ").append(error);
        }
        for (Pair pr : pairs) {
            String key = pr.key();
            if (MESSAGE_KEYS.contains(key) || OWN_COLUMNS.contains(key) || (error != null && ERROR_KEYS.contains(key) && pr.value().equals(error))) {
                continue;
            }
            out.append(' ').append(text, pr.from(), pr.to());
        }
        return out.toString();
    }

    private static boolean isKeyChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '-' || c == '@';
    }

    private static int skipSpaces(String s, int p) {
        while (p < s.length() && s.charAt(p) == ' ') {
            p++;
        }
        return p;
    }

    /** The end of a value at p: a quoted string with its escapes, or up to the next space; -1 for an unclosed quote. */
    private static int skipValue(String s, int p) {
        if (p < s.length() && s.charAt(p) == '"') {
            for (int i = p + 1; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    return i + 1;
                }
            }
            return -1;
        }
        int i = p;
        while (i < s.length() && s.charAt(i) != ' ') {
            i++;
        }
        return i;
    }

    /** Escapes read left to right: {@code \\n} is a backslash and an n, not a line end. */
    private static String unescaped(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String value(String s, int from, int to) {
        if (to - from >= 2 && s.charAt(from) == '"') {
            String inner = s.substring(from + 1, to - 1);
            return inner.indexOf('\\') < 0 ? inner : unescaped(inner);
        }
        return s.substring(from, to);
    }
}
