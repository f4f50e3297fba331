package faultline.ui.actions;

import faultline.ui.Messages;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.controlsfx.glyphfont.FontAwesome;

import java.util.List;

/**
 * Every command of the window, defined once: its text and what it does in a sentence (from the
 * messages), its icon, its keys, and where its keys work (anywhere in the window but a text field, or
 * on the timeline). The menus, the toolbars, the context menus, the keys and the shortcuts sheet are all made from this.
 */
public enum Command {
    OPEN(Group.FILE, FontAwesome.Glyph.FOLDER_OPEN, "Shortcut+O"),
    OPEN_SAMPLE(Group.FILE, null, null),
    OPEN_DATABASE(Group.FILE, FontAwesome.Glyph.DATABASE, "Shortcut+Shift+O"),
    RELOAD(Group.FILE, FontAwesome.Glyph.REFRESH, "Shortcut+R"),
    SAVE(Group.FILE, FontAwesome.Glyph.SAVE, "Shortcut+S"),
    SAVE_AS(Group.FILE, null, null),
    SAVE_SNAPSHOT(Group.FILE, null, null),
    EXPORT(Group.FILE, FontAwesome.Glyph.PICTURE_ALT, "Shortcut+E"),
    PARSE_REPORT(Group.FILE, null, null),
    SOURCES(Group.FILE, null, "Shortcut+Shift+S"),
    CANCEL(Group.FILE, FontAwesome.Glyph.STOP, null),
    QUIT(Group.FILE, null, "Shortcut+Q"),

    UNDO(Group.EDIT, FontAwesome.Glyph.UNDO, "Shortcut+Z"),
    REDO(Group.EDIT, FontAwesome.Glyph.REPEAT, "Shortcut+Shift+Z", "Shortcut+Y"),
    COPY_IMAGE(Group.EDIT, FontAwesome.Glyph.COPY, "Shortcut+Shift+C"),

    FIT(Group.VIEW, FontAwesome.Glyph.EXPAND, "F"),
    CRASH_WINDOWS(Group.VIEW, FontAwesome.Glyph.BOLT, "C"),
    SAME_MOMENT(Group.VIEW, FontAwesome.Glyph.HISTORY, "Shift+C"),
    FOLD(Group.VIEW, FontAwesome.Glyph.COMPRESS, "G"),
    ZOOM_IN(Group.VIEW, FontAwesome.Glyph.SEARCH_PLUS, "+", "=", "Shift+=", "Add"),
    ZOOM_OUT(Group.VIEW, FontAwesome.Glyph.SEARCH_MINUS, "-", "Subtract"),
    BACK(Group.VIEW, FontAwesome.Glyph.CHEVRON_LEFT, "Alt+Left"),
    FORWARD(Group.VIEW, FontAwesome.Glyph.CHEVRON_RIGHT, "Alt+Right"),
    PREVIOUS_EVENT(Group.VIEW, null, "["),
    NEXT_EVENT(Group.VIEW, null, "]"),
    MEASURE(Group.VIEW, FontAwesome.Glyph.CROSSHAIRS, "M"),
    ADD_NOTE(Group.VIEW, FontAwesome.Glyph.COMMENT_ALT, "N"),
    RESET_SHIFTS(Group.VIEW, null, null),
    FOLLOW(Group.VIEW, FontAwesome.Glyph.EYE, "Shortcut+Shift+F"),
    DARK_THEME(Group.VIEW, null, null),

    PAN_LEFT(Group.TIMELINE, null, "Left"),
    PAN_RIGHT(Group.TIMELINE, null, "Right"),
    LANES_UP(Group.TIMELINE, null, "Page Up"),
    LANES_DOWN(Group.TIMELINE, null, "Page Down"),
    PREVIOUS_LANE(Group.TIMELINE, null, "Up"),
    NEXT_LANE(Group.TIMELINE, null, "Down"),
    MARK(Group.TIMELINE, null, "Enter"),
    MEASURED_NOTE(Group.TIMELINE, null, "Shift+N"),
    SHIFT_LANE_EARLIER(Group.TIMELINE, null, "Alt+Shift+Left"),
    SHIFT_LANE_LATER(Group.TIMELINE, null, "Alt+Shift+Right"),
    PREVIOUS_NOTE(Group.TIMELINE, null, "Comma"),
    NEXT_NOTE(Group.TIMELINE, null, "Period"),
    NOTE_EARLIER(Group.TIMELINE, null, "Shift+Left"),
    NOTE_LATER(Group.TIMELINE, null, "Shift+Right"),
    DELETE_NOTE(Group.TIMELINE, FontAwesome.Glyph.TRASH, "Delete", "Backspace"),
    CLEAR(Group.TIMELINE, null, "Esc"),

