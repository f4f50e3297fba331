package faultline.analysis;

import java.util.List;

/**
 * The comparison as the seed document lays it out, every figure computed: lifecycle, crash points
 * with the time between lines, error analysis, parameters at the crash points, what changed between
 * LOOP k−1 and LOOP k, and phase durations side by side. Plain data, written as Markdown or JSON.
 */
public record ComparisonReport(List<String> files, String anchor, String anchorRule, List<TaskReport> tasks, List<Pattern> patterns,
                               List<MatrixRow> parameters, List<PhaseRow> phases) {

    /**
     * One compared task.
     *
     * @param anchor what its T = 0 is, with the time: "14:31:53.553318, the failure line (…)"
     */
    public record TaskReport(String id, String shortId, String type, String status, String worker, String error, String anchor,
                             List<LifecycleLine> lifecycle, CrashPoint crash, List<ParamAtCrash> parameters,
                             List<LoopChange> changes) {
    }

    /** A lifecycle line: a milestone (depth 0) or a phase inside generation (depth 1). */
    public record LifecycleLine(String time, long nanos, int precision, String text, int depth) {
    }

    /**
     * The crash point: the quoted window of lines with Δ between them, where the crash lies, the
     * exception and what the logs cannot tell.
     */
    public record CrashPoint(String title, String parameter, int loopIndex, int loopTotal, String exceptionType, String message,
                             String placement, long windowNanos, String window, List<WindowLine> lines, List<String> caveats) {
    }

    /**
     * A line of the crash window.
     *
     * @param delta      time since the line before, adaptive units ("+0.433 ms"), or "" for the first
     * @param gapBefore  a longer pause before this line than between the loop's own lines
     * @param crashHere  the crash lies just before this line
     */
    public record WindowLine(String level, String time, long nanos, String latest, String delta, long deltaNanos, String message,
                             String source, boolean estimated, boolean gapBefore, boolean crashHere) {
    }

    /** A parameter at a crash point (the crash-point one and the one before it). */
    public record ParamAtCrash(String role, int loopIndex, String name, String status, String value, String valueType,
                               String loggedType, boolean typeMismatch, List<Origin> origins) {
    }

    /** One link of a value's provenance, with the line that shows it. */
    public record Origin(String origin, String value, String where, String source) {
    }

    /** Failures of one signature. */
    public record Pattern(String signature, List<String> tasks, boolean identical, List<String> statements) {
    }

    /** A row of the parameter matrix: per task "value : type (status)". */
    public record MatrixRow(int index, String name, List<String> cells, boolean differs, boolean crashPoint, boolean typeMismatch) {
    }

    /** A phase's duration per task, or "not logged". */
    public record PhaseRow(String phase, List<String> durations) {
    }
}
