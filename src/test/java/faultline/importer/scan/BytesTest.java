package faultline.importer.scan;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The byte searches find a text exactly where a plain search of the decoded line finds it, in any stretch of the line. */
class BytesTest {
    private static final List<String> TEXTS = List.of("low run '", "(trace=", "Traceback (", "a", "ee", "84b03439", "Task ", "zz9",
            "Processing status update", "e", " ", "'.'");

    @Test
    void findsTextsWhereAPlainSearchDoes() {
        Random random = new Random(7);
        String alphabet = "eeeetaoin srhl'(.=TP0123456789abz";
        for (int round = 0; round < 4_000; round++) {
            StringBuilder line = new StringBuilder();
            int len = random.nextInt(90);
            for (int k = 0; k < len; k++) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = TEXTS.get(random.nextInt(TEXTS.size()));
            if (random.nextBoolean() && len > 0) {
                line.insert(random.nextInt(len), text);
            }
            byte[] b = line.toString().getBytes(StandardCharsets.US_ASCII);
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int to = from + random.nextInt(b.length - from + 1);
            assertEquals(plain(line.toString(), from, to, text), Bytes.indexOf(b, from, to, text),
                    "\"" + text + "\" in \"" + line + "\" [" + from + ", " + to + ")");
        }
    }

    @Test
    void presentTellsWhichBytesAStretchHoldsAsAByteLoopDoes() {
        Random random = new Random(11);
        String alphabet = "eeeetaoin srhl'(_:.=TP0123456789";
        for (int round = 0; round < 4_000; round++) {
            StringBuilder line = new StringBuilder();
            int len = random.nextInt(90);
            for (int k = 0; k < len; k++) {
                line.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] b = line.toString().getBytes(StandardCharsets.US_ASCII);
            int from = b.length == 0 ? 0 : random.nextInt(b.length);
            int to = from + random.nextInt(b.length - from + 1);
            String s = line.substring(from, to);
            int want = (s.indexOf('\'') >= 0 ? Bytes.QUOTE : 0) | (s.indexOf('(') >= 0 ? Bytes.PAREN : 0)
                    | (s.indexOf('_') >= 0 ? Bytes.UNDERSCORE : 0) | (s.indexOf(':') >= 0 ? Bytes.COLON : 0);
            assertEquals(want, Bytes.present(b, from, to), "\"" + line + "\" [" + from + ", " + to + ")");
        }
    }

    @Test
    void anEmptyTextIsAtTheStartAndATextLongerThanTheStretchIsNowhere() {
        byte[] b = "Flow run 'x'".getBytes(StandardCharsets.US_ASCII);
        assertEquals(3, Bytes.indexOf(b, 3, 9, ""));
        assertEquals(-1, Bytes.indexOf(b, 4, 9, "low run '"));
        assertEquals(1, Bytes.indexOf(b, 0, b.length, "low run '"));
    }

    private static int plain(String line, int from, int to, String text) {
        int at = line.substring(0, to).indexOf(text, from);
        return at;
    }
}
