package faultline.analysis;

import faultline.text.Prose;

import faultline.model.Comparison;
import faultline.model.Crash;
import faultline.model.DurationText;
import faultline.model.EventStore;
import faultline.model.LaneAnchor;
import faultline.model.LoopParam;
import faultline.model.Milestone;
import faultline.model.ParamStatus;
import faultline.model.Phase;
import faultline.model.PhaseKind;
import faultline.model.Provenance;
import faultline.model.SourceFile;
import faultline.model.TaskAnalysis;
import faultline.model.TaskSet;
import faultline.model.TimeText;

import java.util.ArrayList;
import java.util.List;

/** Computes a {@link ComparisonReport} from a comparison: nothing in it is written by hand. */
public final class ReportBuilder {
    /** Loop iterations quoted before the crash point. */
    static final int CONTEXT_ITERATIONS = 1;
    /** Lines quoted after the first failure signal (the status update usually follows). */
    static final int AFTER_SIGNAL = 3;

    private ReportBuilder() {
    }

    public static ComparisonReport build(Comparison c, TaskSet set) {
        List<String> files = new ArrayList<>();
        for (SourceFile f : set.sources()) {
            files.add(f.name());
        }
        List<ComparisonReport.TaskReport> tasks = new ArrayList<>();
        for (int i = 0; i < c.size(); i++) {
            tasks.add(task(c.tasks().get(i), set, anchorText(c.laneAnchors().get(i), c.anchor())));
        }
        List<ComparisonReport.Pattern> patterns = new ArrayList<>();
        for (PatternGroups.Group g : PatternGroups.of(c.tasks(), set.store())) {
            patterns.add(pattern(g));
        }
        List<ComparisonReport.MatrixRow> matrix = new ArrayList<>();
        for (ParamMatrix.Row r : ParamMatrix.of(c).rows()) {
            List<String> cells = new ArrayList<>();
            for (LoopParam p : r.cells()) {
                cells.add(p == null ? "—" : ParamMatrix.valueText(p) + (p.loggedType().isEmpty() ? "" : " : " + p.loggedType())
                        + " (" + p.status().label() + ")");
            }
            matrix.add(new ComparisonReport.MatrixRow(r.index(), r.name(), cells, r.differs(), r.anyCrashPoint(), r.anyMismatch()));
        }
        List<ComparisonReport.PhaseRow> phases = new ArrayList<>();
        for (PhaseKind k : PhaseKind.values()) {
            List<String> d = new ArrayList<>();
            for (TaskAnalysis a : c.tasks()) {
                Phase p = a.phase(k);
                d.add(!p.logged() ? Prose.get("report.not-logged") : DurationText.of(p.duration()) + (p.endsAtFailure() ? Prose.get("report.ended-by-failure") : ""));
            }
            phases.add(new ComparisonReport.PhaseRow(k.label(), d));
        }
        return new ComparisonReport(files, c.anchor().label(), Alignment.rule(c.anchor()), tasks, patterns, matrix, phases);
    }

    /** A lane's T in words: its time, what it is, and the span its moment can lie in. */
    static String anchorText(LaneAnchor a, faultline.model.Anchor asked) {
        String s = TimeText.clock(a.nanos(), 6) + ", " + a.kind().words();
        if (a.uncertainty() > 0) {
            s += Prose.format("report.within", DurationText.of(a.uncertainty()), TimeText.clock(a.latest(), 6));
        }
        String note = a.note(asked);
        if (!note.isEmpty() && !a.kind().answers(asked)) {
            s += " — " + note;
        }
        return s;
    }

