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

    private static final Pattern REPORT_KEY = Pattern.compile(
            "(?m)^\\s*(?:[^\\w\\s]+\\s*)?(?:- \\*\\*)?(task_type|status|created_at|updated_at|generation_started_at|Created|Failed|Worker|Error|Attempts|Category)(?:\\*\\*)?:");

    /** A CSV header: comma-separated column names, at least one of them a system_logs column. */
    static boolean isCsvHeader(String header) {
        String[] cols = header.split(",");
        if (cols.length < 3) {
            return false;
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (String c : cols) {
            String n = c.strip().replace("\"", "");
            if (!n.matches("[a-z_][a-z0-9_ ]*")) {
                return false;
            }
            names.add(n);
        }
        return CsvReader.knownColumns(names);
    }

    private FormatDetector() {
    }

    static Detection detect(Content content) {
        int n = (int) Math.min(content.size(), SAMPLE_BYTES);
        String sample = content.decode(0, n);
        double json = JsonReader.fit(sample.lines().limit(SAMPLE_LINES).toList());
        if (json > 0) {
            return new Detection(SourceFormat.SYSTEM_LOGS_JSON, json);
        }
        if ((sample.contains("TASK LIFECYCLE") && (sample.contains("CRASH POINTS") || sample.contains("CRASH HERE")))
                || sample.contains("VISUAL FAILURE COMPARISON")) {
            return new Detection(SourceFormat.COMPARISON_DIGEST, 0.95);
        }
        int firstNl = sample.indexOf('\n');
        String header = (firstNl < 0 ? sample : sample.substring(0, firstNl)).strip().toLowerCase(java.util.Locale.ROOT);
        if (isCsvHeader(header)) {
            return new Detection(SourceFormat.SYSTEM_LOGS_CSV, 0.9);
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        java.util.regex.Matcher km = REPORT_KEY.matcher(sample);
        while (km.find()) {
            keys.add(km.group(1).toLowerCase(java.util.Locale.ROOT));
        }
        if (keys.size() >= 3 && java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").matcher(sample).find()
                && !ConsoleReader.CONSOLE.matcher(sample.lines().filter(l -> l.startsWith("[")).findFirst().orElse("")).matches()) {
            return new Detection(SourceFormat.TASK_REPORT, Math.min(0.9, 0.5 + keys.size() * 0.08));
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
