package faultline.ui.timeline;

import faultline.model.DurationText;
import faultline.render.TimelineScene;
import faultline.ui.Messages;

/**
 * What the timeline says to a screen reader, which cannot see the canvas: the compared lanes with
 * their crashes, and the selected event written out as its tip writes it.
 */
final class TimelineSpeech {
    /** The keys that reach everything the mouse does on the timeline. */
    static final String HELP = Messages.get("speech.help");

    private TimelineSpeech() {
    }

    /**
     * The lanes and their crashes, then the selected event ({@code selected} as the tip writes it, or
     * empty when none is), the selected note's text (or null) and whether a measurement is being made
     * from a marked event.
     */
    static String text(TimelineScene scene, int selectedLane, String selected, String note, boolean marking) {
        if (scene == null || scene.lanes().isEmpty()) {
            return Messages.get("speech.empty");
        }
        int n = scene.lanes().size();
        StringBuilder sb = new StringBuilder(n == 1 ? Messages.format("speech.head.one", n, scene.anchorLabel())
                : Messages.format("speech.head", n, scene.anchorLabel()));
        for (int i = 0; i < n; i++) {
            TimelineScene.Lane l = scene.lanes().get(i);
            TimelineScene.CrashMark c = l.crash();
            String crash = c == null ? Messages.get("speech.no-crash")
                    : Messages.format("speech.crash", c.label(), scene.lineOrder() ? Messages.get("speech.crash.line") : DurationText.relative(c.at()));
            sb.append(' ').append(Messages.format("speech.lane", i + 1, l.title(), l.subtitle(), crash));
        }
        sb.append(' ');
        if (selected != null && !selected.isEmpty() && selectedLane >= 0 && selectedLane < n) {
            sb.append(Messages.format("speech.selected", selectedLane + 1, scene.lanes().get(selectedLane).title(),
                    selected.replace('\n', ' ').replaceAll(" {2,}", " ")));
        } else {
            sb.append(Messages.get("speech.selected.none"));
        }
        if (marking) {
            sb.append(' ').append(Messages.get("speech.mark"));
        }
        if (note != null) {
            sb.append(' ').append(Messages.format("speech.note", note.replace('\n', ' ')));
        }
        return sb.toString();
    }
}
