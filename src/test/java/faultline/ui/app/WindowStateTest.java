package faultline.ui.app;

import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A window put back where it was saved, made to fit the screen it comes back on. */
class WindowStateTest {
    private static final Rectangle2D SMALL = new Rectangle2D(0, 0, 1280, 720);

    @Test
    void aWindowSavedOnALargerScreenComesBackNoLargerThanThisOneAndWhollyOnIt() {
        assertEquals(new Rectangle2D(0, 0, 1280, 720), WindowState.fit(new Rectangle2D(100, 50, 1600, 1000), SMALL));
        assertEquals(new Rectangle2D(280, 220, 1000, 500), WindowState.fit(new Rectangle2D(900, 600, 1000, 500), SMALL),
                "moved back so its far corner is on the screen");
    }

    @Test
    void aWindowThatFitsStaysWhereItWas() {
        assertEquals(new Rectangle2D(40, 30, 800, 600), WindowState.fit(new Rectangle2D(40, 30, 800, 600), SMALL));
        Rectangle2D right = new Rectangle2D(1920, 0, 1280, 1024);
        assertEquals(new Rectangle2D(2000, 10, 1000, 900), WindowState.fit(new Rectangle2D(2000, 10, 1000, 900), right),
                "on a second screen to the right");
    }

    @Test
    void aTinyWindowSavedOnceIsNotPutBackForEver() {
        assertFalse(WindowState.worthRestoring(200, 200), "a window manager's first 200×200 is not a user's choice");
        assertFalse(WindowState.worthRestoring(-1, -1), "nothing saved");
        assertTrue(WindowState.worthRestoring(1280, 720));
        assertTrue(WindowState.worthRestoring(WindowState.MIN_WIDTH, WindowState.MIN_HEIGHT));
    }

    @Test
    void aFirstWindowAsLargeAsItsScreenIsMaximisedAndASmallerOneIsNot() {
        assertTrue(WindowState.fillsScreen(1280, 720, SMALL), "the scene is the whole screen: its title bar would not fit");
        assertTrue(WindowState.fillsScreen(1600, 1000, new Rectangle2D(0, 0, 1600, 1000)));
        assertTrue(WindowState.fillsScreen(1600, 1000, new Rectangle2D(0, 0, 1680, 1050)), "a 1,050-pixel screen leaves no room for the decorations");
        assertFalse(WindowState.fillsScreen(1600, 1000, new Rectangle2D(0, 0, 1920, 1080)), "a 1080p screen holds the window with its title bar");
    }
}
