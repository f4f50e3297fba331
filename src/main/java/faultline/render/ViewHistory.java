package faultline.render;

import java.util.ArrayList;
import java.util.List;

/** Back and forward through the views a user went to (fit, crash windows, rubber band, zoom steps). */
public final class ViewHistory<V> {
    static final int MAX = 100;
    private final List<V> views = new ArrayList<>();
    private int at = -1;

    /** A new view: forward history is dropped. */
    public void push(V view) {
        if (at >= 0 && views.get(at).equals(view)) {
            return;
        }
        while (views.size() > at + 1) {
            views.remove(views.size() - 1);
        }
        views.add(view);
        if (views.size() > MAX) {
            views.remove(0);
        }
        at = views.size() - 1;
    }

    public boolean canGoBack() {
        return at > 0;
    }

    public boolean canGoForward() {
        return at >= 0 && at < views.size() - 1;
    }

    public V back() {
        if (!canGoBack()) {
            return null;
        }
        return views.get(--at);
    }

    public V forward() {
        if (!canGoForward()) {
            return null;
        }
        return views.get(++at);
    }

    public void clear() {
        views.clear();
        at = -1;
    }
}
