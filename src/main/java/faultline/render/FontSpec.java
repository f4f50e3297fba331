package faultline.render;

/** Font request in points; the surface picks a concrete face (sans or monospaced). */
public record FontSpec(double size, boolean bold, boolean mono) {
    public static final FontSpec LABEL = new FontSpec(11, false, false);
    public static final FontSpec TITLE = new FontSpec(12, true, false);
    public static final FontSpec SMALL = new FontSpec(10, false, false);
    public static final FontSpec MONO = new FontSpec(11, false, true);
}
