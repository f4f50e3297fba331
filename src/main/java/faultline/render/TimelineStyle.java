package faultline.render;

import java.util.EnumMap;
import java.util.Map;

/** The colours of one rendering. */
public final class TimelineStyle {
    private final Map<StyleKey, Rgba> colours;

    public TimelineStyle(Map<StyleKey, Rgba> colours) {
        this.colours = new EnumMap<>(StyleKey.class);
        for (StyleKey k : StyleKey.values()) {
            this.colours.put(k, colours.getOrDefault(k, Rgba.hex(k.lightDefault())));
        }
    }

    public static TimelineStyle light() {
        return new TimelineStyle(Map.of());
    }

    public Rgba get(StyleKey k) {
        return colours.get(k);
    }
}
