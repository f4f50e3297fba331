package faultline.export;

import faultline.analysis.ComparisonReport;
import faultline.analysis.ComparisonReport.CrashPoint;
import faultline.analysis.ComparisonReport.LifecycleLine;
import faultline.analysis.ComparisonReport.ParamAtCrash;
import faultline.analysis.ComparisonReport.TaskReport;
import faultline.analysis.ComparisonReport.WindowLine;
import faultline.analysis.LoopChange;
import faultline.model.DurationText;

import java.io.PrintWriter;
import java.util.List;

/** Writes a comparison report as Markdown, in the sections of the seed document. */
public final class MarkdownReportWriter {
    private MarkdownReportWriter() {
    }

    public static void write(ComparisonReport r, PrintWriter out) {
        out.println("# Failure comparison");
        out.println();
        out.println("Files: " + String.join(", ", r.files()) + "  ");
        out.println("Tasks: " + String.join(", ", r.tasks().stream().map(t -> t.shortId() + " (" + t.id() + ")").toList()) + "  ");
        out.println("Aligned on: " + r.anchor() + " — " + r.anchorRule() + "  ");
        for (TaskReport t : r.tasks()) {
            out.println("T of " + t.shortId() + ": " + t.anchor() + "  ");
        }
        out.println();
        out.println("## Task lifecycle");
        for (TaskReport t : r.tasks()) {
            out.println();
            out.println("### " + t.shortId() + " — " + t.type() + ", " + t.status() + (t.worker().isEmpty() ? "" : ", " + t.worker()));
            out.println();
            out.println("```");
            for (LifecycleLine l : t.lifecycle()) {
                if (l.depth() == 0) {
                    out.println(l.time() + " ► " + l.text());
                } else {
                    out.println("    ├─ " + l.text());
                }
            }
            out.println("```");
        }
        out.println();
        out.println("## Crash points");
        for (TaskReport t : r.tasks()) {
            CrashPoint c = t.crash();
            if (c == null) {
                continue;
            }
            out.println();
            out.println("### " + t.shortId() + " — " + c.title());
            out.println();
            out.println("```");
            for (WindowLine w : c.lines()) {
                if (w.gapBefore()) {
                    out.println("        ↓ " + (w.latest().isEmpty() ? "" : "at least ") + DurationText.of(w.deltaNanos()) + " later");
                }
                if (w.crashHere()) {
                    out.println("        ✗ crash " + (c.placement().isEmpty() ? "here" : c.placement()));
                }
                String time = w.time() + (w.latest().isEmpty() ? "" : " … " + w.latest());
                out.printf("[%-8s] %-34s %-14s %s%n", w.level(), time, w.delta(), w.message());
            }
            out.println("```");
        }
        out.println();
        out.println("## Error analysis");
        for (TaskReport t : r.tasks()) {
            CrashPoint c = t.crash();
            if (c == null) {
                continue;
            }
            out.println();
            out.println("### " + t.shortId());
            out.println();
            out.println("- Exception: " + (c.exceptionType().isEmpty() ? "" : c.exceptionType() + ": ") + c.message());
            if (!c.placement().isEmpty()) {
                out.println("- Crash point: LOOP [" + c.loopIndex() + "/" + c.loopTotal() + "] " + c.parameter() + ", " + c.placement());
            }
            if (!c.window().isEmpty()) {
                out.println("- From the last evidence to the failure signal: at most " + c.window());
            }
            for (String cv : c.caveats()) {
                out.println("- " + cv);
            }
        }
        for (ComparisonReport.Pattern p : r.patterns()) {
            out.println();
            out.println((p.identical() ? "**Identical pattern** in " : "Pattern of ") + String.join(", ", p.tasks().stream()
                    .map(id -> id.length() > 8 ? id.substring(0, 8) : id).toList()) + ": " + p.signature());
            out.println();
            int i = 1;
            for (String s : p.statements()) {
                out.println(i++ + ". " + s);
            }
        }
        out.println();
        out.println("## Parameters at the crash points");
        for (TaskReport t : r.tasks()) {
            if (t.parameters().isEmpty()) {
                continue;
            }
            out.println();
            out.println("### " + t.shortId());
            for (ParamAtCrash p : t.parameters()) {
                out.println();
                out.println("- " + p.role() + " (LOOP " + p.loopIndex() + "): **" + p.name() + " = " + (p.value().isEmpty() ? "unknown" : p.value())
                        + "** (" + p.status() + ")");
                if (!p.loggedType().isEmpty()) {
                    out.println("  - logged value_type: " + p.loggedType() + (p.typeMismatch()
                            ? " — ⚠ does not fit the value " + p.value() + " (" + p.valueType() + ")" : ""));
                }
                for (ComparisonReport.Origin o : p.origins()) {
                    out.println("  - " + o.origin() + ": " + o.value() + " — " + o.where() + (o.source().isEmpty() ? "" : " [" + o.source() + "]"));
                }
            }
        }
        out.println();
        out.println("## What changed between LOOP k−1 and LOOP k");
        for (TaskReport t : r.tasks()) {
            for (LoopChange ch : t.changes()) {
                out.println();
                out.println("### " + t.shortId() + ": LOOP [" + ch.fromIndex() + "] → LOOP [" + ch.toIndex() + "]"
                        + (ch.gapNanos() >= 0 ? ", " + DurationText.of(ch.gapNanos()) + " apart" : ""));
                out.println();
                for (String c : ch.changes()) {
                    out.println("- changed: " + c);
                }
                for (String c : ch.unchanged()) {
                    out.println("- same: " + c);
                }
            }
        }
        List<ComparisonReport.MatrixRow> differing = r.parameters().stream().filter(m -> m.differs() || m.crashPoint() || m.typeMismatch()).toList();
        if (!differing.isEmpty()) {
            out.println();
            out.println("## Parameter matrix (differing, crash-point and mistyped parameters)");
            out.println();
            out.println("| # | parameter | " + String.join(" | ", r.tasks().stream().map(TaskReport::shortId).toList()) + " |");
            out.println("|---|---|" + "---|".repeat(r.tasks().size()));
            for (ComparisonReport.MatrixRow m : differing) {
                out.println("| " + m.index() + " | " + m.name() + (m.typeMismatch() ? " ⚠" : "") + " | "
                        + String.join(" | ", m.cells().stream().map(c -> c.replace("|", "\\|")).toList()) + " |");
            }
        }
        out.println();
        out.println("## Phase durations");
        out.println();
        out.println("| phase | " + String.join(" | ", r.tasks().stream().map(TaskReport::shortId).toList()) + " |");
        out.println("|---|" + "---|".repeat(r.tasks().size()));
        for (ComparisonReport.PhaseRow p : r.phases()) {
            out.println("| " + p.phase() + " | " + String.join(" | ", p.durations()) + " |");
        }
        out.flush();
    }
}
