package faultline.analysis;

import faultline.model.ParamStep;
import faultline.model.StepKind;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The raw facts of one task's parameter-resolution loop and the lines around it: iterations with
 * their steps, change lines, overrides, phase_config patches, final values. No interpretation yet.
 */
public final class LoopScan {
    static final Pattern PROCESSING = Pattern.compile("LOOP \\[(\\d{1,9})/(\\d{1,9})\\]: Processing param='([^']*)'(?:, value_type=(\\w+))?");
    static final Pattern STEP = Pattern.compile("LOOP \\[(\\d{1,9})\\]: (Getting old value|Assigning new value|Logging change|Completed)(?: for)? '([^']*)'");
    static final Pattern SKIPPED = Pattern.compile("LOOP \\[(\\d{1,9})\\]: Skipped '([^']*)'\\s*(.*)$");
    static final Pattern CHANGE = Pattern.compile("^([A-Za-z_][\\w.]*): (.*?) → (.*)$");
    static final Pattern DEFAULTS = Pattern.compile("DIAGNOSTIC: model_defaults has (\\d+) parameters(?: \\| keys: \\[(.*?)\\])?(?: \\| is type: [^|]*)?(?: \\| id: (\\d+))?");
    static final Pattern LOOP_DONE = Pattern.compile("DIAGNOSTIC: Loop completed successfully");
    static final Pattern OVERRIDE = Pattern.compile("Task override ([\\w.]+): (.*?) → (.*)$");
    static final Pattern FINAL = Pattern.compile("\\[FINAL_PARAMS\\] ([\\w.]+): (.*)$");
    static final Pattern PHASE_OVERRIDE = Pattern.compile("phase_config overriding ([\\w.]+): (\\S+)");
    static final Pattern PHASE_PATCH = Pattern.compile("\\[PHASE_CONFIG\\] Patched [^:]*: (.*?)(?: \\(|$)");
    static final Pattern ASSIGNMENT = Pattern.compile("([A-Za-z_]\\w*)=([^,\\s]+)");
    /** Statements of a comparison digest about the value at the crash point. */
    static final Pattern STATED_DEFAULT = Pattern.compile("^model default ([\\w.]+) = (.+)$");
    static final Pattern STATED_VALUE = Pattern.compile("^digest value ([\\w.]+) = (.+)$");

    /** One iteration as logged. */
    public static final class Iteration {
        final int index;
        int total;
        String name;
        String loggedType = "";
        final List<ParamStep> steps = new ArrayList<>();
        String changeLine = "";
        String changeOld;
        String changeNew;
        int changeEvent = -1;
        /** Change lines logged during this iteration that name another parameter. */
        final List<Foreign> foreign = new ArrayList<>();
        String skipReason = "";

        Iteration(int index) {
            this.index = index;
        }

        StepKind last() {
            return steps.isEmpty() ? null : steps.get(steps.size() - 1).kind();
        }

        boolean done() {
            for (ParamStep s : steps) {
                if (s.kind() == StepKind.COMPLETED || s.kind() == StepKind.SKIPPED) {
                    return true;
                }
            }
            return false;
        }
    }

    /** A value line found around the loop (override, patch, final). */
    record Assigned(String name, String oldValue, String value, int event, int k) {
    }

    record Foreign(String name, String oldValue, String newValue, int event) {
    }

    final TaskText text;
    final Map<Integer, Iteration> iterations = new LinkedHashMap<>();
    int total;
    boolean completed;
    String modelDefaultsId = "";
    List<String> keys = List.of();
    final List<Assigned> overrides = new ArrayList<>();
    final List<Assigned> phaseConfig = new ArrayList<>();
    final List<Assigned> finals = new ArrayList<>();
    final List<Assigned> stated = new ArrayList<>();

    /** The lists above by parameter name, each in its order, built once the scan is done: lookups stay linear overall. */
    private final Map<String, List<Assigned>> overridesByName = new java.util.HashMap<>();
    private final Map<String, List<Assigned>> phaseConfigByName = new java.util.HashMap<>();
    private final Map<String, List<Assigned>> finalsByName = new java.util.HashMap<>();
    private final Map<String, List<Assigned>> statedByName = new java.util.HashMap<>();
    private final Map<String, List<Foreign>> foreignByName = new java.util.HashMap<>();
    private final Map<Foreign, Iteration> iterationOfForeign = new java.util.IdentityHashMap<>();
    private final Map<String, Iteration> iterationByName = new java.util.HashMap<>();

    private LoopScan(TaskText text) {
        this.text = text;
    }

    private void index() {
        group(overrides, overridesByName);
        group(phaseConfig, phaseConfigByName);
        group(finals, finalsByName);
        group(stated, statedByName);
        for (Iteration it : iterations.values()) {
            if (it.name != null) {
                iterationByName.putIfAbsent(it.name, it);
            }
            for (Foreign f : it.foreign) {
                foreignByName.computeIfAbsent(f.name(), k -> new ArrayList<>()).add(f);
                iterationOfForeign.put(f, it);
            }
        }
    }

    private static void group(List<Assigned> all, Map<String, List<Assigned>> byName) {
        for (Assigned a : all) {
            byName.computeIfAbsent(a.name(), k -> new ArrayList<>()).add(a);
        }
    }

    List<Assigned> overridesOf(String name) {
        return overridesByName.getOrDefault(name, List.of());
    }

    List<Assigned> phaseConfigOf(String name) {
        return phaseConfigByName.getOrDefault(name, List.of());
    }

