package faultline.render;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToDoubleBiFunction;

/**
 * Widths of the texts a surface has measured, kept between frames: the timeline measures the same
 * labels (and their shortened forms, found by halving) on every redraw, and a font's measurement costs
 * microseconds where a look-up costs nanoseconds. Bounded: when full it starts again.
 */
public final class TextWidths {
    private static final int LIMIT = 8192;

    private record Key(String text, FontSpec font) {
    }

    private final Map<Key, Double> widths = new HashMap<>();
    private final ToDoubleBiFunction<String, FontSpec> measure;

    /** @param measure the surface's own measurement, asked once per text and font */
    public TextWidths(ToDoubleBiFunction<String, FontSpec> measure) {
        this.measure = measure;
    }

    public double of(String text, FontSpec font) {
        Key k = new Key(text, font);
        Double w = widths.get(k);
        if (w == null) {
            if (widths.size() >= LIMIT) {
                widths.clear();
            }
            w = measure.applyAsDouble(text, font);
            widths.put(k, w);
        }
        return w;
    }
}
