package faultline.render;

import faultline.text.Prose;

import faultline.model.DurationText;
import faultline.model.Level;
import faultline.model.PhaseKind;
import faultline.model.StepKind;

import java.util.ArrayList;
import java.util.List;

/**
 * Draws a {@link TimelineScene} through a {@link Surface}: the axis, and per lane its header, its
 * crash, its phases, its events (at most one mark per pixel column, the most severe, found from
 * block summaries), its loop steps and its notes; folded gaps as breaks in the axis. Only the visible
 * range and the lanes scrolled into view are visited. A label that does not fit where it belongs is
 * moved to where it collides with nothing or shortened, and then its full text is kept as a hotspot
 * for the hover tip. The overlay (cursor, hovered and selected event, rubber band, measurement) is
 * drawn separately so that a mouse move does not repaint the lanes.
 */
public final class TimelineRenderer {
    /** No label is shortened below this many pixels; a step label with less room waits for a closer zoom. */
    static final double MIN_LABEL = 26;
    private static final String ELLIPSIS = "…";

    /**
     * What the window draws over the lanes.
     *
     * @param cursor      aligned time under the mouse, or Long.MIN_VALUE
     * @param hoverLane   lane of the hovered event, or -1
     * @param hoverIndex  index of the hovered event in its lane's marks, or -1
     * @param selectLane  lane of the selected event, or -1
     * @param selectIndex index of the selected event, or -1
     * @param bandFrom    rubber band start x, or NaN
     * @param bandTo      rubber band end x, or NaN
     * @param measure     the measurement between two events, or null
     */
    public record Overlay(long cursor, int hoverLane, int hoverIndex, int selectLane, int selectIndex, double bandFrom, double bandTo,
                          Measure measure) {
        public static final Overlay NONE = new Overlay(Long.MIN_VALUE, -1, -1, -1, -1, Double.NaN, Double.NaN, null);

        public Overlay(long cursor, int hoverLane, int hoverIndex, int selectLane, int selectIndex, double bandFrom, double bandTo) {
            this(cursor, hoverLane, hoverIndex, selectLane, selectIndex, bandFrom, bandTo, null);
        }
    }

    /**
     * A measurement from one event to another, in aligned time on their lanes.
     *
     * @param label the Δ and both times, as written on the picture
     */
    public record Measure(int laneA, long a, int laneB, long b, String label) {
    }

    /** Where a note's box was drawn, for hit testing (lane, id, box). */
    public record NoteBox(int lane, String id, double x, double y, double w, double h) {
        public boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    /** A place whose full text the hover tip shows: a shortened label, a phase bar, a crash. */
    public record Hotspot(double x, double y, double w, double h, String text) {
        public boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    private final List<NoteBox> noteBoxes = new ArrayList<>();
    private final List<Hotspot> hotspots = new ArrayList<>();
    /** Whether the lanes' fold markers are drawn: a control in the window, noise in a picture. */
    private final boolean controls;

    /** A renderer for the window, with its controls. */
    public TimelineRenderer() {
        this(true);
    }

    private TimelineRenderer(boolean controls) {
        this.controls = controls;
    }

    /** A renderer for an exported picture: what the window shows, without the controls that only a pointer can use. */
    public static TimelineRenderer forPicture() {
        return new TimelineRenderer(false);
    }
    /** Per lane, where the text of its header ends in the last frame (a measurement's label goes beyond it). */
    private final List<Double> headerEnds = new ArrayList<>();

    /** The note boxes of the last frame, in surface coordinates. */
    public List<NoteBox> noteBoxes() {
        return List.copyOf(noteBoxes);
    }

    /** The hotspots of the last frame, in surface coordinates; later ones lie on top. */
    public List<Hotspot> hotspots() {
        return List.copyOf(hotspots);
    }

    /** Draws the axis and every lane, unscrolled. */
    public void render(Surface s, TimelineScene scene, TimeScale v, TimelineStyle style) {
        render(s, scene, TimelineLayout.of(scene), 0, v, style);
    }

    /** Draws the axis and the lanes scrolled by scrollY under it. */
    public void render(Surface s, TimelineScene scene, TimelineLayout layout, double scrollY, TimeScale v, TimelineStyle style) {
        noteBoxes.clear();
        hotspots.clear();
        headerEnds.clear();
        for (int i = 0; i < scene.lanes().size(); i++) {
            headerEnds.add(0.0);
        }
        double w = s.width();
        double h = s.height();
        s.fillRect(0, 0, w, h, style.get(StyleKey.BACKGROUND));
        TimelineScene.Lane ref = scene.lanes().isEmpty() ? null : scene.lanes().get(0);
        boolean wall = scene.anchorLabel().equals(faultline.model.Anchor.WALL_CLOCK.label());
        Ticks.TickSet ticks = Ticks.of(v, wall, t -> ref == null ? t : ref.epoch(t), str -> s.textWidth(str, FontSpec.SMALL), 14);
        if (scene.lineOrder()) {
            ticks = Ticks.lines(ticks, t -> ref == null ? t : ref.epoch(t)); // a log without a clock: the axis counts lines
        }
        Surface lanes = scrollY == 0 ? s : new OffsetSurface(s, 0, -scrollY, w, h + scrollY);
        s.pushClip(0, TimelineLayout.AXIS_HEIGHT, w, Math.max(0, h - TimelineLayout.AXIS_HEIGHT));
        double contentBottom = Math.min(h, layout.height() - scrollY);
        for (int i = 0; i < scene.lanes().size(); i++) {
            if (visible(layout, i, scrollY, h)) {
                lane(lanes, scene.lanes().get(i), i, layout, scrollY, v, style, ticks);
            }
        }
        folds(s, v, style, contentBottom);
        for (int i = 0; i < scene.lanes().size(); i++) {
            if (visible(layout, i, scrollY, h)) {
                header(lanes, scene.lanes().get(i), i, layout, scrollY, style);
            }
        }
        anchorLine(s, v, style, contentBottom);
        s.popClip();
        axis(s, scene, v, style, ticks);
        foldLabels(s, v, style);
    }

