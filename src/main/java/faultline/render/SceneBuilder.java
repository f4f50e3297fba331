package faultline.render;

import faultline.text.Prose;

import faultline.analysis.Alignment;
import faultline.analysis.CrashAnchor;
import faultline.model.Comparison;
import faultline.model.LaneAnchor;
import faultline.model.Crash;
import faultline.model.EventStore;
import faultline.model.LoopParam;
import faultline.model.ParamStatus;
import faultline.model.ParamStep;
import faultline.model.Phase;
import faultline.model.Task;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;

import java.util.ArrayList;
import java.util.List;

/** Turns a comparison into a {@link TimelineScene}: aligned times, phase bars, marks, loop steps, crash windows. */
public final class SceneBuilder {
    private SceneBuilder() {
    }

    /** Loop steps in time order, so that a frame finds the visible ones by binary search. */
    private static List<TimelineScene.StepMark> sortedSteps(List<TimelineScene.StepMark> steps) {
        List<TimelineScene.StepMark> s = new ArrayList<>(steps);
        s.sort((a, b) -> Long.compare(a.t(), b.t()));
        return List.copyOf(s);
    }

    public static TimelineScene build(Comparison c, TaskSet set) {
        EventStore store = set.store();
        List<TimelineScene.Lane> lanes = new ArrayList<>();
        boolean lineOrder = c.size() > 0;
        for (int i = 0; i < c.size(); i++) {
            TaskAnalysis a = c.tasks().get(i);
            Task task = a.task();
            int[] rows = task.events();
            long[] times = new long[rows.length];
            long[] latest = new long[rows.length];
            byte[] levels = new byte[rows.length];
            for (int k = 0; k < rows.length; k++) {
                times[k] = c.aligned(i, store.nanos(rows[k]));
                latest[k] = c.aligned(i, store.latest(rows[k]));
                levels[k] = (byte) store.level(rows[k]).ordinal();
            }
            List<TimelineScene.PhaseBar> phases = new ArrayList<>();
            for (Phase p : a.phases()) {
                if (p.logged()) {
                    phases.add(new TimelineScene.PhaseBar(p.kind(), c.aligned(i, p.start()), c.aligned(i, p.end()),
                            p.endsAtFailure(), p.detail()));
                }
            }
            List<TimelineScene.StepMark> steps = new ArrayList<>();
            for (LoopParam lp : a.loop().params()) {
                for (ParamStep s : lp.steps()) {
                    steps.add(new TimelineScene.StepMark(c.aligned(i, s.nanos()), s.kind(), lp.index(), lp.name(),
                            lp.status() == ParamStatus.CRASH_POINT));
                }
            }
            TimelineScene.CrashMark crash = null;
            Crash cr = a.crash();
            java.util.Optional<LaneAnchor> moment = CrashAnchor.of(cr, store);
            if (moment.isPresent()) {
                LaneAnchor m = moment.get();
                long last = cr.lastEvidence() >= 0 ? c.aligned(i, store.nanos(cr.lastEvidence())) : c.aligned(i, m.nanos());
                String label = cr.exceptionType().isEmpty() ? Prose.get("lane.failure") : cr.exceptionType();
                if (cr.crashParam() != null) {
                    label += Prose.format("lane.failure.at", String.valueOf(cr.crashParam().index()), String.valueOf(cr.crashParam().total()), cr.crashParam().name());
                }
                if (cr.firstSignal() < 0) {
                    label = Prose.get("lane.failure.missing");
                }
                crash = new TimelineScene.CrashMark(Math.min(last, c.aligned(i, m.nanos())), c.aligned(i, m.nanos()),
                        c.aligned(i, m.latest()), m.kind() == LaneAnchor.Kind.FAILURE, label);
            }
            long first = rows.length == 0 ? 0 : times[0];
            long lastT = rows.length == 0 ? 0 : Math.max(times[rows.length - 1], latest[rows.length - 1]);
            for (TimelineScene.PhaseBar p : phases) {
                first = Math.min(first, p.start());
                lastT = Math.max(lastT, p.end());
            }
            boolean untimed = untimed(task, set);
            lineOrder &= untimed;
            String subtitle = task.type() + (task.workerId().isEmpty() ? "" : " · " + task.workerId())
                    + (untimed ? " · " + Prose.get("lane.no-clock") : "")
                    + (cr != null ? " · " + cr.signature().shortText() : " · " + task.status().label())
                    + (c.shifts().get(i) != 0 ? " · " + Prose.format("lane.shifted", faultline.model.DurationText.signed(c.shifts().get(i))) : "");
            lanes.add(new TimelineScene.Lane(task.index(), task.shortId(), subtitle, c.anchors().get(i), c.shifts().get(i),
                    List.copyOf(phases), TimelineScene.Marks.of(times, latest, levels, rows), sortedSteps(steps), crash, first, lastT,
                    List.of(), c.laneAnchors().get(i).note(c.anchor())));
        }
        return new TimelineScene(List.copyOf(lanes), c.anchor().label(), Alignment.rule(c.anchor()), lineOrder);
    }

    /** Whether every source of the task's lines has no clock, so that its times are line positions. */
    private static boolean untimed(Task task, TaskSet set) {
        if (task.sources().isEmpty()) {
            return false;
        }
        for (int s : task.sources()) {
            if (s >= set.sources().size() || !set.sources().get(s).untimed()) {
                return false;
            }
        }
        return true;
    }
}