    List<Assigned> finalsOf(String name) {
        return finalsByName.getOrDefault(name, List.of());
    }

    List<Assigned> statedOf(String name) {
        return statedByName.getOrDefault(name, List.of());
    }

    /** Change lines naming this parameter that were logged during other parameters' iterations, in loop order. */
    List<Foreign> foreignOf(String name) {
        return foreignByName.getOrDefault(name, List.of());
    }

    Iteration iterationOfForeign(Foreign f) {
        return iterationOfForeign.get(f);
    }

    public static LoopScan of(TaskText t) {
        LoopScan s = new LoopScan(t);
        Iteration current = null;
        for (int k = 0; k < t.size(); k++) {
            String body = t.body(k);
            if (body.indexOf("LOOP [") >= 0) {
                Matcher m = PROCESSING.matcher(body);
                if (m.find()) {
                    int i = Integer.parseInt(m.group(1));
                    current = s.iterations.computeIfAbsent(i, Iteration::new);
                    current.total = Integer.parseInt(m.group(2));
                    current.name = m.group(3);
                    current.loggedType = m.group(4) == null ? "" : m.group(4);
                    s.total = Math.max(s.total, current.total);
                    current.steps.add(step(t, k, StepKind.PROCESSING));
                    continue;
                }
                Matcher st = STEP.matcher(body);
                if (st.find()) {
                    Iteration it = s.iteration(Integer.parseInt(st.group(1)), st.group(3));
                    it.steps.add(step(t, k, kindOf(st.group(2))));
                    current = it;
                    continue;
                }
                Matcher sk = SKIPPED.matcher(body);
                if (sk.find()) {
                    Iteration it = s.iteration(Integer.parseInt(sk.group(1)), sk.group(2));
                    it.steps.add(step(t, k, StepKind.SKIPPED));
                    it.skipReason = sk.group(3).replaceFirst("^[-–]\\s*", "").trim();
                    current = it;
                    continue;
                }
            }
            Matcher d = DEFAULTS.matcher(body);
            if (d.find()) {
                s.modelDefaultsId = d.group(3) == null ? "" : d.group(3);
                if (d.group(2) != null) {
                    List<String> keys = new ArrayList<>();
                    for (String key : d.group(2).split(",")) {
                        String k2 = key.trim().replaceAll("^['\"]|['\"]$", "");
                        if (!k2.isEmpty()) {
                            keys.add(k2);
                        }
                    }
                    s.keys = List.copyOf(keys);
                }
                continue;
            }
            if (LOOP_DONE.matcher(body).find()) {
                s.completed = true;
                current = null;
                continue;
            }
            Matcher sd = STATED_DEFAULT.matcher(body);
            Matcher sv = STATED_VALUE.matcher(body);
            if (sd.matches() || sv.matches()) {
                Matcher m = sd.matches() ? sd : sv;
                s.stated.add(new Assigned(m.group(1), sd.matches() ? "model default" : "value", m.group(2).trim(), t.row(k), k));
                continue;
            }
            Matcher o = OVERRIDE.matcher(body);
            if (o.find()) {
                s.overrides.add(new Assigned(o.group(1), o.group(2).trim(), o.group(3).trim(), t.row(k), k));
                continue;
            }
            Matcher f = FINAL.matcher(body);
            if (f.find()) {
                s.finals.add(new Assigned(f.group(1), null, f.group(2).trim(), t.row(k), k));
                continue;
            }
            Matcher po = PHASE_OVERRIDE.matcher(body);
            if (po.find()) {
                s.phaseConfig.add(new Assigned(po.group(1), null, po.group(2).trim(), t.row(k), k));
                continue;
            }
            Matcher pp = PHASE_PATCH.matcher(body);
            if (pp.find()) {
                Matcher a = ASSIGNMENT.matcher(pp.group(1));
                while (a.find()) {
                    s.phaseConfig.add(new Assigned(a.group(1), null, a.group(2), t.row(k), k));
                }
                continue;
            }
            if (current != null && !current.done()) {
                Matcher c = CHANGE.matcher(body);
                if (c.matches()) {
                    if (c.group(1).equals(current.name)) {
                        current.changeLine = body;
                        current.changeOld = c.group(2).trim();
                        current.changeNew = c.group(3).trim();
                        current.changeEvent = t.row(k);
                        current.steps.add(step(t, k, StepKind.CHANGE));
                    } else {
                        current.foreign.add(new Foreign(c.group(1), c.group(2).trim(), c.group(3).trim(), t.row(k)));
                        current.steps.add(step(t, k, StepKind.CHANGE));
                    }
                }
            }
        }
        s.index();
        return s;
    }

    private Iteration iteration(int index, String name) {
        Iteration it = iterations.computeIfAbsent(index, Iteration::new);
        if (it.name == null) {
            it.name = name;
        }
        return it;
    }

    private static ParamStep step(TaskText t, int k, StepKind kind) {
        return new ParamStep(kind, t.nanos(k), t.precision(k), t.row(k));
    }

    static StepKind kindOf(String words) {
        switch (words) {
            case "Getting old value": return StepKind.GETTING_OLD_VALUE;
            case "Assigning new value": return StepKind.ASSIGNING;
            case "Logging change": return StepKind.LOGGING_CHANGE;
            default: return StepKind.COMPLETED;
        }
    }

    public boolean present() {
        return !iterations.isEmpty();
    }

    /** The first iteration of that parameter. */
    Iteration iterationOf(String name) {
        return iterationByName.get(name);
    }
}
