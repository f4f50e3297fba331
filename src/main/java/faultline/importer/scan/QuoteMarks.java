package faultline.importer.scan;

/**
 * The marks of a quoted reply ({@code > } at the start of each line, {@code > > } nested) that a log pasted into a mail
 * or an issue comment carries: the log is read without them, and a line of marks alone is a blank line of it.
 */
public final class QuoteMarks {
    private QuoteMarks() {
    }

    /** How deep a reply may nest before a line of {@code >} is taken for text rather than marks. */
    private static final int DEEPEST = 4;

    /** The index after the quote marks at p, or p when the line has none. */
    public static int end(byte[] b, int p, int e) {
        int q = p;
        for (int depth = 0; depth < DEEPEST && q < e && b[q] == '>'; depth++) {
            if (q + 1 == e || b[q + 1] == '\r') {
                return q + 1;
            }
            if (b[q + 1] != ' ') {
                return p; // ">>>", "->", a shell's redirect: not a reply's mark
            }
            q += 2;
            if (q < e && b[q] == '>' && q + 1 < e && b[q + 1] != ' ' && b[q + 1] != '\r') {
                break;
            }
        }
        return q;
    }
}
