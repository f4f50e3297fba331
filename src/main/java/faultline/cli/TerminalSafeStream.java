package faultline.cli;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Output of the headless commands with control characters made visible: a log line's ANSI or OSC
 * escape ({@code ESC[31m}, {@code ESC]0;title BEL}) reaches the terminal as {@code ␛[31m}, never as a
 * command to it. C0 controls other than tab and line feed become their Control Pictures (␛, ␍, ␇, …),
 * DEL becomes ␡, and C1 controls (U+0080–U+009F) are written as {@code \u009b}. UTF-8 text is
 * otherwise passed through byte for byte, so the filter works on any stream of UTF-8.
 */
final class TerminalSafeStream extends FilterOutputStream {
    private boolean pendingC2;

    TerminalSafeStream(OutputStream out) {
        super(out);
    }

    @Override
    public void write(int b) throws IOException {
        b &= 0xFF;
        if (pendingC2) {
            pendingC2 = false;
            if (b >= 0x80 && b <= 0x9F) {
                out.write(String.format("\\u%04x", b).getBytes(StandardCharsets.US_ASCII));
                return;
            }
            out.write(0xC2);
        }
        if (b == 0xC2) {
            pendingC2 = true;
        } else if (b == '\n' || b == '\t') {
            out.write(b);
        } else if (b < 0x20) {
            out.write(picture(0x2400 + b));
        } else if (b == 0x7F) {
            out.write(picture(0x2421));
        } else {
            out.write(b);
        }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int start = off;
        int end = off + len;
        for (int i = off; i < end; i++) {
            int c = b[i] & 0xFF;
            if (c < 0x20 || c == 0x7F || c == 0xC2 || pendingC2) {
                if (i > start) {
                    out.write(b, start, i - start);
                }
                write(c);
                start = i + 1;
            }
        }
        if (end > start) {
            out.write(b, start, end - start);
        }
    }

    @Override
    public void flush() throws IOException {
        if (pendingC2) {
            pendingC2 = false;
            out.write(0xC2);
        }
        out.flush();
    }

    /** Flushes only: the stream underneath (the process's standard output) stays open for whoever owns it. */
    @Override
    public void close() throws IOException {
        flush();
    }

    private static byte[] picture(int codePoint) {
        return new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
    }
}
