package faultline.ui;

import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;

/**
 * A control's tooltip made when the pointer first comes over it, and reused after: a tooltip is a popup
 * window with a scene of its own, and table and list cells that made one on every update spent most of a
 * full list's first layout (and of each scroll) making windows nobody looked at.
 */
public final class HoverTip {
    private static final Object KEY = HoverTip.class;

    private final Control owner;
    private String text;
    private Tooltip tip;

    private HoverTip(Control owner) {
        this.owner = owner;
        owner.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> install());
    }

    /** The text the control's tooltip shows from now on; null: no tooltip. */
    public static void set(Control c, String text) {
        HoverTip h = (HoverTip) c.getProperties().get(KEY);
        if (h == null) {
            if (text == null) {
                return;
            }
            h = new HoverTip(c);
            c.getProperties().put(KEY, h);
        }
        h.text = text;
        if (h.tip != null) {
            h.install();
        }
    }

    /** The text set last, or null (tests). */
    public static String text(Control c) {
        HoverTip h = (HoverTip) c.getProperties().get(KEY);
        return h == null ? null : h.text;
    }

    private void install() {
        if (text == null) {
            owner.setTooltip(null);
            return;
        }
        if (tip == null) {
            tip = new Tooltip();
        }
        tip.setText(text);
        if (owner.getTooltip() != tip) {
            owner.setTooltip(tip);
        }
    }
}
