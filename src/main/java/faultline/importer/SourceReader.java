package faultline.importer;

import faultline.model.SourceFormat;
import faultline.model.SourceText;

/**
 * A layout family Faultline reads: how well a file fits it, and how to read it. Every reader is
 * listed once in {@link Readers}; adding a layout is adding one reader there.
 */
public interface SourceReader {
    /** The format this reader reads, with the id saved in workspaces. */
    SourceFormat format();

    /**
     * How well the file fits this layout, from 0 (not at all) to 1, judged on the start of the file.
     * Must be linear in the sample: no backtracking over the whole sample.
     */
    double fit(Sample sample);

    /** The most {@link #fit} ever says: detection asks no reader that cannot beat the best fit found. */
    default double mostFit() {
        return 1.0;
    }

    /** Reads the whole file; returns the text of its events. Throws ImportException if it cannot. */
    SourceText read(ReadContext ctx) throws ImportException;
}
