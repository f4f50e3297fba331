package faultline.ui;

import faultline.render.FontSpec;
import faultline.render.Rgba;
import faultline.render.StyleKey;
import faultline.render.TextAlign;
import faultline.render.TimelineLayout;
import faultline.render.TimelineRenderer;
import faultline.render.TimelineScene;
import faultline.render.TimelineStyle;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
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
 * The timeline: a canvas for the lanes and one above it for the cursor, the hovered and selected
 * event and the rubber band, in one region. Property changes only set dirty flags and request
 * layout; drawing happens in layoutChildren, once per pulse, and a mouse move repaints only the
 * overlay. Colours come from CSS.
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
    private final Canvas overlay = new Canvas();
    private final Label tip = new Label();
    private final TimelineRenderer renderer = new TimelineRenderer();
    private boolean dirty = true;
    private boolean overlayDirty = true;
    private double pressX = Double.NaN;
    private double dragX = Double.NaN;
    private boolean banding;
    private boolean shifting;
    private boolean noting;
    private String draggedNote;
    private String selectedNote;
    private double pressY;
    private final javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu();
    /** Asks the user for a note's text (title, initial text); tests replace it. */
    private java.util.function.BiFunction<String, String, java.util.Optional<String>> prompt = TimelineView::askText;
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;
    private long frames;
    private long overlayFrames;

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
        overlay.setMouseTransparent(true);
        tip.getStyleClass().add("timeline-tip");
        tip.setId("timeline-tip");
        tip.setMouseTransparent(true);
        tip.setManaged(false);
        tip.visibleProperty().bind(vm.hoverTextProperty().isNotEmpty());
        tip.textProperty().bind(vm.hoverTextProperty());
        getChildren().addAll(canvas, overlay, tip);
        setFocusTraversable(true);
        vm.sceneProperty().addListener((o, a, b) -> {
            invalidate();
            requestParentLayout();
        });
        vm.viewportProperty().addListener((o, a, b) -> invalidate());
        vm.foldedProperty().addListener((o, a, b) -> invalidate());
        for (var p : List.of(vm.hoverLaneProperty(), vm.hoverIndexProperty(), vm.selectedLaneProperty(), vm.selectedIndexProperty())) {
            p.addListener((o, a, b) -> invalidateOverlay());
        }
        vm.cursorProperty().addListener((o, a, b) -> invalidateOverlay());
        vm.bandFromProperty().addListener((o, a, b) -> invalidateOverlay());
        vm.bandToProperty().addListener((o, a, b) -> invalidateOverlay());
        setOnScroll(this::onScroll);
        setOnMousePressed(this::onPress);
        setOnMouseDragged(this::onDrag);
        setOnMouseReleased(this::onRelease);
        setOnMouseMoved(e -> {
            mouseX = e.getX();
            mouseY = e.getY();
            vm.hover(e.getX(), e.getY());
            placeTip(e.getX(), e.getY());
        });
        setOnMouseExited(e -> {
            mouseX = Double.NaN;
            vm.exit();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::onKey);
        setOnContextMenuRequested(e -> {
            menu.getItems().setAll(menuItems(e.getX(), e.getY()));
            menu.show(this, e.getScreenX(), e.getScreenY());
            e.consume();
        });
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2) {
                String id = noteAt(e.getX(), e.getY());
                if (id != null) {
                    editNote(id);
                }
            }
        });
        setMinHeight(TimelineLayout.AXIS_HEIGHT + TimelineLayout.GROUP);
    }

    private void invalidate() {
        dirty = true;
        overlayDirty = true;
        requestLayout();
    }

    private void invalidateOverlay() {
        overlayDirty = true;
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
            overlay.setWidth(w);
            overlay.setHeight(h);
            dirty = true;
            overlayDirty = true;
        }
        vm.setWidth(w);
        tip.autosize();
        if (dirty && w > 0 && h > 0) {
            draw(w, h);
            dirty = false;
        }
        if (overlayDirty && w > 0 && h > 0) {
            drawOverlay(w, h);
            overlayDirty = false;
        }
    }

    private void draw(double w, double h) {
        CanvasSurface surface = new CanvasSurface(canvas.getGraphicsContext2D(), w, h);
        TimelineScene scene = vm.sceneProperty().get();
        TimelineStyle style = style();
        if (scene == null || scene.lanes().isEmpty()) {
            surface.fillRect(0, 0, w, h, style.get(StyleKey.BACKGROUND));
            surface.text("Tick ⇄ in the task list to compare tasks", 12, 24, FontSpec.LABEL, style.get(StyleKey.MUTED_TEXT), TextAlign.LEFT);
            return;
        }
        renderer.render(surface, scene, vm.scale(), style);
        frames++;
    }

    private void drawOverlay(double w, double h) {
        overlay.getGraphicsContext2D().clearRect(0, 0, w, h);
        TimelineScene scene = vm.sceneProperty().get();
        if (scene == null || scene.lanes().isEmpty()) {
            return;
        }
        renderer.renderOverlay(new CanvasSurface(overlay.getGraphicsContext2D(), w, h), scene, vm.scale(), style(), vm.overlay());
        overlayFrames++;
    }

    private void placeTip(double x, double y) {
        tip.autosize();
        double tx = x + 14;
        double ty = y + 16;
        if (tx + tip.getWidth() > getWidth()) {
            tx = Math.max(0, x - 14 - tip.getWidth());
        }
        if (ty + tip.getHeight() > getHeight()) {
            ty = Math.max(0, y - 12 - tip.getHeight());
        }
        tip.relocate(tx, ty);
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

    /** Frames of the lanes drawn so far: a mouse move must not add to it, a view change adds one. */
    public long frames() {
        return frames;
    }

    /** Where the notes were drawn in the last frame. */
    public java.util.List<TimelineRenderer.NoteBox> noteBoxes() {
        return renderer.noteBoxes();
    }

    public long overlayFrames() {
        return overlayFrames;
    }

    private void onScroll(ScrollEvent e) {
        if (e.getDeltaY() == 0) {
            return;
        }
        vm.zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, e.getX());
        e.consume();
    }

    private void onPress(MouseEvent e) {
        requestFocus();
        menu.hide();
        if (e.getButton() == MouseButton.SECONDARY) {
            return;
        }
        pressX = e.getX();
        dragX = e.getX();
        pressY = e.getY();
        draggedNote = noteAt(e.getX(), e.getY());
        selectedNote = draggedNote;
        shifting = draggedNote == null && e.isAltDown();
        noting = draggedNote == null && e.isShortcutDown();
        banding = draggedNote == null && !shifting && !noting && e.isShiftDown();
        e.consume();
    }

    private String noteAt(double x, double y) {
        for (TimelineRenderer.NoteBox b : renderer.noteBoxes()) {
            if (b.contains(x, y)) {
                return b.id();
            }
        }
        return null;
    }

    private java.util.List<javafx.scene.control.MenuItem> menuItems(double x, double y) {
        java.util.List<javafx.scene.control.MenuItem> items = new java.util.ArrayList<>();
        String id = noteAt(x, y);
        if (id != null) {
            items.add(item("Edit Note…", () -> editNote(id)));
            items.add(item("Delete Note", () -> vm.deleteNote(id)));
            items.add(new javafx.scene.control.SeparatorMenuItem());
        }
        items.add(item("Add Note Here… (N)", () -> addNote(x, y)));
        items.add(item("Zoom to Crash Windows (C)", vm::crashWindows));
        items.add(item("Fit All (F)", vm::fit));
        items.add(item(vm.foldedProperty().get() ? "Unfold Gaps (G)" : "Fold Idle Gaps (G)", vm::toggleFold));
        return items;
    }

    private static javafx.scene.control.MenuItem item(String text, Runnable r) {
        javafx.scene.control.MenuItem m = new javafx.scene.control.MenuItem(text);
        m.setOnAction(e -> r.run());
        return m;
    }

    private void addNote(double x, double y) {
        ask("Add a note", "").ifPresent(t -> vm.addPointNote(x, y, t));
    }

    private void editNote(String id) {
        ask("Edit the note", vm.noteText(id)).ifPresent(t -> vm.editNote(id, t));
    }

    /** A modal dialog takes the mouse without an exit event, so the hover tip is put away first. */
    private java.util.Optional<String> ask(String title, String initial) {
        vm.exit();
        return prompt.apply(title, initial);
    }

    /** Replaces how note texts are asked for (tests answer without a dialog). */
    void setPrompt(java.util.function.BiFunction<String, String, java.util.Optional<String>> p) {
        prompt = p;
    }

    private static java.util.Optional<String> askText(String title, String initial) {
        javafx.scene.control.TextInputDialog d = new javafx.scene.control.TextInputDialog(initial);
        d.setTitle(title);
        d.setHeaderText(title);
        d.setContentText("Text:");
        return d.showAndWait().filter(t -> !t.isBlank());
    }

    private void onDrag(MouseEvent e) {
        if (Double.isNaN(dragX)) {
            return;
        }
        if (draggedNote != null) {
            return; // moved on release, by the whole drag
        }
        if (banding || shifting || noting) {
            vm.band(pressX, e.getX());
        } else {
            vm.pan(e.getX() - dragX);
        }
        dragX = e.getX();
    }

    private void onRelease(MouseEvent e) {
        if (Double.isNaN(pressX)) {
            return;
        }
        if (draggedNote != null) {
            if (Math.abs(e.getX() - pressX) >= 3) {
                vm.moveNote(draggedNote, e.getX() - pressX);
            }
        } else if (noting) {
            vm.band(Double.NaN, Double.NaN);
            double from = pressX;
            double to = e.getX();
            double y = pressY;
            if (Math.abs(to - from) >= 3) {
                ask("Add a note for this range", "").ifPresent(t -> vm.addRangeNote(from, to, y, t));
            }
        } else if (shifting) {
            vm.band(Double.NaN, Double.NaN);
            vm.shiftLane(pressY, e.getX() - pressX);
        } else if (banding) {
            vm.zoomTo(pressX, e.getX());
        } else if (!Double.isNaN(pressX) && Math.abs(e.getX() - pressX) < 3) {
            vm.click(e.getX(), e.getY());
        }
        pressX = Double.NaN;
        dragX = Double.NaN;
        banding = false;
        shifting = false;
        noting = false;
        draggedNote = null;
    }

    private void onKey(KeyEvent e) {
        double at = Double.isNaN(mouseX) ? getWidth() / 2 : mouseX;
        KeyCode c = e.getCode();
        if (e.isAltDown() && c == KeyCode.LEFT || c == KeyCode.BACK_SPACE) {
            vm.back();
        } else if (e.isAltDown() && c == KeyCode.RIGHT) {
            vm.forward();
        } else if (c == KeyCode.F && !e.isShortcutDown()) {
            vm.fit();
        } else if (c == KeyCode.C && e.isShiftDown() && !e.isShortcutDown()) {
            vm.sameMoment();
        } else if (c == KeyCode.C && !e.isShortcutDown()) {
            vm.crashWindows();
        } else if (c == KeyCode.G && !e.isShortcutDown()) {
            vm.toggleFold();
        } else if (c == KeyCode.PLUS || c == KeyCode.EQUALS || c == KeyCode.ADD) {
            vm.zoom(0.5, at);
        } else if (c == KeyCode.MINUS || c == KeyCode.SUBTRACT) {
            vm.zoom(2, at);
        } else if (c == KeyCode.LEFT) {
            vm.pan(getWidth() / 8);
        } else if (c == KeyCode.RIGHT) {
            vm.pan(-getWidth() / 8);
        } else if (c == KeyCode.N && !e.isShortcutDown()) {
            addNote(Double.isNaN(mouseX) ? getWidth() / 2 : mouseX, Double.isNaN(mouseY) ? TimelineLayout.eventTop(0) : mouseY);
        } else if ((c == KeyCode.DELETE || c == KeyCode.BACK_SPACE && e.isShortcutDown()) && selectedNote != null) {
            vm.deleteNote(selectedNote);
            selectedNote = null;
        } else if (c == KeyCode.OPEN_BRACKET) {
            vm.selectAdjacent(-1);
        } else if (c == KeyCode.CLOSE_BRACKET) {
            vm.selectAdjacent(1);
        } else if (c == KeyCode.ESCAPE) {
            vm.band(Double.NaN, Double.NaN);
            banding = false;
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
