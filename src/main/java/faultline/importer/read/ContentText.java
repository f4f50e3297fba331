package faultline.importer.read;

import faultline.importer.Content;
import faultline.importer.Lines;
import faultline.importer.scan.Bytes;
import faultline.importer.scan.LineIndex;
import faultline.model.Needle;
import faultline.model.SourceText;
import faultline.model.WordGate;
import faultline.model.WordLook;

import java.util.function.UnaryOperator;

/**
 * Message text of a line-based source, decoded from the file on demand. An event's text starts at
 * its reference and runs to the end of its line, or over the extent kept for continuation lines;
 * the shape function turns the raw line(s) into the normalised message. Shapes only cut (a line's
 * prefixes, clock and level) and join what they keep, so every word of a message is in its raw
 * bytes: a {@link #look} reads those bytes without decoding them.
 */
final class ContentText implements SourceText {
    private final Content content;
    private final UnaryOperator<String> shape;
    private final LineIndex lines;
    private final MessageStart start;

    /** Where a line's message starts in its bytes: every word the shape keeps lies from there on. */
    @FunctionalInterface
    interface MessageStart {
        /** The index in [from, to) from which the message runs; from when unsure. */
        int of(byte[] b, int from, int to);

        MessageStart LINE_START = (b, from, to) -> from;
    }

    ContentText(Content content, UnaryOperator<String> shape, LineIndex lines) {
        this(content, shape, MessageStart.LINE_START, lines);
    }

    ContentText(Content content, UnaryOperator<String> shape, MessageStart start, LineIndex lines) {
        this.content = content;
        this.shape = shape;
        this.start = start;
        this.lines = lines;
    }

    @Override
    public String message(long ref, int extent) {
        return shape.apply(raw(ref, extent));
    }

    @Override
    public String raw(long ref, int extent) {
        String s;
        if (extent >= 0) {
            int len = extent;
            if (len > 0 && ref + len <= content.size() && content.get(ref + len - 1) == '\r') {
                len--;
            }
            s = content.decode(ref, len);
        } else {
            s = lineText(ref);
        }
        return s.indexOf('\r') >= 0 ? s.replace("\r\n", "\n") : s;
    }

    @Override
    public void look(long ref, int extent, WordGate gate, String name, WordLook out) {
        byte[] b = BUFFER.get();
        int len;
        if (extent >= 0) {
            len = extent <= WINDOW ? (int) Math.min(extent, content.size() - ref) : -1;
            if (len >= 0) {
                content.copy(ref, b, 0, len);
            }
        } else {
            // A short copy first: most lines end within it, and a look is taken at a million of them.
            int window = (int) Math.max(0, Math.min(SHORT, content.size() - ref));
            content.copy(ref, b, 0, window);
            len = Bytes.newline(b, 0, window);
            if (len == window && ref + window < content.size()) {
                window = (int) Math.max(0, Math.min(WINDOW, content.size() - ref));
                content.copy(ref, b, 0, window);
                len = Bytes.newline(b, 0, window);
                if (len == window && ref + window < content.size()) {
                    len = -1; // longer than the window: the few such lines are decoded
                }
            }
        }
        Needle needle = out.name(name);
        if (len < 0 || !needle.ascii()) {
            SourceText.super.look(ref, extent, gate, name, out);
            return;
        }
        int from = start.of(b, 0, len);
        out.groups = gate.groups(b, from, len);
        out.mentions = Bytes.indexOf(b, from, len, needle) >= 0;
    }

    /** The line from ref to its end: one bulk copy of a window, searched eight bytes at a time. */
    private String lineText(long ref) {
        int window = (int) Math.max(0, Math.min(WINDOW, content.size() - ref));
        // One window per thread: the facts of 50,000 tasks read a million lines, and a fresh kilobyte each is a gigabyte of garbage.
        byte[] b = BUFFER.get();
        content.copy(ref, b, 0, window);
        int nl = Bytes.newline(b, 0, window);
        int len;
        if (nl < window || ref + window >= content.size()) {
            len = nl;
        } else {
            long end = content.nextNewline(ref + window);
            len = (int) Math.min(end - ref, Lines.MAX_LINE);
            if (len > window) {
                b = new byte[len];
                content.copy(ref, b, 0, len);
            }
        }
        if (len > 0 && b[len - 1] == '\r') {
            len--;
        }
        return new String(b, 0, len, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static final int WINDOW = 1024;
    private static final int SHORT = 256;
    private static final ThreadLocal<byte[]> BUFFER = ThreadLocal.withInitial(() -> new byte[WINDOW]);

    @Override
    public int line(long ref) {
        return lines.line(content, ref);
    }
}
