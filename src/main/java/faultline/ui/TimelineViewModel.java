package faultline.ui;

import faultline.model.Comparison;
import faultline.model.TaskSet;
import faultline.render.SceneBuilder;
import faultline.render.TimelineScene;
import faultline.render.Viewport;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the timeline: the scene built from the comparison, the viewport, the cursor. Navigation
 * commands change the viewport; the view redraws from it.
 */
public final class TimelineViewModel {
    private final MainViewModel main;
    private final ReadOnlyObjectWrapper<TimelineScene> scene = new ReadOnlyObjectWrapper<>(this, "scene");
    private final ObjectProperty<Viewport> viewport = new SimpleObjectProperty<>(this, "viewport", new Viewport(-1_000_000_000L, 2_000_000_000L, 800));
    private final LongProperty cursor = new SimpleLongProperty(this, "cursor", Long.MIN_VALUE);

    public TimelineViewModel(MainViewModel main) {
        this.main = main;
        main.comparisonProperty().addListener((o, a, b) -> rebuild(b, main.taskSetProperty().get(), a == null));
        rebuild(main.comparisonProperty().get(), main.taskSetProperty().get(), true);
    }

    public ReadOnlyObjectProperty<TimelineScene> sceneProperty() {
        return scene.getReadOnlyProperty();
    }

    public ObjectProperty<Viewport> viewportProperty() {
        return viewport;
    }

    public LongProperty cursorProperty() {
        return cursor;
    }

    public SelectionModel selection() {
        return main.selection();
    }

    private void rebuild(Comparison c, TaskSet set, boolean first) {
        if (c == null) {
            scene.set(null);
            return;
        }
        TimelineScene s = SceneBuilder.build(c, set);
        scene.set(s);
        if (first || scene.get() != null) {
            crashWindows();
        }
    }

    public void setWidth(double width) {
        Viewport v = viewport.get();
        if (width > 0 && width != v.width()) {
            viewport.set(v.withWidth(width));
        }
    }

    /** F: every lane's whole life in view. */
    public void fit() {
        TimelineScene s = scene.get();
        if (s == null || s.lanes().isEmpty()) {
            return;
        }
        viewport.set(Viewport.fit(s.first(), s.last(), viewport.get().width(), 0.02));
    }

    /** C: zoom to the crash windows of all lanes, with the loop steps before them for context. */
    public void crashWindows() {
        TimelineScene s = scene.get();
        if (s == null) {
            return;
        }
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        long widest = 0;
        for (TimelineScene.Lane l : s.lanes()) {
            if (l.crash() != null) {
                from = Math.min(from, l.crash().lastEvidence());
                to = Math.max(to, l.crash().signalLatest());
                widest = Math.max(widest, l.crash().signalLatest() - l.crash().lastEvidence());
            }
        }
        if (from == Long.MAX_VALUE) {
            fit();
            return;
        }
        long span = Math.max(widest, 200_000L);
        viewport.set(new Viewport(from - span * 3 / 2, (to - from) + span * 2, viewport.get().width()));
    }

    public void zoom(double factor, double x) {
        viewport.set(viewport.get().zoom(factor, x));
    }

    public void pan(double dx) {
        viewport.set(viewport.get().pan(dx));
    }
}
