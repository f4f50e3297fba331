package faultline.importer;

import faultline.text.Prose;

/** The user cancelled the import; nothing half-imported is kept. */
public final class ImportCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImportCancelledException() {
        super(Prose.get("import.cancelled"));
    }
}
