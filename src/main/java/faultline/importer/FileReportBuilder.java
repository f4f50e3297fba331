package faultline.importer;

import faultline.model.ParseReport.Problem;
import faultline.model.ParseReport.Repair;
import faultline.model.ParseReport;
import faultline.model.SourceFormat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Collects what happened to one file while it was read. */
public final class FileReportBuilder {
    /** Problems kept line by line; beyond this only the count grows. */
    public static final int MAX_PROBLEMS = 10_000;
    private static final int EXCERPT = 160;

    final String file;
    final String path;
    SourceFormat format = SourceFormat.UNKNOWN;
    double confidence;
    long bytes;
    public long lines;
    public long events;
    public long unparsed;
    public final Map<Repair, Long> repairs = new EnumMap<>(Repair.class);
    public final List<Problem> problems = new ArrayList<>();
    public String fatal;
    /** Set when the file was read only in part (truncated, changed while read). */
    public String incomplete;

    public FileReportBuilder(String file, String path) {
        this.file = file;
        this.path = path;
    }

    /** Tells the file's format in other words, once its reader knows more of it than the format's name says. */
    public void describeAs(String label) {
        if (format != null) {
            format = format.withLabel(label);
        }
    }

    /** A fresh report of the same file that keeps what loading it repaired (for a second reading). */
    FileReportBuilder restart() {
        FileReportBuilder r = new FileReportBuilder(file, path);
        r.bytes = bytes;
        for (Map.Entry<Repair, Long> e : repairs.entrySet()) {
            if (e.getKey() == Repair.BYTE_ORDER_MARK || e.getKey() == Repair.UTF16_UNMARKED || e.getKey() == Repair.ANSI_ESCAPES || e.getKey() == Repair.INVALID_UTF8 || e.getKey() == Repair.NUL_BYTES
                    || e.getKey() == Repair.MOJIBAKE_MACROMAN || e.getKey() == Repair.MOJIBAKE_WINDOWS1252) {
                r.repairs.put(e.getKey(), e.getValue());
            }
        }
        return r;
    }

    /** Adds what a part of the same file read in parallel found; its line numbers start after lineBase lines. */
    public void addPart(FileReportBuilder part, long lineBase) {
        lines += part.lines;
        events += part.events;
        unparsed += part.unparsed;
        part.repairs.forEach((k, v) -> repairs.merge(k, v, Long::sum));
        for (Problem p : part.problems) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(new Problem(p.line() == 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, p.line() + lineBase), p.reason(), p.excerpt()));
            }
        }
    }

    public void repair(Repair r) {
        repairs.merge(r, 1L, Long::sum);
    }

    public void repair(Repair r, long n) {
        if (n > 0) {
            repairs.merge(r, n, Long::sum);
        }
    }

    /** A line that was not understood. */
    public void unparsed(long line, String reason, String text) {
        unparsed++;
        note(line, reason, text);
    }

    /** Something worth telling about a line that was still read. */
    public void note(long line, String reason, String text) {
        if (problems.size() < MAX_PROBLEMS) {
            String t = text == null ? "" : text.strip();
            problems.add(new Problem((int) Math.min(line, Integer.MAX_VALUE), reason,
                    t.length() > EXCERPT ? t.substring(0, EXCERPT) + "…" : t));
        }
    }

    ParseReport.FileReport build() {
        return new ParseReport.FileReport(file, path, format, confidence, bytes, lines, events, unparsed,
                Map.copyOf(repairs), List.copyOf(problems), fatal, incomplete);
    }
}
