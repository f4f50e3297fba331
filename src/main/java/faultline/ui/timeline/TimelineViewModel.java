package faultline.ui.timeline;

import faultline.ui.Messages;

import faultline.model.Anchor;
import faultline.model.Note;
import faultline.ui.CompareModel;
import faultline.ui.Document;
import faultline.ui.Notes;
import faultline.ui.SelectionModel;
import faultline.ui.ViewIntent;
import faultline.model.Comparison;
import faultline.model.DurationText;
import faultline.model.EventStore;
import faultline.model.TaskSet;
import faultline.model.TimeText;
import faultline.render.CrashWindows;
import faultline.render.FoldedScale;
import faultline.render.Folding;
import faultline.render.SceneBuilder;
import faultline.render.TimeScale;
import faultline.render.TimelineLayout;
import faultline.render.TimelineRenderer;
import faultline.render.TimelineScene;
import faultline.render.ViewHistory;
import faultline.render.Viewport;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import java.util.List;

/**
 * State of the timeline: the scene built from the comparison, the view (a viewport over aligned
 * time, with idle gaps folded or not), the cursor, the hovered and selected event, the rubber band,
 * and the history of views. Navigation commands change the view; the view redraws from it.
 */
public final class TimelineViewModel {
    /** Zoom steps closer together than this count as one view in the history. */
    static final long HISTORY_COALESCE_NANOS = 600_000_000L;

    /** A view to go back to. */
    public record View(Viewport viewport, boolean folded) {
    }

    private final Document document;
    private final CompareModel compare;
    private final Notes notes;
    private final SelectionModel selection;
    private final ReadOnlyObjectWrapper<TimelineScene> scene = new ReadOnlyObjectWrapper<>(this, "scene");
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport", new Viewport(-1_000_000_000L, 2_000_000_000L, 800));
    private final BooleanProperty folded = new SimpleBooleanProperty(this, "folded", false);
    private final LongProperty cursor = new SimpleLongProperty(this, "cursor", Long.MIN_VALUE);
    private final IntegerProperty hoverLane = new SimpleIntegerProperty(this, "hoverLane", -1);
    private final IntegerProperty hoverIndex = new SimpleIntegerProperty(this, "hoverIndex", -1);
    private final IntegerProperty selectedLane = new SimpleIntegerProperty(this, "selectedLane", -1);
    private final IntegerProperty selectedIndex = new SimpleIntegerProperty(this, "selectedIndex", -1);
    private final DoubleProperty bandFrom = new SimpleDoubleProperty(this, "bandFrom", Double.NaN);
    private final DoubleProperty bandTo = new SimpleDoubleProperty(this, "bandTo", Double.NaN);
    private final StringProperty hoverText = new SimpleStringProperty(this, "hoverText", "");
    private final StringProperty readout = new SimpleStringProperty(this, "readout", "");
    private final javafx.beans.property.ReadOnlyStringWrapper spoken = new javafx.beans.property.ReadOnlyStringWrapper(this, "spoken", "");
    private final BooleanProperty canGoBack = new SimpleBooleanProperty(this, "canGoBack", false);
    private final BooleanProperty canGoForward = new SimpleBooleanProperty(this, "canGoForward", false);
    private final ViewHistory<View> history = new ViewHistory<>();
    /** Task ids of the collapsed lanes (by id, so that a lane stays collapsed when the comparison is rebuilt). */
    private final javafx.collections.ObservableSet<String> collapsed = javafx.collections.FXCollections.observableSet();
    private final ReadOnlyObjectWrapper<TimelineLayout> layout = new ReadOnlyObjectWrapper<>(this, "layout");
    private final DoubleProperty scrollY = new SimpleDoubleProperty(this, "scrollY", 0);
    private final DoubleProperty viewHeight = new SimpleDoubleProperty(this, "viewHeight", 600);
    private final BooleanProperty measuring = new SimpleBooleanProperty(this, "measuring", false);
    private final ObjectProperty<Measurement> measurement = new SimpleObjectProperty<>(this, "measurement");
    private final ReadOnlyObjectWrapper<TimelineRenderer.Measure> measure = new ReadOnlyObjectWrapper<>(this, "measure");
    private final StringProperty measureText = new SimpleStringProperty(this, "measureText", "");
    /** The note the keys move and delete (the last one clicked or stepped to), by id, or null. */
    private final StringProperty selectedNote = new SimpleStringProperty(this, "selectedNote");
    /** The event a keyboard measurement starts from while it is being made, or null. */
    private final ObjectProperty<Mark> mark = new SimpleObjectProperty<>(this, "mark");
    private List<TimelineRenderer.Hotspot> hotspots = List.of();
    private Folding folding = Folding.NONE;
    private TimelineScene base;
    private long lastPush;
    /** Set while a view is applied: its folding is part of it, not a toggle to convert the view for. */
    private boolean applying;

    /** One end of a measurement made with the keys: an event by its task and store row. */
    public record Mark(String taskId, int row) {
    }

