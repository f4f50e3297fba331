package faultline.importer.merge;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Recognises the task ids of the worker system: full UUIDs, 8-hex short forms, travel#xxxxxxxx. */
public final class TaskIds {
    public static final Pattern UUID = Pattern.compile(
            "(?i)(?<![0-9a-f])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![0-9a-f])");
    private static final Pattern SHORT_IN_TEXT = Pattern.compile(
            "(?i)(?:travel#|\\[Task |\\btask[ _]id[=: ]+|\\bTask )([0-9a-f]{8})(?![0-9a-f-])");
    private static final Pattern SHORT = Pattern.compile("(?i)[0-9a-f]{8}");
    /** A fleet worker named as one ({@code Spawning worker gpu-20250307_162002-5e7a1c3b}): an orchestrator's unit. */
    private static final Pattern WORKER = Pattern.compile("(?i)\\bworker (gpu-\\d{8}_\\d{6}-[0-9a-f]{8})\\b");

    private TaskIds() {
    }

    /** The canonical form of an id written in a tag or column, or null if it names no task. */
    public static String canonical(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.trim();
        if (s.startsWith("travel#")) {
            s = s.substring(7);
        }
        if (s.endsWith("...") || s.endsWith("…")) {
            s = s.replaceAll("[.…]+$", "");
        }
        if (s.isEmpty() || s.startsWith("unknown_task") || s.equalsIgnoreCase("None") || s.equalsIgnoreCase("null")) {
            return null;
        }
        Matcher m = UUID.matcher(s);
        if (m.matches()) {
            return s.toLowerCase(Locale.ROOT);
        }
        if (SHORT.matcher(s).matches()) {
            return s.toLowerCase(Locale.ROOT);
        }
        return s.length() <= 64 && isIdText(s) ? s : null;
    }

    /**
     * Letters, digits and {@code _ . # - : = ( ) /}, with inner spaces ({@code job 4411}, {@code rank=0}, {@code task(x8n4)},
     * a request named by its route, {@code POST /api/chat 16:43:53.559}).
     */
    private static boolean isIdText(String s) {
        if (s.isEmpty() || s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' ') {
            return false;
        }
        // A tuple key, as Dask writes a partition's: ('featurize-9c41…', 4).
        boolean tuple = s.length() > 4 && s.startsWith("('") && s.endsWith(")");
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '#' || c == '-' || c == ':' || c == '=' || c == '('
                    || c == ')' || c == ' ' || c == '/' || (tuple && (c == '\'' || c == ',')))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The first full task id in a message (a project id is not a task id), else the first short id
     * in a task context, else null.
     */
    public static String findIn(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = UUID.matcher(text);
        while (m.find()) {
            if (!isProjectId(text, m.start())) {
                return m.group().toLowerCase(Locale.ROOT);
            }
        }
        Matcher s = SHORT_IN_TEXT.matcher(text);
        if (s.find()) {
            return s.group(1).toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /**
     * The fleet worker an orchestrator's message is about, when it names it with the noun before any task id
     * ({@code Terminating worker gpu-…: Stale heartbeat with active tasks [<task id>]}), else null.
     */
    public static String workerUnitIn(String text) {
        if (text == null || text.indexOf("gpu-") < 0) {
            return null;
        }
        Matcher w = WORKER.matcher(text);
        if (!w.find()) {
            return null;
        }
        Matcher m = UUID.matcher(text);
        return m.find() && m.start() < w.start() ? null : w.group(1);
    }

    /** True if the id at `at` is introduced as a project's, a user's or another thing's ("Project ID: …", user_id=eq.…). */
    static boolean isProjectId(CharSequence text, int at) {
        int from = Math.max(0, at - 14);
        String before = text.subSequence(from, at).toString().toLowerCase(Locale.ROOT);
        return before.contains("project") || UnitVocabulary.isOtherThingsId(text, at);
    }

    /** A UUID and nothing else (any case): checked character by character, for every id of a file. */
    public static boolean isFull(String id) {
        if (id == null || id.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = id.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
