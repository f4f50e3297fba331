package faultline.ui.timeline;

import faultline.ui.Messages;

import faultline.render.FontSpec;
import faultline.render.LaneOverview;
import faultline.render.Rgba;
import faultline.render.StyleKey;
import faultline.render.TextAlign;
import faultline.render.TimelineLayout;
import faultline.render.TimelineRenderer;
import faultline.render.TimelineScene;
import faultline.render.TimelineStyle;
import faultline.ui.Theme;
import faultline.ui.actions.Command;
import faultline.ui.actions.Commands;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.geometry.Orientation;
import javafx.scene.Cursor;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
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
    private final Commands commands;
    private final Canvas canvas = new Canvas();
    private final Canvas overlay = new Canvas();
    private final Canvas overview = new Canvas();
    private final ScrollBar scrollBar = new ScrollBar();
    private final Label tip = new Label();
    private final TimelineRenderer renderer = new TimelineRenderer();
    /** Text widths of the canvas font, kept between frames: measuring a JavaFX text is the slow part of a label. */
    private final Map<String, Double> widths = new java.util.HashMap<>();
    private javafx.scene.layout.Pane tipHost;
    private boolean dirty = true;
    private boolean overlayDirty = true;
    private boolean overflow;
    private double pressX = Double.NaN;
    private double dragX = Double.NaN;
    private boolean banding;
    private boolean shifting;
    private boolean noting;
    private boolean measuringDrag;
    private boolean rightDown;
    private boolean rightDragged;
    private double[] pendingMenu;
    private String draggedNote;
    private double pressY;
    /** Made when first asked for: a menu is a popup window with a scene of its own, not worth making before the window shows. */
    private javafx.scene.control.ContextMenu menu;
    /** Asks the user for a note's text (title, initial text); tests replace it. */
    private java.util.function.BiFunction<String, String, java.util.Optional<String>> prompt = this::askText;
    private double mouseX = Double.NaN;
    private double mouseY = Double.NaN;
    private long frames;
    private long overlayFrames;

    public TimelineView(TimelineViewModel vm, Commands commands) {
        this.vm = vm;
        this.commands = commands;
        getStyleClass().add("timeline");
        String css = TimelineView.class.getResource("timeline.css").toExternalForm();
        getStylesheets().add(css);
        setId("timeline");
        for (StyleKey k : StyleKey.values()) {
            SimpleStyleableObjectProperty<Color> p = new SimpleStyleableObjectProperty<>(META.get(k), this, k.name(), Color.web(k.lightDefault()));
            p.addListener((o, a, b) -> invalidate());
            colours.put(k, p);
        }
        overlay.setMouseTransparent(true);
        tip.getStyleClass().add("timeline-tip");
        tip.getStylesheets().add(css);
        tip.setId("timeline-tip");
        tip.setMouseTransparent(true);
        tip.setManaged(false);
        tip.visibleProperty().bind(vm.hoverTextProperty().isNotEmpty());
        tip.textProperty().bind(vm.hoverTextProperty());
        overview.setId("lane-overview");
        // The canvases draw what a screen reader cannot see; the view-model writes it out.
        setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        setAccessibleRoleDescription(Messages.get("timeline.role"));
        accessibleTextProperty().bind(vm.spokenProperty());
        setAccessibleHelp(vm.spokenHelp());
        canvas.accessibleTextProperty().bind(vm.spokenProperty());
        canvas.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        overlay.setAccessibleText(Messages.get("timeline.overlay.spoken"));
        overview.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        overview.setAccessibleText(Messages.get("timeline.overview.spoken"));
        scrollBar.setAccessibleText(Messages.get("timeline.scroll.spoken"));
        scrollBar.setOrientation(Orientation.VERTICAL);
        scrollBar.setId("lane-scroll");
        scrollBar.setVisible(false);
        overview.setVisible(false);
        scrollBar.valueProperty().addListener((o, a, b) -> {
            if (Math.abs(b.doubleValue() - vm.scrollYProperty().get()) > 0.5) {
                vm.scrollTo(b.doubleValue());
            }
        });
        overview.setOnMousePressed(this::onOverview);
        overview.setOnMouseDragged(this::onOverview);
        getChildren().addAll(canvas, overlay, overview, scrollBar, tip);
        setFocusTraversable(true);
        vm.sceneProperty().addListener((o, a, b) -> {
            invalidate();
            requestParentLayout();
        });
        vm.layoutProperty().addListener((o, a, b) -> {
            invalidate();
            requestParentLayout();
        });
        vm.scrollYProperty().addListener((o, a, b) -> {
            scrollBar.setValue(b.doubleValue());
            invalidate();
        });
        vm.viewportProperty().addListener((o, a, b) -> invalidate());
        vm.foldedProperty().addListener((o, a, b) -> invalidate());
        for (var p : List.of(vm.hoverLaneProperty(), vm.hoverIndexProperty(), vm.selectedLaneProperty(), vm.selectedIndexProperty())) {
            p.addListener((o, a, b) -> invalidateOverlay());
        }
        vm.cursorProperty().addListener((o, a, b) -> invalidateOverlay());
        vm.bandFromProperty().addListener((o, a, b) -> invalidateOverlay());
        vm.bandToProperty().addListener((o, a, b) -> invalidateOverlay());
        vm.measureProperty().addListener((o, a, b) -> invalidateOverlay());
        vm.selectedNoteProperty().addListener((o, a, b) -> invalidateOverlay());
        vm.measuringProperty().addListener((o, a, b) -> setCursor(b ? Cursor.CROSSHAIR : Cursor.DEFAULT));
        setOnScroll(this::onScroll);
        setOnMousePressed(this::onPress);
        setOnMouseDragged(this::onDrag);
        setOnMouseReleased(this::onRelease);
        setOnMouseMoved(e -> {
            mouseX = e.getX();
            mouseY = e.getY();
            if (e.getX() > canvas.getWidth()) {
                vm.exit();
                return;
            }
            vm.hover(e.getX(), e.getY());
            placeTip(e.getX(), e.getY());
        });
        setOnMouseExited(e -> {
            mouseX = Double.NaN;
            vm.exit();
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (commands.handleOnTimeline(e)) {
                e.consume();
            } else if (e.getCode() == javafx.scene.input.KeyCode.CONTEXT_MENU
                    || e.getCode() == javafx.scene.input.KeyCode.F10 && e.isShiftDown()) {
                // Not every platform turns these keys into a context-menu request.
                showMenuFromKeys();
                e.consume();
            }
        });
        bindCommands();
        setOnContextMenuRequested(e -> {
            e.consume();
            if (e.isKeyboardTrigger()) {
                showMenuFromKeys();
            } else if (rightDown) {
                // The menu waits for the release: a right-drag zooms instead.
                pendingMenu = new double[]{e.getX(), e.getY(), e.getScreenX(), e.getScreenY()};
            } else if (!rightDragged) {
                showMenu(e.getX(), e.getY(), e.getScreenX(), e.getScreenY());
            }
        });
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && e.getButton() == MouseButton.PRIMARY) {
                String id = noteAt(e.getX(), e.getY());
                if (id != null) {
                    editNote(id);
                }
            }
        });
        setMinHeight(TimelineLayout.AXIS_HEIGHT + 60);
    }

    /** From the keyboard the menu is about the selected event's lane (else the first), in the middle of the view. */
    private void showMenuFromKeys() {
        int lane = vm.selectedLaneProperty().get();
        double y = vm.layout().lanes() == 0 ? getHeight() / 2 : vm.eventY(lane >= 0 && lane < vm.layout().lanes() ? lane : 0);
        javafx.geometry.Point2D at = localToScreen(getWidth() / 2, y);
        if (at != null) {
            showMenu(getWidth() / 2, y, at.getX(), at.getY());
        }
    }

    private void showMenu(double x, double y, double sx, double sy) {
        if (menu == null) {
            menu = new javafx.scene.control.ContextMenu();
        }
        menu.getItems().setAll(menuItems(x, y));
        menu.show(this, sx, sy);
    }

    /**
     * The hover tip goes into this layer (one that covers the whole window) so that it is never cut
     * at the timeline's edge; it is kept inside the layer.
     */
    public void setTipHost(javafx.scene.layout.Pane host) {
        getChildren().remove(tip);
        tipHost = host;
        host.getChildren().add(tip);
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
        TimelineLayout l = vm.layoutProperty().get();
        return l == null ? TimelineLayout.AXIS_HEIGHT + 120 : l.height() + 4;
    }

    @Override
    protected double computePrefWidth(double height) {
        return 800;
    }

    @Override
    protected void layoutChildren() {
        double w = snapSizeX(getWidth());
        double h = snapSizeY(getHeight());
        vm.viewHeightProperty().set(h);
        boolean over = vm.overflows() && w > LaneOverview.WIDTH * 3;
        if (over != overflow) {
            overflow = over;
            dirty = true;
        }
        double bar = over ? snapSizeX(Math.max(12, scrollBar.prefWidth(h))) : 0;
        double side = over ? LaneOverview.WIDTH : 0;
        double cw = Math.max(1, w - bar - side);
        scrollBar.setVisible(over);
        overview.setVisible(over);
        if (over) {
            scrollBar.resizeRelocate(w - bar, 0, bar, h);
            scrollBar.setMin(0);
            scrollBar.setMax(Math.max(0, vm.layout().height() - h));
            scrollBar.setVisibleAmount(h);
            scrollBar.setUnitIncrement(TimelineLayout.EVENT_ROW * 2);
            scrollBar.setBlockIncrement(Math.max(40, h - TimelineLayout.AXIS_HEIGHT - 20));
            scrollBar.setValue(vm.scrollYProperty().get());
            if (overview.getWidth() != side || overview.getHeight() != h) {
                overview.setWidth(side);
                overview.setHeight(h);
            }
            overview.relocate(cw, 0);
        }
        if (canvas.getWidth() != cw || canvas.getHeight() != h) {
            canvas.setWidth(cw);
            canvas.setHeight(h);
            overlay.setWidth(cw);
            overlay.setHeight(h);
            dirty = true;
            overlayDirty = true;
        }
        vm.setWidth(cw);
        tip.autosize();
        if (dirty && cw > 0 && h > 0) {
            draw(cw, h);
            if (over) {
                drawOverview(side, h);
            }
            dirty = false;
        }
        if (overlayDirty && cw > 0 && h > 0) {
            drawOverlay(cw, h);
            overlayDirty = false;
        }
    }

    private CanvasSurface surface(Canvas c, double w, double h) {
        if (widths.size() > 20_000) {
            widths.clear();
        }
        return new CanvasSurface(c.getGraphicsContext2D(), w, h, widths);
    }

    private void draw(double w, double h) {
        CanvasSurface surface = surface(canvas, w, h);
        TimelineScene scene = vm.sceneProperty().get();
        TimelineStyle style = style();
        if (scene == null || scene.lanes().isEmpty()) {
            surface.fillRect(0, 0, w, h, style.get(StyleKey.BACKGROUND));
            surface.text(Messages.get("timeline.empty"), 12, 24, FontSpec.LABEL, style.get(StyleKey.MUTED_TEXT), TextAlign.LEFT);
            vm.setHotspots(List.of());
            return;
        }
        renderer.render(surface, scene, vm.layout(), vm.scrollYProperty().get(), vm.scale(), style);
        vm.setHotspots(renderer.hotspots());
        frames++;
    }

    private void drawOverview(double w, double h) {
        TimelineScene scene = vm.sceneProperty().get();
        if (scene == null) {
            return;
        }
        LaneOverview.draw(surface(overview, w, h), scene, vm.layout(), vm.scrollYProperty().get(), h, style());
    }

    private void onOverview(MouseEvent e) {
        vm.scrollTo(LaneOverview.scrollFor(e.getY(), vm.layout(), overview.getHeight(), getHeight()));
        e.consume();
    }

    private void drawOverlay(double w, double h) {
        overlay.getGraphicsContext2D().clearRect(0, 0, w, h);
        TimelineScene scene = vm.sceneProperty().get();
        if (scene == null || scene.lanes().isEmpty()) {
            return;
        }
        CanvasSurface surface = surface(overlay, w, h);
        renderer.renderOverlay(surface, scene, vm.layout(), vm.scrollYProperty().get(), vm.scale(), style(), vm.overlay());
        String note = vm.selectedNoteProperty().get();
        for (TimelineRenderer.NoteBox b : renderer.noteBoxes()) {
            if (b.id().equals(note)) {
                // The note the keys move and delete, ringed as the selected event is.
                surface.strokeRect(b.x() - 2, b.y() - 2, b.w() + 4, b.h() + 4, style().get(StyleKey.SELECTION), 2);
            }
        }
        overlayFrames++;
    }

    /** Puts the tip beside the mouse, on whichever side keeps it inside the window (or the timeline, without a host). */
    private void placeTip(double x, double y) {
        tip.autosize();
        javafx.scene.layout.Region area = tipHost != null ? tipHost : this;
        javafx.geometry.Point2D p = tipHost != null ? tipHost.sceneToLocal(localToScene(x, y)) : new javafx.geometry.Point2D(x, y);
        if (p == null) {
            return;
        }
        double[] at = TipPlacement.place(p.getX(), p.getY(), tip.getWidth(), tip.getHeight(), area.getWidth(), area.getHeight());
        tip.relocate(at[0], at[1]);
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

    /** Width the lanes are drawn in (the view's, less the scroll bar and overview when they show). */
    public double lanesWidth() {
        return canvas.getWidth();
    }

    public Label tip() {
        return tip;
    }

    private void onScroll(ScrollEvent e) {
        // Shift+wheel (which some platforms report as a horizontal scroll) scrolls the lanes; the wheel zooms.
        double dy = e.getDeltaY() != 0 ? e.getDeltaY() : e.getDeltaX();
        if (dy == 0) {
            return;
        }
        if (e.isShiftDown() || e.getX() > canvas.getWidth()) {
            vm.scrollBy(-dy);
        } else if (e.getDeltaY() != 0) {
            vm.zoom(e.getDeltaY() > 0 ? 0.8 : 1.25, e.getX());
        }
        e.consume();
    }

    private void onPress(MouseEvent e) {
        requestFocus();
        if (menu != null) {
            menu.hide();
        }
        if (e.getX() > canvas.getWidth()) {
            return;
        }
        pressX = e.getX();
        dragX = e.getX();
        pressY = e.getY();
        if (e.getButton() == MouseButton.SECONDARY) {
            rightDown = true;
            rightDragged = false;
            banding = true;
            e.consume();
            return;
        }
        if (e.getButton() != MouseButton.PRIMARY) {
            pressX = Double.NaN;
            return;
        }
        draggedNote = noteAt(e.getX(), e.getY());
        vm.selectedNoteProperty().set(draggedNote);
        shifting = draggedNote == null && e.isAltDown();
        noting = draggedNote == null && e.isShortcutDown();
        measuringDrag = draggedNote == null && !shifting && !noting && vm.measuringProperty().get();
        banding = draggedNote == null && !shifting && !noting && !measuringDrag && e.isShiftDown();
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
            items.add(item(Messages.get("timeline.menu.edit-note"), () -> editNote(id)));
            items.add(item(Messages.get("timeline.menu.delete-note"), () -> vm.deleteNote(id)));
            items.add(new javafx.scene.control.SeparatorMenuItem());
        }
        items.add(item(Messages.get("timeline.menu.add-note"), () -> addNote(x, y)));
        if (vm.measureProperty().get() != null) {
            items.add(item(Messages.get("timeline.menu.measure-note"), vm::measureAsNote));
            items.add(commands.contextItem(Command.MEASURED_NOTE));
            items.add(commands.contextItem(Command.CLEAR));
        }
        items.add(commands.contextItem(Command.MEASURE));
        items.add(new javafx.scene.control.SeparatorMenuItem());
        for (Command c : java.util.List.of(Command.CRASH_WINDOWS, Command.FIT, Command.FOLD, Command.BACK, Command.FORWARD)) {
            items.add(commands.contextItem(c));
        }
        int lane = vm.laneAt(y);
        if (lane >= 0) {
            items.add(new javafx.scene.control.SeparatorMenuItem());
            items.add(item(vm.layout().collapsed(lane) ? Messages.get("timeline.menu.expand") : Messages.get("timeline.menu.collapse"), () -> vm.toggleCollapsed(lane)));
            items.add(item(Messages.get("timeline.menu.collapse-others"), () -> vm.collapseOthers(lane)));
        }
        if (!vm.collapsedLanes().isEmpty()) {
            items.add(item(Messages.get("timeline.menu.expand-all"), vm::expandAll));
        }
        return items;
    }

    /**
     * What the timeline's commands do. Zooming by key is about the mouse (the middle when it is
     * elsewhere), a note by key goes at the cursor on the lane under it.
     */
    private void bindCommands() {
        commands.bind(Command.FIT, vm::fit);
        commands.bind(Command.CRASH_WINDOWS, vm::crashWindows);
        commands.bind(Command.SAME_MOMENT, vm::sameMoment);
        commands.bindToggle(Command.FOLD, vm.foldedProperty());
        commands.bindToggle(Command.MEASURE, vm.measuringProperty());
        commands.bind(Command.ZOOM_IN, () -> vm.zoom(0.5, mouseXOrMiddle()));
        commands.bind(Command.ZOOM_OUT, () -> vm.zoom(2, mouseXOrMiddle()));
        commands.bind(Command.BACK, vm::back);
        commands.bind(Command.FORWARD, vm::forward);
        commands.disableWhen(Command.BACK, vm.canGoBackProperty().not());
        commands.disableWhen(Command.FORWARD, vm.canGoForwardProperty().not());
        commands.bind(Command.PREVIOUS_EVENT, () -> vm.selectAdjacent(-1));
        commands.bind(Command.NEXT_EVENT, () -> vm.selectAdjacent(1));
        commands.bind(Command.ADD_NOTE, () -> addNote(mouseXOrMiddle(), Double.isNaN(mouseY) ? vm.eventY(0) : mouseY));
        commands.bind(Command.RESET_SHIFTS, vm::resetShifts);
        commands.bind(Command.PAN_LEFT, () -> vm.pan(getWidth() / 8));
        commands.bind(Command.PAN_RIGHT, () -> vm.pan(-getWidth() / 8));
        commands.bind(Command.LANES_UP, () -> vm.scrollBy(-page()));
        commands.bind(Command.LANES_DOWN, () -> vm.scrollBy(page()));
        commands.bind(Command.DELETE_NOTE, vm::deleteSelectedNote);
        commands.bind(Command.PREVIOUS_LANE, () -> vm.selectLane(-1));
        commands.bind(Command.NEXT_LANE, () -> vm.selectLane(1));
        commands.bind(Command.MARK, vm::markSelected);
        commands.bind(Command.MEASURED_NOTE, () -> ask(faultline.ui.Messages.get("note.range.title"), vm.measureTextProperty().get()).ifPresent(vm::addMeasuredNote));
        commands.disableWhen(Command.MEASURED_NOTE, vm.measureProperty().isNull());
        commands.bind(Command.SHIFT_LANE_EARLIER, () -> vm.shiftSelectedLane(-1));
        commands.bind(Command.SHIFT_LANE_LATER, () -> vm.shiftSelectedLane(1));
        commands.bind(Command.PREVIOUS_NOTE, () -> vm.selectNote(-1));
        commands.bind(Command.NEXT_NOTE, () -> vm.selectNote(1));
        commands.bind(Command.NOTE_EARLIER, () -> vm.moveSelectedNote(-1));
        commands.bind(Command.NOTE_LATER, () -> vm.moveSelectedNote(1));
        for (Command c : List.of(Command.NOTE_EARLIER, Command.NOTE_LATER, Command.DELETE_NOTE)) {
            commands.disableWhen(c, vm.selectedNoteProperty().isNull());
        }
        commands.bind(Command.CLEAR, () -> {
            vm.band(Double.NaN, Double.NaN);
            banding = false;
            if (vm.measureProperty().get() != null || vm.markProperty().get() != null) {
                vm.clearMeasure();
            } else {
                vm.measuringProperty().set(false);
            }
        });
    }

    private static javafx.scene.control.MenuItem item(String text, Runnable r) {
        javafx.scene.control.MenuItem m = new javafx.scene.control.MenuItem(text);
        m.setMnemonicParsing(false);
        m.setOnAction(e -> r.run());
        return m;
    }

    private double mouseXOrMiddle() {
        return Double.isNaN(mouseX) ? getWidth() / 2 : mouseX;
    }

    private double page() {
        return Math.max(40, getHeight() - TimelineLayout.AXIS_HEIGHT - 20);
    }

    private void addNote(double x, double y) {
        ask(faultline.ui.Messages.get("note.add.title"), "").ifPresent(t -> vm.addPointNote(x, y, t));
    }

    private void editNote(String id) {
        ask(faultline.ui.Messages.get("notes.edit.title"), vm.noteText(id)).ifPresent(t -> vm.editNote(id, t));
    }

    /** A modal dialog takes the mouse without an exit event, so the hover tip is put away first. */
    private java.util.Optional<String> ask(String title, String initial) {
        vm.exit();
        return prompt.apply(title, initial);
    }

    /** Replaces how note texts are asked for (tests answer without a dialog). */
    public void setPrompt(java.util.function.BiFunction<String, String, java.util.Optional<String>> p) {
        prompt = p;
    }

    private java.util.Optional<String> askText(String title, String initial) {
        javafx.stage.Window owner = getScene() == null ? null : getScene().getWindow();
        return faultline.ui.notes.NoteDialog.create(owner, title, initial).showAndWait().filter(t -> !t.isBlank());
    }

    private void onDrag(MouseEvent e) {
        if (Double.isNaN(dragX)) {
            return;
        }
        if (draggedNote != null) {
            return; // moved on release, by the whole drag
        }
        if (rightDown && Math.abs(e.getX() - pressX) >= 3) {
            rightDragged = true;
        }
        if (banding || shifting || noting || measuringDrag) {
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
        if (rightDown) {
            rightDown = false;
            if (rightDragged) {
                vm.zoomTo(pressX, e.getX());
            } else {
                vm.band(Double.NaN, Double.NaN);
                if (pendingMenu != null) {
                    showMenu(pendingMenu[0], pendingMenu[1], pendingMenu[2], pendingMenu[3]);
                }
            }
            pendingMenu = null;
        } else if (draggedNote != null) {
            if (Math.abs(e.getX() - pressX) >= 3) {
                vm.moveNote(draggedNote, e.getX() - pressX);
            }
        } else if (noting) {
            vm.band(Double.NaN, Double.NaN);
            double from = pressX;
            double to = e.getX();
            double y = pressY;
            if (Math.abs(to - from) >= 3) {
                ask(faultline.ui.Messages.get("note.range.title"), "").ifPresent(t -> vm.addRangeNote(from, to, y, t));
            }
        } else if (shifting) {
            vm.band(Double.NaN, Double.NaN);
            vm.shiftLane(pressY, e.getX() - pressX);
        } else if (measuringDrag) {
            vm.band(Double.NaN, Double.NaN);
            vm.measure(pressX, pressY, e.getX(), e.getY());
        } else if (banding) {
            if (Math.abs(e.getX() - pressX) < 3 && e.isShiftDown()) {
                vm.band(Double.NaN, Double.NaN);
                vm.measureFromSelection(e.getX(), e.getY());
            } else {
                vm.zoomTo(pressX, e.getX());
            }
        } else if (Math.abs(e.getX() - pressX) < 3) {
            vm.click(e.getX(), e.getY());
        }
        pressX = Double.NaN;
        dragX = Double.NaN;
        banding = false;
        shifting = false;
        noting = false;
        measuringDrag = false;
        draggedNote = null;
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }
}
