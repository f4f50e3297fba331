package faultline.render;

import faultline.model.DurationText;
import faultline.model.Level;
import faultline.model.PhaseKind;
import faultline.model.StepKind;
import faultline.model.TimeText;

import java.util.List;

/**
 * Draws a {@link TimelineScene} through a {@link Surface}: the axis, and per lane its phases, its
 * events (at most one mark per pixel column, the most severe, found from block summaries), its loop
 * steps and its crash window; folded gaps as breaks in the axis. Only the visible range is visited.
 * The overlay (cursor, hovered and selected event, rubber band) is drawn separately so that a mouse
 * move does not repaint the lanes.
 */
public final class TimelineRenderer {

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
     */
    public record Overlay(long cursor, int hoverLane, int hoverIndex, int selectLane, int selectIndex, double bandFrom, double bandTo) {
        public static final Overlay NONE = new Overlay(Long.MIN_VALUE, -1, -1, -1, -1, Double.NaN, Double.NaN);
    }

    /** Where a note's box was drawn, for hit testing (lane, id, box). */
    public record NoteBox(int lane, String id, double x, double y, double w, double h) {
        public boolean contains(double px, double py) {
            return px >= x && px <= x + w && py >= y && py <= y + h;
        }
    }

    private final List<NoteBox> noteBoxes = new java.util.ArrayList<>();

    /** The note boxes of the last frame. */
    public List<NoteBox> noteBoxes() {
        return List.copyOf(noteBoxes);
    }

    /** Draws the axis and the lanes. */
    public void render(Surface s, TimelineScene scene, TimeScale v, TimelineStyle style) {
        noteBoxes.clear();
        double w = s.width();
        double h = s.height();
        s.fillRect(0, 0, w, h, style.get(StyleKey.BACKGROUND));
        long step = Ticks.step(v, 110);
        long[] ticks = Ticks.positions(v, step);
        for (int i = 0; i < scene.lanes().size(); i++) {
            lane(s, scene.lanes().get(i), i, v, style, ticks);
        }
        folds(s, scene, v, style);
        axis(s, scene, v, style, step, ticks);
        foldLabels(s, v, style);
        for (int i = 0; i < scene.lanes().size(); i++) {
            title(s, scene.lanes().get(i), i, style);
        }
        anchorLine(s, v, style, TimelineLayout.height(scene.lanes().size()));
    }

