package faultline.text;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The prose file holds exactly the words the command line, the picture and the analysis ask for. */
class ProseTest {

    @Test
    void everyKeyAskedForIsThere() throws IOException {
        Properties bundle = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/faultline/text/words.properties"), StandardCharsets.UTF_8)) {
            bundle.load(r);
        }
        Set<String> used = ProseKeys.used();
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(bundle.stringPropertyNames());
        // Keys never asked for are looked for with the window's, which share the file.
        assertTrue(missing.isEmpty(), "asked for but not in words.properties: " + missing);
    }

    @Test
    void aQuoteComesOutOnceWhetherTheWordsAreFilledInOrNot() throws IOException {
        assertEquals(java.util.List.of(), faultline.BundleQuotes.wronglyQuoted("Prose", Path.of("src/main/resources/faultline/text/words.properties")));
        assertEquals("aligned on crash: T = each lane's failure line, else the last line before it", Prose.get("axis.rule.crash"));
    }

    @Test
    void aSentenceIsFilledInWithItsPluralAndItsQuotesAndALeadingSpaceIsKept() {
        assertEquals("It was raised while handling 1 earlier exception (KeyError).", Prose.format("caveat.while-handling", 1, "KeyError"));
        assertEquals("It was raised while handling 2 earlier exceptions (KeyError, ValueError).",
                Prose.format("caveat.while-handling", 2, "KeyError, ValueError"));
        assertEquals("after 'Getting old value', before 'Assigning new value'", Prose.format("placement.between", "Getting old value", "Assigning new value"));
        assertEquals(" (ended by the failure)", Prose.get("report.ended-by-failure"));
        assertTrue(Prose.get("cli.usage").startsWith("usage: faultline ") && Prose.get("cli.usage").contains("\n       faultline stats FILE…"));
    }
}
