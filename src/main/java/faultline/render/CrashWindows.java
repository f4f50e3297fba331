package faultline.render;

/**
 * The view that C shows and an export without a window draws: every lane's crash from its last
 * evidence to the end of the span the failure can lie in, with context before it.
 */
public final class CrashWindows {
    /** Never narrower than this, so that a crash known to the nanosecond still shows its neighbours. */
    static final long MIN_SPAN = 200_000L;

    private CrashWindows() {
    }

    /** The crash windows of the lanes (only lane `onlyLane` if ≥ 0), or a fit of everything when no lane crashed. */
    public static Viewport view(TimelineScene s, int onlyLane, double width) {
        long from = Long.MAX_VALUE;
        long to = Long.MIN_VALUE;
        long widest = 0;
        for (int i = 0; i < s.lanes().size(); i++) {
            TimelineScene.CrashMark c = s.lanes().get(i).crash();
            if (c != null && (onlyLane < 0 || i == onlyLane)) {
                from = Math.min(from, Math.min(c.lastEvidence(), c.at()));
                to = Math.max(to, Math.max(c.latest(), c.at()));
                widest = Math.max(widest, Math.max(c.latest(), c.at()) - Math.min(c.lastEvidence(), c.at()));
            }
        }
        if (from == Long.MAX_VALUE) {
            return Viewport.fit(s.first(), s.last(), width, 0.02);
        }
        long span = Math.max(widest, MIN_SPAN);
        long a = from - span * 3 / 2;
        long b = to + span / 2;
        return new Viewport(a, b - a, width);
    }

    /** Whether any lane has a crash. */
    public static boolean any(TimelineScene s) {
        return s.lanes().stream().anyMatch(l -> l.crash() != null);
    }
}
