package faultline.importer.merge;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A line's task type is read where the worker writes it, the first of its forms in the line, as the pattern the forms spell says. */
class TaskTypeTest {
    private static final Pattern FORMS = Pattern.compile("Found task of type: (\\w+)|Processing (\\w+) task\\b|\\(type=(\\w+)|task_type='(\\w+)'");

    @Test
    void readsEachFormAndTheFirstOfSeveral() {
        assertEquals("inpaint_frames", TaskFacts.typeIn("[CLAIM] Claimed task 84b0 (type=inpaint_frames, segment_index=1)"));
        assertEquals("travel_segment", TaskFacts.typeIn("HEADLESS: Processing travel_segment task"));
        assertEquals("magic_edit", TaskFacts.typeIn("Found task of type: magic_edit, id 7"));
        assertEquals("join_clips", TaskFacts.typeIn("row task_type='join_clips' (type=other"));
        assertEquals(null, TaskFacts.typeIn("LOOP [1/20]: Processing param='prompt', value_type=int"));
        assertEquals(null, TaskFacts.typeIn("Processing travel_segment tasks"));
        assertEquals("b", TaskFacts.typeIn("Processing a tasks then Processing b task"));
    }

    @Test
    void agreesWithThePatternOfTheForms() {
        List<String> lines = List.of("", "(type=", "(type=x", "task_type='x", "task_type='x'", "Processing  task", "Processing x task_y",
                "Processing x task.", "Found task of type: ", "a (type=1 Processing q task", "Processing ünï task", "x task_type='' (type=z",
                "Processing Processing a task", "(type=(type=b");
        for (String line : lines) {
            Matcher m = FORMS.matcher(line);
            String want = null;
            if (m.find()) {
                want = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            }
            assertEquals(want, TaskFacts.typeIn(line), line);
        }
    }
}
