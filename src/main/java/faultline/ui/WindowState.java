package faultline.ui;

import faultline.workspace.RecentFiles;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

import java.util.prefs.Preferences;

/** Window position and size, saved on close and restored only where a screen still shows them. */
final class WindowState {
    private WindowState() {
    }

    static void save(Stage s) {
        Preferences p = RecentFiles.defaultNode().node("window");
        p.putDouble("x", s.getX());
        p.putDouble("y", s.getY());
        p.putDouble("w", s.getWidth());
        p.putDouble("h", s.getHeight());
        p.putBoolean("maximized", s.isMaximized());
    }

    static void restore(Stage s) {
        Preferences p = RecentFiles.defaultNode().node("window");
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
}
