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
 * carry {@code Z} is shown in UTC; one whose first lines carry {@code +01:00} somewhere is shown, line by
 * line, in the offset each line writes (a file may cross a change of daylight saving time); a file whose times have
 * none is shown in its source's zone (the Sources dialog's, UTC by default). Learned from the first
 * timed lines.
 */
final class SourceOffsets {
    private final ZoneId[] zones;
    private final boolean[] perLine;
    private static final int LOOK = 64;
    /** The line's first time of day: its clock (a time in its message is not the line's). */
    private static final Pattern FIRST_TIME = Pattern.compile("(?<!\\d)\\d{2}:\\d{2}:\\d{2}");
    private static final Pattern WRITTEN = Pattern.compile("\\d{2}:\\d{2}:\\d{2}(?:[.,]\\d{1,9})?(Z|[+-]\\d{2}:?\\d{2}| [+-]\\d{2}:?\\d{2}| [A-Z]{3,5}(?![A-Za-z]))(?![\\d:])");
    /** How far into a line its clock may start. */
    private static final int CLOCK_WITHIN = 64;
    /** The zone each source's times without an offset were read in. */
    private final ZoneId[] own;

    private SourceOffsets(ZoneId[] zones, boolean[] perLine, ZoneId[] own) {
        this.zones = zones;
        this.perLine = perLine;
        this.own = own;
    }

    /** The zone to show an event of the store in. */
    ZoneId zoneOf(EventStore store, int row) {
        int s = store.source(row);
        if (perLine[s] && !store.estimated(row)) {
            ZoneId written = written(store.raw(row));
            // A line that writes no offset was read in its source's zone, whatever offset other lines write.
            return written != null ? written : own[s];
        }
        return zones[s];
    }

    /** The zone a source's times are shown in (its first written offset, else its zone). */
    ZoneId zoneOf(int source) {
        return zones[source];
    }

    private static ZoneId written(String raw) {
        String line = firstLine(raw);
        Matcher clock = FIRST_TIME.matcher(line);
        if (!clock.find() || clock.start() > CLOCK_WITHIN) {
            return null;
        }
        Matcher m = WRITTEN.matcher(line).region(clock.start(), line.length());
        if (!m.lookingAt()) {
            return null;
        }
        String o = m.group(1).strip(); // an access log's "[02/Mar/2025:10:11:15 +0100]" writes it after a space
        if (o.equals("Z")) {
            return ZoneOffset.UTC;
        }
        if (Character.isLetter(o.charAt(0))) {
            // PostgreSQL's and journald's "10:11:13.456 CET": the offset the abbreviation stands for, as it was read.
            int minutes = faultline.importer.time.Clock.abbreviation(o);
            return minutes == faultline.importer.time.Clock.NO_OFFSET ? null : ZoneOffset.ofTotalSeconds(minutes * 60);
        }
        return ZoneOffset.of(o.length() == 5 ? o.substring(0, 3) + ":" + o.substring(3) : o);
    }

    static SourceOffsets of(TaskSet set) {
        int n = set.sources().size();
        ZoneId[] zones = new ZoneId[n];
        boolean[] perLine = new boolean[n];
        int[] looked = new int[n];
        boolean[] done = new boolean[n];
        EventStore store = set.store();
        for (int i = 0; i < store.size(); i++) {
            int s = store.source(i);
            if (done[s] || store.estimated(i)) {
                continue;
            }
            ZoneId written = written(store.raw(i));
            if (written != null && zones[s] == null) {
                zones[s] = written;
            }
            if (written != null && !written.equals(ZoneOffset.UTC)) {
                // Line by line once an offset other than UTC is written: a London server's log goes from +0000 to
                // +0100 in March. A file of Z (or +0000) alone is shown in UTC without reading each line again.
                perLine[s] = true;
                done[s] = true;
            } else if (++looked[s] >= LOOK) {
                done[s] = true;
            }
        }
        ZoneId[] own = new ZoneId[n];
        for (int s = 0; s < n; s++) {
            SourceFile f = set.sources().get(s);
            own[s] = f.zone() == null ? ZoneOffset.UTC : f.zone();
            if (zones[s] == null) {
                zones[s] = own[s];
            }
        }
        return new SourceOffsets(zones, perLine, own);
    }

    private static String firstLine(String raw) {
        int nl = raw.indexOf('\n');
        String line = nl < 0 ? raw : raw.substring(0, nl);
        return line.length() > 400 ? line.substring(0, 400) : line;
    }
}
