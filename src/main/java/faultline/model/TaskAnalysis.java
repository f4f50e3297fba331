package faultline.model;

import java.util.List;

/** Everything the analysis computed for one task. */
public record TaskAnalysis(Task task, List<Phase> phases, List<Milestone> milestones, ParamLoop loop, Crash crash) {

    public Phase phase(PhaseKind kind) {
        for (Phase p : phases) {
            if (p.kind() == kind) {
                return p;
            }
        }
        return Phase.notLogged(kind);
    }

    public Milestone milestone(Milestone.Kind kind) {
        for (Milestone m : milestones) {
            if (m.kind() == kind) {
                return m;
            }
        }
        return null;
    }
}
