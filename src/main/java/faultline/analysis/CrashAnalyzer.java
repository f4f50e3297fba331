package faultline.analysis;

import faultline.text.Prose;

import faultline.model.Crash;
import faultline.model.CrashSite;
import faultline.model.DurationText;
import faultline.model.Level;
import faultline.model.LoopParam;
import faultline.model.ParamLoop;
import faultline.model.ParamStep;
import faultline.model.Phase;
import faultline.model.PhaseKind;
import faultline.model.Signature;
import faultline.model.StepKind;
import faultline.model.TimeText;
import faultline.model.Traceback;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The crash window (last evidence → first failure signal), the crash point in the loop, the
 * exception, and plain statements of what the logs cannot tell.
 */
public final class CrashAnalyzer {
    /** A gap this long between the last evidence and the failure signal means rows may be missing. */
    static final long GAP_NANOS = 100_000_000L;
    private static final Pattern UUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private CrashAnalyzer() {
    }

    /** Null for a task that did not fail. */
    public static Crash analyse(TaskText t, int failure, List<Phase> phases, ParamLoop loop, LoopScan scan, List<LoopScan> peers) {
        if (failure < 0 && !t.task().failed()) {
            return null;
        }
        int lastEvidence = -1;
        int end = failure >= 0 ? failure : t.size();
        for (int k = end - 1; k >= 0; k--) {
            // A print with no time of its own (a progress bar, a digest's statement) shows nothing about when.
            if (!FailureSignals.isSignal(t, k) && !(t.estimated(k) && t.level(k) == Level.PRINT)) {
                lastEvidence = k;
                break;
            }
        }
        ExceptionFinding found = ExceptionFinding.of(t, failure);
        String type = found.type();
        String message = found.message();
        Traceback traceback = found.traceback();
        if (message.isEmpty()) {
            String err = t.task().errorMessage();
            int cut = err.lastIndexOf("failed: ");
            message = cut >= 0 ? err.substring(cut + 8) : err;
            message = message.lines().findFirst().orElse("").strip();
        }
        if (message.isEmpty() && failure >= 0) {
            message = t.body(failure).lines().findFirst().orElse("").replaceFirst("^Exception:\\s*", "").strip();
        }
        LoopParam crashParam = loop.crashPoint();
        StepKind lastStep = null;
        StepKind expected = null;
        if (crashParam != null && crashParam.lastStep() != null) {
            lastStep = crashParam.lastStep().kind();
            expected = ParamLoopAnalyzer.expectedNext(scan, lastStep, peers);
        }
        PhaseKind phase = phaseAt(phases, lastEvidence >= 0 ? t.nanos(lastEvidence) : Long.MIN_VALUE);
        long earliest = failure >= 0 ? t.nanos(failure) : Long.MIN_VALUE;
        long latest = failure >= 0 ? t.latest(failure) : Long.MIN_VALUE;
        List<String> caveats = new ArrayList<>();
        boolean inferredType = false;
        if (type.isEmpty() && !message.isEmpty()) {
            String inferred = inferType(message);
            if (inferred != null) {
                type = inferred;
                inferredType = true;
                caveats.add(Prose.format("caveat.inferred", inferred));
            }
        }
        if (failure >= 0 && lastEvidence >= 0) {
            long last = t.nanos(lastEvidence);
            long gap = latest - last;
            String from = TimeText.clock(last, Math.max(t.precision(lastEvidence), 6));
            if (t.estimated(failure)) {
                caveats.add(Prose.format("caveat.no-time", from, TimeText.clock(latest, 6), DurationText.of(gap)));
            } else if (t.precision(failure) < 6) {
                caveats.add(Prose.format("caveat.coarse", resolutionWords(t.precision(failure)), from));
            }
            if (gap > GAP_NANOS) {
                caveats.add(Prose.format("caveat.gap", from, TimeText.clock(latest, 6), DurationText.of(gap)));
            }
        }
        CrashSite site = traceback == null ? null : traceback.site();
        if (traceback == null) {
            caveats.add(Prose.get("caveat.no-traceback"));
        } else {
            if (traceback.endsBeforeExceptionLine()) {
                caveats.add(Prose.get("caveat.traceback-cut"));
            }
            CrashSite raisedAt = traceback.raisedAt();
            if (site != null) {
                caveats.add(Prose.format("caveat.site", site.text()));
            } else if (raisedAt != null) {
                caveats.add(Prose.format("caveat.site.library", raisedAt.text()));
            }
            if (traceback.chain().size() > 1 && traceback.language() == Traceback.Language.JVM) {
                caveats.add(Prose.format("caveat.caused", causes(traceback), traceback.root().type()));
            } else if (traceback.chain().size() > 1) {
                caveats.add(Prose.format("caveat.while-handling", traceback.chain().size() - 1, earlier(traceback)));
            }
        }
        if (failure < 0) {
            caveats.add(Prose.get("caveat.no-failure-line"));
        }
        Signature sig = new Signature(type, normalise(message), phase == null ? "" : phase.label(),
                lastStep == null ? "" : Prose.format("signature.after", lastStep.label()));
        return new Crash(type, message, lastEvidence >= 0 ? t.row(lastEvidence) : -1, failure >= 0 ? t.row(failure) : -1,
                earliest, latest, phase, crashParam, lastStep, expected, List.copyOf(caveats), sig, site, traceback, inferredType);
    }

