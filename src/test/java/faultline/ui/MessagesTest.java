package faultline.ui;

import faultline.ui.actions.Command;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The words file holds exactly the words the code asks for, so that a translation is that one file. */
class MessagesTest {
    /** A key written out whole; keys made from a name (command.OPEN) are added below. */
    private static final Pattern USE = Pattern.compile("Messages\\.(?:get|format|has)\\(\"([^\"]+)\"\\s*[,)]");

    @Test
    void everyKeyTheCodeAsksForIsThereAndEveryKeyThereIsAskedFor() throws IOException {
        Properties bundle = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/faultline/text/words.properties"), StandardCharsets.UTF_8)) {
            bundle.load(r);
        }
        Set<String> used = new TreeSet<>();
        try (Stream<Path> all = Files.walk(Path.of("src/main/java"))) {
            for (Path p : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = USE.matcher(Files.readString(p));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        // The words outside the window are in the same file.
        Set<String> prose = faultline.text.ProseKeys.used();
        // The commands and the menus take theirs by name.
        for (Command c : Command.values()) {
            used.add("command." + c.name());
            used.add("command." + c.name() + ".what");
        }
        for (Command.Group g : Command.Group.values()) {
            used.add("group." + g.name());
            if (g.menuTitle != null) {
                used.add("group." + g.name() + ".menu");
            }
        }
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(bundle.stringPropertyNames());
        used.addAll(prose);
        assertTrue(missing.isEmpty(), "asked for but not in words.properties: " + missing);
        Set<String> unused = new TreeSet<>(bundle.stringPropertyNames());
        unused.removeAll(used);
        assertTrue(unused.isEmpty(), "in words.properties but never asked for: " + unused);
    }

    @Test
    void aQuoteComesOutOnceWhetherTheWordsAreFilledInOrNot() throws IOException {
        assertEquals(java.util.List.of(), faultline.BundleQuotes.wronglyQuoted("Messages", Path.of("src/main/resources/faultline/text/words.properties")));
    }

    @Test
    void aMessageIsFilledInAndReadAsUnicode() {
        assertEquals("Undo move of a note", Messages.format("command.UNDO.named", "move of a note"));
        assertEquals("Open…", Command.OPEN.text, "the ellipsis is read as written");
        assertEquals("Faultline 1.2\nA timeline visualizer for task failures of a GPU worker fleet", Messages.format("about.header", "1.2"));
    }
}
