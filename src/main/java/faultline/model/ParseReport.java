package faultline.model;

import faultline.text.Prose;

import java.util.List;
import java.util.Map;

/**
 * What the importer made of each file: format and confidence, counts, every repair, and every line it
 * could not understand with the reason.
 */
public record ParseReport(List<FileReport> files) {

    public enum Repair {
        BYTE_ORDER_MARK,
        UTF16_UNMARKED,
        CRLF,
        CR_LINE_ENDS,
        ANSI_ESCAPES,
        INVALID_UTF8,
        NUL_BYTES,
        MOJIBAKE_MACROMAN,
        MOJIBAKE_WINDOWS1252,
        LINE_NUMBER_PREFIX,
        QUOTE_MARKS,
        CONTINUATION,
        CARRIAGE_RETURN,
        ESTIMATED_TIME,
        DATE_INFERRED,
        MIDNIGHT_ROLLOVER,
        DUPLICATE_MERGED;

        /** The name shown to users, from the words file. */
        private final String label = Prose.get("repair." + name());

        public String label() {
            return label;
        }
    }

    /** A line not understood: where, why, and what it said (cut to a readable length). */
    public record Problem(int line, String reason, String excerpt) {
    }

    /**
     * @param fatal      a clear message when the file could not be read at all (empty, binary, unreadable…), else null
     * @param incomplete a clear message when only part of the file was read (truncated, changed while read), else null
     */
    public record FileReport(String file, String path, SourceFormat format, double confidence, long bytes,
                             long lines, long events, long unparsed, Map<Repair, Long> repairs,
                             List<Problem> problems, String fatal, String incomplete) {
        public boolean failed() {
            return fatal != null;
        }
    }

    public long totalLines() {
        return files.stream().mapToLong(FileReport::lines).sum();
    }

    public long totalUnparsed() {
        return files.stream().mapToLong(FileReport::unparsed).sum();
    }

    public long totalBytes() {
        return files.stream().mapToLong(FileReport::bytes).sum();
    }

    public List<FileReport> failures() {
        return files.stream().filter(FileReport::failed).toList();
    }

    /** What the user must be told: files not read, files read in part. */
    public List<String> warnings() {
        List<String> out = new java.util.ArrayList<>();
        for (FileReport f : files) {
            if (f.fatal() != null) {
                out.add(f.fatal());
            } else if (f.incomplete() != null) {
                out.add(f.file() + ": " + f.incomplete());
            }
        }
        return out;
    }
}