    private static boolean visible(TimelineLayout layout, int lane, double scrollY, double h) {
        return layout.laneBottom(lane) - scrollY >= TimelineLayout.AXIS_HEIGHT && layout.groupTop(lane) - scrollY <= h;
    }

    /** Draws the overlay on its own (transparent) surface. */
    public void renderOverlay(Surface s, TimelineScene scene, TimelineLayout layout, double scrollY, TimeScale v, TimelineStyle style,
                              Overlay o) {
        double bottom = Math.min(s.height(), layout.height() - scrollY);
        s.pushClip(0, TimelineLayout.AXIS_HEIGHT, s.width(), Math.max(0, s.height() - TimelineLayout.AXIS_HEIGHT));
        if (o.selectLane() >= 0 && o.selectLane() < scene.lanes().size()) {
            mark(s, scene.lanes().get(o.selectLane()), layout.eventTop(o.selectLane()) - scrollY, o.selectIndex(), v,
                    style.get(StyleKey.SELECTION), 2);
        }
        if (o.hoverLane() >= 0 && o.hoverLane() < scene.lanes().size()) {
            mark(s, scene.lanes().get(o.hoverLane()), layout.eventTop(o.hoverLane()) - scrollY, o.hoverIndex(), v,
                    style.get(StyleKey.CURSOR), 1);
        }
        if (o.cursor() != Long.MIN_VALUE && v.contains(o.cursor())) {
            double x = crisp(v.x(o.cursor()));
            s.line(x, TimelineLayout.AXIS_HEIGHT, x, bottom, style.get(StyleKey.CURSOR).withAlpha(0.55), 1);
        }
        if (!Double.isNaN(o.bandFrom()) && !Double.isNaN(o.bandTo())) {
            double a = Math.min(o.bandFrom(), o.bandTo());
            double b = Math.max(o.bandFrom(), o.bandTo());
            s.fillRect(a, TimelineLayout.AXIS_HEIGHT, b - a, bottom - TimelineLayout.AXIS_HEIGHT, style.get(StyleKey.SELECTION).withAlpha(0.15));
            s.strokeRect(a + 0.5, TimelineLayout.AXIS_HEIGHT + 0.5, b - a, bottom - TimelineLayout.AXIS_HEIGHT - 1, style.get(StyleKey.SELECTION), 1);
        }
        s.popClip();
        if (o.measure() != null) {
            renderMeasure(s, layout, scrollY, v, style, o.measure());
        }
    }

    /**
     * A measurement: a line from each of the two events up to the header row of the upper lane, a
     * bracket between them there, and the Δ on it, beside the header's own text (the full text with
     * both times is the measure's label, shown in the toolbar and written out under an export).
     */
    public void renderMeasure(Surface s, TimelineLayout layout, double scrollY, TimeScale v, TimelineStyle style, Measure m) {
        if (m.laneA() < 0 || m.laneA() >= layout.lanes() || m.laneB() < 0 || m.laneB() >= layout.lanes()) {
            return;
        }
        s.beginGroup("measure");
        Rgba ink = style.get(StyleKey.SELECTION);
        double w = s.width();
        double xa = crisp(v.x(m.a()));
        double xb = crisp(v.x(m.b()));
        double ya = layout.eventTop(m.laneA()) - scrollY + TimelineLayout.EVENT_ROW / 2;
        double yb = layout.eventTop(m.laneB()) - scrollY + TimelineLayout.EVENT_ROW / 2;
        int upper = Math.min(m.laneA(), m.laneB());
        double top = layout.groupTop(upper) - scrollY + TimelineLayout.HEADER / 2;
        s.pushClip(0, TimelineLayout.AXIS_HEIGHT, w, Math.max(0, s.height() - TimelineLayout.AXIS_HEIGHT));
        s.line(xa, top, xa, ya + 6, ink, 1);
        s.line(xb, top, xb, yb + 6, ink, 1);
        s.line(Math.min(xa, xb), top, Math.max(xa, xb), top, ink, 1.5);
        s.fillRect(xa - 2, ya - 2, 4, 4, ink);
        s.fillRect(xb - 2, yb - 2, 4, 4, ink);
        int cut = m.label().indexOf(" · ");
        String delta = cut > 0 ? m.label().substring(0, cut) : m.label();
        double tw = s.textWidth(delta, FontSpec.LABEL);
        double headerEnd = upper < headerEnds.size() ? headerEnds.get(upper) : 0;
        double cx = (xa + xb) / 2;
        double lx = Math.max(headerEnd + 6, Math.min(w - tw - 6, cx - tw / 2 - 2));
        String shown = delta;
        if (lx + tw + 4 > w) {
            shown = shorten(s, delta, Math.max(0, w - lx - 6), FontSpec.LABEL);
            tw = s.textWidth(shown, FontSpec.LABEL);
        }
        if (!shown.isEmpty()) {
            double by = layout.groupTop(upper) - scrollY + 2;
            s.fillRect(lx, by, tw + 4, TimelineLayout.HEADER - 4, style.get(StyleKey.NOTE_BACKGROUND));
            s.strokeRect(lx + 0.5, by + 0.5, tw + 3, TimelineLayout.HEADER - 5, ink, 1);
            s.text(shown, lx + 2, by + 12, FontSpec.LABEL, style.get(StyleKey.TEXT), TextAlign.LEFT);
            hotspots.add(new Hotspot(lx, by, tw + 4, TimelineLayout.HEADER - 4, m.label()));
        }
        s.popClip();
        s.endGroup();
    }

