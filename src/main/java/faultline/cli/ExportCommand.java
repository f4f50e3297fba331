package faultline.cli;

import faultline.text.Prose;

import faultline.export.TimelineExport;
import faultline.model.Anchor;
import faultline.model.Comparison;
import faultline.model.DurationText;
import faultline.model.Task;
import faultline.render.CrashWindows;
import faultline.render.SceneBuilder;
import faultline.render.TimelineScene;
import faultline.render.TimelineStyle;
import faultline.render.Viewport;
import faultline.workspace.Workspace;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code faultline export FILE… [--task ID…] [--align crash] [--window ±5ms] [--png out.png]
 * [--svg out.svg] [--scale 2] [--width 1600] [--title TEXT]}: the timeline picture, drawn without a
 * display by the same renderer as the window.
 */
final class ExportCommand {
    private ExportCommand() {
    }

    static int run(String[] argv, PrintStream out, PrintStream err) throws Cli.UsageException {
        Args a = Args.parse(argv, DbArgs.with("--task", "--align", "--window", "--png", "--svg", "--scale", "--width", "--title"),
                Set.of("--task"));
        String png = a.one("--png", null);
        String svg = a.one("--svg", null);
        if (png == null && svg == null) {
            throw new Cli.UsageException(Prose.get("cli.export.where"));
        }
        double scale;
        double width;
        try {
            scale = Double.parseDouble(a.one("--scale", "1"));
            width = Double.parseDouble(a.one("--width", "1600"));
            Anchor.parse(a.one("--align", "crash"));
        } catch (NumberFormatException e) {
            throw new Cli.UsageException(Prose.get("cli.export.numbers"));
        } catch (IllegalArgumentException e) {
            throw new Cli.UsageException(e.getMessage());
        }
        // Written so that NaN fails too.
        if (!(scale >= 1 && scale <= 4) || !(width >= 200 && width <= 20_000)) {
            throw new Cli.UsageException(Prose.get("cli.export.range"));
        }
        String spec = a.one("--window", null);
        try {
            if (spec != null) {
                window(spec, null, width);
            }
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new Cli.UsageException("--window " + spec + ": " + (e instanceof ArithmeticException ? Prose.get("cli.export.too-long") : e.getMessage()));
        }
        for (String target : new String[]{png, svg}) {
            // Refused before anything is read or drawn, so that neither picture is written.
            String refusal = target == null ? null : faultline.workspace.OutputTarget.refusal(Path.of(target), a.files);
            if (refusal != null) {
                err.println("faultline export: " + refusal);
                return 1;
            }
        }
        LoadedFiles loaded = LoadedFiles.load(a, err, "export");
        if (loaded == null) {
            return 1;
        }
        Comparison c = loaded.compare(a.all("--task"), a.one("--align", null), "export", err);
        if (c == null) {
            return 1;
        }
        List<Task> tasks = c.tasks().stream().map(t -> t.task()).toList();
        TimelineScene scene = SceneBuilder.build(c, loaded.set)
                .withNotes(loaded.notes(), tasks.stream().map(Task::id).toList());
        Viewport view;
        try {
            Workspace.ViewState saved = loaded.workspace == null ? null : loaded.workspace.view();
            // Without --window the picture shows what the window showed, when the workspace says so
            // (a folded view is in compressed time, which the export does not draw).
            boolean useSaved = spec == null && saved != null && !saved.folded()
                    && a.all("--task").isEmpty() && a.one("--align", null) == null;
            view = useSaved ? new Viewport(saved.start(), saved.span(), width) : window(spec, scene, width);
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw new Cli.UsageException(e.getMessage());
        }
        String title = a.one("--title", defaultTitle(c));
        for (String missing : missingCrashes(scene, view)) {
            err.println("faultline export: " + missing);
        }
        TimelineExport export = TimelineExport.of(c, loaded.set, scene, view, TimelineStyle.light(), title,
                TimelineExport.Options.width(width));
        try {
            if (png != null) {
                export.writePng(Path.of(png), scale);
                out.println(Prose.format("cli.wrote", png));
            }
            if (svg != null) {
                export.writeSvg(Path.of(svg));
                out.println(Prose.format("cli.wrote", svg));
            }
        } catch (IOException e) {
            err.println("faultline export: " + e.getMessage());
            return 1;
        }
        return 0;
    }

    /** ±5ms: that much either side of the anchor; fit: whole lives; nothing: the crash windows. */
    /** The widest window a picture may show: a century, far beyond any log, and far from overflowing a long of ns. */
    static final long MAX_SPAN = 100L * 365 * 24 * 3600 * 1_000_000_000L;

    /**
     * @param scene null to check the spec only (throws IllegalArgumentException or ArithmeticException)
     */
    static Viewport window(String spec, TimelineScene scene, double width) {
        if (spec == null || spec.isBlank() || spec.equals("crash")) {
            return scene == null ? null : crashWindows(scene, width);
        }
        if (spec.equals("fit") || spec.equals("all")) {
            return scene == null ? null : Viewport.fit(scene.first(), scene.last(), width, 0.02);
        }
        String s = spec.strip();
        if (s.startsWith("±") || s.startsWith("+-")) {
            return around(DurationText.parse(s.substring(s.startsWith("±") ? 1 : 2)), width);
        }
        int dots = s.indexOf("..");
        if (dots > 0) {
            long from = DurationText.parse(s.substring(0, dots));
            long to = DurationText.parse(s.substring(dots + 2));
            long span = Math.abs(Math.subtractExact(to, from));
            if (span == 0 || span > MAX_SPAN || Math.abs(from) > MAX_SPAN || Math.abs(to) > MAX_SPAN) {
                throw new IllegalArgumentException(span == 0 ? Prose.get("cli.export.empty-range") : Prose.get("cli.export.century"));
            }
            return new Viewport(Math.min(from, to), span, width);
        }
        return around(DurationText.parse(s), width);
    }

    private static Viewport around(long half, double width) {
        long h = Math.abs(half);
        if (h == 0 || h > MAX_SPAN / 2) {
            throw new IllegalArgumentException(h == 0 ? Prose.get("cli.export.empty-window") : Prose.get("cli.export.century"));
        }
        return new Viewport(-h, 2 * h, width);
    }

    static Viewport crashWindows(TimelineScene scene, double width) {
        return CrashWindows.view(scene, -1, width);
    }

    /**
     * What the picture cannot show of the crashes, in words for stderr: a lane without a crash, or a
     * crash outside the window asked for.
     */
    static List<String> missingCrashes(TimelineScene scene, Viewport view) {
        List<String> out = new java.util.ArrayList<>();
        for (TimelineScene.Lane l : scene.lanes()) {
            TimelineScene.CrashMark c = l.crash();
            if (c == null) {
                out.add(Prose.format("cli.export.no-crash", l.title()) + (l.anchorNote().isEmpty() ? "" : " (" + l.anchorNote() + ")"));
            } else if (!view.contains(c.at())) {
                out.add(Prose.format("cli.export.crash-outside", l.title(), DurationText.relative(c.at()),
                        DurationText.relative(view.start()), DurationText.relative(view.end())));
            }
        }
        return out;
    }

    static String defaultTitle(Comparison c) {
        List<String> ids = c.tasks().stream().map(t -> t.task().shortId()).toList();
        String sig = c.tasks().stream().filter(t -> t.crash() != null).map(t -> t.crash().signature().shortText()).findFirst().orElse("");
        return String.join(" vs ", ids) + (sig.isEmpty() ? "" : " — " + sig);
    }
}
