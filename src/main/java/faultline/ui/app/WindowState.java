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

    static void restore(Stage s, Preferences p) {
        double w = p.getDouble("w", -1);
        double h = p.getDouble("h", -1);
        if (w < 200 || h < 200) {
            return;
        }
        double x = p.getDouble("x", 0);
        double y = p.getDouble("y", 0);
        if (Screen.getScreensForRectangle(new Rectangle2D(x, y, w, h)).isEmpty()) {
            return;
        }
        s.setX(x);
        s.setY(y);
        s.setWidth(w);
        s.setHeight(h);
        s.setMaximized(p.getBoolean("maximized", false));
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
