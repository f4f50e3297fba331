package faultline.export;

import faultline.text.Prose;

import faultline.model.DurationText;
import faultline.model.Level;
import faultline.model.PhaseKind;
import faultline.model.TimeText;
import faultline.render.FontSpec;
import faultline.render.OffsetSurface;
import faultline.render.Rgba;
import faultline.render.StyleKey;
import faultline.render.Surface;
import faultline.render.TextAlign;
import faultline.render.TimeScale;
import faultline.render.TimelineLayout;
import faultline.render.TimelineRenderer;
import faultline.render.TimelineScene;
import faultline.render.TimelineStyle;

import java.util.ArrayList;
import java.util.List;

/**
 * The exported picture, laid out for its own width on any surface: a title (wrapped, at most two
 * lines, then shortened), the timeline with its notes and measurement, a legend that wraps, the
 * notes written out in full, and below everything a caption with the alignment rule, the time
 * range, the tasks and the files. Every text is measured on the surface it is drawn on, so that it
 * lies inside the picture at any scale.
 */
public final class ExportPicture {
    static final double MARGIN = 12;
    static final double TITLE_LINE = 21;
    static final double LEGEND_LINE = 18;
    static final double TEXT_LINE = 15;
    static final double SECTION_GAP = 8;
    private static final FontSpec TITLE_FONT = new FontSpec(16, true, false);
    private static final FontSpec NOTE_FONT = FontSpec.LABEL;
    private static final FontSpec NOTE_HEAD = new FontSpec(11, true, false);

    private ExportPicture() {
    }

    /** What the picture holds besides the scene. */
    public record Content(String title, List<String> caption, TimelineRenderer.Measure measure) {
    }

    /** Where everything goes, worked out for one width with one surface's text measures. */
    public record Plan(double width, List<String> title, double timelineTop, TimelineLayout layout, List<List<Swatch>> legend,
                       double legendTop, List<String> notes, double notesTop, List<String> caption, double captionTop, double height) {
    }

    /** A colour and its name in the legend. */
    public record Swatch(StyleKey colour, String label) {
    }

    /** Lays the picture out for a width, measuring text on `measure` (a surface with the fonts and scale of the one drawn on). */
    public static Plan plan(Surface measure, double width, TimelineScene scene, TimeScale scale, TimelineLayout layout, Content content) {
        double room = width - 2 * MARGIN;
        List<String> title = wrap(measure, content.title(), room, TITLE_FONT, 2);
        double y = MARGIN + title.size() * TITLE_LINE;
        double timelineTop = y + 4;
        y = timelineTop + layout.height() + SECTION_GAP;
        List<List<Swatch>> legend = legendLines(measure, room);
        double legendTop = y;
        y += legend.size() * LEGEND_LINE + SECTION_GAP;
        List<String> notes = new ArrayList<>();
        for (String n : noteTexts(scene, scale, content.measure())) {
            notes.addAll(wrap(measure, n, room, NOTE_FONT, Integer.MAX_VALUE));
        }
        double notesTop = y;
        if (!notes.isEmpty()) {
            y += TEXT_LINE + notes.size() * TEXT_LINE + SECTION_GAP;
        }
        List<String> caption = new ArrayList<>();
        for (String c : content.caption()) {
            caption.addAll(wrap(measure, c, room, FontSpec.SMALL, Integer.MAX_VALUE));
        }
        double captionTop = y;
        y += caption.size() * TEXT_LINE + MARGIN;
        return new Plan(width, title, timelineTop, layout, legend, legendTop, notes, notesTop, caption, captionTop, Math.ceil(y));
    }

    public static void draw(Surface s, TimelineScene scene, TimeScale scale, TimelineStyle style, Plan plan, Content content) {
        double w = s.width();
        s.fillRect(0, 0, w, s.height(), style.get(StyleKey.BACKGROUND));
        s.beginGroup("title");
        double y = MARGIN;
        for (String line : plan.title()) {
            y += TITLE_LINE;
            s.text(line, MARGIN, y - 5, TITLE_FONT, style.get(StyleKey.TITLE), TextAlign.LEFT);
        }
        s.endGroup();
        double th = plan.layout().height();
        OffsetSurface timeline = new OffsetSurface(s, 0, plan.timelineTop(), w, th);
        TimelineRenderer renderer = TimelineRenderer.forPicture();
        s.pushClip(0, plan.timelineTop(), w, th);
        renderer.render(timeline, scene, plan.layout(), 0, scale, style);
        if (content.measure() != null) {
            renderer.renderMeasure(timeline, plan.layout(), 0, scale, style, content.measure());
        }
        s.popClip();
        s.beginGroup("legend");
        double ly = plan.legendTop();
        for (List<Swatch> line : plan.legend()) {
            double x = MARGIN;
            for (Swatch sw : line) {
                x = swatch(s, x, ly, style.get(sw.colour()), sw.label(), style);
            }
            ly += LEGEND_LINE;
        }
        s.endGroup();
        if (!plan.notes().isEmpty()) {
            s.beginGroup("notes");
            double ny = plan.notesTop() + TEXT_LINE;
            s.text("Notes", MARGIN, ny - 3, NOTE_HEAD, style.get(StyleKey.TEXT), TextAlign.LEFT);
            for (String line : plan.notes()) {
                ny += TEXT_LINE;
                s.text(line, MARGIN, ny - 3, NOTE_FONT, style.get(StyleKey.TEXT), TextAlign.LEFT);
            }
            s.endGroup();
        }
        s.beginGroup("caption");
        double cy = plan.captionTop();
        for (String line : plan.caption()) {
            cy += TEXT_LINE;
            s.text(line, MARGIN, cy - 4, FontSpec.SMALL, style.get(StyleKey.MUTED_TEXT), TextAlign.LEFT);
        }
        s.endGroup();
    }

