package faultline.importer;

import faultline.text.Prose;

import faultline.importer.read.ConsoleReader;
import faultline.importer.read.CsvReader;
import faultline.importer.read.DigestReader;
import faultline.importer.read.GeneralTextReader;
import faultline.importer.read.JsonReader;
import faultline.importer.read.KubectlEventsReader;
import faultline.importer.read.SystemLogsTextReader;
import faultline.importer.read.TaskReportReader;
import faultline.model.SourceFormat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The one list of layouts Faultline reads. Detection asks every reader how well a file's start fits
 * it and takes the best (the earlier one on a tie); the general text reader fits any text, lowest,
 * so that nothing readable is refused. The user may choose any listed format instead.
 */
public final class Readers {
    private static final List<SourceReader> ALL = List.of(
            new DigestReader(),
            new JsonReader(),
            new CsvReader(),
            new TaskReportReader(),
            new KubectlEventsReader(),
            new ConsoleReader(),
            new SystemLogsTextReader(),
            new GeneralTextReader());

    /** The chosen format and how sure the choice is (0 to 1). */
    public record Detection(SourceFormat format, double confidence) {
    }

    private Readers() {
    }

    /** Every format that can be chosen, in the registry's order. */
    public static List<SourceFormat> formats() {
        List<SourceFormat> out = new ArrayList<>();
        for (SourceReader r : ALL) {
            out.add(r.format());
        }
        return List.copyOf(out);
    }

    /** The format saved under this id, if a reader still reads it. */
    public static Optional<SourceFormat> format(String id) {
        for (SourceReader r : ALL) {
            if (r.format().id().equals(id)) {
                return Optional.of(r.format());
            }
        }
        return Optional.empty();
    }

    static SourceReader of(SourceFormat f) throws ImportException {
        for (SourceReader r : ALL) {
            if (r.format().equals(f) || r.format().id().equals(f.id())) {
                return r;
            }
        }
        throw new ImportException(Prose.format("import.format-not-supported", f.label()));
    }

    /** The best-fitting format of a file; UNKNOWN only for a file without a single non-blank line. */
    static Detection detect(Sample sample) {
        SourceReader best = null;
        double fit = 0;
        for (SourceReader r : ALL) {
            if (r.mostFit() <= fit) {
                continue; // the general reader infers a layout from every line of the sample: not to lose anyway
            }
            double f = r.fit(sample);
            if (f > fit) {
                fit = f;
                best = r;
            }
        }
        return best == null ? new Detection(SourceFormat.UNKNOWN, 0) : new Detection(best.format(), Math.min(1.0, fit));
    }
}