    /** The JVM trace's causes after the exception thrown, outermost first. */
    private static String causes(Traceback tb) {
        List<String> types = new ArrayList<>();
        for (int i = 1; i < tb.chain().size(); i++) {
            String type = tb.chain().get(i).type();
            types.add(type.isEmpty() ? Prose.get("caveat.unnamed") : type);
        }
        return String.join(Prose.get("caveat.caused-by"), types);
    }

    private static String earlier(Traceback tb) {
        List<String> types = new ArrayList<>();
        for (int i = 0; i < tb.chain().size() - 1; i++) {
            String type = tb.chain().get(i).type();
            types.add(type.isEmpty() ? Prose.get("caveat.not-named") : type);
        }
        return String.join(", ", types);
    }

    /** Python exception types that some messages always come from. */
    static String inferType(String message) {
        String m = message.toLowerCase(java.util.Locale.ROOT);
        if (m.contains("object has no attribute")) {
            return "AttributeError";
        }
        if (m.contains("referenced before assignment")) {
            return "UnboundLocalError";
        }
        if (m.contains("index out of range")) {
            return "IndexError";
        }
        if (m.contains("division by zero")) {
            return "ZeroDivisionError";
        }
        if (m.contains("cuda out of memory")) {
            return "torch.OutOfMemoryError";
        }
        if (m.contains("no such file or directory")) {
            return "FileNotFoundError";
        }
        if (m.contains("object is not subscriptable") || m.contains("object is not callable")
                || m.contains("unsupported operand type") || m.contains("unexpected keyword argument")
                || m.contains("required positional argument") || m.contains("positional arguments but")) {
            return "TypeError";
        }
        if (m.contains("cuda error:")) {
            return "RuntimeError";
        }
        if (m.contains("values to unpack") || m.contains("invalid literal for int()") || m.contains("could not convert string to float")) {
            return "ValueError";
        }
        if (m.matches(".*\\bname '[^']+' is not defined.*")) {
            return "NameError";
        }
        if (m.contains("permission denied")) {
            return "PermissionError";
        }
        if (m.contains("maximum recursion depth exceeded")) {
            return "RecursionError";
        }
        if (m.contains("connection refused")) {
            return "ConnectionRefusedError";
        }
        return null;
    }

    private static String resolutionWords(int precision) {
        switch (precision) {
            case 0: return Prose.get("resolution.0");
            case 1: return Prose.get("resolution.1");
            case 2: return Prose.get("resolution.2");
            case 3: return Prose.get("resolution.3");
            default: return Prose.format("resolution.n", precision);
        }
    }

    /** The innermost logged phase that contains the time. */
    static PhaseKind phaseAt(List<Phase> phases, long nanos) {
        PhaseKind best = null;
        long bestLength = Long.MAX_VALUE;
        for (Phase p : phases) {
            if (p.logged() && p.start() <= nanos && nanos <= p.end() && p.duration() <= bestLength) {
                best = p.kind();
                bestLength = p.duration();
            }
        }
        return best;
    }

    /** Message with ids and numbers replaced, so that the same failure of two tasks compares equal. */
    public static String normalise(String message) {
        String m = UUID.matcher(message).replaceAll("<id>");
        m = m.replaceAll("\\b[0-9a-f]{8}\\b", "<id>");
        m = m.replaceAll("\\b\\d+(?:\\.\\d+)?s?\\b", "<n>");
        return m.trim();
    }

    /** The step of a loop param the crash is placed after, for display: "after Getting old value, before Assigning new value". */
    public static String placement(Crash c) {
        if (c == null || c.lastStep() == null) {
            return "";
        }
        return c.expectedNext() == null ? Prose.format("placement.after", c.lastStep().label())
                : Prose.format("placement.between", c.lastStep().label(), c.expectedNext().label());
    }

    static ParamStep last(LoopParam p) {
        return p == null ? null : p.lastStep();
    }
}
