package faultline.ui.actions;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import org.controlsfx.glyphfont.FontAwesome;

import java.util.List;

/**
 * Every command of the window, defined once: its text, what it does in a sentence, its icon, its
 * keys, and where its keys work (anywhere in the window but a text field, or on the timeline). The
 * menus, the toolbars, the context menus, the keys and the shortcuts sheet are all made from this.
 */
public enum Command {
    OPEN(Group.FILE, "_Open…", "Open worker logs and system_logs exports", FontAwesome.Glyph.FOLDER_OPEN, "Shortcut+O"),
    OPEN_SAMPLE(Group.FILE, "Open Bundled Sam_ple", "The two failures the sample was made from", null, null),
    OPEN_DATABASE(Group.FILE, "Open _Database…", "Fetch failures and their rows from the worker system's Postgres", FontAwesome.Glyph.DATABASE, "Shortcut+Shift+O"),
    RELOAD(Group.FILE, "Re_load", "Read the files again and fetch again from the database, keeping the view", FontAwesome.Glyph.REFRESH, "Shortcut+R"),
    SAVE(Group.FILE, "_Save Workspace", "Save sources, compared tasks, alignment, view and notes (saved on every change anyway)", FontAwesome.Glyph.SAVE, "Shortcut+S"),
    SAVE_AS(Group.FILE, "Save Workspace _As…", "A workspace file to share, with the sources beside it relative to it", null, null),
    SAVE_SNAPSHOT(Group.FILE, "Save S_napshot…", "Keep the fetched rows as JSON lines before the database deletes them", null, null),
    EXPORT(Group.FILE, "_Export Image…", "The timeline or the window as PNG or SVG, with title, legend, notes and caption", FontAwesome.Glyph.PICTURE_ALT, "Shortcut+E"),
    PARSE_REPORT(Group.FILE, "Parse Repor_t…", "What each file was read as, and the lines not understood", null, null),
    SOURCES(Group.FILE, "So_urces…", "Format, time zone, clock offset and date of each open file", null, "Shortcut+Shift+S"),
    CANCEL(Group.FILE, "_Cancel", "Stop the import; the files open before stay", FontAwesome.Glyph.STOP, null),
    QUIT(Group.FILE, "_Quit", "Save what is not saved yet and close the window", null, "Shortcut+Q"),

    UNDO(Group.EDIT, "_Undo", "Take back the last change of notes, lane shifts or alignment", FontAwesome.Glyph.UNDO, "Shortcut+Z"),
    REDO(Group.EDIT, "_Redo", "Do again what was taken back", FontAwesome.Glyph.REPEAT, "Shortcut+Shift+Z", "Shortcut+Y"),
    COPY_IMAGE(Group.EDIT, "_Copy Image", "The timeline picture (1600 px) on the clipboard", FontAwesome.Glyph.COPY, "Shortcut+Shift+C"),

    FIT(Group.VIEW, "_Fit All", "Show every compared task's whole life", FontAwesome.Glyph.EXPAND, "F"),
    CRASH_WINDOWS(Group.VIEW, "Crash _Windows", "Zoom every lane to its crash window", FontAwesome.Glyph.BOLT, "C"),
    SAME_MOMENT(Group.VIEW, "Same Mom_ent", "Wall clock: what every lane did at the first lane's crash", FontAwesome.Glyph.HISTORY, "Shift+C"),
    FOLD(Group.VIEW, "Fold Idle _Gaps", "Fold stretches where no lane logs anything into breaks of the axis", FontAwesome.Glyph.COMPRESS, "G"),
    ZOOM_IN(Group.VIEW, "Zoom _In", "Twice as close, about the mouse", FontAwesome.Glyph.SEARCH_PLUS, "+", "=", "Shift+=", "Add"),
    ZOOM_OUT(Group.VIEW, "Zoom Ou_t", "Twice as far, about the mouse", FontAwesome.Glyph.SEARCH_MINUS, "-", "Subtract"),
    BACK(Group.VIEW, "_Back", "Back to the previous view", FontAwesome.Glyph.CHEVRON_LEFT, "Alt+Left"),
    FORWARD(Group.VIEW, "Fo_rward", "Forward to the next view", FontAwesome.Glyph.CHEVRON_RIGHT, "Alt+Right"),
    PREVIOUS_EVENT(Group.VIEW, "_Previous Event", "The event before the selected one, in its lane", null, "["),
    NEXT_EVENT(Group.VIEW, "_Next Event", "The event after the selected one, in its lane", null, "]"),
    MEASURE(Group.VIEW, "_Measure", "Drag from one event to another for the exact Δ; Shift+click measures from the selected event", FontAwesome.Glyph.CROSSHAIRS, "M"),
    ADD_NOTE(Group.VIEW, "_Add Note…", "A note at the cursor, on the lane under it", FontAwesome.Glyph.COMMENT_ALT, "N"),
    RESET_SHIFTS(Group.VIEW, "Reset Lane _Shifts", "Undo every Alt+drag shift of a lane", null, null),
    FOLLOW(Group.VIEW, "Fo_llow", "Keep reading the files and the database as they grow", FontAwesome.Glyph.EYE, "Shortcut+Shift+F"),
    DARK_THEME(Group.VIEW, "_Dark Theme", "Light text on dark panels", null, null),

    PAN_LEFT(Group.TIMELINE, "Pan Left", "An eighth of the view to the left", null, "Left"),
    PAN_RIGHT(Group.TIMELINE, "Pan Right", "An eighth of the view to the right", null, "Right"),
    LANES_UP(Group.TIMELINE, "Lanes Up", "Scroll the lanes up by a page", null, "Page Up"),
    LANES_DOWN(Group.TIMELINE, "Lanes Down", "Scroll the lanes down by a page", null, "Page Down"),
    DELETE_NOTE(Group.TIMELINE, "_Delete Note", "The note last clicked on the timeline", FontAwesome.Glyph.TRASH, "Delete", "Backspace"),
    CLEAR(Group.TIMELINE, "C_lear Measurement", "Clear the measurement or the rubber band; again: stop measuring", null, "Esc"),

    SHORTCUTS(Group.HELP, "_Keyboard Shortcuts", "Every key of the window", FontAwesome.Glyph.KEYBOARD_ALT, "F1", "?"),
    OPEN_LOG_FOLDER(Group.HELP, "Open _Log Folder", "Where Faultline writes its own log (what went wrong, and how long things took)", FontAwesome.Glyph.FOLDER_ALT, null);

    /** Where a command is listed in the shortcuts sheet; the timeline's keys work while it has the focus. */
    public enum Group {
        FILE("File", "_File"), EDIT("Edit", "_Edit"), VIEW("View (anywhere but a text field)", "_View"), TIMELINE("On the timeline", null),
        HELP("Help", "_Help");

        public final String title;
        /** The menu's name with its mnemonic (Alt+F opens File), or null for a group that is no menu. */
        public final String menuTitle;

        Group(String title, String menuTitle) {
            this.title = title;
            this.menuTitle = menuTitle;
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

    Command(Group group, String text, String longText, FontAwesome.Glyph glyph, String key, String... more) {
        this.group = group;
        this.mnemonic = text.indexOf('_');
        this.text = text.replace("_", "");
        this.longText = longText;
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
