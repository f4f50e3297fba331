package faultline.importer.db;

/** A database step that did not work, with a message that names the server and the reason. */
public final class DbException extends Exception {
    private static final long serialVersionUID = 1L;

    /** What went wrong, for callers that act on it (ask for a password, offer to retry). */
    public enum Kind {
        UNKNOWN_HOST, UNREACHABLE, REFUSED, TIMEOUT, PASSWORD_NEEDED, WRONG_PASSWORD, NOT_ALLOWED, TLS_REQUIRED,
        TLS_UNAVAILABLE, NO_DATABASE, MISSING_TABLE, MISSING_COLUMN, PERMISSION_DENIED, CANCELLED, CONNECTION_LOST, OTHER
    }

    private final Kind kind;

    public DbException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public DbException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Whether a (new) password may help. */
    public boolean wantsPassword() {
        return kind == Kind.PASSWORD_NEEDED || kind == Kind.WRONG_PASSWORD;
    }
}