    /** A measurement between two events, by store row (it survives a rebuild of the scene). */
    public record Measurement(String taskA, int rowA, String taskB, int rowB) {
    }

    public TimelineViewModel(Document document, CompareModel compare, Notes notes, SelectionModel selection) {
        this.document = document;
        this.compare = compare;
        this.notes = notes;
        this.selection = selection;
        sceneProperty().addListener((o, a, b) -> relayout());
        collapsed.addListener((javafx.collections.SetChangeListener<String>) c -> relayout());
        viewHeight.addListener((o, a, b) -> clampScroll());
        measurement.addListener((o, a, b) -> placeMeasure());
        folded.addListener((o, was, now) -> {
            if (!applying) {
                refold(was, now);
            }
        });
        compare.shownProperty().addListener((o, a, b) -> rebuild(b));
        notes.list().addListener((javafx.collections.ListChangeListener<Note>) c -> applyNotes());
        selection.rowProperty().addListener((o, a, b) -> {
            locateSelection(b.intValue());
            reveal(b.intValue());
            followMark();
        });
        notes.list().addListener((javafx.collections.ListChangeListener<Note>) c -> {
            if (selectedNote.get() != null && notes.find(selectedNote.get()) == null) {
                selectedNote.set(null);
            }
        });
        for (javafx.beans.Observable o : List.of(scene, selectedLane, selectedIndex, selectedNote, mark)) {
            o.addListener(x -> speak());
        }
        rebuild(compare.shownProperty().get());
        speak();
    }

    /**
     * The timeline for a screen reader: the compared lanes with their crashes and the selected event,
     * renewed on every new comparison and selection.
     */
    public javafx.beans.property.ReadOnlyStringProperty spokenProperty() {
        return spoken.getReadOnlyProperty();
    }

    /** The keys that do on the timeline what the mouse does, for a screen reader's help. */
    public String spokenHelp() {
        return TimelineSpeech.HELP;
    }

    private void speak() {
        TimelineScene s = scene.get();
        int lane = selectedLane.get();
        int index = selectedIndex.get();
        boolean selected = s != null && lane >= 0 && lane < s.lanes().size() && index >= 0 && index < s.lanes().get(lane).marks().size();
        Note note = selectedNote.get() == null ? null : notes.find(selectedNote.get());
        spoken.set(TimelineSpeech.text(s, lane, selected ? describe(s.lanes().get(lane), index) : "", note == null ? null : note.text(),
                mark.get() != null));
    }

