package faultline.importer;

import faultline.model.SourceFormat;

import java.util.regex.Pattern;

/** Guesses a file's format from its first lines, with a confidence between 0 and 1. */
public final class FormatDetector {
    private static final int SAMPLE_BYTES = 256 * 1024;
    private static final int SAMPLE_LINES = 400;
    private static final Pattern NUMBER_PREFIX = Pattern.compile("^(?:\\[ *\\d{1,9}\\] |Line \\d{1,9}: )");

    public record Detection(SourceFormat format, double confidence) {
    }

    private FormatDetector() {
    }

    static Detection detect(Content content) {
        int n = (int) Math.min(content.size(), SAMPLE_BYTES);
        String sample = content.decode(0, n);
        String trimmed = sample.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[{") || trimmed.startsWith("[\n") || trimmed.startsWith("[ ") || trimmed.equals("[")
                || (trimmed.startsWith("[") && trimmed.length() > 1 && (trimmed.charAt(1) == '{' || Character.isWhitespace(trimmed.charAt(1))))) {
            boolean rows = sample.contains("\"message\"") || sample.contains("\"logs\"") || sample.contains("\"task_type\"");
            return new Detection(SourceFormat.SYSTEM_LOGS_JSON, rows ? 0.95 : 0.6);
        }
        if ((sample.contains("TASK LIFECYCLE") && (sample.contains("CRASH POINTS") || sample.contains("CRASH HERE")))
                || sample.contains("VISUAL FAILURE COMPARISON")) {
            return new Detection(SourceFormat.COMPARISON_DIGEST, 0.95);
        }
        int firstNl = sample.indexOf('\n');
        String header = (firstNl < 0 ? sample : sample.substring(0, firstNl)).toLowerCase(java.util.Locale.ROOT);
        if (header.chars().filter(c -> c == ',').count() >= 2 && header.contains("timestamp")
                && (header.contains("message") || header.contains("log_level"))) {
            return new Detection(SourceFormat.SYSTEM_LOGS_CSV, 0.9);
        }
        int lines = 0;
        int console = 0;
        int rows = 0;
        for (String raw : sample.split("\n")) {
            if (lines >= SAMPLE_LINES) {
                break;
            }
            String line = NUMBER_PREFIX.matcher(raw.replace("\r", "")).replaceFirst("");
            if (line.isBlank()) {
                continue;
            }
            lines++;
            if (ConsoleReader.CONSOLE.matcher(line).matches() || ConsoleReader.PYLOG.matcher(line).matches()
                    || ConsoleReader.ERROR_TASK.matcher(line).matches()) {
                console++;
            }
            for (SystemLogsTextReader.Rendering r : SystemLogsTextReader.Rendering.values()) {
                if (r.pattern.matcher(line).matches()) {
                    rows++;
                    break;
                }
            }
        }
        if (lines == 0) {
            return new Detection(SourceFormat.UNKNOWN, 0);
        }
        double c = (double) console / lines;
        double r = (double) rows / lines;
        if (c == 0 && r == 0) {
            return new Detection(SourceFormat.UNKNOWN, 0);
        }
        return c >= r ? new Detection(SourceFormat.WORKER_CONSOLE, c) : new Detection(SourceFormat.SYSTEM_LOGS_TEXT, r);
    }
}
