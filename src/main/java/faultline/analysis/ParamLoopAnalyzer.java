package faultline.analysis;

import faultline.text.Prose;

import faultline.model.LoopParam;
import faultline.model.ParamLoop;
import faultline.model.ParamStatus;
import faultline.model.ParamStep;
import faultline.model.ParamValue;
import faultline.model.Provenance;
import faultline.model.Provenance.Origin;
import faultline.model.StepKind;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Interprets a task's loop: status of every parameter, the value processed, the logged type and
 * whether it fits, and the provenance chain (model default, task parameter, phase_config, override,
 * final), each with the line that shows it. Model defaults the task's own loop did not reach are
 * learned from peers: other tasks whose loop iterated over the same model_defaults keys.
 */
public final class ParamLoopAnalyzer {
    private ParamLoopAnalyzer() {
    }

    /**
     * @param failed true if the task failed: the last iteration that did not finish is the crash point
     * @param peers  scans of other tasks of the same model (may be empty)
     */
    public static ParamLoop analyse(LoopScan scan, boolean failed, List<LoopScan> peers) {
        if (!scan.present()) {
            return ParamLoop.NONE;
        }
        List<LoopParam> out = new ArrayList<>();
        int lastIndex = 0;
        for (LoopScan.Iteration it : scan.iterations.values()) {
            lastIndex = Math.max(lastIndex, it.index);
        }
        for (LoopScan.Iteration it : scan.iterations.values()) {
            boolean crash = failed && !scan.completed && it.index == lastIndex && !it.done();
            ParamStatus status = it.done()
                    ? (it.steps.stream().anyMatch(s -> s.kind() == StepKind.SKIPPED) ? ParamStatus.SKIPPED : ParamStatus.COMPLETED)
                    : crash ? ParamStatus.CRASH_POINT : ParamStatus.INCOMPLETE;
            out.add(param(scan, it, status, peers));
        }
        // Parameters the loop never reached, named by the DIAGNOSTIC keys.
        if (!scan.completed && !scan.keys.isEmpty()) {
            for (int i = lastIndex + 1; i <= scan.keys.size(); i++) {
                String name = scan.keys.get(i - 1);
                List<Provenance> prov = provenance(scan, name, null, peers);
                ParamValue value = valueOf(prov);
                out.add(new LoopParam(i, scan.total, name, "", List.of(), "", value, prov, ParamStatus.NOT_REACHED, false, ""));
            }
        }
        out.sort((a, b) -> Integer.compare(a.index(), b.index()));
        return new ParamLoop(scan.total, List.copyOf(out), scan.completed, scan.modelDefaultsId, scan.keys);
    }

    private static LoopParam param(LoopScan scan, LoopScan.Iteration it, ParamStatus status, List<LoopScan> peers) {
        List<Provenance> prov = provenance(scan, it.name, it, peers);
        ParamValue value = valueOf(prov);
        boolean mismatch = value != null && value.contradicts(it.loggedType);
        return new LoopParam(it.index, it.total == 0 ? scan.total : it.total, it.name, it.loggedType, List.copyOf(it.steps),
                it.changeLine, value, prov, status, mismatch, it.skipReason);
    }

    /** The value processed at the iteration: the model default the loop merges, else the first known link. */
    private static ParamValue valueOf(List<Provenance> prov) {
        for (Provenance p : prov) {
            if (p.origin() == Origin.MODEL_DEFAULT) {
                return p.value();
            }
        }
        return prov.isEmpty() ? null : prov.get(0).value();
    }

