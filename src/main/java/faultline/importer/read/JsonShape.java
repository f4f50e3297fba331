package faultline.importer.read;

import java.util.List;

/**
 * How much a file's start looks like JSON data: JSON lines, an array of records, the debug tool's
 * document, also with text around the data (a {@code # comment} header, a script's status line before
 * an array, a stray line among JSON lines). Linear in the sample.
 */
final class JsonShape {
    private JsonShape() {
    }

    /** 0 when the lines are not JSON data, up to 0.95 when they plainly are. */
    static double fit(List<String> lines) {
        int nonBlank = 0;
        int firstJson = -1;
        int jsonLike = 0;
        int objectLines = 0;
        int afterFirst = 0;
        boolean keys = false;
        for (String raw : lines) {
            String t = raw.strip();
            if (t.isEmpty()) {
                continue;
            }
            nonBlank++;
            boolean opens = opensValue(t);
            if (opens && firstJson < 0) {
                firstJson = nonBlank;
            }
            if (firstJson > 0) {
                afterFirst++;
                char c = t.charAt(0);
                if (opens || c == '"' || c == '}' || c == ']') {
                    jsonLike++;
                }
            }
            if (t.startsWith("{\"")) {
                objectLines++;
            }
            keys |= t.contains("\":");
        }
        if (firstJson < 0 || !keys) {
            return firstJson == 1 ? 0.6 : 0;
        }
        if (firstJson == 1) {
            return 0.95;
        }
        double share = afterFirst == 0 ? 0 : (double) jsonLike / afterFirst;
        if (firstJson <= 6 && (share >= 0.8 || afterFirst - jsonLike <= 2)) {
            return 0.9; // a header or a status line, then the data
        }
        double objects = (double) objectLines / nonBlank;
        return objects >= 0.5 ? 0.9 * objects : 0;
    }

    /** A line that opens a JSON object or array: {@code {"…}, {@code {}, {@code [}, {@code [{}, not {@code [INFO]} or {@code [12]}. */
    static boolean opensValue(String t) {
        char c = t.charAt(0);
        if (c == '{') {
            return t.length() == 1 || t.charAt(1) == '"' || t.charAt(1) == ' ' || t.charAt(1) == '}' || t.charAt(1) == '\t';
        }
        if (c == '[') {
            if (t.length() == 1) {
                return true;
            }
            String rest = t.substring(1).stripLeading();
            return rest.isEmpty() || rest.charAt(0) == '{' || rest.charAt(0) == '[' || rest.charAt(0) == ']'
                    || (rest.charAt(0) == '"' && t.endsWith(","));
        }
        return false;
    }
}
