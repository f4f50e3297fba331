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
 */
public record SourceFile(int id, Path path, long size, SourceFormat format,
                         java.time.ZoneId zone, long offsetNanos) {

    public String name() {
        Path f = path.getFileName();
        return f == null ? path.toString() : f.toString();
    }
}
