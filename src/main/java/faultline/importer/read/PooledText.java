package faultline.importer.read;

import faultline.importer.Content;
import faultline.importer.Lines;
import faultline.model.SourceText;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Messages of a structured source (JSON, CSV) whose text is not a slice of the file: kept as strings,
 * with the row's context (source, metadata) for display, or with the byte range of the record in the
 * file, read again when the raw record is shown. The reference is the row's index.
 */
public final class PooledText implements SourceText {
    private final Content content;
    private final List<String> messages = new ArrayList<>();
    private final List<String> raws = new ArrayList<>();
    private int[] lines = new int[64];
    /** Per row: start and end of the record in the file, when its raw text is read from there. */
    private long[] ranges = new long[0];

    public PooledText() {
        this(null);
    }

    public PooledText(Content content) {
        this.content = content;
    }

    public int add(String message, String raw, int line) {
        int i = messages.size();
        messages.add(message);
        raws.add(raw);
        if (i == lines.length) {
            lines = Arrays.copyOf(lines, i * 2);
        }
        lines[i] = line;
        return i;
    }

    /** A row whose raw text is the record as the file has it, bytes [start, end). */
    int addRecord(String message, long start, long end, int line) {
        int i = add(message, null, line);
        if (ranges.length < 2 * (i + 1)) {
            long[] grown = new long[Math.max(2 * (i + 1), ranges.length * 2)];
            Arrays.fill(grown, ranges.length, grown.length, -1);
            System.arraycopy(ranges, 0, grown, 0, ranges.length);
            ranges = grown;
        }
        ranges[2 * i] = start;
        ranges[2 * i + 1] = end;
        return i;
    }

    /** A line that continues a row's message (a traceback written one record per line); its record joins the raw range. */
    void append(int ref, String more, long end) {
        messages.set(ref, messages.get(ref) + "\n" + more);
        if (2 * ref + 1 < ranges.length && ranges[2 * ref] >= 0) {
            ranges[2 * ref + 1] = Math.max(ranges[2 * ref + 1], end);
        } else if (raws.get(ref) != null) {
            raws.set(ref, raws.get(ref) + "\n" + more);
        }
    }

    @Override
    public String message(long ref, int extent) {
        return messages.get((int) ref);
    }

    @Override
    public String raw(long ref, int extent) {
        int i = (int) ref;
        String raw = raws.get(i);
        if (raw != null) {
            return raw;
        }
        if (content != null && 2 * i + 1 < ranges.length && ranges[2 * i] >= 0) {
            long start = ranges[2 * i];
            long end = Math.min(content.size(), ranges[2 * i + 1]);
            return content.decode(start, (int) Math.min(Lines.MAX_LINE, end - start)).strip();
        }
        return messages.get(i);
    }

    @Override
    public int line(long ref) {
        return lines[(int) ref];
    }
}
