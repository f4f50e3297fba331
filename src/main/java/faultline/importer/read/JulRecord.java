package faultline.importer.read;

import faultline.importer.scan.Bytes;
import faultline.model.Level;

import java.nio.charset.StandardCharsets;

/**
 * java.util.logging's default record (Tomcat's catalina.out, many Java servers): a first line with the time,
 * the class and the method ({@code Mar 03, 2025 12:30:41 PM org.apache.catalina.core.StandardWrapperValve invoke}),
 * then a line with the level and the message ({@code SEVERE: Servlet.service() … threw exception}).
 */
final class JulRecord {
    private static final byte[][] WORDS = words("SEVERE", "WARNING", "INFO", "CONFIG", "FINE", "FINER", "FINEST");
    private static final Level[] LEVELS = {Level.ERROR, Level.WARNING, Level.INFO, Level.DEBUG, Level.DEBUG, Level.DEBUG, Level.DEBUG};

    private JulRecord() {
    }

    private static byte[][] words(String... w) {
        byte[][] out = new byte[w.length][];
        for (int i = 0; i < w.length; i++) {
            out[i] = w[i].getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    /** The message [p, e) is a dotted class name and a method name, nothing else. */
    static boolean isHeader(byte[] b, int p, int e) {
        while (e > p && (b[e - 1] == '\r' || b[e - 1] == ' ')) {
            e--;
        }
        if (e - p < 5 || e - p > 200 || !Character.isLetter(b[p])) {
            return false;
        }
        int space = Bytes.indexOf(b, p, e, (byte) ' ');
        if (space >= e || Bytes.indexOf(b, space + 1, e, (byte) ' ') < e || space + 1 >= e) {
            return false;
        }
        boolean dot = false;
        for (int i = p; i < space; i++) {
            byte c = b[i];
            dot |= c == '.';
            if (!(Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '$')) {
                return false;
            }
        }
        for (int i = space + 1; i < e; i++) {
            byte c = b[i];
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '<' || c == '>')) {
                return false;
            }
        }
        return dot;
    }

    /** The level of a record's second line ({@code SEVERE: …}), or null. */
    static Level levelLine(byte[] b, int p, int e) {
        if (p >= e || b[p] < 'C' || b[p] > 'W') {
            return null;
        }
        for (int k = 0; k < WORDS.length; k++) {
            byte[] w = WORDS[k];
            int q = p + w.length;
            if (q + 1 < e && b[q] == ':' && b[q + 1] == ' ' && java.util.Arrays.equals(b, p, q, w, 0, w.length)) {
                return LEVELS[k];
            }
        }
        return null;
    }
}
