package faultline.ui.actions;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CommandMnemonicsTest {
    /** Letters of the menus' items that are no command: File ▸ Open Recent, View ▸ Align On, Help ▸ About Faultline. */
    private static final Map<Command.Group, String> OTHERS = Map.of(Command.Group.FILE, "r", Command.Group.VIEW, "o", Command.Group.HELP, "a");

    @Test
    void everyMenuCommandHasALetterOfItsOwnInItsMenu() {
        Map<String, Command> seen = new HashMap<>();
        for (Command c : Command.values()) {
            if (c.group.menuTitle == null) {
                continue;
            }
            assertTrue(c.mnemonic >= 0, c + " has a mnemonic");
            String letter = String.valueOf(Character.toLowerCase(c.text.charAt(c.mnemonic)));
            assertTrue(Character.isLetterOrDigit(letter.charAt(0)), c + ": " + letter);
            assertTrue(!OTHERS.getOrDefault(c.group, "").contains(letter), c + " takes the letter of another item: " + letter);
            Command before = seen.put(c.group + letter, c);
            assertNull(before, c + " and " + before + " share " + letter);
        }
        List<Character> menus = List.of(Command.Group.FILE, Command.Group.EDIT, Command.Group.VIEW, Command.Group.HELP).stream()
                .map(g -> Character.toLowerCase(g.menuTitle.charAt(g.menuTitle.indexOf('_') + 1))).distinct().toList();
        assertEquals(4, menus.size(), "the four menus open with four letters: " + menus);
    }

    @Test
    void theMenuMarksTheLetterAndKeepsUnderscoresOfTheNameAsWritten() {
        assertEquals("Reset Lane _Shifts", Command.RESET_SHIFTS.menuText(Command.RESET_SHIFTS.text));
        assertEquals("Reset Lane Shifts", Command.RESET_SHIFTS.text, "buttons and the sheet show no underscore");
        // Undo's name grows with what it takes back, which may hold an underscore of its own.
        assertEquals("_Undo note on task__78cd", Command.UNDO.menuText("Undo note on task_78cd"));
        // A name that no longer begins as the command's gets no letter rather than a wrong one.
        assertEquals("Something__else", Command.FORWARD.menuText("Something_else"));
        assertNotNull(Command.Group.TIMELINE.title);
        assertNull(Command.Group.TIMELINE.menuTitle, "the timeline's keys are no menu");
    }
}