    private static void mark(Surface s, TimelineScene.Lane lane, double top, int index, TimeScale v, Rgba c, double width) {
        if (index < 0 || index >= lane.marks().size() || !v.contains(lane.marks().times()[index])) {
            return;
        }
        double x = crisp(v.x(lane.marks().times()[index]));
        s.strokeRect(x - 3, top + 1, 6, TimelineLayout.EVENT_ROW - 2, c, width);
    }

    private void axis(Surface s, TimelineScene scene, TimeScale v, TimelineStyle style, Ticks.TickSet ticks) {
        s.beginGroup("axis");
        double w = s.width();
        s.fillRect(0, 0, w, TimelineLayout.AXIS_HEIGHT, style.get(StyleKey.BACKGROUND));
        s.line(0, TimelineLayout.AXIS_HEIGHT - 0.5, w, TimelineLayout.AXIS_HEIGHT - 0.5, style.get(StyleKey.GRID), 1);
        boolean wall = scene.anchorLabel().equals(faultline.model.Anchor.WALL_CLOCK.label());
        double lastRight = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < ticks.size(); i++) {
            double x = crisp(v.x(ticks.positions()[i]));
            s.line(x, 33, x, 39, style.get(StyleKey.AXIS_TEXT), 1);
            String rel = ticks.relative()[i];
            String abs = ticks.clock()[i];
            double tw = Math.max(s.textWidth(rel, FontSpec.SMALL), s.textWidth(abs, FontSpec.SMALL));
            // Labels at the edges move inwards rather than leave the picture.
            double cx = Math.max(tw / 2 + 2, Math.min(w - tw / 2 - 2, x));
            if (cx - tw / 2 < lastRight + 6) {
                continue;
            }
            if (!rel.isEmpty()) {
                s.text(rel, cx, 11, FontSpec.SMALL, style.get(StyleKey.AXIS_TEXT), TextAlign.CENTER);
            }
            s.text(abs, cx, wall || scene.lineOrder() ? 17 : 24, FontSpec.SMALL, style.get(StyleKey.MUTED_TEXT), TextAlign.CENTER);
            lastRight = cx + tw / 2;
        }
        String refTitle = scene.lanes().isEmpty() ? "" : scene.lanes().get(0).title();
        if (scene.lineOrder()) {
            String lines = refTitle.isEmpty() ? Prose.format("axis.lines", lineCount(ticks.step())) : Prose.format("axis.lines.of", lineCount(ticks.step()), refTitle);
            fitted(s, lines, lines, 6, TimelineLayout.AXIS_HEIGHT - 3, w - 12, FontSpec.SMALL, style.get(StyleKey.MUTED_TEXT), 12);
            s.endGroup();
            return;
        }
        String clock = refTitle.isEmpty() ? "" : " · " + Prose.format("axis.clock-of", refTitle);
        String caption = Prose.format("axis.tick", ticks.stepText()) + " · " + shortRule(scene.anchorLabel()) + clock;
        String full = Prose.format("axis.tick", ticks.stepText()) + " · " + (scene.anchorRule().isEmpty() ? shortRule(scene.anchorLabel()) : scene.anchorRule())
                + clock;
        fitted(s, caption, caption + "\n" + full, 6, TimelineLayout.AXIS_HEIGHT - 3, w - 12, FontSpec.SMALL, style.get(StyleKey.MUTED_TEXT), 12);
        s.endGroup();
    }

    /** A tick step of a line-order axis, in lines. */
    private static String lineCount(long step) {
        long n = Math.max(1, step / faultline.model.SourceFile.LINE_NANOS);
        return Prose.format("axis.line-count", n);
    }

    /** The alignment in a few words, for the axis. */
    static String shortRule(String anchorLabel) {
        if (anchorLabel.equals(faultline.model.Anchor.CRASH.label())) {
            return Prose.get("axis.rule.crash");
        }
        if (anchorLabel.equals(faultline.model.Anchor.WALL_CLOCK.label())) {
            return Prose.get("axis.rule.wall");
        }
        return Prose.format("axis.rule", anchorLabel);
    }

    private void anchorLine(Surface s, TimeScale v, TimelineStyle style, double bottom) {
        if (v.contains(0)) {
            double x = crisp(v.x(0));
            s.dashedLine(x, TimelineLayout.AXIS_HEIGHT, x, bottom, style.get(StyleKey.ANCHOR).withAlpha(0.5), 1, 4);
        }
    }

    /** A break in the axis for every folded gap, with the folded time written on it. */
    private void folds(Surface s, TimeScale v, TimelineStyle style, double bottom) {
        List<Folding.Fold> folds = v.folds();
        if (folds.isEmpty()) {
            return;
        }
        s.beginGroup("folds");
        double top = TimelineLayout.AXIS_HEIGHT;
        double height = Math.max(0, Math.ceil(bottom) - top);
        for (Folding.Fold f : folds) {
            double mid = crisp(foldMiddle(v, f));
            s.line(mid - 3, top, mid - 3, top + height, style.get(StyleKey.GRID), 1);
            s.line(mid + 3, top, mid + 3, top + height, style.get(StyleKey.GRID), 1);
        }
        s.endGroup();
    }

    /** Where a fold's band lies, in whole pixels: [floor of its start, at least two pixels on). */
    private static double foldStart(TimeScale v, Folding.Fold f) {
        return Math.floor(v.x(f.from()));
    }

    private static double foldEnd(TimeScale v, Folding.Fold f) {
        return Math.max(foldStart(v, f) + 2, Math.ceil(v.x(f.to())));
    }

    private static double foldMiddle(TimeScale v, Folding.Fold f) {
        return (foldStart(v, f) + foldEnd(v, f)) / 2;
    }