    static List<Provenance> provenance(LoopScan scan, String name, LoopScan.Iteration it, List<LoopScan> peers) {
        List<Provenance> out = new ArrayList<>();
        String shortId = scan.text.task().shortId();
        int self = scan.text.task().index();
        if (it != null && it.changeNew != null) {
            out.add(new Provenance(Origin.MODEL_DEFAULT, ParamValue.ofLiteral(it.changeNew), it.changeEvent,
                    Prose.format("origin.loop", String.valueOf(it.index), shortId), self));
        } else {
            Provenance learned = statedDefault(scan, name);
            if (learned == null) {
                learned = learnedDefault(scan, name, peers);
            }
            if (learned != null) {
                out.add(learned);
            }
        }
        ParamValue taskValue = scan.text.task().params().get(name);
        if (taskValue != null) {
            out.add(new Provenance(Origin.TASK_PARAMETER, taskValue, -1, Prose.format("origin.task-params", shortId), self));
        }
        // Looked up by name: a loop of n parameters costs n lookups, not n scans of everything.
        for (LoopScan.Assigned a : scan.phaseConfigOf(name)) {
            out.add(new Provenance(Origin.PHASE_CONFIG, ParamValue.ofLiteral(a.value()), a.event(), Prose.format("origin.phase-config", shortId), self));
        }
        for (LoopScan.Foreign f : scan.foreignOf(name)) {
            out.add(new Provenance(Origin.OVERRIDE, ParamValue.ofLiteral(f.newValue()), f.event(),
                    Prose.format("origin.change-line", String.valueOf(scan.iterationOfForeign(f).index), shortId, f.oldValue(), f.newValue()), self));
        }
        for (LoopScan.Assigned a : scan.overridesOf(name)) {
            out.add(new Provenance(Origin.OVERRIDE, ParamValue.ofLiteral(a.value()), a.event(),
                    Prose.format("origin.override", shortId, a.oldValue(), a.value()), self));
        }
        for (LoopScan.Assigned a : scan.finalsOf(name)) {
            out.add(new Provenance(Origin.FINAL, ParamValue.ofLiteral(a.value()), a.event(), Prose.format("origin.final", shortId), self));
        }
        return out;
    }

    /** The value a comparison digest states: "Value: 7.5 (from model defaults)" first, else the plain value. */
    private static Provenance statedDefault(LoopScan scan, String name) {
        LoopScan.Assigned plain = null;
        for (LoopScan.Assigned a : scan.statedOf(name)) {
            if ("model default".equals(a.oldValue())) {
                return new Provenance(Origin.MODEL_DEFAULT, ParamValue.ofLiteral(a.value()), a.event(),
                        Prose.get("origin.stated"), scan.text.task().index());
            }
            plain = plain == null ? a : plain;
        }
        return plain == null ? null : new Provenance(Origin.MODEL_DEFAULT, ParamValue.ofLiteral(plain.value()), plain.event(),
                Prose.get("origin.stated.plain"), scan.text.task().index());
    }

    /** A model default logged by a peer running the same model_defaults, or by this task's own override line. */
    private static Provenance learnedDefault(LoopScan scan, String name, List<LoopScan> peers) {
        for (LoopScan peer : peers) {
            if (peer == scan || !sameModel(scan, peer)) {
                continue;
            }
            LoopScan.Iteration it = peer.iterationOf(name);
            if (it != null && it.changeNew != null && "NOT_SET".equals(it.changeOld)) {
                return new Provenance(Origin.MODEL_DEFAULT, ParamValue.ofLiteral(it.changeNew), it.changeEvent,
                        Prose.format("origin.peer", String.valueOf(it.index), peer.text.task().shortId()), peer.text.task().index());
            }
        }
        return null;
    }

    static boolean sameModel(LoopScan a, LoopScan b) {
        if (!a.keys.isEmpty() && !b.keys.isEmpty()) {
            return a.keys.equals(b.keys);
        }
        return a.total == b.total && a.total > 0;
    }

    /**
     * The step that follows {@code after} in finished iterations of this loop (and of peers if it has
     * none): "after Getting old value comes Assigning new value".
     */
    public static StepKind expectedNext(LoopScan scan, StepKind after, List<LoopScan> peers) {
        Map<StepKind, Integer> votes = new EnumMap<>(StepKind.class);
        count(scan, after, votes);
        if (votes.isEmpty()) {
            for (LoopScan p : peers) {
                if (p != scan) {
                    count(p, after, votes);
                }
            }
        }
        StepKind best = null;
        int bestVotes = 0;
        for (Map.Entry<StepKind, Integer> e : votes.entrySet()) {
            if (e.getValue() > bestVotes) {
                best = e.getKey();
                bestVotes = e.getValue();
            }
        }
        return best;
    }

    private static void count(LoopScan scan, StepKind after, Map<StepKind, Integer> votes) {
        for (LoopScan.Iteration it : scan.iterations.values()) {
            if (!it.done()) {
                continue;
            }
            List<ParamStep> steps = it.steps;
            for (int i = 0; i + 1 < steps.size(); i++) {
                if (steps.get(i).kind() == after && steps.get(i + 1).kind() != after) {
                    votes.merge(steps.get(i + 1).kind(), 1, Integer::sum);
                    break;
                }
            }
        }
    }
}
