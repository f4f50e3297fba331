package faultline.cli;

import faultline.analysis.Alignment;
import faultline.analysis.Analyzer;
import faultline.analysis.ComparisonReport;
import faultline.analysis.DefaultSelection;
import faultline.analysis.ReportBuilder;
import faultline.export.JsonReportWriter;
import faultline.export.MarkdownReportWriter;
import faultline.importer.ImportMonitor;
import faultline.importer.Importer;
import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.Task;
import faultline.model.TaskSet;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code faultline report FILE… [--task ID…] [--format md|json] [--align ANCHOR]}: the comparison of
 * the chosen failures (by default those that failed on their own) in the seed's sections.
 */
final class ReportCommand {
    private ReportCommand() {
    }

    static int run(String[] argv, PrintStream out, PrintStream err) throws Cli.UsageException {
        Args a = Args.parse(argv, Set.of("--task", "--format", "--align"), Set.of("--task"));
        String format = a.one("--format", "md");
        if (!format.equals("md") && !format.equals("json")) {
            throw new Cli.UsageException("--format is md or json, not " + format);
        }
        Anchor anchor;
        try {
            anchor = Anchor.parse(a.one("--align", "crash"));
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        }
        Loaded loaded = Loaded.load(a.files, err);
        if (loaded == null) {
            return 1;
        }
        List<Task> tasks = loaded.select(a.all("--task"), err);
        if (tasks == null) {
            return 1;
        }
        if (tasks.isEmpty()) {
            err.println("faultline report: no failed task in these files; name tasks with --task");
            return 1;
        }
        Analyzer analyzer = new Analyzer(loaded.set);
        Comparison c = Alignment.align(analyzer.analyse(tasks), anchor, List.of(), loaded.set);
        ComparisonReport report = ReportBuilder.build(c, loaded.set);
        PrintWriter w = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
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

    /** Imported files for a headless command, with every unreadable file told on stderr. */
    static final class Loaded {
        final TaskSet set;

        private Loaded(TaskSet set) {
            this.set = set;
        }

        static Loaded load(List<java.nio.file.Path> files, PrintStream err) {
            TaskSet set = new Importer().importFiles(files, ImportMonitor.NONE);
            for (String w : set.report().warnings()) {
                err.println("faultline: " + w);
            }
            if (set.sources().isEmpty()) {
                err.println("faultline: no file could be read");
                return null;
            }
            return new Loaded(set);
        }

        /** The named tasks (full or short ids), or the default failures; null after telling what is unknown. */
        List<Task> select(List<String> ids, PrintStream err) {
            if (ids.isEmpty()) {
                return DefaultSelection.of(set);
            }
            List<Task> out = new ArrayList<>();
            for (String id : ids) {
                Task t = set.find(id).orElse(null);
                if (t == null) {
                    err.println("faultline: no task " + id + " in these files (tasks: "
                            + String.join(", ", set.tasks().stream().limit(12).map(Task::shortId).toList())
                            + (set.tasks().size() > 12 ? ", …" : "") + ")");
                    return null;
                }
                out.add(t);
            }
            return out;
        }
    }
}
