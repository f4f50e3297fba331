package faultline.ui.app;

import faultline.workspace.RecentFiles;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * The app's settings over {@link java.util.prefs}: the theme, the recent files (a node of their own),
 * the window's place and size, the panes' dividers and the last database URL. Tests give it a node
 * of their own and remove it after.
 */
public final class Settings {
    private static final System.Logger LOG = System.getLogger("faultline.ui.settings");
    static final String THEME = "theme";
    static final String DATABASE_URL = "database.url";

    private final Preferences root;
    private final RecentFiles recent;
    private final BooleanProperty dark = new SimpleBooleanProperty(this, "dark");

    public Settings(Preferences root) {
        this.root = root;
        this.recent = new RecentFiles(moveRecentFiles(root));
        dark.set("dark".equals(root.get(THEME, "light")));
        dark.addListener((o, a, b) -> {
            if (!forNow) {
                root.put(THEME, b ? "dark" : "light");
            }
            forNow = false;
        });
    }

    /** The app's own node ({@code -Dfaultline.prefs.node} names another, for tests). */
    public static Settings ofUser() {
        return new Settings(Preferences.userRoot().node(System.getProperty("faultline.prefs.node", "faultline")));
    }

    /** Recent files kept by an older Faultline among the app's settings go to their own node. */
    private static Preferences moveRecentFiles(Preferences root) {
        Preferences node = root.node("recent");
        try {
            for (String k : root.keys()) {
                if (k.startsWith("recent.")) {
                    if (node.get(k, null) == null) {
                        node.put(k, root.get(k, ""));
                    }
                    root.remove(k);
                }
            }
        } catch (BackingStoreException e) {
            LOG.log(System.Logger.Level.WARNING, "settings could not be read", e);
        }
        return node;
    }

    /** Set by --dark: the dark theme for this run, the saved choice left as it is. */
    private boolean forNow;

    public void darkForNow() {
        if (!dark.get()) {
            forNow = true;
            dark.set(true);
        }
    }

    public BooleanProperty darkProperty() {
        return dark;
    }

    public RecentFiles recent() {
        return recent;
    }

    public Preferences window() {
        return root.node("window");
    }

    public Preferences panes() {
        return root.node("panes");
    }

    public String databaseUrl() {
        return root.get(DATABASE_URL, "");
    }

    /** The last database URL, without its password (the caller strips it). */
    public void setDatabaseUrl(String url) {
        root.put(DATABASE_URL, url);
    }

    /** Writes the settings to the disk now (quit, and a shutdown hook that cannot wait for the preferences' own timer). */
    public void flush() {
        try {
            root.flush();
        } catch (BackingStoreException | IllegalStateException e) {
            LOG.log(System.Logger.Level.WARNING, "settings not written", e);
        }
    }

    /** The node itself (tests remove it). */
    public Preferences node() {
        return root;
    }
}
