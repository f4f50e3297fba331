package faultline.importer;

import faultline.model.SourceText;

/** Reads one format into events, task facts and a report. */
interface SourceReader {
    /** Reads the whole file; returns the text of its events. Throws ImportException if it cannot. */
    SourceText read(ReadContext ctx) throws ImportException;
}
