package faultline.importer;

import faultline.model.SourceText;

/**
 * Rows that do not come from a file: tasks and system_logs rows fetched from the worker system's
 * database. Read beside files into the same task set, merged and de-duplicated like a JSON export.
 */
public interface RowSource {
    /** The source's short name in the log pane and the parse report (a host, never a password). */
    String name();

    /** A longer description for the parse report: where the rows came from and what was asked. */
    String description();

    /**
     * Feeds every row (tasks rows first, then system_logs rows in their order) into the sink and
     * returns the text of the system_logs rows, addressed by the references given to the sink.
     */
    SourceText feed(RowSink sink, ImportMonitor monitor) throws ImportException;
}
