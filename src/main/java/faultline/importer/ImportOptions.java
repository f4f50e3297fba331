package faultline.importer;

import faultline.model.SourceFormat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Per-file settings the user can give: format override, time zone, clock offset, date for time-only lines. */
public final class ImportOptions {

    /**
     * @param format      null to detect
     * @param zone        zone of times written without an offset
     * @param offsetNanos added to every time of the file (clock skew)
     * @param date        date of time-only lines when the file does not say, or null
     */
    public record SourceOptions(SourceFormat format, ZoneId zone, long offsetNanos, LocalDate date) {
        public static final SourceOptions DEFAULT = new SourceOptions(null, ZoneOffset.UTC, 0, null);
    }

    private final Map<Path, SourceOptions> perFile = new HashMap<>();
    private SourceOptions defaults = SourceOptions.DEFAULT;

    public static ImportOptions defaults() {
        return new ImportOptions();
    }

    public ImportOptions set(Path file, SourceOptions o) {
        perFile.put(file.toAbsolutePath().normalize(), o);
        return this;
    }

    public ImportOptions defaultsTo(SourceOptions o) {
        defaults = o;
        return this;
    }

    public SourceOptions of(Path file) {
        return perFile.getOrDefault(file.toAbsolutePath().normalize(), defaults);
    }
}
