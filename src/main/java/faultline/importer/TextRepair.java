package faultline.importer;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Repairs mojibake: UTF-8 text that was decoded as MacRoman or windows-1252 and saved again
 * ({@code üîç} and {@code ðŸ”} for 🔍, {@code ‚úÖ} and {@code âœ…} for ✅). Each run of non-ASCII
 * characters is re-encoded in the wrong charset and kept only if the bytes are valid UTF-8, so text
 * that was right stays as it is.
 */
public final class TextRepair {

    public enum Kind { NONE, MACROMAN, WINDOWS1252 }

    private static final Charset MAC_ROMAN = Charset.forName("x-MacRoman");
    private static final String[] MAC_SIGNS = {"\uF8FF", "üî", "‚Ä", "‚Ü", "‚ú", "‚î", "‚ñ", "‚ö", "‚ù", "‚è", "√©", "√†"};
    private static final String[] WIN_SIGNS = {"ðŸ", "â€", "âœ", "â†", "âš", "âŒ", "â–", "â”", "Ã©", "Ã¨", "Ã¤", "Ã¶"};
    /** The five bytes windows-1252 leaves undefined; a tool that mangled them lost them. */
    private static final byte[] UNDEFINED_1252 = {(byte) 0x8D, (byte) 0x81, (byte) 0x8F, (byte) 0x90, (byte) 0x9D};

    private TextRepair() {
    }

    /** Which mojibake, if any, a sample of the text shows. */
    public static Kind detect(CharSequence sample) {
        String s = sample.toString();
        int mac = count(s, MAC_SIGNS);
        int win = count(s, WIN_SIGNS);
        if (mac == 0 && win == 0) {
            return Kind.NONE;
        }
        return mac >= win ? Kind.MACROMAN : Kind.WINDOWS1252;
    }

    private static int count(String s, String[] signs) {
        int n = 0;
        for (String sign : signs) {
            int i = s.indexOf(sign);
            while (i >= 0) {
                n++;
                i = s.indexOf(sign, i + sign.length());
            }
        }
        return n;
    }

    /** The line with every repairable run of mojibake repaired. */
    public static String repair(String line, Kind kind) {
        if (kind == Kind.NONE) {
            return line;
        }
        StringBuilder out = null;
        int n = line.length();
        int i = 0;
        int copied = 0;
        while (i < n) {
            if (line.charAt(i) < 0x80) {
                i++;
                continue;
            }
            int j = i;
            while (j < n && line.charAt(j) >= 0x80) {
                j++;
            }
            String run = line.substring(i, j);
            String fixed = kind == Kind.MACROMAN ? fromMacRoman(run) : fromWindows1252(run);
            if (fixed != null && !fixed.equals(run)) {
                if (out == null) {
                    out = new StringBuilder(n);
                }
                out.append(line, copied, i).append(fixed);
                copied = j;
            }
            i = j;
        }
        if (out == null) {
            return line;
        }
        return out.append(line, copied, n).toString();
    }

    private static String fromMacRoman(String run) {
        CharsetEncoder enc = MAC_ROMAN.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            ByteBuffer b = enc.encode(CharBuffer.wrap(run));
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return strictUtf8(bytes);
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String fromWindows1252(String run) {
        byte[] bytes = new byte[run.length()];
        int lost = -1;
        for (int k = 0; k < run.length(); k++) {
            int b = Cp1252.encode(run.charAt(k));
            if (b < 0) {
                if (run.charAt(k) == '\uFFFD' && lost < 0) {
                    lost = k;
                    continue;
                }
                return null;
            }
            bytes[k] = (byte) b;
        }
        if (lost < 0) {
            return strictUtf8(bytes);
        }
        // A byte the first decoder could not map was replaced by U+FFFD: try the five it can have been.
        for (byte candidate : UNDEFINED_1252) {
            bytes[lost] = candidate;
            String s = strictUtf8(bytes);
            if (s != null) {
                return s;
            }
        }
        return null;
    }

    static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** windows-1252, with the C1 controls passed through as the bytes they stand for. */
    static final class Cp1252 {
        private static final String HIGH = "€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ";

        static int encode(char c) {
            if (c < 0x80) {
                return c;
            }
            if (c >= 0xA0 && c <= 0xFF) {
                return c;
            }
            int i = HIGH.indexOf(c);
            if (i >= 0) {
                return 0x80 + i;
            }
            if (c >= 0x80 && c <= 0x9F) {
                return c;
            }
            return -1;
        }
    }
}
