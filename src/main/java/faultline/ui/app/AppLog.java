package faultline.ui.app;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The app's own log: everything Faultline tells through {@link System.Logger} (import stages and their
 * timings, what was saved, any unexpected error with its stack trace) goes to the user's state folder
 * ({@code $XDG_STATE_HOME/faultline/log}, else {@code ~/.local/state/faultline/log};
 * {@code -Dfaultline.log.dir} moves it, for tests), in five files of at most 1 MB each, the oldest
 * dropped. Nothing of it goes to the terminal.
 */
public final class AppLog {
    static final int FILE_BYTES = 1_000_000;
    static final int FILES = 5;
    static final String NAME = "faultline-%g.log";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    /** Held here: the logging framework keeps its loggers only weakly, and with them their handlers. */
    private static Logger root;
    private static Path folder;

    private AppLog() {
    }

    /** The folder the app log is written to. */
    public static Path folder() {
        String d = System.getProperty("faultline.log.dir");
        if (d != null && !d.isBlank()) {
            return Path.of(d);
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "faultline", "log");
        }
        return Path.of(System.getProperty("user.home"), ".local", "state", "faultline", "log");
    }

    /** The file written now. */
    public static Path current() {
        Path f = folder == null ? folder() : folder;
        return f.resolve(NAME.replace("%g", "0"));
    }

    /** Starts the log (once per process, in the folder of that moment); false when it cannot be written, which is said on stderr. */
    public static synchronized boolean install() {
        Path dir = folder();
        if (root != null && dir.equals(folder)) {
            return true;
        }
        try {
            Files.createDirectories(dir);
            FileHandler h = new FileHandler(dir.resolve(NAME).toString(), FILE_BYTES, FILES, true);
            h.setEncoding("UTF-8");
            h.setFormatter(new Lines());
            h.setLevel(Level.ALL);
            Logger l = Logger.getLogger("faultline");
            if (root != null) {
                for (java.util.logging.Handler old : root.getHandlers()) {
                    root.removeHandler(old);
                    old.close();
                }
            }
            l.addHandler(h);
            l.setUseParentHandlers(false);
            l.setLevel(Level.FINE);
            root = l;
            folder = dir;
            return true;
        } catch (IOException | RuntimeException e) {
            System.err.println("faultline: the app log cannot be written in " + dir + ": " + e.getMessage());
            return false;
        }
    }

    /** One line per record ("2026-02-24 14:31:53.553 INFO  faultline.ui.import  read 4 files…"), then a stack trace if any. */
    private static final class Lines extends Formatter {
        @Override
        public String format(LogRecord r) {
            StringBuilder sb = new StringBuilder(160);
            sb.append(TIME.format(Instant.ofEpochMilli(r.getMillis()))).append(' ')
                    .append(String.format("%-7s", level(r.getLevel()))).append(' ')
                    .append(r.getLoggerName()).append("  ").append(formatMessage(r)).append('\n');
            if (r.getThrown() != null) {
                StringWriter sw = new StringWriter();
                r.getThrown().printStackTrace(new PrintWriter(sw));
                sb.append(sw);
            }
            return sb.toString();
        }

        private static String level(Level l) {
            if (l.intValue() >= Level.SEVERE.intValue()) {
                return "ERROR";
            }
            if (l.intValue() >= Level.WARNING.intValue()) {
                return "WARNING";
            }
            if (l.intValue() >= Level.INFO.intValue()) {
                return "INFO";
            }
            return "DEBUG";
        }
    }
}
