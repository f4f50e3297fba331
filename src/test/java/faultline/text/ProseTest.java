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

    @Test
    void theModelsNamesComeFromTheFileInTheirEnglishAndAlignIsStillReadByItsEnglishWords() {
        assertEquals("In Progress", faultline.model.TaskStatus.IN_PROGRESS.label());
        assertEquals("?", faultline.model.TaskStatus.UNKNOWN.label());
        assertEquals("progress-bar overwrite (\\r) collapsed", faultline.model.ParseReport.Repair.CARRIAGE_RETURN.label());
        assertEquals("LoRA download", faultline.model.PhaseKind.LORA_DOWNLOAD.label());
        assertEquals("system_logs (text rendering)", faultline.model.SourceFormat.SYSTEM_LOGS_TEXT.label());
        assertEquals("no 'loop start' line · T = its first line",
                faultline.model.LaneAnchor.at(faultline.model.LaneAnchor.Kind.FIRST_LINE, 0).note(faultline.model.Anchor.LOOP_START));
        assertEquals(faultline.model.Anchor.GENERATION_START, faultline.model.Anchor.parse("generation start"));
        assertEquals(faultline.model.Anchor.WALL_CLOCK, faultline.model.Anchor.parse("wall-clock"));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> faultline.model.Anchor.parse("noon"));
        assertEquals("unknown anchor 'noon' (crash, wall-clock, created, claimed, generation-start, loop-start)", e.getMessage());
    }

    @Test
    void countsInTheReadersMessagesAreWrittenAsTheyWereWithoutThousandsSeparators() {
        assertEquals("the file changed while it was read (1234567 → 12345678 bytes); what was read is shown",
                Prose.format("import.changed.size", 1_234_567L, 12_345_678L));
        assertEquals("lines without a year: year taken from the file's name (2026)", Prose.format("dates.no-year", "the file's name", 2026));
        assertEquals("line of 20480 KiB cut to its first 1024 KiB", Prose.format("import.line-cut", 20480L, 1024));
    }
}
