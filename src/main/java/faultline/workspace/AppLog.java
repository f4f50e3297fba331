package faultline.workspace;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;

/**
 * The application's own log, {@code faultline.log} in the state folder ({@link UserFolders#state()}): when the
 * window started, on what, and the unexpected problems it showed, with their stack traces — what the window
 * keeps out of the user's face but a bug report needs. It never holds a line of the logs the user opens. When it
 * passes {@link #LIMIT} bytes it becomes {@code faultline.log.1}, replacing the one before, so it never grows
 * without bound. A log that cannot be written is no reason to stop: Faultline then runs without one.
 */
public final class AppLog {
    public static final String NAME = "faultline.log";
    static final long LIMIT = 1L << 20;

    private AppLog() {
    }

    public static Path folder() {
        return UserFolders.state();
    }

    public static Path file() {
        return folder().resolve(NAME);
    }

    /** One line, with the time it was written; whether it could be written. */
    public static synchronized boolean record(String line) {
        return write(file(), Instant.now() + " " + line.strip() + "\n");
    }

    /** A problem nobody expected: what it was, and where, for the bug report. */
    public static boolean unexpected(String what, Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        return record(what + ": " + trace);
    }

    static boolean write(Path f, String text) {
        try {
            Files.createDirectories(f.getParent());
            if (Files.exists(f) && Files.size(f) > LIMIT) {
                Files.move(f, f.resolveSibling(NAME + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.writeString(f, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return true;
        } catch (IOException | SecurityException e) {
            // Without a log, Faultline still does its work; the problem itself is shown in the window or on stderr.
            return false;
        }
    }
}