    /** Draws the overlay on its own (transparent) surface. */
    public void renderOverlay(Surface s, TimelineScene scene, TimeScale v, TimelineStyle style, Overlay o) {
        double bottom = TimelineLayout.height(scene.lanes().size());
        if (o.selectLane() >= 0 && o.selectLane() < scene.lanes().size()) {
            mark(s, scene.lanes().get(o.selectLane()), o.selectLane(), o.selectIndex(), v, style.get(StyleKey.SELECTION), 2);
        }
        if (o.hoverLane() >= 0 && o.hoverLane() < scene.lanes().size()) {
            mark(s, scene.lanes().get(o.hoverLane()), o.hoverLane(), o.hoverIndex(), v, style.get(StyleKey.CURSOR), 1);
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
    }

    private static void mark(Surface s, TimelineScene.Lane lane, int i, int index, TimeScale v, Rgba c, double width) {
        if (index < 0 || index >= lane.marks().size() || !v.contains(lane.marks().times()[index])) {
            return;
        }
        double x = crisp(v.x(lane.marks().times()[index]));
        double top = TimelineLayout.eventTop(i);
        s.strokeRect(x - 3, top + 1, 6, TimelineLayout.EVENT_ROW - 2, c, width);
    }

    private void axis(Surface s, TimelineScene scene, TimeScale v, TimelineStyle style, long step, long[] ticks) {
        s.beginGroup("axis");
        s.fillRect(0, 0, s.width(), TimelineLayout.AXIS_HEIGHT, style.get(StyleKey.BACKGROUND));
        s.line(0, TimelineLayout.AXIS_HEIGHT - 0.5, s.width(), TimelineLayout.AXIS_HEIGHT - 0.5, style.get(StyleKey.GRID), 1);
        int digits = Ticks.fractionDigits(step);
        TimelineScene.Lane ref = scene.lanes().isEmpty() ? null : scene.lanes().get(0);
        boolean wall = scene.anchorLabel().equals("wall clock");
        boolean lines = scene.lineOrder();
        String unit = lines ? "tick " + lineCount(step) + " · no clock: line order"
                : "tick " + DurationText.of(step) + (wall ? " · wall clock" : " · aligned on " + scene.anchorLabel());
        double unitLeft = s.width() - 6 - s.textWidth(unit, FontSpec.SMALL);
        double lastRight = -1;
        for (long t : ticks) {
            double x = crisp(v.x(t));
            s.line(x, TimelineLayout.AXIS_HEIGHT - 6, x, TimelineLayout.AXIS_HEIGHT, style.get(StyleKey.AXIS_TEXT), 1);
            String rel = wall || lines ? "" : DurationText.relative(t);
            String abs = ref == null ? "" : lines ? "line " + faultline.model.SourceFile.lineAt(ref.epoch(t))
                    : TimeText.clock(ref.epoch(t), digits);
            double tw = Math.max(s.textWidth(rel, FontSpec.SMALL), s.textWidth(abs, FontSpec.SMALL));
            if (x - tw / 2 < lastRight + 6 || x + tw / 2 > unitLeft - 4 && x > s.width() / 2) {
                continue;
            }
            if (!rel.isEmpty()) {
                s.text(rel, x, 13, FontSpec.SMALL, style.get(StyleKey.AXIS_TEXT), TextAlign.CENTER);
            }
            s.text(abs, x, wall || lines ? 19 : 25, FontSpec.SMALL, style.get(StyleKey.MUTED_TEXT), TextAlign.CENTER);
            lastRight = x + tw / 2;
        }
        s.text(unit, s.width() - 6, TimelineLayout.AXIS_HEIGHT - 4, FontSpec.SMALL, style.get(StyleKey.MUTED_TEXT), TextAlign.RIGHT);
        s.endGroup();
    }

    /** A tick step of a line-order axis, in lines. */
    private static String lineCount(long step) {
        long n = Math.max(1, step / faultline.model.SourceFile.LINE_NANOS);
        return n == 1 ? "1 line" : String.format("%,d lines", n);
    }

    private void anchorLine(Surface s, TimeScale v, TimelineStyle style, double bottom) {
        if (v.contains(0)) {
            double x = crisp(v.x(0));
            s.dashedLine(x, TimelineLayout.AXIS_HEIGHT, x, bottom, style.get(StyleKey.ANCHOR).withAlpha(0.5), 1, 4);
        }
    }

    /** A break in the axis for every folded gap, with the folded time written on it. */
    private void folds(Surface s, TimelineScene scene, TimeScale v, TimelineStyle style) {
        List<Folding.Fold> folds = v.folds();
        if (folds.isEmpty()) {
            return;
        }
        s.beginGroup("folds");
        double bottom = TimelineLayout.height(scene.lanes().size());
        for (Folding.Fold f : folds) {
            double a = v.x(f.from());
            double b = v.x(f.to());
            double mid = (a + b) / 2;
            s.fillRect(a, TimelineLayout.AXIS_HEIGHT, Math.max(2, b - a), bottom - TimelineLayout.AXIS_HEIGHT, style.get(StyleKey.GRID).withAlpha(0.35));
            s.line(mid - 3, TimelineLayout.AXIS_HEIGHT, mid - 3, bottom, style.get(StyleKey.GRID), 1);
            s.line(mid + 3, TimelineLayout.AXIS_HEIGHT, mid + 3, bottom, style.get(StyleKey.GRID), 1);
        }
        s.endGroup();
    }

    /** The folded time, written on each break of the axis. */
    private void foldLabels(Surface s, TimeScale v, TimelineStyle style) {
        double lastRight = -1;
        for (Folding.Fold f : v.folds()) {
            double mid = (v.x(f.from()) + v.x(f.to())) / 2;
            String text = "⋯ " + DurationText.of(f.duration()) + " ⋯";
            double tw = s.textWidth(text, FontSpec.SMALL);
            if (mid - tw / 2 < lastRight + 4) {
                continue;
            }
            s.fillRect(mid - tw / 2 - 3, TimelineLayout.AXIS_HEIGHT - 14, tw + 6, 12, style.get(StyleKey.NOTE_BACKGROUND));
            s.text(text, mid, TimelineLayout.AXIS_HEIGHT - 4, FontSpec.SMALL, style.get(StyleKey.TEXT), TextAlign.CENTER);
            lastRight = mid + tw / 2;
        }
    }

    private void title(Surface s, TimelineScene.Lane lane, int i, TimelineStyle style) {
        double top = TimelineLayout.groupTop(i);
        double tw = s.textWidth(lane.title(), FontSpec.TITLE);
        double sw = s.textWidth(lane.subtitle(), FontSpec.LABEL);
        s.fillRect(0, top, Math.min(s.width(), 20 + tw + sw), TimelineLayout.HEADER - 2,
                style.get(i % 2 == 0 ? StyleKey.LANE_BACKGROUND : StyleKey.LANE_ALT_BACKGROUND));
        s.text(lane.title(), 6, top + 14, FontSpec.TITLE, style.get(StyleKey.TITLE), TextAlign.LEFT);
        s.text(lane.subtitle(), 14 + tw, top + 14, FontSpec.LABEL, style.get(StyleKey.MUTED_TEXT), TextAlign.LEFT);
    }

    private void lane(Surface s, TimelineScene.Lane lane, int i, TimeScale v, TimelineStyle style, long[] ticks) {
        s.beginGroup("lane");
        double top = TimelineLayout.groupTop(i);
        double w = s.width();
        s.fillRect(0, top, w, TimelineLayout.GROUP - TimelineLayout.GAP,
                style.get(i % 2 == 0 ? StyleKey.LANE_BACKGROUND : StyleKey.LANE_ALT_BACKGROUND));
        for (long t : ticks) {
            double x = crisp(v.x(t));
            s.line(x, top + TimelineLayout.HEADER, x, top + TimelineLayout.GROUP - TimelineLayout.GAP, style.get(StyleKey.GRID), 1);
        }
        s.pushClip(0, top, w, TimelineLayout.GROUP - TimelineLayout.GAP);
        crash(s, lane, i, v, style);
        phases(s, lane, i, v, style);
        marks(s, lane, i, v, style);
        steps(s, lane, i, v, style);
        notes(s, lane, i, v, style);
        s.popClip();
        s.endGroup();
    }

    private void phases(Surface s, TimelineScene.Lane lane, int i, TimeScale v, TimelineStyle style) {
        double top = TimelineLayout.phaseTop(i) + 2;
        double h = TimelineLayout.PHASE_ROW - 4;
        for (TimelineScene.PhaseBar p : lane.phases()) {
            if (p.end() < v.start() || p.start() > v.end()) {
                continue;
            }
            double x1 = Math.max(-2, v.x(Math.max(p.start(), v.start())));
            double x2 = Math.min(s.width() + 2, v.x(Math.min(p.end(), v.end())));
            double bw = Math.max(1, x2 - x1);
            Rgba c = style.get(phaseKey(p.kind()));
            if (p.kind() == PhaseKind.GENERATION) {
                s.fillRect(x1, top + h - 4, bw, 4, c);
                continue;
            }
            s.fillRect(x1, top, bw, h - 5, c);
            if (p.endsAtFailure() && v.contains(p.end())) {
                s.line(crisp(x2), top, crisp(x2), top + h - 5, style.get(StyleKey.CRASH), 2);
            }
            String label = p.kind().label() + (p.label().isEmpty() ? "" : " · " + p.label());
            if (s.textWidth(label, FontSpec.SMALL) + 6 < bw) {
                s.text(label, Math.max(x1, 0) + 3, top + h - 8, FontSpec.SMALL, style.get(StyleKey.TEXT), TextAlign.LEFT);
            }
        }
    }

    /**
     * Events: column by column, the most severe level among the events of the column (from the block
     * summaries), and the time window of events known only within one (a console second, an estimate).
     */
    private void marks(Surface s, TimelineScene.Lane lane, int i, TimeScale v, TimelineStyle style) {
        TimelineScene.Marks m = lane.marks();
        double top = TimelineLayout.eventTop(i) + 3;
        double h = TimelineLayout.EVENT_ROW - 6;
        long[] times = m.times();
        int n = m.size();
        int k = m.firstAtOrAfter(v.start(), 0);
        long end = v.end();
        double npp = v.nanosPerPixel();
        while (k < n && times[k] <= end) {
            int column = (int) Math.floor(v.x(times[k]));
            long next = v.time(column + 1);
            int j = next > times[k] ? m.firstAtOrAfter(next, k + 1) : k + 1;
            int level = m.maxLevel(k, j);
            if (m.maxWindow(k, j) > npp * 2) {
                windows(s, m, k, j, v, top + h + 1, npp, style);
            }
            Level l = Level.ofOrdinal(level);
            double mh = l.isFailure() ? h : l == Level.WARNING ? h * 0.85 : h * 0.7;
            s.fillRect(column, top + h - mh, 1, mh, style.get(levelKey(l)));
            k = j;
        }
    }

    private static void windows(Surface s, TimelineScene.Marks m, int from, int to, TimeScale v, double y, double npp, TimelineStyle style) {
        Rgba c = style.get(StyleKey.UNCERTAINTY).withAlpha(0.55);
        for (int b = from; b < to; b++) {
            if (b % TimelineScene.Marks.BLOCK == 0 && b + TimelineScene.Marks.BLOCK <= to
                    && m.blockWindow()[b / TimelineScene.Marks.BLOCK] <= npp * 2) {
                b += TimelineScene.Marks.BLOCK - 1;
                continue;
            }
            if (m.latest()[b] - m.times()[b] > npp * 2) {
                double a = v.x(m.times()[b]);
                double e = Math.min(s.width(), v.x(m.latest()[b]));
                s.fillRect(a, y, Math.max(1, e - a), 1.5, c);
            }
        }
    }

    private void steps(Surface s, TimelineScene.Lane lane, int i, TimeScale v, TimelineStyle style) {
        double top = TimelineLayout.stepTop(i) + 3;
        double h = TimelineLayout.STEP_ROW - 6;
        double lastLabelRight = -1;
        List<TimelineScene.StepMark> steps = lane.steps();
        int k = firstStepAtOrAfter(steps, v.start());
        int lastColumn = Integer.MIN_VALUE;
        long end = v.end();
        while (k < steps.size() && steps.get(k).t() <= end) {
            TimelineScene.StepMark st = steps.get(k);
            double x = v.x(st.t());
            int col = (int) Math.floor(x);
            Rgba c = st.crashPoint() ? style.get(StyleKey.CRASH)
                    : st.kind() == StepKind.COMPLETED ? style.get(StyleKey.STEP_COMPLETED) : style.get(StyleKey.STEP);
            if (col != lastColumn) {
                s.fillRect(col, top, 1, h, c);
                lastColumn = col;
            }
            if (st.kind() == StepKind.PROCESSING || st.crashPoint()) {
                String label = st.kind() == StepKind.PROCESSING ? "[" + st.loopIndex() + "] " + st.param() : st.kind().label();
                double tw = s.textWidth(label, FontSpec.SMALL);
                if (x + 3 > lastLabelRight + 4 && x + 3 + tw < s.width()) {
                    s.text(label, x + 3, top + h - 2, FontSpec.SMALL, c, TextAlign.LEFT);
                    lastLabelRight = x + 3 + tw;
                }
            }
            k++;
            if (lastLabelRight > x + 3 && k < steps.size()) {
                // Steps under a label are already drawn as one column each; skip to the next free column.
                long skipTo = v.time(col + 1);
                if (skipTo > steps.get(k).t()) {
                    int j = firstStepAtOrAfter(steps, skipTo);
                    if (j > k) {
                        boolean crashBetween = false;
                        for (int q = k; q < j && !crashBetween; q++) {
                            crashBetween = steps.get(q).crashPoint();
                        }
                        if (!crashBetween) {
                            k = j;
                        }
                    }
                }
            }
        }
    }

    private static int firstStepAtOrAfter(List<TimelineScene.StepMark> steps, long t) {
        int lo = 0;
        int hi = steps.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (steps.get(mid).t() < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private void crash(Surface s, TimelineScene.Lane lane, int i, TimeScale v, TimelineStyle style) {
        TimelineScene.CrashMark c = lane.crash();
        if (c == null) {
            return;
        }
        double top = TimelineLayout.phaseTop(i);
        double bottom = TimelineLayout.groupTop(i) + TimelineLayout.GROUP - TimelineLayout.GAP;
        double a = v.x(c.lastEvidence());
        double b = v.x(c.signalLatest());
        if (b >= 0 && a <= s.width()) {
            s.fillRect(a, top, Math.max(1, b - a), bottom - top, style.get(StyleKey.EVIDENCE_GAP).withAlpha(0.35));
        }
        double x = v.x(c.signalEarliest());
        if (x >= -1 && x <= s.width() + 1) {
            s.line(crisp(x), top, crisp(x), bottom, style.get(StyleKey.CRASH), 2);
            String label = "✗ " + c.label();
            double tw = s.textWidth(label, FontSpec.LABEL);
            double tx = x + 5 + tw < s.width() ? x + 5 : Math.max(2, x - 5 - tw);
            s.text(label, tx, TimelineLayout.phaseTop(i) + TimelineLayout.PHASE_ROW - 6, FontSpec.LABEL, style.get(StyleKey.CRASH), TextAlign.LEFT);
        }
    }

    /**
     * Notes: a box with the text in the notes row, a leader line up to the note's time on the events
     * row, and for a range a bracket over it.
     */
    private void notes(Surface s, TimelineScene.Lane lane, int i, TimeScale v, TimelineStyle style) {
        if (lane.notes().isEmpty()) {
            return;
        }
        s.beginGroup("notes");
        Rgba ink = style.get(StyleKey.NOTE);
        Rgba paper = style.get(StyleKey.NOTE_BACKGROUND);
        double top = TimelineLayout.noteTop(i) + 2;
        double h = TimelineLayout.NOTE_ROW - 4;
        double eventY = TimelineLayout.eventTop(i) + TimelineLayout.EVENT_ROW / 2;
        double lastRight = -1;
        List<TimelineScene.NoteMark> sorted = new java.util.ArrayList<>(lane.notes());
        sorted.sort((a, b) -> Long.compare(a.start(), b.start()));
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
            String text = n.text().length() > 60 ? n.text().substring(0, 57) + "…" : n.text();
            double tw = s.textWidth(text, FontSpec.SMALL) + 8;
            double bx = Math.max(x, lastRight + 4);
            if (bx + tw > s.width()) {
                bx = Math.max(0, s.width() - tw);
            }
            s.dashedLine(crisp(x), eventY, crisp(x), top, ink.withAlpha(0.7), 1, 2);
            s.line(crisp(x), top + h / 2, bx, top + h / 2, ink.withAlpha(0.7), 1);
            s.fillRect(bx, top, tw, h, paper);
            s.strokeRect(bx + 0.5, top + 0.5, tw - 1, h - 1, ink, 1);
            s.text(text, bx + 4, top + h - 4, FontSpec.SMALL, ink, TextAlign.LEFT);
            noteBoxes.add(new NoteBox(i, n.id(), bx, top, tw, h));
            lastRight = bx + tw;
        }
        s.endGroup();
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
