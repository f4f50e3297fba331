package faultline.cli;

import faultline.model.EventStore;
import faultline.model.SourceFile;
import faultline.model.TaskSet;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offset each source writes its times in, for showing them as the file did: a file whose lines
 * carry {@code +01:00} (or {@code Z}) is shown in that offset; a file whose times have none is shown in
 * its source's zone (the Sources dialog's, UTC by default). Learned from the first timed lines.
 */
final class SourceOffsets {
    private static final int LOOK = 64;
    private static final Pattern WRITTEN = Pattern.compile("\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2})(?![\\d:])");

    private SourceOffsets() {
    }

    /** Per source, the zone to show its times in. */
    static ZoneId[] of(TaskSet set) {
        int n = set.sources().size();
        ZoneId[] zones = new ZoneId[n];
        int[] looked = new int[n];
        boolean[] done = new boolean[n];
        EventStore store = set.store();
        for (int i = 0; i < store.size(); i++) {
            int s = store.source(i);
            if (done[s] || store.estimated(i)) {
                continue;
            }
            Matcher m = WRITTEN.matcher(firstLine(store.raw(i)));
            if (m.find()) {
                String o = m.group(1);
                zones[s] = o.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(o.length() == 5 ? o.substring(0, 3) + ":" + o.substring(3) : o);
                done[s] = true;
            } else if (++looked[s] >= LOOK) {
                done[s] = true;
            }
        }
        for (int s = 0; s < n; s++) {
            if (zones[s] == null) {
                SourceFile f = set.sources().get(s);
                zones[s] = f.zone() == null ? ZoneOffset.UTC : f.zone();
            }
        }
        return zones;
    }

    private static String firstLine(String raw) {
        int nl = raw.indexOf('\n');
        String line = nl < 0 ? raw : raw.substring(0, nl);
        return line.length() > 400 ? line.substring(0, 400) : line;
    }
}
