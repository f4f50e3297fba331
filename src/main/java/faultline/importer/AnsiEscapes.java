package faultline.importer;

import faultline.text.Prose;

import java.nio.channels.FileChannel;

/**
 * Terminal escape sequences taken out of a log's text: colours and cursor moves that a console kept when its
 * output went to a file (docker with a tty, loguru and rich forced to colour, uvicorn's coloured levels). Left in,
 * {@code ESC[31mERROR ESC[0m} is no level and {@code ESC[32m[2025-03-02 …} no timestamp. Only bytes inside a line go:
 * line ends stay where they were, so every line keeps its number.
 */
final class AnsiEscapes {
    private static final byte ESC = 0x1b;
    private AnsiEscapes() {
    }

    /** Whether the bytes hold an escape sequence: ESC followed by {@code [}, {@code ]} or {@code (}. */
    static boolean present(byte[] b, int from, int to) {
        // Eight bytes at a time: a file of tens of megabytes without one is passed over at once.
        for (int i = faultline.importer.scan.Bytes.indexOf(b, from, to, ESC); i + 1 < to;
             i = faultline.importer.scan.Bytes.indexOf(b, i + 1, to, ESC)) {
            if (b[i + 1] == '[' || b[i + 1] == ']' || b[i + 1] == '(') {
                return true;
            }
        }
        return false;
    }

    /** The bytes that remain of [from, to) once its escapes are taken out, moved down in place; the count of lines that had one. */
    record Stripped(int end, long lines) {
    }

    static Stripped strip(byte[] b, int from, int to) {
        int out = from;
        long lines = 0;
        boolean lineHad = false;
        int i = from;
        while (i < to) {
            byte c = b[i];
            if (c == ESC && i + 1 < to) {
                int after = sequenceEnd(b, i, to);
                if (after > i) {
                    i = after;
                    lineHad = true;
                    continue;
                }
            }
            if (c == '\n' && lineHad) {
                lines++;
                lineHad = false;
            }
            b[out++] = c;
            i++;
        }
        if (lineHad) {
            lines++;
        }
        return new Stripped(out, lines);
    }

    /** Index after the escape sequence at i, or i when ESC there starts none (a lone ESC stays). Never past a line end. */
    private static int sequenceEnd(byte[] b, int i, int to) {
        byte kind = b[i + 1];
        if (kind == '[') {
            // CSI: parameter bytes 0x30–0x3F, intermediates 0x20–0x2F, one final byte 0x40–0x7E
            int j = i + 2;
            while (j < to && b[j] >= 0x30 && b[j] <= 0x3F) {
                j++;
            }
            while (j < to && b[j] >= 0x20 && b[j] <= 0x2F) {
                j++;
            }
            return j < to && b[j] >= 0x40 && b[j] <= 0x7E ? j + 1 : i;
        }
        if (kind == ']') {
            // OSC (a window title, a hyperlink): up to BEL or ESC \, within the line
            for (int j = i + 2; j < to && b[j] != '\n'; j++) {
                if (b[j] == 0x07) {
                    return j + 1;
                }
                if (b[j] == ESC && j + 1 < to && b[j + 1] == '\\') {
                    return j + 2;
                }
            }
            return i;
        }
        if ((kind == '(' || kind == ')') && i + 2 < to && b[i + 2] > 0x20 && b[i + 2] < 0x7F) {
            return i + 3; // a character set chosen: ESC ( B
        }
        if (kind >= 0x40 && kind <= 0x5F || kind == '=' || kind == '>' || kind == '7' || kind == '8') {
            return i + 2;
        }
        return i;
    }

    /** Strips [start, size) of the file into a scratch copy, a block of whole lines at a time. */
    static ScratchCopy.Converted convert(FileChannel in, long start, long size, String name, java.util.function.BooleanSupplier cancelled)
            throws ImportException {
        return ScratchCopy.write(in, start, size, name, cancelled,
                (folder, why) -> Prose.format("import.ansi.no-scratch", name, folder, why), why -> Prose.format("import.ansi.failed", name, why),
                AnsiEscapes::wholeLines);
    }

    /** Whole lines of a block only, so that no sequence is cut in two: a block without a line end goes as it is. */
    private static ScratchCopy.Done wholeLines(byte[] b, int len, long pos, boolean more) {
        int take = len;
        if (more) {
            int nl = len - 1;
            while (nl >= 0 && b[nl] != '\n') {
                nl--;
            }
            if (nl >= 0) {
                take = nl + 1;
            }
        }
        Stripped s = strip(b, 0, take);
        return new ScratchCopy.Done(take, s.end(), s.lines());
    }
}
