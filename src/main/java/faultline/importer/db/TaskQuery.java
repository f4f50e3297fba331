package faultline.importer.db;

import faultline.text.Prose;

import faultline.importer.merge.TaskIds;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What to fetch, as the user wrote it (so that a workspace keeps it and Reload asks again): task ids
 * or id prefixes (with the orchestrator, siblings and children of their cascade when cascade is
 * on), a worker, the tasks failed in the last hours, and an optional time window for the rows.
 *
 * @param tasks       full ids, 8-hex prefixes or travel#… ids; empty for none
 * @param worker      a worker id, or null
 * @param failedSince a duration such as 6h, 30m or 2d: tasks failed within it; or null
 * @param since       start of the time window (ISO), or null
 * @param until       end of the time window (ISO), or null
 * @param cascade     with the task ids: also their orchestrator, siblings, children and dependencies
 */
public record TaskQuery(List<String> tasks, String worker, String failedSince, String since, String until, boolean cascade) {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(s|sec|m|min|h|hours?|d|days?)");
    private static final Pattern HEX_PREFIX = Pattern.compile("[0-9a-f-]{1,36}");

    public TaskQuery {
        tasks = tasks == null ? List.of() : tasks.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        worker = blankToNull(worker);
        failedSince = blankToNull(failedSince);
        since = blankToNull(since);
        until = blankToNull(until);
    }

    public static TaskQuery ofTasks(String... ids) {
        return new TaskQuery(List.of(ids), null, null, null, null, true);
    }

    /** Throws IllegalArgumentException with what to write instead when the query cannot run. */
    public TaskQuery validated() {
        if (tasks.isEmpty() && worker == null && failedSince == null && since == null) {
            throw new IllegalArgumentException(Prose.get("db.query.nothing"));
        }
        for (String t : tasks) {
            idRange(t);
        }
        if (failedSince != null) {
            failedWithin();
        }
        Instant a = sinceInstant();
        Instant b = untilInstant();
        if (a != null && b != null && b.isBefore(a)) {
            throw new IllegalArgumentException(Prose.format("db.query.backwards", until, since));
        }
        return this;
    }

    Duration failedWithin() {
        Matcher m = DURATION.matcher(failedSince.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(Prose.format("db.query.duration", failedSince));
        }
        double v = Double.parseDouble(m.group(1));
        String unit = m.group(2);
        double seconds = unit.startsWith("s") ? v : unit.startsWith("m") ? v * 60 : unit.startsWith("h") ? v * 3600 : v * 86400;
        return Duration.ofMillis((long) (seconds * 1000));
    }

    Instant sinceInstant() {
        return since == null ? null : PgTime.parseInstant(since);
    }

    Instant untilInstant() {
        return until == null ? null : PgTime.parseInstant(until);
    }

    /**
     * The ids a task id or prefix stands for, as the lowest and highest UUID starting with it: the
     * primary key's index finds a prefix that way. A full id gives one UUID twice.
     */
    static String[] idRange(String raw) {
        String s = raw.strip().toLowerCase(Locale.ROOT);
        if (s.startsWith("travel#")) {
            s = s.substring("travel#".length());
        }
        String canonical = TaskIds.canonical(s);
        if (canonical != null && TaskIds.isFull(canonical)) {
            return new String[]{canonical, canonical};
        }
        if (!HEX_PREFIX.matcher(s).matches()) {
            throw new IllegalArgumentException(Prose.format("db.query.task-id.hex", raw));
        }
        String hex = s.replace("-", "");
        if (hex.isEmpty() || hex.length() > 32) {
            throw new IllegalArgumentException(Prose.format("db.query.task-id", raw));
        }
        return new String[]{uuid(hex + "0".repeat(32 - hex.length())), uuid(hex + "f".repeat(32 - hex.length()))};
    }

    private static String uuid(String hex32) {
        return hex32.substring(0, 8) + "-" + hex32.substring(8, 12) + "-" + hex32.substring(12, 16) + "-" + hex32.substring(16, 20)
                + "-" + hex32.substring(20);
    }

    /** One line for the window and the parse report. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        if (!tasks.isEmpty()) {
            parts.add(cascade ? Prose.format("db.query.tasks.cascade", String.join(", ", tasks)) : Prose.format("db.query.tasks", String.join(", ", tasks)));
        }
        if (worker != null) {
            parts.add(Prose.format("db.query.worker", worker));
        }
        if (failedSince != null) {
            parts.add(Prose.format("db.query.failed-since", failedSince));
        }
        if (since != null || until != null) {
            parts.add(Prose.format("db.query.range", since == null ? Prose.get("db.query.range.start") : since,
                    until == null ? Prose.get("db.query.range.now") : until));
        }
        return String.join("; ", parts);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
