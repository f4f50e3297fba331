package faultline.importer.merge;

import faultline.model.EventStore;
import faultline.model.SourceText;
import faultline.model.Stamp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The same log call reaches the console and the database: keeps it once, from the more precise
 * source, with a link to the other sighting. Two sightings match when their normalised messages are
 * equal and their time intervals overlap (a console second contains the database microsecond).
 */
public final class DuplicateMerger {
    /** Slack for two writers of one clock: the console line is printed a little after the row is queued. */
    static final long SLACK_NANOS = 5_000_000L;

    private DuplicateMerger() {
    }

    /** @return how many sightings were merged */
    public static long merge(int[] rows, EventStore.Builder b, List<SourceText> texts) {
        boolean several = false;
        for (int k = 1; k < rows.length && !several; k++) {
            several = b.source(rows[k]) != b.source(rows[0]);
        }
        if (!several) {
            return 0;
        }
        Map<String, List<Integer>> byKey = new HashMap<>();
        for (int r : rows) {
            if (b.estimated(r)) {
                continue;
            }
            String key = normalise(texts.get(b.source(r)).message(b.ref(r), b.extent(r)));
            if (!key.isEmpty()) {
                byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
            }
        }
        long merged = 0;
        for (List<Integer> group : byKey.values()) {
            if (group.size() < 2) {
                continue;
            }
            merged += mergeGroup(group, b);
        }
        return merged;
    }

    private static long mergeGroup(List<Integer> group, EventStore.Builder b) {
        // Split by source; each list is already in time order.
        Map<Integer, List<Integer>> bySource = new HashMap<>();
        for (int r : group) {
            bySource.computeIfAbsent(b.source(r), k -> new ArrayList<>()).add(r);
        }
        if (bySource.size() < 2) {
            return 0;
        }
        List<List<Integer>> lists = new ArrayList<>(bySource.values());
        // The most precise source is the reference; others match into it in order.
        lists.sort((x, y) -> Integer.compare(b.precision(y.get(0)), b.precision(x.get(0))));
        List<Integer> ref = lists.get(0);
        long merged = 0;
        for (int s = 1; s < lists.size(); s++) {
            List<Integer> other = lists.get(s);
            int j = 0;
            for (int o : other) {
                while (j < ref.size() && (b.isDuplicate(ref.get(j)) || endOf(ref.get(j), b) + SLACK_NANOS < b.nanos(o))) {
                    j++;
                }
                if (j < ref.size() && overlaps(ref.get(j), o, b)) {
                    b.markDuplicate(ref.get(j), o);
                    merged++;
                    j++;
                }
            }
        }
        return merged;
    }

    private static long endOf(int r, EventStore.Builder b) {
        return b.nanos(r) + Stamp.resolution(b.precision(r));
    }

    private static boolean overlaps(int x, int y, EventStore.Builder b) {
        return b.nanos(x) <= endOf(y, b) + SLACK_NANOS && b.nanos(y) <= endOf(x, b) + SLACK_NANOS;
    }

    /** Message without emoji, variation selectors and extra spaces: what both sightings share. */
    static String normalise(String message) {
        StringBuilder sb = new StringBuilder(message.length());
        boolean space = false;
        for (int i = 0; i < message.length(); ) {
            int cp = message.codePointAt(i);
            i += Character.charCount(cp);
            int type = Character.getType(cp);
            if (type == Character.OTHER_SYMBOL || type == Character.FORMAT || type == Character.NON_SPACING_MARK
                    || (cp >= 0xFE00 && cp <= 0xFE0F) || type == Character.SURROGATE) {
                continue;
            }
            if (Character.isWhitespace(cp)) {
                space = sb.length() > 0;
                continue;
            }
            if (space) {
                sb.append(' ');
                space = false;
            }
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }
}
