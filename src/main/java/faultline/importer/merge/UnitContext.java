package faultline.importer.merge;

import faultline.model.Level;

import java.util.HashMap;
import java.util.Map;

/**
 * The unit of work each writer (a worker, host or pod named in the records; else the file) is on,
 * for structured records that name none: a record that claims or starts a unit makes it the writer's
 * current one (a record that only mentions a unit does not: an orchestrator speaks of many); records
 * without an id belong to it until it ends, and after its end only the unleveled lines that follow
 * (a traceback, a print) still do.
 */
public final class UnitContext {
    private static final String FILE = "";

    private final Map<String, Integer> current = new HashMap<>();
    private final Map<String, Boolean> ended = new HashMap<>();

    /** The unit of a record: the one it names (ref ≥ 0, named), else its writer's current one, else -1. */
    public int attribute(String writer, int ref, boolean named, String message, Level level) {
        String w = writer == null ? FILE : writer;
        if (named && ref >= 0) {
            StatusWords.Says says = StatusWords.of(message, level);
            boolean ends = says != null && says != StatusWords.Says.RETRY;
            if (!ends && UnitVocabulary.claimsInRecord(message)) {
                current.put(w, ref);
                ended.put(w, false);
            } else if (ends && Integer.valueOf(ref).equals(current.get(w))) {
                ended.put(w, true);
            }
            return ref;
        }
        if (ref >= 0) {
            return ref;
        }
        Integer c = current.get(w);
        if (c == null) {
            return -1;
        }
        if (!ended.getOrDefault(w, false) || level == Level.PRINT) {
            return c;
        }
        return -1;
    }
}
