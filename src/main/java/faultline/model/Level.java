package faultline.model;

/** Severity of an event. PRINT is an unprefixed console line (a print, a banner, a traceback). */
public enum Level {
    PRINT, DEBUG, INFO, WARNING, ERROR, CRITICAL;

    private static final Level[] VALUES = values();

    public static Level ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }

    public boolean isFailure() {
        return this == ERROR || this == CRITICAL;
    }

    /** Reads the level words of the worker system: DEBUG, INFO, WARNING/WARN, ERROR, CRITICAL/FATAL. */
    public static Level parse(CharSequence word) {
        String w = word.toString().trim().toUpperCase(java.util.Locale.ROOT);
        switch (w) {
            case "DEBUG": case "TRACE": return DEBUG;
            case "INFO": case "NOTICE": return INFO;
            case "WARNING": case "WARN": return WARNING;
            case "ERROR": return ERROR;
            case "CRITICAL": case "FATAL": return CRITICAL;
            default: return null;
        }
    }
}