    /**
     * The folds' bands on a lane's background, under its content, in the opaque colour the grid's tint
     * makes there: a fold is an idle gap, so what crosses it (a phase, the break lines) stays on top, and
     * a translucent band over every lane cost the Java2D surface more than all of a folded view's events.
     */
    private static void foldBands(Surface s, TimeScale v, TimelineStyle style, Rgba background, double top, double bottom) {
        List<Folding.Fold> folds = v.folds();
        if (folds.isEmpty()) {
            return;
        }
        Rgba tint = style.get(StyleKey.GRID).withAlpha(0.35);
        Rgba band = background.a() >= 1 ? tint.over(background) : tint;
        double y = Math.floor(top);
        double h = Math.ceil(bottom) - y;
        for (Folding.Fold f : folds) {
            double a = foldStart(v, f);
            s.fillRect(a, y, foldEnd(v, f) - a, h, band);
        }
    }

    /** The folded time, written on each break of the axis. */
    private void foldLabels(Surface s, TimeScale v, TimelineStyle style) {
        double lastRight = -1;
        for (Folding.Fold f : v.folds()) {
            double mid = (v.x(f.from()) + v.x(f.to())) / 2;
            String text = "⋯ " + DurationText.of(f.duration()) + " ⋯";
            double tw = s.textWidth(text, FontSpec.SMALL);
            double cx = Math.max(tw / 2 + 4, Math.min(s.width() - tw / 2 - 4, mid));
            if (cx - tw / 2 < lastRight + 4) {
                hotspots.add(new Hotspot(mid - 4, 27, 8, 12, Prose.format("axis.folded", DurationText.of(f.duration()))));
                continue;
            }
            s.fillRect(cx - tw / 2 - 3, 27, tw + 6, 12, style.get(StyleKey.NOTE_BACKGROUND));
            s.text(text, cx, 36, FontSpec.SMALL, style.get(StyleKey.TEXT), TextAlign.CENTER);
            lastRight = cx + tw / 2;
        }
    }

    /** The lane's header: a fold marker, the task, what its T stands on when that is not what was asked, and the rest. */
    private void header(Surface s, TimelineScene.Lane lane, int i, TimelineLayout layout, double scrollY, TimelineStyle style) {
        double top = layout.groupTop(i);
        double w = s.width();
        String marker = !controls ? "" : layout.collapsed(i) ? "▸" : "▾";
        String title = lane.title();
        double mw = marker.isEmpty() ? 0 : s.textWidth(marker, FontSpec.TITLE) + 4;
        double tw = mw + s.textWidth(title, FontSpec.TITLE);
        double x = 6 + tw + 8;
        String note = lane.anchorNote();
        String sub = lane.subtitle();
        double room = w - x - 6;
        String noteShown = note;
        String subShown = sub;
        if (!note.isEmpty()) {
            double nw = s.textWidth(note, FontSpec.LABEL);
            if (nw > room) {
                noteShown = shorten(s, note, room, FontSpec.LABEL);
                nw = s.textWidth(noteShown, FontSpec.LABEL);
            }
            room -= nw + 10;
        }
        double sw = subShown.isEmpty() ? 0 : s.textWidth(subShown, FontSpec.LABEL);
        if (sw > room) {
            subShown = room >= MIN_LABEL ? shorten(s, sub, room, FontSpec.LABEL) : "";
            sw = subShown.isEmpty() ? 0 : s.textWidth(subShown, FontSpec.LABEL);
        }
        double end = Math.min(w, x + (noteShown.isEmpty() ? 0 : s.textWidth(noteShown, FontSpec.LABEL) + 10) + sw + 6);
        headerEnds.set(i, end);
        s.fillRect(0, top, end, TimelineLayout.HEADER - 2,
                style.get(i % 2 == 0 ? StyleKey.LANE_BACKGROUND : StyleKey.LANE_ALT_BACKGROUND));
        if (!marker.isEmpty()) {
            s.text(marker, 6, top + 14, FontSpec.TITLE, style.get(StyleKey.MUTED_TEXT), TextAlign.LEFT);
        }
        s.text(title, 6 + mw, top + 14, FontSpec.TITLE, style.get(StyleKey.TITLE), TextAlign.LEFT);
        if (!noteShown.isEmpty()) {
            s.text(noteShown, x, top + 14, FontSpec.LABEL, style.get(StyleKey.NOTE), TextAlign.LEFT);
            x += s.textWidth(noteShown, FontSpec.LABEL) + 10;
        }
        if (!subShown.isEmpty()) {
            s.text(subShown, x, top + 14, FontSpec.LABEL, style.get(StyleKey.MUTED_TEXT), TextAlign.LEFT);
        }
        if (!noteShown.equals(note) || !subShown.equals(sub)) {
            hotspots.add(new Hotspot(0, top - scrollY, w, TimelineLayout.HEADER,
                    lane.title() + (note.isEmpty() ? "" : "\n" + note) + (sub.isEmpty() ? "" : "\n" + sub)));
        }
    }

    private void lane(Surface s, TimelineScene.Lane lane, int i, TimelineLayout layout, double scrollY, TimeScale v, TimelineStyle style,
                      Ticks.TickSet ticks) {
        s.beginGroup("lane");
        double top = layout.groupTop(i);
        double bottom = layout.laneBottom(i);
        double w = s.width();
        Rgba background = style.get(i % 2 == 0 ? StyleKey.LANE_BACKGROUND : StyleKey.LANE_ALT_BACKGROUND);
        s.fillRect(0, top, w, bottom - top, background);
        foldBands(s, v, style, background, top, bottom);
        double body = layout.bodyTop(i);
        for (long t : ticks.positions()) {
            double x = crisp(v.x(t));
            s.line(x, body, x, bottom, style.get(StyleKey.GRID), 1);
        }
        s.pushClip(0, top, w, bottom - top);
        crash(s, lane, i, layout, scrollY, v, style);
        if (!Double.isNaN(layout.phaseTop(i))) {
            phases(s, lane, layout.phaseTop(i), scrollY, v, style);
        }
        marks(s, lane, layout.eventTop(i), v, style);
        if (!Double.isNaN(layout.stepTop(i))) {
            steps(s, lane, layout.stepTop(i), scrollY, v, style);
        }
        if (!Double.isNaN(layout.noteTop(i))) {
            notes(s, lane, i, layout, scrollY, v, style);
        }
        s.popClip();
        s.endGroup();
    }

