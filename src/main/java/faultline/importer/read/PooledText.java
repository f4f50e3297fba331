package faultline.importer.read;

import faultline.model.SourceText;

import java.util.ArrayList;
import java.util.List;

/**
 * Messages of a structured source (JSON, CSV) whose text is not a slice of the file: kept as strings,
 * with the row's context (source, metadata) for display. The reference is the row's index.
 */
public final class PooledText implements SourceText {
    private final List<String> messages = new ArrayList<>();
    private final List<String> raws = new ArrayList<>();
    private int[] lines = new int[64];

    int add(String message, String raw, int line) {
        int i = messages.size();
        messages.add(message);
        raws.add(raw);
        if (i == lines.length) {
            lines = java.util.Arrays.copyOf(lines, i * 2);
        }
        lines[i] = line;
        return i;
    }

    @Override
    public String message(long ref, int extent) {
        return messages.get((int) ref);
    }

    @Override
    public String raw(long ref, int extent) {
        return raws.get((int) ref);
    }

    @Override
    public int line(long ref) {
        return lines[(int) ref];
    }
}
