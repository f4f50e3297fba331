package faultline.export;

import faultline.text.Prose;

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
        out.println("# " + Prose.get("md.title"));
        out.println();
        out.println(Prose.format("md.files", String.join(", ", r.files())) + "  ");
        out.println(Prose.format("md.tasks", String.join(", ", r.tasks().stream().map(t -> t.shortId() + " (" + t.id() + ")").toList())) + "  ");
        out.println(Prose.format("md.aligned", r.anchor(), r.anchorRule()) + "  ");
        for (TaskReport t : r.tasks()) {
            out.println(Prose.format("md.t-of", t.shortId(), t.anchor()) + "  ");
        }
        out.println();
        out.println("## " + Prose.get("md.lifecycle"));
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
        out.println("## " + Prose.get("md.crash-points"));
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
                    out.println("        ↓ " + (w.latest().isEmpty() ? Prose.format("md.later", DurationText.of(w.deltaNanos())) : Prose.format("md.later.at-least", DurationText.of(w.deltaNanos()))));
                }
                if (w.crashHere()) {
                    out.println("        ✗ " + (c.placement().isEmpty() ? Prose.get("md.crash-here") : Prose.format("md.crash", c.placement())));
                }
                String time = w.time() + (w.latest().isEmpty() ? "" : " … " + w.latest());
                out.printf("[%-8s] %-34s %-14s %s%n", w.level(), time, w.delta(), w.message());
            }
            out.println("```");
        }
        out.println();
        out.println("## " + Prose.get("md.errors"));
        for (TaskReport t : r.tasks()) {
            CrashPoint c = t.crash();
            if (c == null) {
                continue;
            }
            out.println();
            out.println("### " + t.shortId());
            out.println();
            out.println("- " + Prose.format("md.exception", (c.exceptionType().isEmpty() ? "" : c.exceptionType() + ": ") + c.message()));
            if (!c.placement().isEmpty()) {
                out.println("- " + Prose.format("md.crash-point", "LOOP [" + c.loopIndex() + "/" + c.loopTotal() + "] " + c.parameter() + ", " + c.placement()));
            }
            if (!c.window().isEmpty()) {
                out.println("- " + Prose.format("md.window", c.window()));
            }
            for (String cv : c.caveats()) {
                out.println("- " + cv);
            }
        }
        for (ComparisonReport.Pattern p : r.patterns()) {
            out.println();
            String ids = String.join(", ", p.tasks().stream().map(id -> id.length() > 8 ? id.substring(0, 8) : id).toList());
            out.println(p.identical() ? Prose.format("md.pattern.identical", ids, p.signature()) : Prose.format("md.pattern", ids, p.signature()));
            out.println();
            int i = 1;
            for (String s : p.statements()) {
                out.println(i++ + ". " + s);
            }
        }
        out.println();
        out.println("## " + Prose.get("md.parameters"));
        for (TaskReport t : r.tasks()) {
            if (t.parameters().isEmpty()) {
                continue;
            }
            out.println();
            out.println("### " + t.shortId());
            for (ParamAtCrash p : t.parameters()) {
                out.println();
                out.println("- " + roleWords(p.role()) + " (LOOP " + p.loopIndex() + "): **" + p.name() + " = " + (p.value().isEmpty() ? Prose.get("change.unknown") : p.value())
                        + "** (" + p.status() + ")");
                if (!p.loggedType().isEmpty()) {
                    out.println("  - " + Prose.format("change.logged-type", p.loggedType()) + (p.typeMismatch()
                            ? " — " + Prose.format("md.mismatch", p.value(), p.valueType()) : ""));
                }
                for (ComparisonReport.Origin o : p.origins()) {
                    out.println("  - " + o.origin() + ": " + o.value() + " — " + o.where() + (o.source().isEmpty() ? "" : " [" + o.source() + "]"));
                }
            }
        }
        out.println();
        out.println("## " + Prose.get("md.changes"));
        for (TaskReport t : r.tasks()) {
            for (LoopChange ch : t.changes()) {
                out.println();
                out.println("### " + t.shortId() + ": LOOP [" + ch.fromIndex() + "] → LOOP [" + ch.toIndex() + "]"
                        + (ch.gapNanos() >= 0 ? ", " + Prose.format("md.apart", DurationText.of(ch.gapNanos())) : ""));
                out.println();
                for (String c : ch.changes()) {
                    out.println("- " + Prose.format("md.changed", c));
                }
                for (String c : ch.unchanged()) {
                    out.println("- " + Prose.format("md.same", c));
                }
            }
        }
        List<ComparisonReport.MatrixRow> differing = r.parameters().stream().filter(m -> m.differs() || m.crashPoint() || m.typeMismatch()).toList();
        if (!differing.isEmpty()) {
            out.println();
            out.println("## " + Prose.get("md.matrix"));
            out.println();
            out.println("| # | " + Prose.get("md.matrix.parameter") + " | " + String.join(" | ", r.tasks().stream().map(TaskReport::shortId).toList()) + " |");
            out.println("|---|---|" + "---|".repeat(r.tasks().size()));
            for (ComparisonReport.MatrixRow m : differing) {
                out.println("| " + m.index() + " | " + m.name() + (m.typeMismatch() ? " ⚠" : "") + " | "
                        + String.join(" | ", m.cells().stream().map(c -> c.replace("|", "\\|")).toList()) + " |");
            }
        }
        out.println();
        out.println("## " + Prose.get("md.phases"));
        out.println();
        out.println("| " + Prose.get("md.phases.phase") + " | " + String.join(" | ", r.tasks().stream().map(TaskReport::shortId).toList()) + " |");
        out.println("|---|" + "---|".repeat(r.tasks().size()));
        for (ComparisonReport.PhaseRow p : r.phases()) {
            out.println("| " + p.phase() + " | " + String.join(" | ", p.durations()) + " |");
        }
        out.flush();
    }

    /** The report's role of a parameter ("crash point", "previous", as the JSON writes it) in the words file's words. */
    private static String roleWords(String role) {
        switch (role) {
            case "crash point": return Prose.get("report.role.crash-point");
            case "previous": return Prose.get("report.role.previous");
            default: return role;
        }
    }
}