    public ReadOnlyObjectProperty<TimelineScene> sceneProperty() {
        return scene.getReadOnlyProperty();
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public BooleanProperty foldedProperty() {
        return folded;
    }

    public LongProperty cursorProperty() {
        return cursor;
    }

    public IntegerProperty hoverLaneProperty() {
        return hoverLane;
    }

    public IntegerProperty hoverIndexProperty() {
        return hoverIndex;
    }

    public IntegerProperty selectedLaneProperty() {
        return selectedLane;
    }

    public IntegerProperty selectedIndexProperty() {
        return selectedIndex;
    }

    public DoubleProperty bandFromProperty() {
        return bandFrom;
    }

    public DoubleProperty bandToProperty() {
        return bandTo;
    }

    public StringProperty hoverTextProperty() {
        return hoverText;
    }

    public StringProperty readoutProperty() {
        return readout;
    }

    public BooleanProperty canGoBackProperty() {
        return canGoBack;
    }

    public BooleanProperty canGoForwardProperty() {
        return canGoForward;
    }

    public SelectionModel selection() {
        return selection;
    }

    /** What the lanes are aligned on. */
    public ReadOnlyObjectProperty<Anchor> anchorProperty() {
        return compare.anchorProperty();
    }

    /** The user chose an anchor: the lanes are aligned on it and shown at their crash windows. */
    public void align(Anchor a) {
        if (a != null) {
            compare.align(a, ViewIntent.CRASH_WINDOWS);
        }
    }

    /** Where the lanes' rows are, from their content and which lanes are collapsed. */
    public ReadOnlyObjectProperty<TimelineLayout> layoutProperty() {
        return layout.getReadOnlyProperty();
    }

    public TimelineLayout layout() {
        TimelineLayout l = layout.get();
        return l != null ? l : TimelineLayout.of(new TimelineScene(List.of(), ""));
    }

    /** How far the lanes are scrolled up under the axis, in pixels. */
    public DoubleProperty scrollYProperty() {
        return scrollY;
    }

    /** Height of the timeline on screen (the view sets it). */
    public DoubleProperty viewHeightProperty() {
        return viewHeight;
    }

    /** Whether a drag measures from one event to another instead of panning. */
    public BooleanProperty measuringProperty() {
        return measuring;
    }

    public ObjectProperty<Measurement> measurementProperty() {
        return measurement;
    }

    /** The measurement as the renderer draws it, or null. */
    public ReadOnlyObjectProperty<TimelineRenderer.Measure> measureProperty() {
        return measure.getReadOnlyProperty();
    }

    /** The measurement in words (Δ and both times), or "". */
    public StringProperty measureTextProperty() {
        return measureText;
    }

    public javafx.collections.ObservableSet<String> collapsedLanes() {
        return collapsed;
    }

    /** Whether the lanes are taller than the view: then they scroll, and the overview shows. */
    public boolean overflows() {
        return layout().height() > viewHeight.get() + 0.5;
    }

    private void relayout() {
        TimelineScene s = scene.get();
        if (s == null) {
            layout.set(null);
            return;
        }
        java.util.Set<Integer> lanes = new java.util.HashSet<>();
        for (int i = 0; i < s.lanes().size(); i++) {
            if (collapsed.contains(taskIdOf(s.lanes().get(i)))) {
                lanes.add(i);
            }
        }
        layout.set(TimelineLayout.of(s, lanes));
        clampScroll();
        placeMeasure();
    }

    private void clampScroll() {
        double max = Math.max(0, layout().height() - viewHeight.get());
        if (scrollY.get() > max) {
            scrollY.set(max);
        }
        if (scrollY.get() < 0) {
            scrollY.set(0);
        }
    }

    /** Scrolls the lanes by dy pixels (positive: further down the lanes). */
    public void scrollBy(double dy) {
        scrollTo(scrollY.get() + dy);
    }

    public void scrollTo(double y) {
        double max = Math.max(0, layout().height() - viewHeight.get());
        scrollY.set(Math.max(0, Math.min(max, y)));
    }

    /** Collapses or expands the lane of a task. */
    public void toggleCollapsed(int lane) {
        TimelineScene s = scene.get();
        if (s == null || lane < 0 || lane >= s.lanes().size()) {
            return;
        }
        String id = taskIdOf(s.lanes().get(lane));
        if (!collapsed.remove(id)) {
            collapsed.add(id);
        }
    }

    public void expandAll() {
        collapsed.clear();
    }

    /** Collapses every lane but this one. */
    public void collapseOthers(int lane) {
        TimelineScene s = scene.get();
        if (s == null) {
            return;
        }
        for (int i = 0; i < s.lanes().size(); i++) {
            String id = taskIdOf(s.lanes().get(i));
            if (i == lane) {
                collapsed.remove(id);
            } else {
                collapsed.add(id);
            }
        }
    }

    /** The lane under a y on the view (the lanes scroll under the axis), or -1. */
    public int laneAt(double y) {
        if (y < TimelineLayout.AXIS_HEIGHT) {
            return -1;
        }
        return layout().laneAt(y + scrollY.get());
    }

    /** Whether a y on the view is on a lane's header. */
    public boolean onHeader(double y) {
        int lane = laneAt(y);
        return lane >= 0 && layout().onHeader(lane, y + scrollY.get());
    }

    /** y on the view of the middle of a lane's events row. */
    public double eventY(int lane) {
        return layout().eventTop(lane) - scrollY.get() + TimelineLayout.EVENT_ROW / 2;
    }

    /** What the last frame drew with a full text behind it (the view hands them over after drawing). */
    public void setHotspots(List<TimelineRenderer.Hotspot> h) {
        hotspots = h;
    }

    /** The current mapping of aligned time to x. */
    public TimeScale scale() {
        Viewport v = viewport.get();
        return folded.get() && !folding.isEmpty() ? new FoldedScale(v, folding) : v;
    }

    public TimelineRenderer.Overlay overlay() {
        return new TimelineRenderer.Overlay(cursor.get(), hoverLane.get(), hoverIndex.get(), selectedLane.get(),
                selectedIndex.get(), bandFrom.get(), bandTo.get(), measure.get());
    }

    /** A new comparison: its scene, shown as its intent says. */
    private void rebuild(CompareModel.Shown shown) {
        Comparison c = shown == null ? null : shown.comparison();
        if (c == null) {
            base = null;
            scene.set(null);
            return;
        }
        base = SceneBuilder.build(c, document.taskSet());
        folding = Folding.of(base);
        applyNotes();
        locateSelection(selection.rowProperty().get());
        ViewIntent intent = shown.intent();
        switch (intent.kind()) {
            case RESTORE -> {
                history.clear();
                faultline.workspace.Workspace.ViewState v = intent.view();
                go(new Viewport(v.start(), v.span(), viewport.get().width()), v.folded(), true);
            }
            case KEEP -> go(viewport.get(), folded.get(), false);
            case SAME_MOMENT -> zoomToCrashes(scene.get(), 0);
            case CRASH_WINDOWS -> zoomToCrashes(scene.get(), -1);
            case FRESH -> {
                history.clear();
                zoomToCrashes(scene.get(), -1);
            }
        }
    }

    /** The scene with the notes of the compared tasks on their lanes. */
    private void applyNotes() {
        CompareModel.Shown shown = compare.shownProperty().get();
        if (base == null || shown == null || shown.comparison() == null) {
            return;
        }
        Comparison c = shown.comparison();
        scene.set(base.withNotes(List.copyOf(notes.list()), c.tasks().stream().map(a -> a.task().id()).toList()));
    }

    public void setWidth(double width) {
        Viewport v = viewport.get();
        if (width > 0 && width != v.width()) {
            viewport.set(v.withWidth(width));
        }
    }

    private void go(Viewport v, boolean fold, boolean remember) {
        applying = true;
        try {
            folded.set(fold);
        } finally {
            applying = false;
        }
        viewport.set(v);
        compare.viewProperty().set(new faultline.workspace.Workspace.ViewState(v.start(), v.span(), fold));
        if (remember) {
            history.push(new View(v, fold));
            lastPush = System.nanoTime();
        }
        canGoBack.set(history.canGoBack());
        canGoForward.set(history.canGoForward());
    }

    /** Compressed-time coordinate of a real aligned time in the current folding state. */
    private long c(long t, boolean fold) {
        return fold && !folding.isEmpty() ? folding.compress(t) : t;
    }

    /** F: every lane's whole life in view. */
    public void fit() {
        TimelineScene s = scene.get();
        if (s == null || s.lanes().isEmpty()) {
            return;
        }
        boolean f = folded.get();
        go(Viewport.fit(c(s.first(), f), c(s.last(), f), viewport.get().width(), 0.02), f, true);
    }

    /** C: zoom every lane to its crash window (lanes aligned on the crash share one), with context before it. */
    public void crashWindows() {
        TimelineScene s = scene.get();
        if (s == null) {
            return;
        }
        if (compare.anchor() != Anchor.CRASH && hasCrash(s)) {
            compare.align(Anchor.CRASH, ViewIntent.CRASH_WINDOWS);
            return;
        }
        zoomToCrashes(s, -1);
    }

    /** Shift+C: the same moment in all lanes: wall clock, around the first lane's crash. */
    public void sameMoment() {
        TimelineScene s = scene.get();
        if (s == null || s.lanes().isEmpty()) {
            return;
        }
        if (compare.anchor() != Anchor.WALL_CLOCK) {
            compare.align(Anchor.WALL_CLOCK, ViewIntent.SAME_MOMENT);
            return;
        }
        zoomToCrashes(s, 0);
    }

    private static boolean hasCrash(TimelineScene s) {
        return CrashWindows.any(s);
    }

    private void zoomToCrashes(TimelineScene s, int onlyLane) {
        if (!hasCrash(s)) {
            fit();
            return;
        }
        go(CrashWindows.view(s, onlyLane, viewport.get().width()), false, true);
    }

    /** G: fold idle gaps (or unfold them); the one fold state is {@link #foldedProperty()}. */
    public void toggleFold() {
        folded.set(!folded.get());
    }

    /** The fold state was switched (by a key, the menu or the toolbar): the middle of the view stays where it is. */
    private void refold(boolean was, boolean now) {
        Viewport v = viewport.get();
        TimeScale before = was && !folding.isEmpty() ? new FoldedScale(v, folding) : v;
        long mid = before.time(before.width() / 2);
        long half = Math.max(Viewport.MIN_SPAN, (before.end() - before.start()) / 2);
        long a = c(Math.max(mid - half, before.start()), now);
        long b = c(Math.min(mid + half, before.end()), now);
        go(new Viewport(a, Math.max(Viewport.MIN_SPAN, b - a), v.width()), now, true);
        if (now) {
            fit();
        }
    }

    public void zoom(double factor, double x) {
        boolean remember = System.nanoTime() - lastPush > HISTORY_COALESCE_NANOS;
        go(viewport.get().zoom(factor, x), folded.get(), remember);
    }

    public void pan(double dx) {
        go(viewport.get().pan(dx), folded.get(), false);
    }

    /** Rubber band: the range between two x positions fills the view. */
    public void zoomTo(double x1, double x2) {
        double a = Math.min(x1, x2);
        double b = Math.max(x1, x2);
        bandFrom.set(Double.NaN);
        bandTo.set(Double.NaN);
        if (b - a < 3) {
            return;
        }
        Viewport v = viewport.get();
        long ca = v.time(a);
        long cb = v.time(b);
        go(new Viewport(ca, cb - ca, v.width()), folded.get(), true);
    }

    public void band(double x1, double x2) {
        bandFrom.set(x1);
        bandTo.set(x2);
    }

    public void back() {
        View v = history.back();
        if (v != null) {
            go(v.viewport().withWidth(viewport.get().width()), v.folded(), false);
        }
    }

    public void forward() {
        View v = history.forward();
        if (v != null) {
            go(v.viewport().withWidth(viewport.get().width()), v.folded(), false);
        }
    }

    /** The mouse at (x, y): cursor, hovered event, its tooltip text and the full-precision readout. */
    public void hover(double x, double y) {
        TimelineScene s = scene.get();
        if (s == null) {
            return;
        }
        TimeScale sc = scale();
        long t = sc.time(x);
        cursor.set(t);
        int lane = laneAt(y);
        int ref = lane >= 0 ? lane : 0;
        if (!s.lanes().isEmpty()) {
            TimelineScene.Lane l = s.lanes().get(ref);
            readout.set(s.lineOrder() ? Messages.format("timeline.cursor.line", String.valueOf(faultline.model.SourceFile.lineAt(l.epoch(t))), l.title())
                    : Messages.format("timeline.cursor", TimeText.full(l.epoch(t), 9), DurationText.relative(t), l.title()));
        }
        // On the events row an event wins; elsewhere a label's full text, then the nearest event.
        boolean onEvents = lane >= 0 && Math.abs(y - eventY(lane)) <= TimelineLayout.EVENT_ROW / 2;
        int index = onEvents ? TimelineRenderer.hit(s.lanes().get(lane), sc, x, 4) : -1;
        String spot = index < 0 ? hotspotAt(x, y) : null;
        if (index < 0 && spot == null && lane >= 0 && !layout().collapsed(lane)) {
            index = TimelineRenderer.hit(s.lanes().get(lane), sc, x, 4);
        }
        hoverLane.set(index >= 0 ? lane : -1);
        hoverIndex.set(index);
        hoverText.set(index >= 0 ? describe(s.lanes().get(lane), index) : spot != null ? spot : "");
    }

    private String hotspotAt(double x, double y) {
        for (int i = hotspots.size() - 1; i >= 0; i--) {
            if (hotspots.get(i).contains(x, y)) {
                return hotspots.get(i).text();
            }
        }
        return null;
    }

    /** The event nearest to (x, y) on the lane under y, within `pixels`: {lane, index}, or null. */
    private int[] eventAt(double x, double y, double pixels) {
        TimelineScene s = scene.get();
        int lane = laneAt(y);
        if (s == null || lane < 0) {
            return null;
        }
        int index = TimelineRenderer.hit(s.lanes().get(lane), scale(), x, pixels);
        return index < 0 ? null : new int[]{lane, index};
    }

    /**
     * Measures from the event nearest the first point to the event nearest the second (on the lanes
     * under them). Ends that are on no event leave the measurement as it was.
     */
    public boolean measure(double x1, double y1, double x2, double y2) {
        int[] a = eventAt(x1, y1, 12);
        int[] b = eventAt(x2, y2, 12);
        if (a == null || b == null) {
            return false;
        }
        TimelineScene s = scene.get();
        TimelineScene.Lane la = s.lanes().get(a[0]);
        TimelineScene.Lane lb = s.lanes().get(b[0]);
        measurement.set(new Measurement(taskIdOf(la), la.marks().rows()[a[1]], taskIdOf(lb), lb.marks().rows()[b[1]]));
        return true;
    }

    /** Shift+click: from the selected event to the one under the mouse. */
    public boolean measureFromSelection(double x, double y) {
        TimelineScene s = scene.get();
        int[] b = eventAt(x, y, 12);
        if (s == null || b == null || selectedLane.get() < 0 || selectedIndex.get() < 0) {
            return false;
        }
        TimelineScene.Lane la = s.lanes().get(selectedLane.get());
        TimelineScene.Lane lb = s.lanes().get(b[0]);
        measurement.set(new Measurement(taskIdOf(la), la.marks().rows()[selectedIndex.get()], taskIdOf(lb), lb.marks().rows()[b[1]]));
        return true;
    }

    public void clearMeasure() {
        mark.set(null);
        measurement.set(null);
    }

    /** The measurement becomes a range note on the first event's lane, with the Δ and both times as its text. */
    public void measureAsNote() {
        TimelineRenderer.Measure m = measure.get();
        TimelineScene s = scene.get();
        if (m == null || s == null) {
            return;
        }
        TimelineScene.Lane l = s.lanes().get(m.laneA());
        long from = l.epoch(Math.min(m.a(), m.b()));
        long to = l.epoch(Math.max(m.a(), m.b()));
        notes.add(Note.range(taskIdOf(l), from, to, measureText.get()));
    }

    private void placeMeasure() {
        Measurement m = measurement.get();
        TimelineScene s = scene.get();
        if (m == null || s == null) {
            measure.set(null);
            measureText.set("");
            return;
        }
        int la = -1;
        int ia = -1;
        int lb = -1;
        int ib = -1;
        for (int i = 0; i < s.lanes().size(); i++) {
            TimelineScene.Lane l = s.lanes().get(i);
            String id = taskIdOf(l);
            if (ia < 0 && id.equals(m.taskA())) {
                la = i;
                ia = l.marks().indexOfRow(m.rowA());
            }
            if (ib < 0 && id.equals(m.taskB())) {
                lb = i;
                ib = l.marks().indexOfRow(m.rowB());
            }
        }
        if (ia < 0 || ib < 0) {
            measure.set(null);
            measureText.set("");
            return;
        }
        long a = s.lanes().get(la).marks().times()[ia];
        long b = s.lanes().get(lb).marks().times()[ib];
        String text = MeasureText.of(document.taskSet().store(), m.rowA(), m.rowB(), b - a,
                la == lb ? "" : s.lanes().get(la).title(), la == lb ? "" : s.lanes().get(lb).title(), s.anchorLabel().equals(Anchor.WALL_CLOCK.label()));
        measureText.set(text);
        measure.set(new TimelineRenderer.Measure(la, a, lb, b, text));
    }

    public void exit() {
        cursor.set(Long.MIN_VALUE);
        hoverLane.set(-1);
        hoverIndex.set(-1);
        hoverText.set("");
    }

    /** A click selects the event under the mouse everywhere (task list, inspector, log). */
    public void click(double x, double y) {
        TimelineScene s = scene.get();
        if (s == null) {
            return;
        }
        int lane = laneAt(y);
        if (lane < 0) {
            return;
        }
        TimelineScene.Lane l = s.lanes().get(lane);
        if (onHeader(y)) {
            toggleCollapsed(lane);
            selection.taskProperty().set(document.taskSet().task(l.taskIndex()));
            return;
        }
        int index = TimelineRenderer.hit(l, scale(), x, 4);
        selection.taskProperty().set(document.taskSet().task(l.taskIndex()));
        if (index >= 0) {
            selection.rowProperty().set(l.marks().rows()[index]);
        }
    }

    /** Task id of the lane under y (or of the selected lane, or the first), for a new note. */
    private TimelineScene.Lane laneFor(double y) {
        TimelineScene s = scene.get();
        if (s == null || s.lanes().isEmpty()) {
            return null;
        }
        int lane = laneAt(y);
        if (lane < 0) {
            lane = Math.max(0, selectedLane.get());
        }
        return s.lanes().get(Math.min(lane, s.lanes().size() - 1));
    }

    private String taskIdOf(TimelineScene.Lane l) {
        return document.taskSet().task(l.taskIndex()).id();
    }

    /** N: a note at the time under x on the lane under y. */
    public void addPointNote(double x, double y, String text) {
        TimelineScene.Lane l = laneFor(y);
        if (l == null || text == null || text.isBlank()) {
            return;
        }
        notes.add(Note.point(taskIdOf(l), l.epoch(scale().time(x)), text.strip()));
    }

    /** Ctrl+drag: a note over the range between two x positions on the lane under y. */
    public void addRangeNote(double x1, double x2, double y, String text) {
        TimelineScene.Lane l = laneFor(y);
        if (l == null || text == null || text.isBlank()) {
            return;
        }
        TimeScale sc = scale();
        notes.add(Note.range(taskIdOf(l), l.epoch(sc.time(Math.min(x1, x2))), l.epoch(sc.time(Math.max(x1, x2))), text.strip()));
    }

    /** A note dragged by dx pixels keeps its text and moves by that much time. */
    public void moveNote(String id, double dx) {
        Note n = notes.find(id);
        if (n != null && dx != 0) {
            notes.update(n.moved(Math.round(dx * scale().nanosPerPixel())), Messages.get("undo.move-note"));
        }
    }

    public void editNote(String id, String text) {
        Note n = notes.find(id);
        if (n != null && text != null && !text.isBlank()) {
            notes.update(n.withText(text.strip()), Messages.get("undo.edit-note"));
        }
    }

    public void deleteNote(String id) {
        notes.remove(id);
    }

    public String noteText(String id) {
        Note n = notes.find(id);
        return n == null ? "" : n.text();
    }

    /** Brings a note into view (from the notes list). */
    public void revealNote(String id) {
        Note n = notes.find(id);
        TimelineScene s = scene.get();
        if (n == null || s == null) {
            return;
        }
        for (TimelineScene.Lane l : s.lanes()) {
            if (taskIdOf(l).equals(n.taskId())) {
                long t = l.aligned(n.start());
                Viewport v = viewport.get();
                long ct = c(t, folded.get());
                go(new Viewport(ct - v.span() / 2, v.span(), v.width()), folded.get(), true);
                return;
            }
        }
    }

    /** [ and ]: the event before or after the selected one, in its lane (the first lane if none is selected). */
    public void selectAdjacent(int direction) {
        TimelineScene s = scene.get();
        if (s == null || s.lanes().isEmpty()) {
            return;
        }
        int lane = Math.max(0, selectedLane.get());
        TimelineScene.Lane l = s.lanes().get(lane);
        int index = selectedIndex.get();
        int next = index < 0 ? l.marks().firstAtOrAfter(scale().start(), 0) : index + direction;
        if (next < 0 || next >= l.marks().size()) {
            return;
        }
        selection.taskProperty().set(document.taskSet().task(l.taskIndex()));
        selection.rowProperty().set(l.marks().rows()[next]);
    }

    // The keyboard's way to what the mouse drags: a mark on the selected event, a lane's shift and a note's move in steps.

    /** The note the keys act on, by id, or null. */
    public StringProperty selectedNoteProperty() {
        return selectedNote;
    }

    /** Where a measurement made with the keys starts while it is being made, or null. */
    public ReadOnlyObjectProperty<Mark> markProperty() {
        return mark;
    }

    /**
     * Enter on the timeline: the first press marks the selected event and measures from it to the
     * event the selection moves to; the second fixes the measurement there. Without a selected event
     * nothing happens (false).
     */
    public boolean markSelected() {
        TimelineScene s = scene.get();
        int lane = selectedLane.get();
        int index = selectedIndex.get();
        if (s == null || lane < 0 || lane >= s.lanes().size() || index < 0 || index >= s.lanes().get(lane).marks().size()) {
            return false;
        }
        TimelineScene.Lane l = s.lanes().get(lane);
        Mark here = new Mark(taskIdOf(l), l.marks().rows()[index]);
        Mark from = mark.get();
        if (from == null) {
            mark.set(here);
        } else {
            mark.set(null);
        }
        Mark start = from == null ? here : from;
        measurement.set(new Measurement(start.taskId(), start.row(), here.taskId(), here.row()));
        return true;
    }

    /** While a mark is set the measurement runs from it to the selected event. */
    private void followMark() {
        Mark m = mark.get();
        TimelineScene s = scene.get();
        int lane = selectedLane.get();
        if (m == null || s == null || lane < 0 || selectedIndex.get() < 0) {
            return;
        }
        TimelineScene.Lane l = s.lanes().get(lane);
        measurement.set(new Measurement(m.taskId(), m.row(), taskIdOf(l), l.marks().rows()[selectedIndex.get()]));
    }

    /** Whether there is a measurement a range note can be made over. */
    public boolean hasMeasurement() {
        return measure.get() != null;
    }

    /** A note over the measured range, on the lane of its first end, with the given text. */
    public boolean addMeasuredNote(String text) {
        TimelineRenderer.Measure m = measure.get();
        TimelineScene s = scene.get();
        if (m == null || s == null || text == null || text.isBlank()) {
            return false;
        }
        TimelineScene.Lane l = s.lanes().get(m.laneA());
        long a = s.lanes().get(m.laneA()).epoch(Math.min(m.a(), m.b()));
        long b = s.lanes().get(m.laneA()).epoch(Math.max(m.a(), m.b()));
        notes.add(Note.range(taskIdOf(l), a, b, text.strip()));
        mark.set(null);
        return true;
    }

    /**
     * Up and Down: the event nearest in time to the selected one (or to the middle of the view) on
     * the lane above or below.
     */
    public void selectLane(int direction) {
        TimelineScene s = scene.get();
        if (s == null || s.lanes().isEmpty()) {
            return;
        }
        int from = selectedLane.get();
        int lane = from < 0 ? (direction > 0 ? 0 : s.lanes().size() - 1) : from + direction;
        if (lane < 0 || lane >= s.lanes().size()) {
            return;
        }
        TimeScale sc = scale();
        long at = from >= 0 && selectedIndex.get() >= 0 ? s.lanes().get(from).marks().times()[selectedIndex.get()]
                : sc.time(sc.width() / 2);
        TimelineScene.Lane l = s.lanes().get(lane);
        int index = nearest(l.marks(), at);
        if (index < 0) {
            return;
        }
        selection.taskProperty().set(document.taskSet().task(l.taskIndex()));
        selection.rowProperty().set(l.marks().rows()[index]);
    }

    private static int nearest(TimelineScene.Marks m, long t) {
        if (m.size() == 0) {
            return -1;
        }
        int after = Math.min(m.firstAtOrAfter(t, 0), m.size() - 1);
        int before = Math.max(0, after - 1);
        return Math.abs(m.times()[before] - t) <= Math.abs(m.times()[after] - t) ? before : after;
    }

    /** How far one press of a key shifts a lane or moves a note at this zoom. */
    public long keyStep() {
        return KeyStep.of(viewport.get().span());
    }

    /** The lane the keys shift: the selected event's, else the selected task's, else the first. */
    private int laneForKeys() {
        TimelineScene s = scene.get();
        if (s == null || s.lanes().isEmpty()) {
            return -1;
        }
        if (selectedLane.get() >= 0 && selectedLane.get() < s.lanes().size()) {
            return selectedLane.get();
        }
        faultline.model.Task t = selection.taskProperty().get();
        for (int i = 0; t != null && i < s.lanes().size(); i++) {
            if (s.lanes().get(i).taskIndex() == t.index()) {
                return i;
            }
        }
        return 0;
    }

    /** Alt+Shift+Left and Right: the lane of the selection a step earlier or later; the view stays. */
    public void shiftSelectedLane(int direction) {
        TimelineScene s = scene.get();
        int lane = laneForKeys();
        if (lane < 0) {
            return;
        }
        compare.shift(document.taskSet().task(s.lanes().get(lane).taskIndex()), direction * keyStep());
    }

    /** The notes of the compared lanes in the order the keys step through them: lane by lane, then by time. */
    private List<TimelineScene.NoteMark> notesInOrder() {
        TimelineScene s = scene.get();
        List<TimelineScene.NoteMark> all = new java.util.ArrayList<>();
        if (s == null) {
            return all;
        }
        for (TimelineScene.Lane l : s.lanes()) {
            List<TimelineScene.NoteMark> own = new java.util.ArrayList<>(l.notes());
            own.sort(java.util.Comparator.comparingLong(TimelineScene.NoteMark::start));
            all.addAll(own);
        }
        return all;
    }

    /** Comma and period: the note before or after the selected one becomes the selected note and comes into view. */
    public void selectNote(int direction) {
        List<TimelineScene.NoteMark> all = notesInOrder();
        if (all.isEmpty()) {
            return;
        }
        int at = -1;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).id().equals(selectedNote.get())) {
                at = i;
            }
        }
        int next = at < 0 ? (direction > 0 ? 0 : all.size() - 1) : Math.floorMod(at + direction, all.size());
        String id = all.get(next).id();
        selectedNote.set(id);
        Note n = notes.find(id);
        if (n != null && !noteInView(n)) {
            revealNote(id);
        }
    }

    private boolean noteInView(Note n) {
        TimelineScene s = scene.get();
        for (TimelineScene.Lane l : s.lanes()) {
            if (taskIdOf(l).equals(n.taskId())) {
                return scale().contains(l.aligned(n.start()));
            }
        }
        return false;
    }

    /** Shift+Left and Right: the selected note a step earlier or later (one undo step per press). */
    public void moveSelectedNote(int direction) {
        Note n = selectedNote.get() == null ? null : notes.find(selectedNote.get());
        if (n != null) {
            notes.update(n.moved(direction * keyStep()), Messages.get("undo.move-note"));
        }
    }

    /** Delete on the timeline: the selected note goes (undoably). */
    public void deleteSelectedNote() {
        if (selectedNote.get() != null) {
            deleteNote(selectedNote.get());
        }
    }

    /** Full time, Δ to the previous event of the lane, Δ to the anchor, and the message. */
    String describe(TimelineScene.Lane lane, int index) {
        TaskSet set = document.taskSet();
        EventStore store = set.store();
        int row = lane.marks().rows()[index];
        long t = lane.marks().times()[index];
        StringBuilder sb = new StringBuilder();
        int src = store.source(row);
        if (src < set.sources().size() && set.sources().get(src).untimed()) {
            // A log without a clock: where the line is, not a time it never had.
            sb.append(Messages.format("timeline.tip.line", String.valueOf(store.line(row)), set.sources().get(src).name()));
            String first = store.message(row).lines().findFirst().orElse("");
            return sb.append('\n').append(store.level(row)).append("  ").append(first).toString();
        }
        sb.append(TimeText.full(store.nanos(row), store.precision(row)));
        if (store.estimated(row) || store.latest(row) > store.nanos(row) + 1_000) {
            sb.append(" … ").append(TimeText.clock(store.latest(row), Math.max(6, store.precision(row))));
            sb.append("  ").append(store.estimated(row) ? Messages.get("timeline.tip.estimated") : Messages.get("timeline.tip.window"));
        }
        sb.append('\n').append(DurationText.relative(t));
        if (index > 0) {
            sb.append("   ").append(Messages.format("timeline.tip.after", DurationText.signed(t - lane.marks().times()[index - 1])));
        }
        String msg = store.message(row);
        int nl = msg.indexOf('\n');
        sb.append('\n').append(store.level(row)).append("  ").append(nl < 0 ? msg : msg.substring(0, nl) + " …");
        if (src < set.sources().size()) {
            sb.append('\n').append(set.sources().get(src).name()).append(':').append(store.line(row));
        }
        return sb.toString();
    }

    private void locateSelection(int row) {
        TimelineScene s = scene.get();
        selectedLane.set(-1);
        selectedIndex.set(-1);
        if (s == null || row < 0) {
            return;
        }
        for (int i = 0; i < s.lanes().size(); i++) {
            int k = s.lanes().get(i).marks().indexOfRow(row);
            if (k >= 0) {
                selectedLane.set(i);
                selectedIndex.set(k);
                return;
            }
        }
    }

    /** Alt+drag on a lane: shift that lane by the time the drag covered; the view stays where it is. */
    public void shiftLane(double y, double dx) {
        TimelineScene s = scene.get();
        if (s == null) {
            return;
        }
        int lane = laneAt(y);
        if (lane < 0 || dx == 0) {
            return;
        }
        long nanos = Math.round(dx * scale().nanosPerPixel());
        compare.shift(document.taskSet().task(s.lanes().get(lane).taskIndex()), nanos);
    }

    public void resetShifts() {
        compare.resetShifts();
    }

    /** Moves the view so that a store row is in view (when the log or inspector selects it). */
    public void reveal(int row) {
        TimelineScene s = scene.get();
        if (s == null) {
            return;
        }
        for (TimelineScene.Lane l : s.lanes()) {
            int k = l.marks().indexOfRow(row);
            if (k >= 0) {
                long t = l.marks().times()[k];
                TimeScale sc = scale();
                if (!sc.contains(t)) {
                    Viewport v = viewport.get();
                    long ct = c(t, folded.get());
                    go(new Viewport(ct - v.span() / 2, v.span(), v.width()), folded.get(), true);
                }
                return;
            }
        }
    }
}
