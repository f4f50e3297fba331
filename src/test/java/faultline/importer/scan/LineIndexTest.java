package faultline.importer.scan;

import faultline.importer.Content;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LineIndexTest {
    @Test
    void lineNumbersAreRightInFileOrderAndInAnyOrder() {
        StringBuilder text = new StringBuilder();
        List<Long> starts = new ArrayList<>();
        Random r = new Random(7);
        LineIndex index = new LineIndex();
        for (int line = 1; line <= 5000; line++) {
            if (line % LineIndex.EVERY == 1) {
                index.mark(text.length(), line);
            }
            starts.add((long) text.length());
            text.append("x".repeat(r.nextInt(40))).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.US_ASCII);
        Content content = new Content() {
            @Override
            public long size() {
                return bytes.length;
            }

            @Override
            public byte get(long pos) {
                return bytes[(int) pos];
            }

            @Override
            public String decode(long pos, int len) {
                return new String(bytes, (int) pos, len, StandardCharsets.US_ASCII);
            }
        };
        for (int i = 0; i < starts.size(); i++) {
            assertEquals(i + 1, index.line(content, starts.get(i)), "in file order, line " + (i + 1));
        }
        for (int k = 0; k < 2000; k++) {
            int i = r.nextInt(starts.size());
            assertEquals(i + 1, index.line(content, starts.get(i)), "asked out of order, line " + (i + 1));
        }
    }
}
