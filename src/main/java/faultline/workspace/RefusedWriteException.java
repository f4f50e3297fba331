package faultline.workspace;

import java.io.IOException;

/** A write that was not even begun: the target is a log, a device, a pipe, or in a folder that does not exist. */
public final class RefusedWriteException extends IOException {
    private static final long serialVersionUID = 1L;

    public RefusedWriteException(String message) {
        super(message);
    }
}
