package faultline.importer;

import faultline.text.Prose;

import faultline.importer.scan.LineIndex;
import faultline.model.ParseReport.Repair;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks the lines of a {@link Content}: number, byte range, text without the line end; strips
 * line-number prefixes ({@code [129] }, {@code [   937] }, {@code Line 2063: }) and counts CRLF.
 */
public final class Lines {
    private static final Pattern NUMBER_PREFIX = Pattern.compile("^(?:\\[ *\\d{1,9}\\] |Line \\d{1,9}: )");

    /** Longest line kept whole. */
    public static final int MAX_LINE = 1 << 20;

    private final Content content;
    private final FileReportBuilder report;
    private final long size;
    private long pos;
    /** 1-based number of the current line. */
    public long number;
    /** Byte offset of the current line's start (after any number prefix) and its length without line end. */
    public long start;
    int length;
    /** Text of the current line without its line end and number prefix. */
    public String text;
    boolean hadNumberPrefix;
    /** The line was longer than MAX_LINE and its text was cut. */
    boolean cut;

    private final LineIndex index;

    public Lines(Content content, FileReportBuilder report, LineIndex index) {
        this.content = content;
        this.report = report;
        this.size = content.size();
        this.index = index;
    }

    public boolean next() {
        if (pos >= size) {
            return false;
        }
        long nl = content.nextNewline(pos);
        long end = nl;
        if (end > pos && content.get(end - 1) == '\r') {
            end--;
            report.repair(Repair.CRLF);
        }
        long len = end - pos;
        if (len > Integer.MAX_VALUE - 16) {
            len = Integer.MAX_VALUE - 16;
        }
        number++;
        start = pos;
        cut = false;
        if (index != null && number % LineIndex.EVERY == 1) {
            index.mark(pos, (int) Math.min(number, Integer.MAX_VALUE));
        }
        if (len > MAX_LINE) {
            // A pathological line (a dumped blob, a 100 MB JSON string) is kept cut, and said so.
            report.note(number, Prose.format("import.line-cut", len >> 10, MAX_LINE >> 10), null);
            len = MAX_LINE;
            cut = true;
        }
        length = (int) len;
        text = content.decode(pos, length);
        hadNumberPrefix = false;
        if (!text.isEmpty() && (text.charAt(0) == '[' || text.charAt(0) == 'L')) {
            Matcher m = NUMBER_PREFIX.matcher(text);
            if (m.find()) {
                int cut = m.end();
                int bytes = cut; // the prefix is ASCII
                start += bytes;
                length -= bytes;
                text = text.substring(cut);
                hadNumberPrefix = true;
                report.repair(Repair.LINE_NUMBER_PREFIX);
            }
        }
        pos = nl + 1;
        report.lines++;
        return true;
    }

    /** Byte offset just past the current line's end (its newline excluded). */
    public long end() {
        return start + length;
    }

    public long position() {
        return pos;
    }

    long size() {
        return size;
    }
}
