package faultline.ui.sources;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RereadPaceTest {
    private static final long S = 1_000_000_000L;

    @Test
    void aLongReadIsFollowedByTwiceItsTimeOfQuiet() {
        RereadPace p = new RereadPace();
        assertTrue(p.mayStart(0));
        p.started(0);
        assertFalse(p.mayStart(3 * S), "one read at a time");
        p.finished(8 * S);
        assertFalse(p.mayStart(20 * S), "a read of 8 s leaves the window 16 s");
        assertFalse(p.mayStart(23 * S));
        assertTrue(p.mayStart(24 * S));
    }

    @Test
    void aSmallFileIsReadAtEveryLook() {
        RereadPace p = new RereadPace();
        p.started(10 * S);
        p.finished(10 * S + S / 10);
        assertTrue(p.mayStart(12 * S), "the next look, two seconds on");
    }

    @Test
    void anIdleOpenerWithoutAReadChangesNothing() {
        RereadPace p = new RereadPace();
        p.finished(5 * S);
        assertTrue(p.mayStart(5 * S));
    }
}