    SHORTCUTS(Group.HELP, FontAwesome.Glyph.KEYBOARD_ALT, "F1", "?"),
    OPEN_LOG_FOLDER(Group.HELP, FontAwesome.Glyph.FOLDER_ALT, null);

    /** Where a command is listed in the shortcuts sheet; the timeline's keys work while it has the focus. */
    public enum Group {
        FILE, EDIT, VIEW, TIMELINE, HELP;

        /** Its heading in the shortcuts sheet. */
        public final String title;
        /** The menu's name with its mnemonic (Alt+F opens File), or null for a group that is no menu. */
        public final String menuTitle;

        Group() {
            this.title = Messages.get("group." + name());
            this.menuTitle = Messages.has("group." + name() + ".menu") ? Messages.get("group." + name() + ".menu") : null;
        }
    }

    public final Group group;
    /** Its name as buttons, tooltips and the shortcuts sheet write it. */
    public final String text;
    /** Where in {@link #text} its menu mnemonic is (the letter Alt or the menu's own key picks), or -1. */
    public final int mnemonic;
    public final String longText;
    public final FontAwesome.Glyph glyph;
    /** The key shown in menus and the sheet, or null. */
    public final KeyCombination key;
    /** Every key that runs the command (the shown one first); a typed character is one element, "?". */
    public final List<Keys> keys;

    /** Its name and what it does come from the messages, under command.NAME and command.NAME.what. */
    Command(Group group, FontAwesome.Glyph glyph, String key, String... more) {
        String text = Messages.get("command." + name());
        this.group = group;
        this.mnemonic = text.indexOf('_');
        this.text = text.replace("_", "");
        this.longText = Messages.get("command." + name() + ".what");
        this.glyph = glyph;
        java.util.List<Keys> all = new java.util.ArrayList<>();
        if (key != null) {
            all.add(Keys.of(key));
        }
        for (String k : more) {
            all.add(Keys.of(k));
        }
        this.keys = List.copyOf(all);
        this.key = all.isEmpty() ? null : all.get(0).shown();
    }

    /**
     * A name as a menu writes it with this command's mnemonic: the letter marked where the name still
     * begins as the command's own (Undo's name grows with what it undoes); an underscore of the name
     * itself is kept as written.
     */
    public String menuText(String shown) {
        String literal = shown.replace("_", "__");
        if (mnemonic < 0 || !shown.startsWith(text.substring(0, mnemonic + 1))) {
            return literal;
        }
        return literal.substring(0, mnemonic) + "_" + literal.substring(mnemonic);
    }

    /** Whether its keys work only while the timeline has the focus. */
    public boolean onTimeline() {
        return group == Group.TIMELINE;
    }

    /**
     * One way to press a command: a key combination, or a typed character (for "?", whatever key the
     * keyboard layout puts it on).
     */
    public record Keys(KeyCombination pressed, String typed, KeyCombination shown) {
        static Keys of(String spec) {
            if (spec.equals("?")) {
                return new Keys(null, spec, new javafx.scene.input.KeyCharacterCombination(spec));
            }
            if (spec.equals("+")) {
                return new Keys(new KeyCodeCombination(KeyCode.PLUS, KeyCombination.SHIFT_ANY), null,
                        new javafx.scene.input.KeyCharacterCombination(spec));
            }
            if (spec.equals("-")) {
                KeyCombination k = new KeyCodeCombination(KeyCode.MINUS);
                return new Keys(k, null, k);
            }
            if (spec.equals("=")) {
                KeyCombination k = new KeyCodeCombination(KeyCode.EQUALS);
                return new Keys(k, null, k);
            }
            if (spec.equals("[") || spec.equals("]")) {
                KeyCombination k = new KeyCodeCombination(spec.equals("[") ? KeyCode.OPEN_BRACKET : KeyCode.CLOSE_BRACKET);
                return new Keys(k, null, k);
            }
            KeyCombination k = KeyCombination.valueOf(spec);
            return new Keys(k, null, k);
        }

        /** Whether a key press is this one (a typed character matches its KEY_TYPED event instead). */
        public boolean matches(javafx.scene.input.KeyEvent e) {
            if (typed != null) {
                return e.getEventType() == javafx.scene.input.KeyEvent.KEY_TYPED && typed.equals(e.getCharacter());
            }
            return e.getEventType() == javafx.scene.input.KeyEvent.KEY_PRESSED && pressed.match(e);
        }

        /** How the sheet writes it. */
        public String text() {
            return typed != null ? typed : shown.getDisplayText();
        }
    }
}