    private void phases(Surface s, TimelineScene.Lane lane, double rowTop, double scrollY, TimeScale v, TimelineStyle style) {
        double top = rowTop + 2;
        double h = TimelineLayout.PHASE_ROW - 4;
        for (TimelineScene.PhaseBar p : lane.phases()) {
            if (p.end() < v.start() || p.start() > v.end()) {
                continue;
            }
            double x1 = Math.max(-2, v.x(Math.max(p.start(), v.start())));
            double x2 = Math.min(s.width() + 2, v.x(Math.min(p.end(), v.end())));
            double bw = Math.max(1, x2 - x1);
            Rgba c = style.get(phaseKey(p.kind()));
            String label = p.kind().label() + (p.label().isEmpty() ? "" : " · " + p.label());
            String full = label + " · " + DurationText.of(p.end() - p.start()) + (p.endsAtFailure() ? Prose.get("phase.ended-by-failure") : "");
            hotspots.add(new Hotspot(x1, rowTop - scrollY, Math.max(bw, 3), TimelineLayout.PHASE_ROW, full));
            if (p.kind() == PhaseKind.GENERATION) {
                s.fillRect(x1, top + h - 4, bw, 4, c);
                continue;
            }
            s.fillRect(x1, top, bw, h - 5, c);
            if (p.endsAtFailure() && v.contains(p.end())) {
                s.line(crisp(x2), top, crisp(x2), top + h - 5, style.get(StyleKey.CRASH), 2);
            }
            double lx = Math.max(x1, 0) + 3;
            double room = Math.min(x2, s.width()) - lx - 3;
            double tw = s.textWidth(label, FontSpec.SMALL);
            if (tw <= room) {
                s.text(label, lx, top + h - 8, FontSpec.SMALL, style.get(StyleKey.TEXT), TextAlign.LEFT);
            } else if (room >= MIN_LABEL) {
                s.text(shorten(s, label, room, FontSpec.SMALL), lx, top + h - 8, FontSpec.SMALL, style.get(StyleKey.TEXT), TextAlign.LEFT);
            }
        }
    }

    /**
     * Events: column by column, the most severe level among the events of the column (from the level
     * pyramid), and the time window of events known only within one (a console second, an estimate).
     * Neighbouring columns of the same level are drawn as one rectangle: a full view of ten million
     * events is a few hundred rectangles, not one per column.
     */
    private void marks(Surface s, TimelineScene.Lane lane, double rowTop, TimeScale v, TimelineStyle style) {
        TimelineScene.Marks m = lane.marks();
        double top = rowTop + 3;
        double h = TimelineLayout.EVENT_ROW - 6;
        long[] times = m.times();
        int n = m.size();
        int k = m.firstAtOrAfter(v.start(), 0);
        long end = v.end();
        double npp = v.nanosPerPixel();
        long wide = (long) Math.min(Long.MAX_VALUE / 4, npp * 2);
        int runStart = -1;
        int runEnd = -1;
        int runLevel = -1;
        // One query for the whole view: when no event in it has a window wider than two pixels, no column needs asking.
        boolean anyWide = m.maxWindow(k, m.nextAtOrAfter(end == Long.MAX_VALUE ? end : end + 1, k)) > wide;
        int lastCount = 1;
        while (k < n && times[k] <= end) {
            int column = (int) Math.floor(v.x(times[k]));
            long next = v.time(column + 1);
            int j = next > times[k] ? m.nextAtOrAfter(next, k + 1, k + lastCount) : k + 1;
            lastCount = j - k;
            int level = m.maxLevel(k, j);
            if (anyWide && m.maxWindow(k, j) > wide) {
                windows(s, m, k, j, v, top + h + 1, wide, style);
            }
            if (level == runLevel && column == runEnd) {
                runEnd = column + 1;
            } else {
                fillRun(s, runStart, runEnd, runLevel, top, h, style);
                runStart = column;
                runEnd = column + 1;
                runLevel = level;
            }
            k = j;
        }
        fillRun(s, runStart, runEnd, runLevel, top, h, style);
    }

    private static void fillRun(Surface s, int from, int to, int level, double top, double h, TimelineStyle style) {
        if (level < 0 || to <= from) {
            return;
        }
        Level l = Level.ofOrdinal(level);
        // Whole pixels: a mark has crisp edges, and a surface fills a whole-pixel rectangle fastest.
        double bottom = Math.round(top + h);
        double mh = Math.round(l.isFailure() ? h : l == Level.WARNING ? h * 0.85 : h * 0.7);
        s.fillRect(from, bottom - mh, to - from, mh, style.get(levelKey(l)));
    }

    /** Uncertainty spans of the events of [from, to) wider than `wide`; stretches without any are skipped through the pyramid. */
    private static void windows(Surface s, TimelineScene.Marks m, int from, int to, TimeScale v, double y, long wide, TimelineStyle style) {
        Rgba c = style.get(StyleKey.UNCERTAINTY).withAlpha(0.55);
        int step = MaxPyramid.FANOUT * MaxPyramid.FANOUT;
        for (int b = from; b < to; ) {
            int e = Math.min(to, b + step);
            if (m.maxWindow(b, e) <= wide) {
                b = e;
                continue;
            }
            for (; b < e; b++) {
                if (m.latest()[b] - m.times()[b] > wide) {
                    double a = v.x(m.times()[b]);
                    double x2 = Math.min(s.width(), v.x(m.latest()[b]));
                    s.fillRect(a, y, Math.max(1, x2 - a), 1.5, c);
                }
            }
        }
    }

