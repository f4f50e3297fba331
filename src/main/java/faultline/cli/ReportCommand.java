package faultline.cli;

import faultline.text.Prose;

import faultline.analysis.ComparisonReport;
import faultline.analysis.ReportBuilder;
import faultline.export.JsonReportWriter;
import faultline.export.MarkdownReportWriter;
import faultline.model.Anchor;
import faultline.model.Comparison;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * {@code faultline report FILE… [--task ID…] [--format md|json] [--align ANCHOR]}: the comparison of
 * the chosen failures (by default those that failed on their own) in the seed's sections.
 */
final class ReportCommand {
    private ReportCommand() {
    }

    static int run(String[] argv, PrintStream out, PrintStream err) throws Cli.UsageException {
        Args a = Args.parse(argv, DbArgs.with("--task", "--format", "--align"), Set.of("--task"));
        String format = a.one("--format", "md");
        if (!format.equals("md") && !format.equals("json")) {
            throw new Cli.UsageException(Prose.format("cli.report.format", format));
        }
        try {
            Anchor.parse(a.one("--align", "crash"));
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        }
        String overInput = StandardOutput.overAnInput(a.files);
        if (overInput != null) {
            err.println("faultline report: " + overInput);
            return 1;
        }
        LoadedFiles loaded = LoadedFiles.load(a, err, "report");
        if (loaded == null) {
            return 1;
        }
        Comparison c = loaded.compare(a.all("--task"), a.one("--align", null), "report", err);
        if (c == null) {
            return 1;
        }
        ComparisonReport report = ReportBuilder.build(c, loaded.set);
        // Writers that close what they are given must not close the standard output.
        PrintWriter w = new PrintWriter(new java.io.FilterWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            @Override
            public void close() throws IOException {
                flush();
            }
        });
        if (format.equals("json")) {
            try {
                JsonReportWriter.write(report, w);
                w.println();
            } catch (IOException e) {
                err.println("faultline report: " + e.getMessage());
                return 1;
            }
        } else {
            MarkdownReportWriter.write(report, w);
        }
        w.flush();
        return 0;
    }
}
