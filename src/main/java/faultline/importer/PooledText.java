package faultline.importer;

import faultline.model.SourceText;

import java.util.ArrayList;
import java.util.List;

/**
 * Messages of a structured source (JSON, CSV) whose text is not a slice of the file: kept as strings,
 * with the row's context (source, metadata) for display. The reference is the row's index.
 */
final class PooledText implements SourceText {
    private final List<String> messages = new ArrayList<>();
    private final List<String> raws = new ArrayList<>();

    int add(String message, String raw) {
        messages.add(message);
        raws.add(raw);
        return messages.size() - 1;
    }

    @Override
    public String message(long ref, int length) {
        return messages.get((int) ref);
    }

    @Override
    public String raw(long ref, int length) {
        return raws.get((int) ref);
    }
}
