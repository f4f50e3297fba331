package faultline.ui;

import faultline.render.StyleKey;
import faultline.render.Rgba;
import faultline.render.TimelineLayout;
import faultline.render.TimelineRenderer;
import faultline.render.TimelineScene;
import faultline.render.TimelineStyle;
import faultline.render.Viewport;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.css.StyleConverter;
import javafx.scene.canvas.Canvas;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The timeline: one resizable canvas in a region. Property changes only set a dirty flag and request
 * layout; drawing happens in layoutChildren, once per pulse. Colours come from CSS.
 */
public final class TimelineView extends Region {
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;
    private static final Map<StyleKey, CssMetaData<TimelineView, Color>> META = new EnumMap<>(StyleKey.class);

    static {
        List<CssMetaData<? extends Styleable, ?>> list = new ArrayList<>(Region.getClassCssMetaData());
        for (StyleKey k : StyleKey.values()) {
            CssMetaData<TimelineView, Color> m = new CssMetaData<>(k.cssProperty(), StyleConverter.getColorConverter(),
                    Color.web(k.lightDefault())) {
                @Override
                public boolean isSettable(TimelineView v) {
                    return true;
                }

                @SuppressWarnings("unchecked")
                @Override
                public StyleableProperty<Color> getStyleableProperty(TimelineView v) {
                    return (StyleableProperty<Color>) v.colours.get(k);
                }
            };
            META.put(k, m);
            list.add(m);
        }
        CSS = Collections.unmodifiableList(list);
    }

    private final Map<StyleKey, StyleableObjectProperty<Color>> colours = new EnumMap<>(StyleKey.class);
    private final TimelineViewModel vm;
    private final Canvas canvas = new Canvas();
    private final TimelineRenderer renderer = new TimelineRenderer();
    private boolean dirty = true;
    private double dragX = Double.NaN;
    private long frames;

    public TimelineView(TimelineViewModel vm) {
        this.vm = vm;
        getStyleClass().add("timeline");
        getStylesheets().add(TimelineView.class.getResource("timeline.css").toExternalForm());
        setId("timeline");
        for (StyleKey k : StyleKey.values()) {
            SimpleStyleableObjectProperty<Color> p = new SimpleStyleableObjectProperty<>(META.get(k), this, k.name(), Color.web(k.lightDefault()));
            p.addListener((o, a, b) -> invalidate());
            colours.put(k, p);
        }
        getChildren().add(canvas);
        setFocusTraversable(true);
        vm.sceneProperty().addListener((o, a, b) -> {
            invalidate();
            requestParentLayout();
        });
        vm.viewportProperty().addListener((o, a, b) -> invalidate());
        vm.cursorProperty().addListener((o, a, b) -> invalidate());
        vm.selection().rowProperty().addListener((o, a, b) -> invalidate());
        setOnScroll(this::onScroll);
        setOnMousePressed(e -> {
            requestFocus();
            dragX = e.getX();
            e.consume();
        });
        setOnMouseDragged(this::onDrag);
        setOnMouseReleased(e -> dragX = Double.NaN);
        setOnMouseMoved(e -> vm.cursorProperty().set(vm.viewportProperty().get().time(e.getX())));
        setOnMouseExited(e -> vm.cursorProperty().set(Long.MIN_VALUE));
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        setMinHeight(TimelineLayout.AXIS_HEIGHT + TimelineLayout.GROUP);
    }

    private void invalidate() {
        dirty = true;
        requestLayout();
    }

    @Override
    protected double computePrefHeight(double width) {
        TimelineScene s = vm.sceneProperty().get();
        return TimelineLayout.height(s == null ? 1 : Math.max(1, s.lanes().size())) + 8;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
            dirty = true;
        }
        vm.setWidth(w);
        if (dirty && w > 0 && h > 0) {
            draw(w, h);
            dirty = false;
        }
    }

    private void draw(double w, double h) {
        CanvasSurface surface = new CanvasSurface(canvas.getGraphicsContext2D(), w, h);
        TimelineScene scene = vm.sceneProperty().get();
        TimelineStyle style = style();
        if (scene == null || scene.lanes().isEmpty()) {
            surface.fillRect(0, 0, w, h, style.get(StyleKey.BACKGROUND));
            surface.text("Tick ⇄ in the task list to compare tasks", 12, 24, faultline.render.FontSpec.LABEL,
                    style.get(StyleKey.MUTED_TEXT), faultline.render.TextAlign.LEFT);
            return;
        }
        Viewport v = vm.viewportProperty().get().withWidth(w);
        renderer.render(surface, scene, v, style, new TimelineRenderer.Overlay(vm.cursorProperty().get(), vm.selection().rowProperty().get()));
        frames++;
    }

    /** The colours currently applied by CSS. */
    public TimelineStyle style() {
        Map<StyleKey, Rgba> m = new EnumMap<>(StyleKey.class);
        colours.forEach((k, p) -> {
            Color c = p.get();
            m.put(k, new Rgba((int) Math.round(c.getRed() * 255), (int) Math.round(c.getGreen() * 255),
                    (int) Math.round(c.getBlue() * 255), c.getOpacity()));
        });
        return new TimelineStyle(m);
    }

    /** Frames drawn so far: lets tests see that a change redraws once. */
    public long frames() {
        return frames;
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        vm.zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, e.getX());
        e.consume();
    }

    private void onDrag(MouseEvent e) {
        if (!Double.isNaN(dragX)) {
            vm.pan(e.getX() - dragX);
            dragX = e.getX();
        }
    }

    private void onKey(KeyEvent e) {
        double mid = getWidth() / 2;
        KeyCode c = e.getCode();
        if (c == KeyCode.F && !e.isShortcutDown()) {
            vm.fit();
        } else if (c == KeyCode.C && !e.isShortcutDown()) {
            vm.crashWindows();
        } else if (c == KeyCode.PLUS || c == KeyCode.EQUALS || c == KeyCode.ADD) {
            vm.zoom(0.5, mid);
        } else if (c == KeyCode.MINUS || c == KeyCode.SUBTRACT) {
            vm.zoom(2, mid);
        } else if (c == KeyCode.LEFT) {
            vm.pan(getWidth() / 8);
        } else if (c == KeyCode.RIGHT) {
            vm.pan(-getWidth() / 8);
        } else {
            return;
        }
        e.consume();
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }
}