    /** A label a step may carry, at its pixel column. */
    private record StepLabel(double x, TimelineScene.StepMark step, Rgba colour, boolean crash) {
        /** Made only for the labels that get room: most columns' labels are skipped before it is needed. */
        String text() {
            return step.kind() == StepKind.PROCESSING ? "[" + step.loopIndex() + "] " + step.param() : step.kind().label();
        }
    }

    /**
     * Loop steps: one tick per pixel column (the crash point's colour wins), and the labels of the
     * steps that start a parameter or are the crash point. The crash point's labels are placed first;
     * every other label gets the room up to the next one and is shortened to it, or waits for a closer
     * zoom when even a shortened label would not fit.
     */
    private void steps(Surface s, TimelineScene.Lane lane, double rowTop, double scrollY, TimeScale v, TimelineStyle style) {
        double top = rowTop + 3;
        double h = TimelineLayout.STEP_ROW - 6;
        List<TimelineScene.StepMark> steps = lane.steps();
        StepIndex index = stepIndex(steps);
        long[] times = index.times;
        int n = index.size();
        int k = index.atOrAfter(v.start(), 0);
        long end = v.end();
        List<StepLabel> labels = new ArrayList<>();
        // Ticks of one colour in adjacent columns are drawn as one rectangle.
        int runStart = -1;
        int runEnd = -1;
        Rgba runColour = null;
        while (k < n && times[k] <= end) {
            double x = v.x(times[k]);
            int col = (int) Math.floor(x);
            long next = v.time(col + 1);
            int j = next > times[k] ? index.atOrAfter(next, k + 1) : k + 1;
            // The column shows its crash point if it has one, else its first step; it labels the crash
            // point, else its first parameter step.
            int crash = index.nextCrash[k];
            int processing = index.nextProcessing[k];
            TimelineScene.StepMark shown = steps.get(crash < j ? crash : k);
            TimelineScene.StepMark labelled = crash < j ? shown : processing < j ? steps.get(processing) : null;
            Rgba c = stepColour(shown, style);
            if (c.equals(runColour) && col <= runEnd) {
                runEnd = Math.max(runEnd, col + 1);
            } else {
                if (runColour != null) {
                    s.fillRect(runStart, top, runEnd - runStart, h, runColour);
                }
                runStart = col;
                runEnd = col + 1;
                runColour = c;
            }
            if (labelled != null) {
                labels.add(new StepLabel(x, labelled, stepColour(labelled, style), labelled.crashPoint()));
            }
            k = j;
        }
        if (runColour != null) {
            s.fillRect(runStart, top, runEnd - runStart, h, runColour);
        }
        placeStepLabels(s, labels, top + h - 2, rowTop - scrollY);
    }

    /** Step indexes of the lanes drawn lately, by identity of their step lists: a scene is drawn many times. */
    private final java.util.Map<List<TimelineScene.StepMark>, StepIndex> stepIndexes = new java.util.IdentityHashMap<>();

    private StepIndex stepIndex(List<TimelineScene.StepMark> steps) {
        StepIndex ix = stepIndexes.get(steps);
        if (ix == null) {
            if (stepIndexes.size() >= 64) {
                stepIndexes.clear(); // scenes come and go; the lanes on screen are indexed again on their next frame
            }
            ix = new StepIndex(steps);
            stepIndexes.put(steps, ix);
        }
        return ix;
    }

    private static Rgba stepColour(TimelineScene.StepMark st, TimelineStyle style) {
        return st.crashPoint() ? style.get(StyleKey.CRASH)
                : st.kind() == StepKind.COMPLETED ? style.get(StyleKey.STEP_COMPLETED) : style.get(StyleKey.STEP);
    }

    private void placeStepLabels(Surface s, List<StepLabel> labels, double baseline, double rowTopOnSurface) {
        double w = s.width();
        List<double[]> reserved = new ArrayList<>();
        for (StepLabel l : labels) {
            if (l.crash()) {
                double tw = s.textWidth(l.text(), FontSpec.SMALL);
                double free = reserved.isEmpty() ? 2 : reserved.get(reserved.size() - 1)[1] + 4;
                double lx = Math.max(l.x() + 3, free);
                String text = l.text();
                if (lx + tw > w - 2) {
                    // Right of the step there is no room: left of it, else shortened to what is left.
                    double left = Math.min(l.x() - 3, w - 2) - tw;
                    if (left >= free) {
                        lx = left;
                    } else if (w - 2 - lx >= MIN_LABEL) {
                        text = shorten(s, l.text(), w - 2 - lx, FontSpec.SMALL);
                        tw = s.textWidth(text, FontSpec.SMALL);
                        hotspots.add(new Hotspot(lx, rowTopOnSurface, tw, TimelineLayout.STEP_ROW, l.text()));
                    } else {
                        hotspots.add(new Hotspot(l.x() - 3, rowTopOnSurface, 6, TimelineLayout.STEP_ROW, l.text()));
                        continue;
                    }
                }
                reserved.add(new double[]{lx, lx + tw});
                s.text(text, lx, baseline, FontSpec.SMALL, l.colour(), TextAlign.LEFT);
            }
        }
        double lastRight = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < labels.size(); i++) {
            StepLabel l = labels.get(i);
            if (l.crash()) {
                continue;
            }
            double lx = l.x() + 3;
            if (lx < lastRight + 4 || inside(reserved, lx)) {
                continue;
            }
            double limit = Math.min(w - 2, nextReserved(reserved, lx) - 4);
            // Leave room for the next label that could be written, so that labels are shortened, not dropped.
            for (int j = i + 1; j < labels.size(); j++) {
                double nx = labels.get(j).x() + 3;
                if (nx > lx + MIN_LABEL + 4) {
                    limit = Math.min(limit, nx - 4);
                    break;
                }
            }
            double room = limit - lx;
            if (room < MIN_LABEL) {
                continue;
            }
            double tw = s.textWidth(l.text(), FontSpec.SMALL);
            String text = l.text();
            if (tw > room) {
                text = shorten(s, l.text(), room, FontSpec.SMALL);
                tw = s.textWidth(text, FontSpec.SMALL);
                hotspots.add(new Hotspot(lx, rowTopOnSurface, tw, TimelineLayout.STEP_ROW, l.text()));
            }
            s.text(text, lx, baseline, FontSpec.SMALL, l.colour(), TextAlign.LEFT);
            lastRight = lx + tw;
        }
    }

