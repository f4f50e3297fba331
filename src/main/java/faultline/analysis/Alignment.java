package faultline.analysis;

import faultline.text.Prose;

import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.LaneAnchor;
import faultline.model.Milestone;
import faultline.model.ParamLoop;
import faultline.model.ParamStep;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Lines compared tasks up on an anchor. A task without that anchor falls back to its crash, then to
 * its first line, and its lane says so. The crash of every lane is found by the one rule of
 * {@link CrashAnchor}.
 */
public final class Alignment {
    private Alignment() {
    }

    public static Comparison align(List<TaskAnalysis> tasks, Anchor anchor, List<Long> shifts, TaskSet set) {
        List<LaneAnchor> found = new ArrayList<>();
        // Wall clock: T is the earliest crash of the lanes; without any crash, the earliest first line.
        long reference = Long.MAX_VALUE;
        long firstLine = Long.MAX_VALUE;
        for (TaskAnalysis a : tasks) {
            LaneAnchor c = laneAnchor(a, Anchor.CRASH, set);
            if (c.kind().isCrash()) {
                reference = Math.min(reference, c.nanos());
            } else {
                firstLine = Math.min(firstLine, c.nanos());
            }
        }
        if (reference == Long.MAX_VALUE) {
            reference = firstLine == Long.MAX_VALUE ? 0 : firstLine;
        }
        for (TaskAnalysis a : tasks) {
            found.add(anchor == Anchor.WALL_CLOCK ? LaneAnchor.at(LaneAnchor.Kind.WALL_CLOCK, reference) : laneAnchor(a, anchor, set));
        }
        List<Long> anchors = found.stream().map(LaneAnchor::nanos).toList();
        List<Long> s = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            s.add(shifts != null && i < shifts.size() && shifts.get(i) != null ? shifts.get(i) : 0L);
        }
        return new Comparison(List.copyOf(tasks), anchor, anchors, List.copyOf(s), List.copyOf(found));
    }

    /** The anchor of one lane: the one asked for, else its crash, else its first line. */
    public static LaneAnchor laneAnchor(TaskAnalysis a, Anchor anchor, TaskSet set) {
        if (anchor != Anchor.CRASH && anchor != Anchor.WALL_CLOCK) {
            OptionalLong t = milestoneAnchor(a, anchor);
            if (t.isPresent()) {
                return LaneAnchor.at(LaneAnchor.Kind.valueOf(anchor.name()), t.getAsLong());
            }
        }
        Optional<LaneAnchor> crash = CrashAnchor.of(a.crash(), set.store());
        if (crash.isPresent()) {
            return crash.get();
        }
        int[] e = a.task().events();
        return LaneAnchor.at(LaneAnchor.Kind.FIRST_LINE, e.length == 0 ? 0 : set.store().nanos(e[0]));
    }

    /** The anchor time of a task, if its logs show it. */
    public static OptionalLong anchorOf(TaskAnalysis a, Anchor anchor, TaskSet set) {
        if (anchor == Anchor.CRASH) {
            Optional<LaneAnchor> c = CrashAnchor.of(a.crash(), set.store());
            return c.isPresent() ? OptionalLong.of(c.get().nanos()) : OptionalLong.empty();
        }
        return milestoneAnchor(a, anchor);
    }

    private static OptionalLong milestoneAnchor(TaskAnalysis a, Anchor anchor) {
        switch (anchor) {
            case CREATED: return milestone(a, Milestone.Kind.CREATED);
            case CLAIMED: return milestone(a, Milestone.Kind.CLAIMED);
            case GENERATION_START: return milestone(a, Milestone.Kind.GENERATION_START);
            case LOOP_START: {
                ParamLoop l = a.loop();
                if (l.params().isEmpty()) {
                    return OptionalLong.empty();
                }
                ParamStep s = l.params().get(0).first();
                return s == null ? OptionalLong.empty() : OptionalLong.of(s.nanos());
            }
            default: return OptionalLong.empty();
        }
    }

    /** What T is, in words, for a caption or a report. */
    public static String rule(Anchor anchor) {
        switch (anchor) {
            case CRASH: return CrashAnchor.RULE;
            case WALL_CLOCK: return Prose.format("anchor.rule.wall", CrashAnchor.MOMENT, CrashAnchor.SPAN);
            default: return Prose.format("anchor.rule", anchor.label(), CrashAnchor.MOMENT, CrashAnchor.SPAN);
        }
    }

    private static OptionalLong milestone(TaskAnalysis a, Milestone.Kind k) {
        Milestone m = a.milestone(k);
        return m == null ? OptionalLong.empty() : OptionalLong.of(m.nanos());
    }
}
