package faultline.export;

import faultline.model.Level;
import faultline.model.PhaseKind;
import faultline.render.FontSpec;
import faultline.render.OffsetSurface;
import faultline.render.StyleKey;
import faultline.render.Surface;
import faultline.render.TextAlign;
import faultline.render.TimeScale;
import faultline.render.TimelineLayout;
import faultline.render.TimelineRenderer;
import faultline.render.TimelineScene;
import faultline.render.TimelineStyle;

import java.util.List;

/**
 * The exported picture, on any surface: a title, the timeline as the window draws it (with the
 * notes), a legend, and a caption with the time range, the alignment and the files.
 */
public final class ExportPicture {
    static final double TITLE = 34;
    static final double LEGEND = 24;
    static final double CAPTION_LINE = 15;
    private static final FontSpec TITLE_FONT = new FontSpec(16, true, false);

    private ExportPicture() {
    }

    public static double height(TimelineScene scene, List<String> caption) {
        return TITLE + TimelineLayout.height(scene.lanes().size()) + LEGEND + caption.size() * CAPTION_LINE + 10;
    }

    public static void draw(Surface s, TimelineScene scene, TimeScale scale, TimelineStyle style, String title, List<String> caption) {
        double w = s.width();
        s.fillRect(0, 0, w, s.height(), style.get(StyleKey.BACKGROUND));
        s.beginGroup("title");
        s.text(title, 10, 23, TITLE_FONT, style.get(StyleKey.TITLE), TextAlign.LEFT);
        s.endGroup();
        double th = TimelineLayout.height(scene.lanes().size());
        new TimelineRenderer().render(new OffsetSurface(s, 0, TITLE, w, th), scene, scale, style);
        double y = TITLE + th + 4;
        s.beginGroup("legend");
        double x = 10;
        for (Level l : new Level[]{Level.DEBUG, Level.INFO, Level.WARNING, Level.ERROR, Level.CRITICAL}) {
            x = swatch(s, x, y, style.get(StyleKey.valueOf("LEVEL_" + l.name())), l.name().toLowerCase(java.util.Locale.ROOT), style);
        }
        x += 10;
        for (PhaseKind k : new PhaseKind[]{PhaseKind.QUEUED, PhaseKind.MODEL_LOADING, PhaseKind.LORA_DOWNLOAD,
                PhaseKind.PARAMETER_RESOLUTION, PhaseKind.SAMPLING, PhaseKind.STATUS_UPDATE}) {
            x = swatch(s, x, y, style.get(StyleKey.valueOf("PHASE_" + k.name())), k.label(), style);
        }
        x = swatch(s, x + 10, y, style.get(StyleKey.EVIDENCE_GAP), "crash window", style);
        swatch(s, x, y, style.get(StyleKey.NOTE), "note", style);
        s.endGroup();
        s.beginGroup("caption");
        double cy = y + LEGEND;
        for (String line : caption) {
            s.text(line, 10, cy, FontSpec.SMALL, style.get(StyleKey.MUTED_TEXT), TextAlign.LEFT);
            cy += CAPTION_LINE;
        }
        s.endGroup();
    }

    private static double swatch(Surface s, double x, double y, faultline.render.Rgba c, String label, TimelineStyle style) {
        s.fillRect(x, y + 4, 12, 10, c);
        s.text(label, x + 16, y + 13, FontSpec.SMALL, style.get(StyleKey.TEXT), TextAlign.LEFT);
        return x + 24 + s.textWidth(label, FontSpec.SMALL);
    }
}