    private static ComparisonReport.TaskReport task(TaskAnalysis a, TaskSet set, String anchor) {
        EventStore store = set.store();
        List<ComparisonReport.LifecycleLine> life = new ArrayList<>();
        for (Milestone m : a.milestones()) {
            life.add(new ComparisonReport.LifecycleLine(TimeText.isoFull(m.nanos(), m.precision()).replace("Z", ""), m.nanos(),
                    m.precision(), m.kind().label(), 0));
            if (m.kind() == Milestone.Kind.GENERATION_START) {
                for (PhaseKind k : new PhaseKind[]{PhaseKind.MODEL_LOADING, PhaseKind.LORA_DOWNLOAD, PhaseKind.PARAMETER_RESOLUTION, PhaseKind.SAMPLING}) {
                    life.add(phaseLine(a, k));
                }
                if (a.crash() != null && a.crash().crashParam() != null) {
                    LoopParam p = a.crash().crashParam();
                    life.add(new ComparisonReport.LifecycleLine("", 0, 0, "CRASH at LOOP [" + p.index() + "/" + p.total() + "]: " + p.name(), 1));
                }
            }
        }
        ComparisonReport.CrashPoint crash = a.crash() == null ? null : crash(a, set);
        List<ComparisonReport.ParamAtCrash> params = new ArrayList<>();
        List<LoopChange> changes = new ArrayList<>();
        LoopParam cp = a.loop().crashPoint();
        if (cp != null) {
            LoopParam prev = previous(a, cp);
            if (prev != null) {
                params.add(param("previous", prev, set));
            }
            params.add(param("crash point", cp, set));
            if (prev != null) {
                changes.add(LoopChange.between(prev, cp));
            }
        }
        return new ComparisonReport.TaskReport(a.task().id(), a.task().shortId(), a.task().type(), a.task().status().label(),
                a.task().workerId(), a.task().errorMessage(), anchor, life, crash, params, changes);
    }

    private static LoopParam previous(TaskAnalysis a, LoopParam p) {
        LoopParam prev = null;
        for (LoopParam q : a.loop().params()) {
            if (q.index() < p.index() && q.status() != ParamStatus.NOT_REACHED && (prev == null || q.index() > prev.index())) {
                prev = q;
            }
        }
        return prev;
    }

    private static ComparisonReport.LifecycleLine phaseLine(TaskAnalysis a, PhaseKind k) {
        Phase p = a.phase(k);
        String text;
        if (!p.logged()) {
            text = k.label() + ": " + Prose.get("report.not-logged");
        } else if (k == PhaseKind.MODEL_LOADING) {
            text = k.label() + ": " + DurationText.of(p.duration()) + " (" + TimeText.clock(p.start(), 0) + " → " + TimeText.clock(p.end(), 0) + ")";
        } else {
            text = k.label() + (p.detail().isEmpty() ? "" : ": " + p.detail()) + " (" + TimeText.clock(p.start(), 6) + " → "
                    + TimeText.clock(p.end(), 6) + (p.endsAtFailure() ? Prose.get("report.ended-by-failure.inner") : "") + ")";
        }
        return new ComparisonReport.LifecycleLine("", p.logged() ? p.start() : 0, 0, text, 1);
    }

    private static ComparisonReport.CrashPoint crash(TaskAnalysis a, TaskSet set) {
        Crash c = a.crash();
        EventStore store = set.store();
        int[] rows = a.task().events();
        int signal = indexOf(rows, c.firstSignal());
        int evidence = indexOf(rows, c.lastEvidence());
        int from = evidence >= 0 ? evidence : Math.max(0, signal);
        if (c.crashParam() != null) {
            int start = Math.max(1, c.crashParam().index() - CONTEXT_ITERATIONS);
            for (LoopParam p : a.loop().params()) {
                if (p.index() == start && p.first() != null) {
                    int k = indexOf(rows, p.first().event());
                    if (k >= 0) {
                        from = Math.min(from, k);
                    }
                }
            }
        } else {
            from = Math.max(0, from - 5);
        }
        int to = signal >= 0 ? Math.min(rows.length - 1, signal + AFTER_SIGNAL) : Math.min(rows.length - 1, from + 8);
        // Keep quoting up to the first status update, as the seed does.
        for (int k = to + 1; k < rows.length && k < to + 40; k++) {
            if (store.message(rows[k]).contains("Processing status update")) {
                to = k;
                break;
            }
        }
        long typicalGap = typicalStepGap(a);
        List<ComparisonReport.WindowLine> lines = new ArrayList<>();
        long prev = Long.MIN_VALUE;
        for (int k = from; k <= to && k < rows.length; k++) {
            int r = rows[k];
            if (store.estimated(r) && store.level(r) == faultline.model.Level.PRINT && k != signal) {
                continue;
            }
            long t = store.nanos(r);
            long delta = prev == Long.MIN_VALUE ? 0 : t - prev;
            boolean gap = prev != Long.MIN_VALUE && typicalGap > 0 && delta > 3 * typicalGap;
            // A line known only within a window (estimated, or stamped to the millisecond or second) shows it.
            boolean window = store.estimated(r) || store.precision(r) <= 3;
            String latest = window ? TimeText.clock(store.latest(r), Math.max(store.precision(r), 6)) : "";
            String deltaText = prev == Long.MIN_VALUE ? "" : window
                    ? "≤ " + DurationText.signed(Math.max(0, store.latest(r) - prev)) : DurationText.signed(delta);
            String msg = store.message(r).lines().findFirst().orElse("");
            lines.add(new ComparisonReport.WindowLine(store.level(r).name(), TimeText.clock(t, store.precision(r)) + (store.estimated(r) ? "?" : ""),
                    t, latest, deltaText, delta, msg, source(set, r), store.estimated(r), gap, k == signal));
            prev = t;
        }
        String title;
        if (c.crashParam() != null) {
            title = "LOOP [" + c.crashParam().index() + "/" + c.crashParam().total() + "] - " + c.crashParam().name();
        } else {
            title = c.phase() == null ? "failure" : c.phase().label();
        }
        long window = PatternGroups.window(c, store);
        return new ComparisonReport.CrashPoint(title, c.crashParam() == null ? "" : c.crashParam().name(),
                c.crashParam() == null ? 0 : c.crashParam().index(), c.crashParam() == null ? 0 : c.crashParam().total(),
                c.exceptionType(), c.message(), CrashAnalyzer.placement(c), window, window < 0 ? "" : DurationText.of(window),
                List.copyOf(lines), c.caveats());
    }

