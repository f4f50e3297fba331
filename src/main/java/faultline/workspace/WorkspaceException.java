package faultline.workspace;

/** A workspace that cannot be read or must not be overwritten; the message says which and why. */
public final class WorkspaceException extends Exception {
    private static final long serialVersionUID = 1L;

    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
