package faultline.render;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The export's surface fills exactly the pixels asked for, in the colour asked for, however the fills alternate. */
class Java2dSurfaceTest {
    private static final Rgba RED = new Rgba(255, 0, 0, 1);
    private static final Rgba BLUE = new Rgba(0, 0, 255, 1);

    @Test
    void wholePixelRectanglesCoverExactlyTheirPixels() {
        Java2dSurface s = new Java2dSurface(20, 20, 1);
        s.fillRect(2, 3, 4, 5, RED);
        s.fillRect(10, 10, 2, 2, BLUE);
        s.fillRect(14, 10, 2, 2, RED);
        assertEquals(0xFFFF0000, s.image().getRGB(2, 3));
        assertEquals(0xFFFF0000, s.image().getRGB(5, 7));
        assertEquals(0, s.image().getRGB(6, 3), "right of the rectangle");
        assertEquals(0, s.image().getRGB(2, 8), "below it");
        assertEquals(0xFF0000FF, s.image().getRGB(11, 11));
        assertEquals(0xFFFF0000, s.image().getRGB(14, 10), "a colour set again after another");
    }

    @Test
    void scaledAndFractionalRectanglesStillFill() {
        Java2dSurface s = new Java2dSurface(20, 20, 2);
        s.fillRect(1, 1, 2, 2, BLUE);
        assertEquals(0xFF0000FF, s.image().getRGB(2, 2));
        assertEquals(0xFF0000FF, s.image().getRGB(5, 5));
        assertEquals(0, s.image().getRGB(6, 6));
        s.fillRect(10.5, 1, 1.5, 2, RED);
        assertEquals(0xFFFF0000, s.image().getRGB(22, 3));
    }
}
