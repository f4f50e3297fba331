package faultline.ui.timeline;

import faultline.model.DurationText;
import faultline.render.TimelineScene;

/**
 * What the timeline says to a screen reader, which cannot see the canvas: the compared lanes with
 * their crashes, and the selected event written out as its tip writes it.
 */
final class TimelineSpeech {
    /** The keys that reach everything the mouse does on the timeline. */
    static final String HELP = "Left and Right pan, plus and minus zoom, [ and ] step from event to event in the lane, "
            + "F fits all, C zooms to the crash windows, G folds idle gaps, M measures, N adds a note, "
            + "Page Up and Page Down scroll the lanes, Shift+F10 opens the lane menu, F1 lists every key.";

    private TimelineSpeech() {
    }

    /**
     * The lanes and their crashes, then the selected event ({@code selected} as the tip writes it, or
     * empty when none is).
     */
    static String text(TimelineScene scene, int selectedLane, String selected) {
        if (scene == null || scene.lanes().isEmpty()) {
            return "Timeline: no tasks compared. Tick the ⇄ box of tasks in the task list to compare them.";
        }
        StringBuilder sb = new StringBuilder("Timeline of ").append(scene.lanes().size())
                .append(scene.lanes().size() == 1 ? " task" : " compared tasks").append(", aligned on ").append(scene.anchorLabel()).append(". ");
        for (int i = 0; i < scene.lanes().size(); i++) {
            TimelineScene.Lane l = scene.lanes().get(i);
            sb.append("Lane ").append(i + 1).append(", ").append(l.title()).append(": ").append(l.subtitle()).append("; ");
            TimelineScene.CrashMark c = l.crash();
            sb.append(c == null ? "no crash" : "crash " + c.label() + " at " + (scene.lineOrder() ? "its line" : DurationText.relative(c.at())));
            sb.append(". ");
        }
        if (selected != null && !selected.isEmpty() && selectedLane >= 0 && selectedLane < scene.lanes().size()) {
            sb.append("Selected event in lane ").append(selectedLane + 1).append(", ").append(scene.lanes().get(selectedLane).title())
                    .append(": ").append(selected.replace('\n', ' ').replaceAll(" {2,}", " ")).append('.');
        } else {
            sb.append("No event selected.");
        }
        return sb.toString();
    }
}
