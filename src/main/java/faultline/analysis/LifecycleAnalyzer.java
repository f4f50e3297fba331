package faultline.analysis;

import faultline.text.Prose;

import faultline.model.DurationText;
import faultline.model.Milestone;
import faultline.model.Phase;
import faultline.model.PhaseKind;
import faultline.model.Stamp;
import faultline.model.Task;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Lifecycle phases and milestones of a task from {@link PhaseRules}. Nothing is invented. */
public final class LifecycleAnalyzer {
    private static final Pattern RETURNED = Pattern.compile("^Task returned");
    private static final Pattern ENQUEUED = Pattern.compile("Successfully enqueued \\d+ new");

    private LifecycleAnalyzer() {
    }

    /**
     * @param failure index in the task of the first failure signal, or -1; open phases end there
     */
    public static List<Phase> phases(TaskText t, int failure) {
        List<Phase> out = new ArrayList<>();
        for (PhaseRules.Rule rule : PhaseRules.RULES) {
            out.add(phase(t, rule, failure));
        }
        return closeBySuccessor(out);
    }

    /**
     * Inside generation the phases follow one another: one whose end was not logged ended no later
     * than the next one started, not at the failure.
     */
    private static List<Phase> closeBySuccessor(List<Phase> phases) {
        List<Phase> out = new ArrayList<>(phases);
        for (int i = 0; i < out.size(); i++) {
            Phase p = out.get(i);
            if (!p.logged() || !p.kind().insideGeneration() || !(p.endsAtFailure() || p.endEvent() < 0)) {
                continue;
            }
            long next = Long.MAX_VALUE;
            for (Phase q : out) {
                if (q != p && q.logged() && q.kind().insideGeneration() && q.kind().ordinal() > p.kind().ordinal()
                        && q.start() >= p.start()) {
                    next = Math.min(next, q.start());
                }
            }
            if (next != Long.MAX_VALUE && next < p.end()) {
                String detail = p.detail().isEmpty() ? Prose.get("phase.end-not-logged") : p.detail() + ", " + Prose.get("phase.end-not-logged");
                out.set(i, new Phase(p.kind(), true, p.start(), next, p.startEvent(), -1, false, detail));
            }
        }
        return out;
    }

    private static Phase phase(TaskText t, PhaseRules.Rule rule, int failure) {
        int start = -1;
        for (int k = 0; k < t.size(); k++) {
            if (rule.start().matcher(t.body(k)).find()) {
                start = k;
                break;
            }
        }
        long startNanos;
        int startRow;
        if (start < 0) {
            // The queue wait may start at the tasks row's created_at when no creation line exists.
            Task task = t.task();
            if (rule.kind() == PhaseKind.QUEUED && task.created() != null) {
                startNanos = task.created().nanos();
                startRow = -1;
                start = firstAtOrAfter(t, startNanos);
            } else {
                return Phase.notLogged(rule.kind());
            }
        } else {
            startNanos = t.nanos(start);
            startRow = t.row(start);
        }
        int end = -1;
        for (int k = Math.max(start, 0) + (startRow >= 0 ? 1 : 0); k < t.size(); k++) {
            if (rule.end().matcher(t.body(k)).find()) {
                end = k;
                if (!rule.lastEnd()) {
                    break;
                }
            } else if (rule.lastEnd() && end >= 0 && rule.start().matcher(t.body(k)).find()) {
                break;
            }
        }
        String detail = "";
        if (rule.detail() != null && startRow >= 0) {
            Matcher m = rule.detail().matcher(t.body(start));
            if (m.find()) {
                detail = m.group(1) + " LoRAs";
            }
        }
        boolean failedFirst = failure >= 0 && (end < 0 || t.nanos(failure) < t.nanos(end)) && t.nanos(failure) >= startNanos;
        if (failedFirst && rule.kind() != PhaseKind.STATUS_UPDATE && rule.kind() != PhaseKind.CASCADE) {
            return new Phase(rule.kind(), true, startNanos, t.nanos(failure), startRow, t.row(failure), true, detail);
        }
        if (end < 0) {
            // Started, never ended, and no failure to end it: shown up to its last line.
            long lastNanos = t.size() == 0 ? startNanos : t.nanos(t.size() - 1);
            return new Phase(rule.kind(), true, startNanos, Math.max(startNanos, lastNanos), startRow, -1, false, detail);
        }
        long endNanos = t.nanos(end);
        if (detail.isEmpty() && rule.kind() == PhaseKind.MODEL_LOADING) {
            detail = DurationText.seconds(endNanos - startNanos);
        }
        return new Phase(rule.kind(), true, startNanos, endNanos, startRow, t.row(end), false, detail);
    }

    private static int firstAtOrAfter(TaskText t, long nanos) {
        for (int k = 0; k < t.size(); k++) {
            if (t.nanos(k) >= nanos) {
                return k;
            }
        }
        return Math.max(0, t.size() - 1);
    }

    /** The milestones the seed's lifecycle lists, where the logs show them. */
    public static List<Milestone> milestones(TaskText t) {
        List<Milestone> out = new ArrayList<>();
        Task task = t.task();
        int created = find(t, PhaseRules.rule(PhaseKind.QUEUED).start());
        if (created >= 0) {
            out.add(at(t, Milestone.Kind.CREATED, created));
        } else if (task.created() != null) {
            Stamp c = task.created();
            out.add(new Milestone(Milestone.Kind.CREATED, c.nanos(), c.precision(), -1, "tasks.created_at"));
        } else {
            int enq = find(t, ENQUEUED);
            if (enq >= 0) {
                out.add(at(t, Milestone.Kind.CREATED, enq));
            }
        }
        add(out, t, Milestone.Kind.RETURNED, RETURNED);
        add(out, t, Milestone.Kind.CLAIMED, PhaseRules.claimed());
        add(out, t, Milestone.Kind.GENERATION_START, PhaseRules.processing());
        add(out, t, Milestone.Kind.STATUS_UPDATE, PhaseRules.rule(PhaseKind.STATUS_UPDATE).start());
        add(out, t, Milestone.Kind.CASCADE, PhaseRules.rule(PhaseKind.CASCADE).start());
        add(out, t, Milestone.Kind.COMPLETED, Pattern.compile("^Task completed successfully"));
        out.sort((a, b) -> Long.compare(a.nanos(), b.nanos()));
        return out;
    }

    private static void add(List<Milestone> out, TaskText t, Milestone.Kind kind, Pattern p) {
        int k = find(t, p);
        if (k >= 0) {
            out.add(at(t, kind, k));
        }
    }

    private static Milestone at(TaskText t, Milestone.Kind kind, int k) {
        return new Milestone(kind, t.nanos(k), t.precision(k), t.row(k), t.body(k));
    }

    private static int find(TaskText t, Pattern p) {
        for (int k = 0; k < t.size(); k++) {
            if (p.matcher(t.body(k)).find()) {
                return k;
            }
        }
        return -1;
    }
}
