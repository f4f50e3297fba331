package faultline.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything imported from a set of files: sources, events, tasks and the parse report. Immutable. */
public final class TaskSet {
    private final List<SourceFile> sources;
    private final EventStore store;
    private final List<Task> tasks;
    private final ParseReport report;
    private final Map<String, Task> byId = new HashMap<>();

    public TaskSet(List<SourceFile> sources, EventStore store, List<Task> tasks, ParseReport report) {
        this.sources = List.copyOf(sources);
        this.store = store;
        this.tasks = List.copyOf(tasks);
        this.report = report;
        for (Task t : tasks) {
            byId.put(t.id().toLowerCase(java.util.Locale.ROOT), t);
        }
    }

    public static TaskSet empty() {
        return new TaskSet(List.of(), EventStore.builder(16).build(List.of()), List.of(), new ParseReport(List.of()));
    }

    public List<SourceFile> sources() {
        return sources;
    }

    public EventStore store() {
        return store;
    }

    public List<Task> tasks() {
        return tasks;
    }

    public ParseReport report() {
        return report;
    }

    public Task task(int index) {
        return tasks.get(index);
    }

    /** Finds a task by full id, or by a unique prefix such as the 8-hex short form. */
    public Optional<Task> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        String key = id.trim().toLowerCase(java.util.Locale.ROOT);
        Task exact = byId.get(key);
        if (exact != null) {
            return Optional.of(exact);
        }
        Task found = null;
        for (Task t : tasks) {
            if (t.id().toLowerCase(java.util.Locale.ROOT).startsWith(key)) {
                if (found != null) {
                    return Optional.empty();
                }
                found = t;
            }
        }
        return Optional.ofNullable(found);
    }

    public List<Task> failed() {
        // Asked for by several views as a model is published: one walk of a fleet's 50,000 tasks, not one each.
        List<Task> f = failed;
        if (f == null) {
            f = tasks.stream().filter(Task::failed).toList();
            failed = f;
        }
        return f;
    }

    private volatile List<Task> failed;
}
