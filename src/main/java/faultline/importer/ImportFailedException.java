package faultline.importer;

/** An import that could not be finished at all; the message says why in words a user reads (no file is to blame). */
public final class ImportFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ImportFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
