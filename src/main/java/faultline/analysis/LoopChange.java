package faultline.analysis;

import faultline.text.Prose;

import faultline.model.LoopParam;
import faultline.model.ParamStep;
import faultline.model.ParamValue;
import faultline.model.Provenance;
import faultline.model.StepKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two consecutive iterations of a loop (LOOP k−1 → LOOP k): the parameter,
 * its value and type, where the value came from, the steps reached, and the time between them.
 */
public record LoopChange(int fromIndex, int toIndex, String fromName, String toName, List<String> changes,
                         List<String> unchanged, long gapNanos) {

    public static LoopChange between(LoopParam a, LoopParam b) {
        List<String> changes = new ArrayList<>();
        List<String> same = new ArrayList<>();
        changes.add(Prose.format("change.parameter", a.name(), b.name()));
        String va = a.value() == null ? Prose.get("change.unknown") : a.value().text() + " (" + a.value().type() + ")";
        String vb = b.value() == null ? Prose.get("change.unknown") : b.value().text() + " (" + b.value().type() + ")";
        (Objects.equals(va, vb) ? same : changes).add(Prose.format("change.value", va + (Objects.equals(va, vb) ? "" : " → " + vb)));
        String ta = a.loggedType().isEmpty() ? Prose.get("report.not-logged") : a.loggedType();
        String tb = b.loggedType().isEmpty() ? Prose.get("report.not-logged") : b.loggedType();
        if (ta.equals(tb)) {
            same.add(Prose.format("change.logged-type", ta));
        } else {
            changes.add(Prose.format("change.logged-type", ta + " → " + tb));
        }
        if (b.typeMismatch() && !a.typeMismatch()) {
            changes.add(Prose.format("change.mismatch", b.loggedType(), b.value().text()));
        }
        String oa = origins(a);
        String ob = origins(b);
        (oa.equals(ob) ? same : changes).add(Prose.format("change.origin", oa + (oa.equals(ob) ? "" : " → " + ob)));
        String sa = steps(a);
        String sb = steps(b);
        (sa.equals(sb) ? same : changes).add(Prose.format("change.steps", sa + (sa.equals(sb) ? "" : " → " + sb)));
        if (!a.status().equals(b.status())) {
            changes.add(Prose.format("change.outcome", a.status().label(), b.status().label()));
        }
        long gap = a.lastStep() != null && b.first() != null ? b.first().nanos() - a.lastStep().nanos() : -1;
        return new LoopChange(a.index(), b.index(), a.name(), b.name(), List.copyOf(changes), List.copyOf(same), gap);
    }

    private static String origins(LoopParam p) {
        if (p.provenance().isEmpty()) {
            return Prose.get("report.not-logged");
        }
        List<String> s = new ArrayList<>();
        for (Provenance pr : p.provenance()) {
            s.add(pr.origin().label());
        }
        return String.join(" + ", s);
    }

    private static String steps(LoopParam p) {
        List<String> s = new ArrayList<>();
        StepKind last = null;
        for (ParamStep st : p.steps()) {
            if (st.kind() != last) {
                s.add(st.kind().label());
            }
            last = st.kind();
        }
        return s.isEmpty() ? "none" : String.join(", ", s);
    }

    static ParamValue valueOf(LoopParam p) {
        return p.value();
    }
}
