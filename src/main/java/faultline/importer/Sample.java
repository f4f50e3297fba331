package faultline.importer;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The start of a file that readers judge their fit on: its name, the first {@value #BYTES} bytes
 * decoded, and its first {@value #LINES} lines (line ends and line-number prefixes removed). Built in
 * one pass; a reader's fit must stay linear in it.
 */
public record Sample(String fileName, String text, List<String> lines) {
    static final int BYTES = 256 * 1024;
    static final int LINES = 400;

    public static Sample of(Content content, Path path) {
        int n = (int) Math.min(content.size(), BYTES);
        String text = content.decode(0, n);
        return of(path == null || path.getFileName() == null ? "" : path.getFileName().toString(), text);
    }

    public static Sample of(String fileName, String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        int len = text.length();
        while (from < len && lines.size() < LINES) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? len : nl;
            int e = end > from && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(withoutNumberPrefix(text.substring(from, e)));
            from = end + 1;
        }
        return new Sample(fileName, text, List.copyOf(lines));
    }

    /** Non-blank lines of the sample. */
    public List<String> nonBlank() {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }

    /** {@code [129] }, {@code [   937] } and {@code Line 2063: } prefixes of numbered pastes, found without a regex. */
    public static String withoutNumberPrefix(String s) {
        int n = s.length();
        if (n > 3 && s.charAt(0) == '[') {
            int q = 1;
            while (q < n && s.charAt(q) == ' ') {
                q++;
            }
            int d = q;
            while (q < n && q - d < 10 && Character.isDigit(s.charAt(q))) {
                q++;
            }
            if (q > d && q + 1 < n && s.charAt(q) == ']' && s.charAt(q + 1) == ' ') {
                return s.substring(q + 2);
            }
        } else if (s.startsWith("Line ")) {
            int q = 5;
            while (q < n && q < 15 && Character.isDigit(s.charAt(q))) {
                q++;
            }
            if (q > 5 && q + 1 < n && s.charAt(q) == ':' && s.charAt(q + 1) == ' ') {
                return s.substring(q + 2);
            }
        }
        return s;
    }
}
