package faultline.analysis;

import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.Crash;
import faultline.model.Milestone;
import faultline.model.ParamLoop;
import faultline.model.ParamStep;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** Lines compared tasks up on an anchor; a task without that anchor falls back to its crash, then its first line. */
public final class Alignment {
    private Alignment() {
    }

    public static Comparison align(List<TaskAnalysis> tasks, Anchor anchor, List<Long> shifts, TaskSet set) {
        List<Long> anchors = new ArrayList<>();
        long reference = Long.MAX_VALUE;
        for (TaskAnalysis a : tasks) {
            long t = anchorOf(a, Anchor.CRASH, set).orElse(first(a, set));
            reference = Math.min(reference, t);
        }
        for (TaskAnalysis a : tasks) {
            if (anchor == Anchor.WALL_CLOCK) {
                anchors.add(reference);
            } else {
                anchors.add(anchorOf(a, anchor, set).orElse(anchorOf(a, Anchor.CRASH, set).orElse(first(a, set))));
            }
        }
        List<Long> s = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) {
            s.add(shifts != null && i < shifts.size() && shifts.get(i) != null ? shifts.get(i) : 0L);
        }
        return new Comparison(List.copyOf(tasks), anchor, List.copyOf(anchors), List.copyOf(s));
    }

    /** The anchor time of a task, if its logs show it. The crash anchor is the last evidence before the failure. */
    public static OptionalLong anchorOf(TaskAnalysis a, Anchor anchor, TaskSet set) {
        switch (anchor) {
            case CRASH: {
                Crash c = a.crash();
                if (c == null) {
                    return OptionalLong.empty();
                }
                if (c.lastEvidence() >= 0) {
                    return OptionalLong.of(set.store().nanos(c.lastEvidence()));
                }
                return c.firstSignal() >= 0 ? OptionalLong.of(c.signalEarliest()) : OptionalLong.empty();
            }
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

    private static OptionalLong milestone(TaskAnalysis a, Milestone.Kind k) {
        Milestone m = a.milestone(k);
        return m == null ? OptionalLong.empty() : OptionalLong.of(m.nanos());
    }

    private static long first(TaskAnalysis a, TaskSet set) {
        int[] e = a.task().events();
        return e.length == 0 ? 0 : set.store().nanos(e[0]);
    }
}