    private static boolean inside(List<double[]> reserved, double x) {
        for (double[] r : reserved) {
            if (x >= r[0] - 4 && x <= r[1] + 4) {
                return true;
            }
        }
        return false;
    }

    private static double nextReserved(List<double[]> reserved, double x) {
        double best = Double.POSITIVE_INFINITY;
        for (double[] r : reserved) {
            if (r[0] > x && r[0] < best) {
                best = r[0];
            }
        }
        return best;
    }

    /**
     * The crash: the stretch without evidence before it, the span the failure can lie in, a line at
     * its moment (dashed when that is the last evidence, the failure having no time of its own), and
     * its label in the row above the bars: right of the line, else left of it, else shortened; a crash
     * outside the view is pointed at from the edge it lies beyond.
     */
    private void crash(Surface s, TimelineScene.Lane lane, int i, TimelineLayout layout, double scrollY, TimeScale v, TimelineStyle style) {
        TimelineScene.CrashMark c = lane.crash();
        if (c == null) {
            return;
        }
        double top = layout.bodyTop(i);
        double bottom = layout.laneBottom(i);
        double w = s.width();
        double e = v.x(c.lastEvidence());
        double a = v.x(c.at());
        double b = v.x(c.latest());
        Rgba gap = style.get(StyleKey.EVIDENCE_GAP);
        if (a > 0 && e < w && a - e >= 1) {
            s.fillRect(Math.max(-1, e), top, Math.min(w + 1, a) - Math.max(-1, e), bottom - top, gap.withAlpha(0.2));
        }
        if (b >= 0 && a <= w) {
            double x1 = Math.max(-1, a);
            double x2 = Math.min(w + 1, Math.max(b, a + 1));
            s.fillRect(x1, top, x2 - x1, bottom - top, gap.withAlpha(0.45));
        }
        Rgba ink = style.get(StyleKey.CRASH);
        double markerTop = Double.isNaN(layout.markerTop(i)) ? top : layout.markerTop(i);
        String label = "✗ " + c.label();
        String full = label + "\n" + (c.timed() ? Prose.get("crash.timed") : Prose.get("crash.untimed"))
                + (c.uncertainty() > 0 ? Prose.format("crash.within", DurationText.of(c.uncertainty())) : "");
        double baseline = markerTop + TimelineLayout.MARKER_ROW - 4;
        if (a >= -1 && a <= w + 1) {
            double x = crisp(a);
            if (c.timed()) {
                s.line(x, markerTop, x, bottom, ink, 2);
            } else {
                s.dashedLine(x, markerTop, x, bottom, ink, 2, 3);
            }
            if (b - a >= 3) {
                double bx = Math.min(w, b);
                s.line(x, markerTop + 2, bx, markerTop + 2, ink, 1);
                s.line(crisp(bx), markerTop, crisp(bx), markerTop + 5, ink, 1);
            }
            hotspots.add(new Hotspot(x - 4, top - scrollY, 8, bottom - top, full));
            if (Double.isNaN(layout.markerTop(i))) {
                return;
            }
            double tw = s.textWidth(label, FontSpec.LABEL);
            double rightRoom = w - (x + 5) - 2;
            double leftRoom = x - 5 - 2;
            double lx;
            String shown = label;
            if (tw <= rightRoom) {
                lx = x + 5;
            } else if (tw <= leftRoom) {
                lx = x - 5 - tw;
            } else {
                boolean right = rightRoom >= leftRoom;
                shown = shorten(s, label, Math.max(rightRoom, leftRoom), FontSpec.LABEL);
                double sw = s.textWidth(shown, FontSpec.LABEL);
                lx = right ? x + 5 : x - 5 - sw;
                hotspots.add(new Hotspot(lx, markerTop - scrollY, sw, TimelineLayout.MARKER_ROW, full));
            }
            s.text(shown, lx, baseline, FontSpec.LABEL, ink, TextAlign.LEFT);
        } else if (!Double.isNaN(layout.markerTop(i))) {
            boolean after = a > w;
            String edge = after ? label + " ▸" : "◂ " + label;
            double room = w / 2 - 8;
            String shown = s.textWidth(edge, FontSpec.LABEL) <= room ? edge : shorten(s, edge, room, FontSpec.LABEL);
            double sw = s.textWidth(shown, FontSpec.LABEL);
            double lx = after ? w - 4 - sw : 4;
            s.text(shown, lx, baseline, FontSpec.LABEL, ink.withAlpha(0.8), TextAlign.LEFT);
            hotspots.add(new Hotspot(lx, markerTop - scrollY, sw, TimelineLayout.MARKER_ROW, full + "\n" + Prose.get("crash.outside")));
        }
    }

