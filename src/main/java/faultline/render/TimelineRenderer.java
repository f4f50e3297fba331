package faultline.render;

import faultline.model.DurationText;
import faultline.model.Level;
import faultline.model.PhaseKind;
import faultline.model.StepKind;
import faultline.model.TimeText;

/**
 * Draws a {@link TimelineScene} through a {@link Surface}: the axis, and per lane its phases, its
 * events (at most one mark per pixel column, the most severe), its loop steps and its crash window.
 * Only the visible range is visited. Pure: same inputs, same drawing, on any surface.
 */
public final class TimelineRenderer {

    /** What the window adds on top: cursor time (aligned, or Long.MIN_VALUE) and a selected row (or -1). */
    public record Overlay(long cursor, int selectedRow) {
        public static final Overlay NONE = new Overlay(Long.MIN_VALUE, -1);
    }

    public void render(Surface s, TimelineScene scene, Viewport v, TimelineStyle style, Overlay overlay) {
        double w = s.width();
        double h = s.height();
        s.fillRect(0, 0, w, h, style.get(StyleKey.BACKGROUND));
        long step = Ticks.step(v, 110);
        long[] ticks = Ticks.positions(v, step);
        for (int i = 0; i < scene.lanes().size(); i++) {
            lane(s, scene.lanes().get(i), i, v, style, ticks, overlay);
        }
        axis(s, scene, v, style, step, ticks);
        anchorLine(s, v, style, h);
        if (overlay.cursor() != Long.MIN_VALUE && v.contains(overlay.cursor())) {
            double x = crisp(v.x(overlay.cursor()));
            s.line(x, TimelineLayout.AXIS_HEIGHT, x, h, style.get(StyleKey.CURSOR).withAlpha(0.55), 1);
        }
    }

    private void axis(Surface s, TimelineScene scene, Viewport v, TimelineStyle style, long step, long[] ticks) {
        s.beginGroup("axis");
        s.fillRect(0, 0, s.width(), TimelineLayout.AXIS_HEIGHT, style.get(StyleKey.BACKGROUND));
        s.line(0, TimelineLayout.AXIS_HEIGHT - 0.5, s.width(), TimelineLayout.AXIS_HEIGHT - 0.5, style.get(StyleKey.GRID), 1);
        int digits = Ticks.fractionDigits(step);
        TimelineScene.Lane ref = scene.lanes().isEmpty() ? null : scene.lanes().get(0);
        boolean wall = scene.anchorLabel().equals("wall clock");
        double lastRight = -1;
        for (long t : ticks) {
            double x = crisp(v.x(t));
            s.line(x, TimelineLayout.AXIS_HEIGHT - 6, x, TimelineLayout.AXIS_HEIGHT, style.get(StyleKey.AXIS_TEXT), 1);
            String rel = wall ? "" : DurationText.relative(t);
            String abs = ref == null ? "" : TimeText.clock(ref.epoch(t), digits);
            double tw = Math.max(s.textWidth(rel, FontSpec.SMALL), s.textWidth(abs, FontSpec.SMALL));
            if (x - tw / 2 < lastRight + 6) {
                continue;
            }
            if (!rel.isEmpty()) {
                s.text(rel, x, 14, FontSpec.SMALL, style.get(StyleKey.AXIS_TEXT), TextAlign.CENTER);
            }
            s.text(abs, x, wall ? 20 : 28, FontSpec.SMALL, style.get(StyleKey.MUTED_TEXT), TextAlign.CENTER);
            lastRight = x + tw / 2;
        }
        String unit = "tick " + DurationText.of(step) + (wall ? "" : " · aligned on " + scene.anchorLabel());
        s.text(unit, s.width() - 6, TimelineLayout.AXIS_HEIGHT - 4, FontSpec.SMALL, style.get(StyleKey.MUTED_TEXT), TextAlign.RIGHT);
        s.endGroup();
    }

    private void anchorLine(Surface s, Viewport v, TimelineStyle style, double h) {
        if (v.contains(0)) {
            double x = crisp(v.x(0));
            s.dashedLine(x, TimelineLayout.AXIS_HEIGHT, x, h, style.get(StyleKey.ANCHOR).withAlpha(0.5), 1, 4);
        }
    }

