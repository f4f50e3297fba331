package faultline.ui.actions;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.event.EventType;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Window;
import org.controlsfx.control.action.Action;
import org.controlsfx.control.action.ActionUtils;
import org.controlsfx.glyphfont.Glyph;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The window's commands as ControlsFX {@link Action}s, one per {@link Command}, and what makes their
 * keys work: a key filter on the window runs a command from wherever the focus is, except while the
 * key is typed into a text field; the timeline hands its own keys here. A command nobody has bound
 * is disabled.
 */
public final class Commands {
    private final Map<Command, Action> actions = new EnumMap<>(Command.class);
    private final Map<Command, Runnable> runs = new EnumMap<>(Command.class);
    private final Set<Command> toggles = EnumSet.noneOf(Command.class);
    /** Set while a key typed into a text field is dispatched: a menu's accelerator for it must not run its command. */
    private boolean typing;

    public Commands() {
        for (Command c : Command.values()) {
            Action a = new Action(c.text, e -> {
                if (!typing) {
                    Runnable r = runs.get(c);
                    if (r != null) {
                        r.run();
                    }
                }
            });
            // The tooltip of its buttons: what it does and its key.
            a.setLongText(c.keys.isEmpty() ? c.longText : c.longText + " (" + c.keys.get(0).text() + ")");
            a.setAccelerator(c.key);
            if (c.glyph != null) {
                Glyph g = new Glyph("FontAwesome", c.glyph);
                g.getStyleClass().add("command-glyph");
                a.setGraphic(g);
            }
            a.setDisabled(true);
            actions.put(c, a);
        }
    }

    public Action action(Command c) {
        return actions.get(c);
    }

    /** What the command does; it is enabled from now on (unless {@link #disableWhen} says otherwise). */
    public void bind(Command c, Runnable r) {
        runs.put(c, r);
        Action a = actions.get(c);
        if (!a.disabledProperty().isBound()) {
            a.setDisabled(false);
        }
    }

    /** A command that switches something on and off: its check item, toggle button and key all switch this one state. */
    public void bindToggle(Command c, BooleanProperty state) {
        toggles.add(c);
        Action a = actions.get(c);
        a.selectedProperty().bindBidirectional(state);
        if (!a.disabledProperty().isBound()) {
            a.setDisabled(false);
        }
    }

    public void disableWhen(Command c, ObservableBooleanValue disabled) {
        actions.get(c).disabledProperty().bind(disabled);
    }

    /** Runs a command as its key does (a toggle switches). */
    public void execute(Command c) {
        Action a = actions.get(c);
        if (a.isDisabled()) {
            return;
        }
        if (toggles.contains(c)) {
            a.setSelected(!a.isSelected());
        } else {
            Runnable r = runs.get(c);
            if (r != null) {
                r.run();
            }
        }
    }

    public List<Command> all() {
        return List.of(Command.values());
    }

    /**
     * The window's keys: a command's key runs it wherever the focus is, but not while typing into a text
     * field. Returns what takes them off again.
     */
    public Runnable install(Window window) {
        javafx.event.EventHandler<KeyEvent> filter = e -> onKey(window.getScene(), e);
        window.addEventFilter(KeyEvent.ANY, filter);
        return () -> window.removeEventFilter(KeyEvent.ANY, filter);
    }

    private void onKey(Scene scene, KeyEvent e) {
        EventType<KeyEvent> type = e.getEventType();
        if (type == KeyEvent.KEY_RELEASED) {
            return;
        }
        Node focus = scene == null ? null : scene.getFocusOwner();
        boolean inText = focus instanceof TextInputControl t && t.isEditable() && !t.isDisabled();
        if (inText && (type == KeyEvent.KEY_TYPED || typesInto(e))) {
            if (type == KeyEvent.KEY_PRESSED) {
                typing = true;
                Platform.runLater(() -> typing = false);
            }
            return;
        }
        Command c = matching(e, false);
        if (c != null) {
            execute(c);
            e.consume();
        }
    }

    /** Whether a text field does something with this key: a character, moving or deleting in the text, its own undo or clipboard. */
    static boolean typesInto(KeyEvent e) {
        KeyCode k = e.getCode();
        if (e.isShortcutDown() || e.isControlDown() || e.isMetaDown()) {
            if (e.isShiftDown()) {
                // With Shift only its redo and selecting by words or to the ends; Ctrl+Shift+C is the window's.
                return switch (k) {
                    case Z, LEFT, RIGHT, HOME, END -> true;
                    default -> false;
                };
            }
            return switch (k) {
                case Z, Y, A, C, X, V, LEFT, RIGHT, HOME, END, BACK_SPACE, DELETE -> true;
                default -> false;
            };
        }
        return !e.isAltDown() && !k.isFunctionKey();
    }

    /** The timeline's own keys (panning, scrolling the lanes, deleting a note, Esc): true when one ran. */
    public boolean handleOnTimeline(KeyEvent e) {
        Command c = matching(e, true);
        if (c == null) {
            return false;
        }
        execute(c);
        return true;
    }

    private Command matching(KeyEvent e, boolean timeline) {
        for (Command c : Command.values()) {
            if (c.onTimeline() != timeline) {
                continue;
            }
            for (Command.Keys k : c.keys) {
                if (k.matches(e)) {
                    return c;
                }
            }
        }
        return null;
    }

    public MenuItem menuItem(Command c) {
        MenuItem m = toggles.contains(c) ? ActionUtils.createCheckMenuItem(actions.get(c)) : ActionUtils.createMenuItem(actions.get(c));
        Action a = actions.get(c);
        m.textProperty().unbind();
        m.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> c.menuText(a.getText()), a.textProperty()));
        m.setMnemonicParsing(true);
        m.setId("menu-" + c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        return m;
    }

    /**
     * A menu item for the timeline's context menu. A timeline key shows in the text, not as an
     * accelerator: an accelerator would work anywhere in the window, where Delete means something else.
     */
    public MenuItem contextItem(Command c) {
        MenuItem m = menuItem(c);
        if (c.onTimeline() && c.key != null) {
            m.acceleratorProperty().unbind();
            m.setAccelerator(null);
            m.textProperty().unbind();
            Action a = actions.get(c);
            m.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                    () -> c.menuText(a.getText()) + "  (" + c.keys.get(0).text().replace("_", "__") + ")", a.textProperty()));
        }
        return m;
    }

    public Button button(Command c, ActionUtils.ActionTextBehavior text) {
        Button b = ActionUtils.createButton(actions.get(c), text);
        b.setFocusTraversable(false);
        speaks(b, c);
        return b;
    }

    public ToggleButton toggleButton(Command c, ActionUtils.ActionTextBehavior text) {
        ToggleButton b = ActionUtils.createToggleButton(actions.get(c), text);
        b.setFocusTraversable(false);
        speaks(b, c);
        return b;
    }

    /** A button shown as its icon alone still has its name and what it does for a screen reader. */
    private void speaks(javafx.scene.control.ButtonBase b, Command c) {
        Action a = actions.get(c);
        b.accessibleTextProperty().bind(a.textProperty());
        b.setAccessibleHelp(a.getLongText());
    }
}
