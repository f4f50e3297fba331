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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The prose file holds exactly the words the command line, the picture and the analysis ask for. */
class ProseTest {
    private static final Pattern USE = Pattern.compile("Prose\\.(?:get|format)\\(\"([^\"]+)\"\\s*[,)]");

    @Test
    void everyKeyAskedForIsThereAndEveryKeyThereIsAskedFor() throws IOException {
        Properties bundle = new Properties();
        try (Reader r = Files.newBufferedReader(Path.of("src/main/resources/faultline/text/prose.properties"), StandardCharsets.UTF_8)) {
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
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(bundle.stringPropertyNames());
        assertTrue(missing.isEmpty(), "asked for but not in prose.properties: " + missing);
        Set<String> unused = new TreeSet<>(bundle.stringPropertyNames());
        unused.removeAll(used);
        assertTrue(unused.isEmpty(), "in prose.properties but never asked for: " + unused);
    }

    @Test
    void aQuoteComesOutOnceWhetherTheWordsAreFilledInOrNot() throws IOException {
        assertEquals(java.util.List.of(), faultline.BundleQuotes.wronglyQuoted("Prose", Path.of("src/main/resources/faultline/text/prose.properties")));
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
