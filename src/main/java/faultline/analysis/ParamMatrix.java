package faultline.analysis;

import faultline.model.Comparison;
import faultline.model.LoopParam;
import faultline.model.ParamStatus;
import faultline.model.ParamValue;
import faultline.model.Provenance;
import faultline.model.TaskAnalysis;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Parameters × compared tasks: one row per parameter name in loop order, one cell per task, with
 * what differs across tasks marked.
 */
public record ParamMatrix(List<Row> rows, int tasks) {

    /**
     * @param cells          per compared task, its loop entry for this parameter, or null if its loop has none
     * @param valuesDiffer   the values processed differ between tasks
     * @param typesDiffer    the logged types differ
     * @param originsDiffer  the provenance (set of origins) differs
     */
    public record Row(String name, int index, List<LoopParam> cells, boolean valuesDiffer, boolean typesDiffer,
                      boolean originsDiffer) {
        public boolean differs() {
            return valuesDiffer || typesDiffer || originsDiffer;
        }

        public boolean anyCrashPoint() {
            for (LoopParam p : cells) {
                if (p != null && p.status() == ParamStatus.CRASH_POINT) {
                    return true;
                }
            }
            return false;
        }

        public boolean anyReached() {
            for (LoopParam p : cells) {
                if (p != null && p.status() != ParamStatus.NOT_REACHED) {
                    return true;
                }
            }
            return false;
        }

        public boolean anyMismatch() {
            for (LoopParam p : cells) {
                if (p != null && p.typeMismatch()) {
                    return true;
                }
            }
            return false;
        }
    }

    public static ParamMatrix of(Comparison c) {
        Map<String, Integer> order = new LinkedHashMap<>();
        for (TaskAnalysis a : c.tasks()) {
            for (LoopParam p : a.loop().params()) {
                order.merge(p.name(), p.index(), Math::min);
            }
        }
        List<Map.Entry<String, Integer>> names = new ArrayList<>(order.entrySet());
        names.sort(Map.Entry.comparingByValue());
        // Each task's parameters by name (the first entry of a name, as ParamLoop.param finds it).
        List<Map<String, LoopParam>> byName = new ArrayList<>();
        for (TaskAnalysis a : c.tasks()) {
            Map<String, LoopParam> m = new java.util.HashMap<>();
            for (LoopParam p : a.loop().params()) {
                m.putIfAbsent(p.name(), p);
            }
            byName.add(m);
        }
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<String, Integer> e : names) {
            List<LoopParam> cells = new ArrayList<>();
            for (Map<String, LoopParam> m : byName) {
                cells.add(m.get(e.getKey()));
            }
            rows.add(new Row(e.getKey(), e.getValue(), java.util.Collections.unmodifiableList(cells),
                    differ(cells, p -> p.value() == null ? null : p.value().text()),
                    differ(cells, LoopParam::loggedType),
                    differ(cells, p -> origins(p))));
        }
        return new ParamMatrix(List.copyOf(rows), c.size());
    }

    private static String origins(LoopParam p) {
        StringBuilder sb = new StringBuilder();
        for (Provenance pr : p.provenance()) {
            sb.append(pr.origin()).append('=').append(pr.value() == null ? "" : pr.value().text()).append(';');
        }
        return sb.toString();
    }

    private static boolean differ(List<LoopParam> cells, java.util.function.Function<LoopParam, String> f) {
        String first = null;
        boolean seen = false;
        for (LoopParam p : cells) {
            if (p == null) {
                continue;
            }
            String v = f.apply(p);
            if (!seen) {
                first = v;
                seen = true;
            } else if (!Objects.equals(first, v)) {
                return true;
            }
        }
        return false;
    }

    /** Value text for display: 7.5, or — when unknown. */
    public static String valueText(LoopParam p) {
        ParamValue v = p == null ? null : p.value();
        return v == null ? "—" : v.text();
    }
}
