package faultline.ui.export;

import faultline.ui.Messages;

import faultline.export.TimelineExport;
import faultline.render.TimelineStyle;
import faultline.ui.CompareModel;
import faultline.ui.Document;
import faultline.ui.Status;
import faultline.ui.background.Job;
import faultline.ui.background.Jobs;
import faultline.ui.timeline.TimelineViewModel;
import faultline.workspace.OutputTarget;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * File ▸ Export Image and Edit ▸ Copy Image: what the timeline shows now is taken on the FX thread,
 * the picture is made and written in the background (hashing the logs and encoding take a moment);
 * the outcome is told in the status bar, a failure in the window, never lost.
 */
public final class ExportModel {
    private static final System.Logger LOG = System.getLogger("faultline.ui.export");

    private final Document document;
    private final CompareModel compare;
    private final TimelineViewModel timeline;
    private final Status status;
    private final Supplier<TimelineStyle> style;
    private final IntFunction<BufferedImage> windowPicture;
    private final BiConsumer<BufferedImage, String> clipboard;
    private final Job<Path> exports;
    private final Job<Copied> copies;

    private record Copied(BufferedImage image, String title) {
    }

    /**
     * @param style         the timeline's colours now
     * @param windowPicture the whole window at a scale (a snapshot, on the FX thread)
     * @param clipboard     puts a picture and its title on the clipboard (FX thread)
     */
    public ExportModel(Document document, CompareModel compare, TimelineViewModel timeline, Status status, Jobs jobs,
                       Supplier<TimelineStyle> style, IntFunction<BufferedImage> windowPicture, BiConsumer<BufferedImage, String> clipboard) {
        this.document = document;
        this.compare = compare;
        this.timeline = timeline;
        this.status = status;
        this.style = style;
        this.windowPicture = windowPicture;
        this.clipboard = clipboard;
        this.exports = jobs.job("export", Jobs.Lane.WRITE);
        this.copies = jobs.job("copy image", Jobs.Lane.WRITE);
    }

    /** Whether there is a picture to make. */
    public BooleanBinding nothingToExport() {
        return Bindings.createBooleanBinding(() -> compare.comparison() == null, compare.comparisonProperty());
    }

    public String defaultTitle() {
        return Exports.defaultTitle(compare.comparison());
    }

    /** The file the dialog proposes: the title as a name, beside the first log (else in the home folder). */
    public Path proposedFile() {
        String name = defaultTitle().replaceAll("[^A-Za-z0-9_.-]+", "_").replaceAll("_+$", "") + ".png";
        Path first = document.files().isEmpty() ? null : document.files().get(0).toAbsolutePath().getParent();
        return (first != null ? first : Path.of(System.getProperty("user.home"))).resolve(name);
    }

    /** Why a file may not be written (an open log, a device, a pipe…), or null. */
    public String refusal(Path p) {
        List<Path> open = List.copyOf(document.files());
        return OutputTarget.refusal(p, open);
    }

    /** Writes the chosen picture to target. */
    public void export(ExportDialog.Choice choice, Path target) {
        Supplier<TimelineExport> picture = Exports.timeline(document, compare, timeline, style.get(), choice.title(), choice.width());
        BufferedImage window = choice.what() == ExportDialog.What.WINDOW ? windowPicture.apply(choice.scale()) : null;
        String name = String.valueOf(target.getFileName());
        status.savedProperty().set(Messages.format("export.exporting", name));
        exports.queue(p -> {
            TimelineExport e = picture.get();
            if (window != null) {
                Exports.writePng(window, e.metadata(), target);
            } else if (choice.svg()) {
                e.writeSvg(target);
            } else {
                e.writePng(target, choice.scale());
            }
            return target;
        }, t -> {
            LOG.log(System.Logger.Level.INFO, "exported " + t);
            status.savedProperty().set(Messages.format("export.done", name));
        }, ex -> {
            LOG.log(System.Logger.Level.WARNING, "export failed: " + target, ex);
            status.savedProperty().set(Messages.get("export.failed"));
            status.problems().setAll(Messages.format("export.failed.why", name, ex.getMessage()));
        });
    }

    /** The timeline picture (1600 px) to the clipboard. */
    public void copy() {
        Supplier<TimelineExport> picture = Exports.timeline(document, compare, timeline, style.get(), defaultTitle(), ExportDialog.DEFAULT_WIDTH);
        copies.restart(p -> {
            TimelineExport e = picture.get();
            return new Copied(e.image(1), e.metadata().title());
        }, c -> {
            clipboard.accept(c.image(), c.title());
            status.savedProperty().set(Messages.get("export.copied"));
        }, ex -> {
            if (!(ex instanceof Job.Cancelled)) {
                LOG.log(System.Logger.Level.WARNING, "copy failed", ex);
                status.problems().setAll(Messages.format("export.copy.failed", ex.getMessage()));
            }
        });
    }
}