    private void lane(Surface s, TimelineScene.Lane lane, int i, Viewport v, TimelineStyle style, long[] ticks, Overlay overlay) {
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
        marks(s, lane, i, v, style, overlay);
        steps(s, lane, i, v, style);
        s.popClip();
        s.text(lane.title(), 6, top + 14, FontSpec.TITLE, style.get(StyleKey.TITLE), TextAlign.LEFT);
        double tw = s.textWidth(lane.title(), FontSpec.TITLE);
        s.text(lane.subtitle(), 14 + tw, top + 14, FontSpec.LABEL, style.get(StyleKey.MUTED_TEXT), TextAlign.LEFT);
        s.endGroup();
    }

    private void phases(Surface s, TimelineScene.Lane lane, int i, Viewport v, TimelineStyle style) {
        double top = TimelineLayout.phaseTop(i) + 2;
        double h = TimelineLayout.PHASE_ROW - 4;
        for (TimelineScene.PhaseBar p : lane.phases()) {
            if (p.end() < v.start() || p.start() > v.end()) {
                continue;
            }
            double x1 = Math.max(-2, v.x(p.start()));
            double x2 = Math.min(s.width() + 2, v.x(p.end()));
            double bw = Math.max(1, x2 - x1);
            Rgba c = style.get(phaseKey(p.kind()));
            if (p.kind() == PhaseKind.GENERATION) {
                s.fillRect(x1, top + h - 4, bw, 4, c.withAlpha(1));
                continue;
            }
            s.fillRect(x1, top, bw, h - 5, c);
            if (p.endsAtFailure()) {
                double xe = x2;
                s.line(crisp(xe), top, crisp(xe), top + h - 5, style.get(StyleKey.CRASH), 2);
            }
            String label = p.kind().label() + (p.label().isEmpty() ? "" : " · " + p.label());
            if (s.textWidth(label, FontSpec.SMALL) + 6 < bw) {
                double tx = Math.max(x1, 0) + 3;
                s.text(label, tx, top + h - 8, FontSpec.SMALL, style.get(StyleKey.TEXT), TextAlign.LEFT);
            }
        }
    }

    private void marks(Surface s, TimelineScene.Lane lane, int i, Viewport v, TimelineStyle style, Overlay overlay) {
        TimelineScene.Marks m = lane.marks();
        double top = TimelineLayout.eventTop(i) + 3;
        double h = TimelineLayout.EVENT_ROW - 6;
        int from = firstAtOrAfter(m.times(), v.start() - Math.round(v.nanosPerPixel()));
        long end = v.end();
        int column = Integer.MIN_VALUE;
        int worst = -1;
        for (int k = from; k < m.size() && m.times()[k] <= end; k++) {
            long lat = m.latest()[k];
            if (lat - m.times()[k] > v.nanosPerPixel() * 2) {
                // An event known only within a window: draw the window, the mark at its start.
                double a = v.x(m.times()[k]);
                double b = Math.min(s.width(), v.x(lat));
                s.fillRect(a, top + h + 1, Math.max(1, b - a), 1.5, style.get(StyleKey.UNCERTAINTY).withAlpha(0.55));
            }
            int col = (int) Math.floor(v.x(m.times()[k]));
            if (col != column) {
                flush(s, column, worst, top, h, style);
                column = col;
                worst = -1;
            }
            worst = Math.max(worst, m.levels()[k]);
            if (m.rows()[k] == overlay.selectedRow()) {
                double x = crisp(v.x(m.times()[k]));
                s.strokeRect(x - 3, top - 2, 6, h + 4, style.get(StyleKey.SELECTION), 2);
            }
        }
        flush(s, column, worst, top, h, style);
    }

    private static void flush(Surface s, int column, int level, double top, double h, TimelineStyle style) {
        if (column == Integer.MIN_VALUE || level < 0) {
            return;
        }
        Level l = Level.ofOrdinal(level);
        double mh = l.isFailure() ? h : l == Level.WARNING ? h * 0.85 : h * 0.7;
        s.fillRect(column, top + h - mh, 1, mh, style.get(levelKey(l)));
    }

    private void steps(Surface s, TimelineScene.Lane lane, int i, Viewport v, TimelineStyle style) {
        double top = TimelineLayout.stepTop(i) + 3;
        double h = TimelineLayout.STEP_ROW - 6;
        double lastLabelRight = -1;
        int lastColumn = Integer.MIN_VALUE;
        for (TimelineScene.StepMark st : lane.steps()) {
            if (!v.contains(st.t())) {
                continue;
            }
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
        }
    }

    private void crash(Surface s, TimelineScene.Lane lane, int i, Viewport v, TimelineStyle style) {
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

    static int firstAtOrAfter(long[] a, long t) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
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
