package faultline.analysis;

import faultline.model.Crash;
import faultline.model.Milestone;
import faultline.model.ParamLoop;
import faultline.model.Phase;
import faultline.model.Task;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Analyses tasks of one task set on demand and remembers the results; peers for learning model
 * defaults are the tasks of the same type on the same worker, nearest in time first.
 * Not thread-safe: use from one thread (the analysis executor).
 */
public final class Analyzer {
    static final int MAX_PEERS = 12;
    static final int MAX_CANDIDATES = 48;

    private final TaskSet set;
    private final Map<Integer, TaskText> texts = new HashMap<>();
    private final Map<Integer, LoopScan> scans = new HashMap<>();
    private final Map<Integer, TaskAnalysis> results = new HashMap<>();
    private PeerIndex peerIndex;

    public Analyzer(TaskSet set) {
        this.set = set;
    }

    public TaskSet set() {
        return set;
    }

    public TaskAnalysis analyse(Task task) {
        TaskAnalysis cached = results.get(task.index());
        if (cached != null) {
            return cached;
        }
        TaskText t = text(task);
        LoopScan scan = scan(task);
        List<LoopScan> peers = peers(task);
        int failure = FailureSignals.first(t);
        if (!task.failed() && task.status() != faultline.model.TaskStatus.UNKNOWN && task.status() != faultline.model.TaskStatus.IN_PROGRESS) {
            failure = -1; // a completed task's error lines were handled by the worker
        }
        List<Phase> phases = LifecycleAnalyzer.phases(t, failure);
        List<Milestone> milestones = LifecycleAnalyzer.milestones(t);
        ParamLoop loop = ParamLoopAnalyzer.analyse(scan, task.failed() || failure >= 0, peers);
        Crash crash = task.failed() || failure >= 0 ? CrashAnalyzer.analyse(t, failure, phases, loop, scan, peers) : null;
        TaskAnalysis a = new TaskAnalysis(task, phases, milestones, loop, crash);
        results.put(task.index(), a);
        return a;
    }

    /**
     * The crash of one task alone, for listing many failures: its exception, site and signature are
     * those of {@link #analyse}, but nothing is learned from its peers (they only tell where parameter
     * values came from and which step was due next) and nothing is kept.
     */
    public Crash crashOf(Task task) {
        TaskText t = texts.containsKey(task.index()) ? texts.get(task.index()) : new TaskText(task, set.store());
        LoopScan scan = LoopScan.of(t);
        int failure = FailureSignals.first(t);
        if (!task.failed() && task.status() != faultline.model.TaskStatus.UNKNOWN && task.status() != faultline.model.TaskStatus.IN_PROGRESS) {
            failure = -1;
        }
        if (!task.failed() && failure < 0) {
            return null;
        }
        // A task known only from its row has no lines to place phases on; its error text still names the exception.
        List<Phase> phases = t.size() == 0 ? List.of() : LifecycleAnalyzer.phases(t, failure);
        ParamLoop loop = ParamLoopAnalyzer.analyse(scan, true, List.of());
        return CrashAnalyzer.analyse(t, failure, phases, loop, scan, List.of());
    }

    public List<TaskAnalysis> analyse(List<Task> tasks) {
        List<TaskAnalysis> out = new ArrayList<>();
        for (Task t : tasks) {
            out.add(analyse(t));
        }
        return out;
    }

    TaskText text(Task task) {
        return texts.computeIfAbsent(task.index(), i -> new TaskText(task, set.store()));
    }

    LoopScan scan(Task task) {
        return scans.computeIfAbsent(task.index(), i -> LoopScan.of(text(task)));
    }

    /**
     * The nearest tasks in time of the same type that logged a loop, at most {@link #MAX_PEERS}; at most
     * {@link #MAX_CANDIDATES} are looked at, so that a fleet of 50,000 tasks costs a failure no more than
     * a file of ten.
     */
    List<LoopScan> peers(Task task) {
        PeerIndex.OfType index = peerIndex().of(task.type());
        List<LoopScan> out = new ArrayList<>();
        if (index == null) {
            return out;
        }
        long at = task.events().length == 0 ? 0 : set.store().nanos(task.events()[0]);
        int[] order = index.nearest(at, MAX_CANDIDATES + 1);
        for (int k : order) {
            if (out.size() >= MAX_PEERS) {
                break;
            }
            Task c = set.task(k);
            if (c.index() == task.index()) {
                continue;
            }
            LoopScan s = scan(c);
            if (s.present()) {
                out.add(s);
            }
        }
        return out;
    }

    private PeerIndex peerIndex() {
        if (peerIndex == null) {
            peerIndex = PeerIndex.of(set);
        }
        return peerIndex;
    }
}
