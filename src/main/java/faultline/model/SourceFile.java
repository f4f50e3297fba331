package faultline.model;

import java.nio.file.Path;

/**
 * One imported file. Its text stays in the file (or in a compact in-memory copy for small, repaired
 * files); the event store keeps references into it.
 *
 * @param id        index of this source in the task set
 * @param path      where it was read from
 * @param size      bytes at import time
 * @param format    how it was read
 * @param zone      time zone of times without an offset (UTC by default)
 * @param offsetNanos clock offset added to every time of this source (worker clock skew)
 * @param untimed   no line of the file carries a time: its events' times are line positions
 *                  ({@link #LINE_NANOS} a line), to be shown as line numbers, not clock times
 */
public record SourceFile(int id, Path path, long size, SourceFormat format,
                         java.time.ZoneId zone, long offsetNanos, boolean untimed) {
    /** Time given to each line of an untimed source: line n sits at n × this. */
    public static final long LINE_NANOS = 1_000_000L;

    public SourceFile(int id, Path path, long size, SourceFormat format, java.time.ZoneId zone, long offsetNanos) {
        this(id, path, size, format, zone, offsetNanos, false);
    }

    /** The line number an untimed source's time stands for. */
    public static long lineAt(long nanos) {
        return Math.floorDiv(nanos, LINE_NANOS);
    }

    public String name() {
        Path f = path.getFileName();
        return f == null ? path.toString() : f.toString();
    }
}
