package faultline.render;

import org.junit.jupiter.api.Test;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void translucentFillsBlendAsJava2dWouldInsideTheClip() {
        Rgba grey = new Rgba(120, 130, 140, 0.35);
        Java2dSurface s = new Java2dSurface(40, 20, 1);
        s.fillRect(0, 0, 40, 20, new Rgba(250, 245, 240, 1));
        s.fillRect(10, 0, 10, 20, BLUE);
        s.fillRect(30, 0, 10, 10, new Rgba(0, 200, 0, 0.5)); // translucent over nothing, then over it again
        s.pushClip(0, 5, 25, 10);
        s.fillRect(5, 0, 30, 20, grey);
        s.popClip();
        s.fillRect(30, 0, 10, 10, new Rgba(0, 200, 0, 0.5));

        BufferedImage want = new BufferedImage(40, 20, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = want.createGraphics();
        g.setComposite(AlphaComposite.SrcOver);
        g.setColor(new Color(250, 245, 240));
        g.fillRect(0, 0, 40, 20);
        g.setColor(Color.BLUE);
        g.fillRect(10, 0, 10, 20);
        g.setColor(new Color(0, 200, 0, 128));
        g.fillRect(30, 0, 10, 10);
        g.setClip(0, 5, 25, 10);
        g.setColor(new Color(120, 130, 140, 89));
        g.fillRect(5, 0, 30, 20);
        g.setClip(null);
        g.setColor(new Color(0, 200, 0, 128));
        g.fillRect(30, 0, 10, 10);
        g.dispose();
        for (int y = 0; y < 20; y++) {
            for (int x = 0; x < 40; x++) {
                int a = s.image().getRGB(x, y);
                int b = want.getRGB(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    int d = Math.abs(((a >>> shift) & 0xFF) - ((b >>> shift) & 0xFF));
                    assertTrue(d <= 1, String.format("pixel %d,%d: %08x where Java2D makes %08x", x, y, a, b));
                }
            }
        }
        assertEquals(s.image().getRGB(2, 10), want.getRGB(2, 10), "left of the band: untouched");
        assertTrue(s.image().getRGB(7, 10) != s.image().getRGB(7, 2), "the band is clipped to the rows asked for");
    }

    @Test
    void pixelLinesFillTheirColumnAndRow() {
        Java2dSurface s = new Java2dSurface(20, 20, 1);
        s.line(5.5, 2, 5.5, 12, RED, 1);
        s.line(0, 15.5, 10, 15.5, BLUE, 1);
        s.dashedLine(8.5, 0, 8.5, 20, RED, 1, 4);
        assertEquals(0xFFFF0000, s.image().getRGB(5, 2));
        assertEquals(0xFFFF0000, s.image().getRGB(5, 11));
        assertEquals(0, s.image().getRGB(5, 12), "the line ends where it was asked to");
        assertEquals(0, s.image().getRGB(4, 6), "one pixel wide");
        assertEquals(0, s.image().getRGB(6, 6), "one pixel wide");
        assertEquals(0xFF0000FF, s.image().getRGB(0, 15));
        assertEquals(0xFF0000FF, s.image().getRGB(9, 15));
        assertEquals(0, s.image().getRGB(10, 15));
        assertEquals(0xFFFF0000, s.image().getRGB(8, 0), "a dash");
        assertEquals(0xFFFF0000, s.image().getRGB(8, 3), "a dash");
        assertEquals(0, s.image().getRGB(8, 4), "the gap after it");
        assertEquals(0xFFFF0000, s.image().getRGB(8, 8), "the next dash");
    }

    @Test
    void aTranslucentPixelLineIsBlendedLikeATranslucentFill() {
        Rgba half = new Rgba(255, 0, 0, 0.5);
        Java2dSurface s = new Java2dSurface(10, 10, 1);
        s.fillRect(0, 0, 10, 10, BLUE);
        s.line(3.5, 0, 3.5, 10, half, 1);
        s.fillRect(6, 0, 1, 10, half);
        assertEquals(s.image().getRGB(6, 5), s.image().getRGB(3, 5), "the same pixels as the rectangle it covers");
        assertTrue(s.image().getRGB(3, 5) != 0xFF0000FF && s.image().getRGB(3, 5) != 0xFFFF0000, "blended, not painted over");
        assertEquals(0xFF0000FF, s.image().getRGB(4, 5), "one pixel wide");
    }
}
