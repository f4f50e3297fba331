package faultline.analysis;

import faultline.text.Prose;

import faultline.model.Crash;
import faultline.model.EventStore;
import faultline.model.LaneAnchor;

import java.util.Optional;

/**
 * The one definition of a crash's moment, used by the timeline, the report and the export alike:
 * the failure itself when its line has a time of its own, else the last line of evidence before it.
 * A failure line stamped coarsely (to the second, to the millisecond) still has a time: the moment
 * is the earliest its window and the file order allow (never before the last evidence), and the
 * window up to its end is the span in which the failure can lie.
 */
public final class CrashAnchor {
    /** What a crash's moment is, in words. */
    public static final String MOMENT = Prose.get("anchor.moment");
    /** What the shading around it means. */
    public static final String SPAN = Prose.get("anchor.span");
    /** The rule in words, for captions and reports. */
    public static final String RULE = Prose.format("anchor.rule.crash", MOMENT, SPAN);

    private CrashAnchor() {
    }

    public static Optional<LaneAnchor> of(Crash c, EventStore store) {
        if (c == null) {
            return Optional.empty();
        }
        long evidence = c.lastEvidence() >= 0 ? store.nanos(c.lastEvidence()) : Long.MIN_VALUE;
        if (c.firstSignal() >= 0 && (!store.estimated(c.firstSignal()) || evidence == Long.MIN_VALUE)) {
            long latest = Math.max(c.signalEarliest(), c.signalLatest());
            long at = Math.min(Math.max(c.signalEarliest(), evidence), latest);
            return Optional.of(new LaneAnchor(LaneAnchor.Kind.FAILURE, at, latest));
        }
        if (evidence != Long.MIN_VALUE) {
            long latest = c.firstSignal() >= 0 ? Math.max(evidence, c.signalLatest()) : evidence;
            return Optional.of(new LaneAnchor(LaneAnchor.Kind.LAST_EVIDENCE, evidence, latest));
        }
        return Optional.empty();
    }
}