    /** Every note of the lanes, and the measurement, as a line of text: lane, time (T± and clock), text. */
    static List<String> noteTexts(TimelineScene scene, TimeScale scale, TimelineRenderer.Measure measure) {
        List<String> out = new ArrayList<>();
        for (TimelineScene.Lane l : scene.lanes()) {
            List<TimelineScene.NoteMark> sorted = new ArrayList<>(l.notes());
            sorted.sort((a, b) -> Long.compare(a.start(), b.start()));
            for (TimelineScene.NoteMark n : sorted) {
                String when = DurationText.relative(n.start()) + " (" + TimeText.clock(l.epoch(n.start()), 6) + ")";
                if (n.end() > n.start()) {
                    when += " … " + DurationText.relative(n.end()) + " (" + TimeText.clock(l.epoch(n.end()), 6) + ")";
                }
                boolean inView = n.end() >= scale.start() && n.start() <= scale.end();
                out.add("• " + l.title() + " · " + when + (inView ? "" : " · " + Prose.get("picture.outside")) + " · " + n.text());
            }
        }
        if (measure != null) {
            out.add("• " + Prose.format("picture.measured", measure.label()));
        }
        return out;
    }

    private static List<List<Swatch>> legendLines(Surface s, double room) {
        List<Swatch> all = new ArrayList<>();
        for (Level l : new Level[]{Level.DEBUG, Level.INFO, Level.WARNING, Level.ERROR, Level.CRITICAL}) {
            all.add(new Swatch(StyleKey.valueOf("LEVEL_" + l.name()), l.name().toLowerCase(java.util.Locale.ROOT)));
        }
        for (PhaseKind k : new PhaseKind[]{PhaseKind.QUEUED, PhaseKind.MODEL_LOADING, PhaseKind.LORA_DOWNLOAD,
                PhaseKind.PARAMETER_RESOLUTION, PhaseKind.SAMPLING, PhaseKind.STATUS_UPDATE}) {
            all.add(new Swatch(StyleKey.valueOf("PHASE_" + k.name()), k.label()));
        }
        all.add(new Swatch(StyleKey.CRASH, Prose.get("legend.crash")));
        all.add(new Swatch(StyleKey.EVIDENCE_GAP, Prose.get("legend.gap")));
        all.add(new Swatch(StyleKey.UNCERTAINTY, Prose.get("legend.uncertainty")));
        all.add(new Swatch(StyleKey.NOTE, Prose.get("legend.note")));
        List<List<Swatch>> lines = new ArrayList<>();
        List<Swatch> line = new ArrayList<>();
        double x = 0;
        for (Swatch sw : all) {
            double wd = swatchWidth(s, sw.label());
            if (!line.isEmpty() && x + wd > room) {
                lines.add(line);
                line = new ArrayList<>();
                x = 0;
            }
            line.add(sw);
            x += wd;
        }
        if (!line.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    private static double swatchWidth(Surface s, String label) {
        return 16 + s.textWidth(label, FontSpec.SMALL) + 12;
    }

    private static double swatch(Surface s, double x, double y, Rgba c, String label, TimelineStyle style) {
        s.fillRect(x, y + 3, 12, 10, c);
        s.text(label, x + 16, y + 12, FontSpec.SMALL, style.get(StyleKey.TEXT), TextAlign.LEFT);
        return x + swatchWidth(s, label);
    }

    /**
     * Breaks text into lines that fit the room, at spaces where it can (a word longer than the room is
     * cut); past maxLines the last line is shortened with an ellipsis.
     */
    static List<String> wrap(Surface s, String text, double room, FontSpec font, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            if (lines.size() == maxLines - 1) {
                lines.add(TimelineRenderer.shorten(s, rest, room, font));
                return lines;
            }
            if (s.textWidth(rest, font) <= room) {
                lines.add(rest);
                break;
            }
            int cut = fitting(s, rest, room, font);
            int space = rest.lastIndexOf(' ', cut);
            int end = space > 0 ? space : Math.max(1, cut);
            lines.add(rest.substring(0, end).stripTrailing());
            rest = rest.substring(end).strip();
        }
        if (lines.isEmpty()) {
            lines.add("");
        }
        return lines;
    }

    /** The number of leading characters of text that fit the room. */
    private static int fitting(Surface s, String text, double room, FontSpec font) {
        int lo = 0;
        int hi = text.length();
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (s.textWidth(text.substring(0, mid), font) <= room) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
