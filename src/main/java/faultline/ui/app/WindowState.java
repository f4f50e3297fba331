package faultline.ui.app;

import javafx.geometry.Rectangle2D;
import javafx.scene.control.SplitPane;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.prefs.Preferences;

/**
 * The window's place and size, and the panes' dividers the user moved: saved on quit, restored only
 * where a screen still shows the window.
 */
final class WindowState {
    private WindowState() {
    }

    static void save(Stage s, Preferences p) {
        if (s.getWidth() < 200 || s.getHeight() < 200 || Double.isNaN(s.getWidth())) {
            return;
        }
        p.putDouble("x", s.getX());
        p.putDouble("y", s.getY());
        p.putDouble("w", s.getWidth());
        p.putDouble("h", s.getHeight());
        p.putBoolean("maximized", s.isMaximized());
    }

    /** The smallest window that still shows its panes; a smaller one saved (a window manager's first guess) is not put back. */
    static final double MIN_WIDTH = 640;
    static final double MIN_HEIGHT = 400;

    static void restore(Stage s, Preferences p) {
        s.setMinWidth(MIN_WIDTH);
        s.setMinHeight(MIN_HEIGHT);
        double w = p.getDouble("w", -1);
        double h = p.getDouble("h", -1);
        if (!worthRestoring(w, h)) {
            return;
        }
        double x = p.getDouble("x", 0);
        double y = p.getDouble("y", 0);
        var screens = Screen.getScreensForRectangle(new Rectangle2D(x, y, w, h));
        if (screens.isEmpty()) {
            return;
        }
        Rectangle2D r = fit(new Rectangle2D(x, y, w, h), screens.get(0).getVisualBounds());
        s.setX(r.getMinX());
        s.setY(r.getMinY());
        s.setWidth(r.getWidth());
        s.setHeight(r.getHeight());
        s.setMaximized(p.getBoolean("maximized", false));
    }

    /**
     * Once shown, the window is given the size it was meant to have when the window manager gave it
     * less: JavaFX 21's GTK glass can leave a new window at the window manager's first guess
     * (JDK-8316423, fixed in JavaFX 22), which would then be saved and come back every time.
     */
    static void keepSize(Stage s, double width, double height) {
        if (s.isMaximized() || s.isFullScreen()) {
            return;
        }
        if (s.getWidth() < width - 1 || s.getHeight() < height - 1) {
            s.setWidth(width);
            s.setHeight(height);
        }
    }

    /** Room a window manager's title bar and borders take beside a window's scene. */
    static final double DECORATION_WIDTH = 40, DECORATION_HEIGHT = 80;

    /** Whether a scene of this size, with its window's decorations, would not fit on the screen. */
    static boolean fillsScreen(double sceneWidth, double sceneHeight, Rectangle2D screen) {
        return sceneWidth + DECORATION_WIDTH > screen.getWidth() || sceneHeight + DECORATION_HEIGHT > screen.getHeight();
    }

    /** Whether a saved size is one a user chose: anything smaller than the window's minimum came from elsewhere. */
    static boolean worthRestoring(double w, double h) {
        return w >= MIN_WIDTH && h >= MIN_HEIGHT;
    }

    /**
     * The saved place made to fit the screen it is on now: a window saved on a larger screen (or at
     * another resolution) comes back no larger than this one, and wholly on it.
     */
    static Rectangle2D fit(Rectangle2D saved, Rectangle2D screen) {
        double w = Math.min(saved.getWidth(), screen.getWidth());
        double h = Math.min(saved.getHeight(), screen.getHeight());
        double x = Math.max(screen.getMinX(), Math.min(saved.getMinX(), screen.getMaxX() - w));
        double y = Math.max(screen.getMinY(), Math.min(saved.getMinY(), screen.getMaxY() - h));
        return new Rectangle2D(x, y, w, h);
    }

    /** The dividers of a split pane, under a name (only those the user moved are saved). */
    static void saveDividers(SplitPane split, String name, Preferences p) {
        double[] d = split.getDividerPositions();
        StringBuilder sb = new StringBuilder();
        for (double v : d) {
            sb.append(sb.isEmpty() ? "" : ",").append(v);
        }
        p.put(name, sb.toString());
    }

    /** Saved divider positions of a split, or null. */
    static double[] dividers(String name, int count, Preferences p) {
        String v = p.get(name, null);
        if (v == null) {
            return null;
        }
        String[] parts = v.split(",");
        if (parts.length != count) {
            return null;
        }
        double[] out = new double[count];
        try {
            for (int i = 0; i < count; i++) {
                out[i] = Double.parseDouble(parts[i]);
                if (!(out[i] > 0.05 && out[i] < 0.95)) {
                    return null;
                }
            }
        } catch (NumberFormatException e) {
            return null;
        }
        return out;
    }

    static void forget(String name, Preferences p) {
        p.remove(name);
    }
}