    /**
     * Notes: a box with the text in a notes row (a second row when boxes would collide), a leader
     * line up to the note's time on the events row, and for a range a bracket over it.
     */
    private void notes(Surface s, TimelineScene.Lane lane, int i, TimelineLayout layout, double scrollY, TimeScale v, TimelineStyle style) {
        if (lane.notes().isEmpty()) {
            return;
        }
        s.beginGroup("notes");
        Rgba ink = style.get(StyleKey.NOTE);
        Rgba paper = style.get(StyleKey.NOTE_BACKGROUND);
        double h = TimelineLayout.NOTE_ROW - 4;
        double eventY = layout.eventTop(i) + TimelineLayout.EVENT_ROW / 2;
        int rows = layout.noteRows(i);
        double[] lastRight = new double[rows];
        java.util.Arrays.fill(lastRight, -1);
        List<TimelineScene.NoteMark> sorted = new ArrayList<>(lane.notes());
        sorted.sort((a, b) -> Long.compare(a.start(), b.start()));
        double w = s.width();
        for (TimelineScene.NoteMark n : sorted) {
            if (n.end() < v.start() || n.start() > v.end()) {
                continue;
            }
            double x = v.x(Math.max(n.start(), v.start()));
            double x2 = v.x(Math.min(n.end(), v.end()));
            if (n.end() > n.start()) {
                s.fillRect(x, eventY - 1, Math.max(1, x2 - x), 2, ink.withAlpha(0.8));
                s.line(crisp(x), eventY - 5, crisp(x), eventY + 5, ink, 1);
                s.line(crisp(x2), eventY - 5, crisp(x2), eventY + 5, ink, 1);
            }
            String text = n.text();
            double maxBox = Math.min(w, 420);
            double tw = s.textWidth(text, FontSpec.SMALL) + 8;
            boolean shortened = false;
            if (tw > maxBox) {
                text = shorten(s, text, maxBox - 8, FontSpec.SMALL);
                tw = s.textWidth(text, FontSpec.SMALL) + 8;
                shortened = true;
            }
            int row = 0;
            for (int r = 0; r < rows; r++) {
                if (lastRight[r] + 4 <= x) {
                    row = r;
                    break;
                }
                if (lastRight[r] < lastRight[row]) {
                    row = r;
                }
            }
            double top = layout.noteTop(i) + row * TimelineLayout.NOTE_ROW + 2;
            double bx = Math.max(x, lastRight[row] + 4);
            if (bx + tw > w) {
                bx = Math.max(0, w - tw);
            }
            s.dashedLine(crisp(x), eventY, crisp(x), top, ink.withAlpha(0.7), 1, 2);
            s.line(crisp(x), top + h / 2, bx, top + h / 2, ink.withAlpha(0.7), 1);
            s.fillRect(bx, top, tw, h, paper);
            s.strokeRect(bx + 0.5, top + 0.5, tw - 1, h - 1, ink, 1);
            s.text(text, bx + 4, top + h - 4, FontSpec.SMALL, ink, TextAlign.LEFT);
            noteBoxes.add(new NoteBox(i, n.id(), bx, top - scrollY, tw, h));
            if (shortened) {
                hotspots.add(new Hotspot(bx, top - scrollY, tw, h, n.text()));
            }
            lastRight[row] = bx + tw;
        }
        s.endGroup();
    }

    /**
     * A label with a full text and the room to write it in: written whole if it fits, else shortened
     * (the full text kept as a hotspot).
     */
    private void fitted(Surface s, String text, String full, double x, double baseline, double room, FontSpec font, Rgba c, double lineHeight) {
        String shown = s.textWidth(text, font) <= room ? text : shorten(s, text, room, font);
        s.text(shown, x, baseline, font, c, TextAlign.LEFT);
        if (!shown.equals(full)) {
            hotspots.add(new Hotspot(x, baseline - lineHeight + 2, s.textWidth(shown, font), lineHeight, full));
        }
    }

    /** The longest start of the text that, with an ellipsis, fits the room. */
    public static String shorten(Surface s, String text, double room, FontSpec font) {
        if (s.textWidth(text, font) <= room) {
            return text;
        }
        if (s.textWidth(ELLIPSIS, font) > room) {
            return "";
        }
        int lo = 0;
        int hi = text.length();
        // The width grows with the length, so the longest fitting start is found by halving.
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (s.textWidth(text.substring(0, mid).stripTrailing() + ELLIPSIS, font) <= room) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return text.substring(0, lo).stripTrailing() + ELLIPSIS;
    }

    /** The event of a lane nearest to x, within `pixels`, or -1. */
    public static int hit(TimelineScene.Lane lane, TimeScale v, double x, double pixels) {
        TimelineScene.Marks m = lane.marks();
        long t = v.time(x);
        int k = m.firstAtOrAfter(t, 0);
        int best = -1;
        double bestD = pixels + 0.001;
        for (int j = Math.max(0, k - 2); j < Math.min(m.size(), k + 2); j++) {
            double d = Math.abs(v.x(m.times()[j]) - x);
            if (d < bestD || (d == bestD && best >= 0 && m.levels()[j] > m.levels()[best])) {
                best = j;
                bestD = d;
            }
        }
        return best;
    }

    static double crisp(double x) {
        return Math.floor(x) + 0.5;
    }

    static StyleKey levelKey(Level l) {
        switch (l) {
            case DEBUG: return StyleKey.LEVEL_DEBUG;
            case INFO: return StyleKey.LEVEL_INFO;
            case WARNING: return StyleKey.LEVEL_WARNING;
            case ERROR: return StyleKey.LEVEL_ERROR;
            case CRITICAL: return StyleKey.LEVEL_CRITICAL;
            default: return StyleKey.LEVEL_PRINT;
        }
    }

    static StyleKey phaseKey(PhaseKind k) {
        return StyleKey.valueOf("PHASE_" + k.name());
    }
}
