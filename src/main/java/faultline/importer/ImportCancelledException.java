package faultline.importer;

/** The user cancelled the import; nothing half-imported is kept. */
public final class ImportCancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImportCancelledException() {
        super("import cancelled");
    }
}
