package faultline.importer.db;

import faultline.model.EventStore;
import faultline.model.Task;
import faultline.model.TaskSet;

import java.util.ArrayList;
import java.util.List;

/** A task set written out line by line (tasks, then events with full time, precision and text), to compare two of them. */
final class TaskSets {
    private TaskSets() {
    }

    static List<String> tasks(TaskSet set) {
        List<String> out = new ArrayList<>();
        for (Task t : set.tasks()) {
            out.add(String.join(" | ", t.id(), t.type(), t.status().label(), t.workerId(), String.valueOf(t.created()),
                    String.valueOf(t.started()), String.valueOf(t.ended()), t.errorMessage(), t.parentId(), t.runId(),
                    String.valueOf(t.params()), Integer.toString(t.eventCount())));
        }
        return out;
    }

    /** Every event kept (duplicates dropped), in import order: time, precision, estimate, level, task, line, message. */
    static List<String> events(TaskSet set) {
        EventStore s = set.store();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            String task = s.task(i) >= 0 ? set.task(s.task(i)).id() : "-";
            out.add(s.nanos(i) + " p" + s.precision(i) + (s.estimated(i) ? "~" : "") + " " + s.level(i) + " " + task
                    + (s.isDuplicate(i) ? " dup" : "") + " :" + s.line(i) + " " + s.message(i));
        }
        return out;
    }

    /** Events without where they came from (line numbers differ between a database and files). */
    static List<String> eventsAnywhere(TaskSet set) {
        EventStore s = set.store();
        List<String> out = new ArrayList<>();
        for (int i = 0; i < s.size(); i++) {
            if (s.isDuplicate(i)) {
                continue;
            }
            String task = s.task(i) >= 0 ? set.task(s.task(i)).id() : "-";
            out.add(s.nanos(i) + " p" + s.precision(i) + " " + s.level(i) + " " + task + " " + s.message(i));
        }
        out.sort(null);
        return out;
    }
}