    /** Median time between consecutive steps of finished iterations: what "a long pause" is measured against. */
    static long typicalStepGap(TaskAnalysis a) {
        List<Long> gaps = new ArrayList<>();
        for (LoopParam p : a.loop().params()) {
            for (int i = 1; i < p.steps().size(); i++) {
                long g = p.steps().get(i).nanos() - p.steps().get(i - 1).nanos();
                if (g > 0) {
                    gaps.add(g);
                }
            }
        }
        if (gaps.isEmpty()) {
            return -1;
        }
        gaps.sort(Long::compare);
        return gaps.get(gaps.size() / 2);
    }

    private static ComparisonReport.ParamAtCrash param(String role, LoopParam p, TaskSet set) {
        List<ComparisonReport.Origin> origins = new ArrayList<>();
        for (Provenance pr : p.provenance()) {
            origins.add(new ComparisonReport.Origin(pr.origin().label(), pr.value().text(), pr.where(),
                    pr.event() >= 0 ? source(set, pr.event()) : ""));
        }
        return new ComparisonReport.ParamAtCrash(role, p.index(), p.name(), p.status().label(),
                p.value() == null ? "" : p.value().text(), p.value() == null ? "" : p.value().type(), p.loggedType(),
                p.typeMismatch(), origins);
    }

    private static ComparisonReport.Pattern pattern(PatternGroups.Group g) {
        List<String> st = new ArrayList<>();
        if (g.identical()) {
            st.add(Prose.format("pattern.path", g.signature().phase().isEmpty() ? Prose.get("pattern.same-place") : g.signature().phase()));
            if (!g.signature().step().isEmpty()) {
                st.add(Prose.format("pattern.step", g.signature().step()));
            }
            if (!g.signature().exceptionType().isEmpty()) {
                st.add(Prose.format("pattern.exception", g.signature().exceptionType(), g.signature().normalisedMessage()));
            }
        }
        if (g.slowestNanos() >= 0) {
            String span = g.fastestNanos() == g.slowestNanos() ? DurationText.of(g.slowestNanos())
                    : Prose.format("pattern.range", DurationText.of(g.fastestNanos()), DurationText.of(g.slowestNanos()));
            st.add(Prose.format("pattern.within", span));
            if (g.slowestNanos() < 2_000_000L) {
                st.add(Prose.get("pattern.fast"));
            } else if (g.slowestNanos() > CrashAnalyzer.GAP_NANOS) {
                st.add(Prose.format("pattern.gap", DurationText.of(CrashAnalyzer.GAP_NANOS)));
            }
        }
        return new ComparisonReport.Pattern(g.signature().shortText(), g.taskIds(), g.identical(), List.copyOf(st));
    }

    private static String source(TaskSet set, int row) {
        EventStore s = set.store();
        int src = s.source(row);
        String name = src < set.sources().size() ? set.sources().get(src).name() : "?";
        String where = name + ":" + s.line(row);
        int twin = s.twin(row);
        if (twin >= 0) {
            int ts = s.source(twin);
            where += Prose.format("report.also", (ts < set.sources().size() ? set.sources().get(ts).name() : "?") + ":" + s.line(twin));
        }
        return where;
    }

    private static int indexOf(int[] rows, int row) {
        if (row < 0) {
            return -1;
        }
        for (int k = 0; k < rows.length; k++) {
            if (rows[k] == row) {
                return k;
            }
        }
        return -1;
    }
}
