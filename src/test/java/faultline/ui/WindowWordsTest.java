package faultline.ui;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The window's words are in the messages, not in the code, so that a translation is one file: a
 * scan of the window's code finds English written inline, whether as a label, a text set on a control or
 * a sentence built for the status bar.
 */
class WindowWordsTest {
    private static final Path UI = Path.of("src/main/java/faultline/ui");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** Two words, or a phrase: what a sentence or a label of several words has. */
    private static final Pattern PROSE = Pattern.compile("[A-Za-z]{2,}[ ,;:’']+[A-Za-z]{2,}");
    /** One word that a sentence is built on: "Exporting " + name, "Reading…". */
    private static final Pattern WORD_OF_A_SENTENCE = Pattern.compile("^[A-Z][a-z]{2,}(?: |…|: )");
    /** One word handed to a control as its text. */
    private static final Pattern CONTROL_TEXT = Pattern.compile("(?:new (?:Label|Button|CheckBox|Tab|Menu|MenuItem|CheckMenuItem|RadioMenuItem"
            + "|TableColumn<[^>]*>|TreeTableColumn<[^>]*>|TableColumn|TreeTableColumn|Tooltip|ToggleButton|Hyperlink|TitledPane)"
            + "|\\.set(?:Text|Title|HeaderText|ContentText|PromptText|AccessibleText|AccessibleHelp|AccessibleRoleDescription))"
            + "\\(\"[^\"]*[A-Za-z]{2,}");
    /** Lines whose text is for the app log or the code, not for the user. */
    private static final Pattern NOT_SHOWN = Pattern.compile("LOG\\.|System\\.getLogger|Pattern\\.compile|getResource|PseudoClass|"
            + "\\.job\\(\"|new Thread\\(|daemon\\(|getStyleClass|setId\\(|lookup\\(|getProperty\\(|getBoolean\\(|"
            // The terminal's diagnostics, read by the benchmarks and scripts, are English like the app log.
            + "System\\.(?:out|err)\\.|DateTimeFormatter");
    /**
     * What stays inline (besides the name Faultline), by file, with why: examples in the format the field wants (a URL, a worker
     * id, a time), which read the same in every language.
     */
    private static final Map<String, List<String>> ALLOWED = Map.of(
            "database/DatabaseDialog.java", List.of("postgresql://user@host:5432/database"),
            // Key names as KeyCombination reads them, not as the sheet shows them.
            "actions/Command.java", List.of("Page Up", "Page Down"));

    @Test
    void noEnglishIsWrittenInlineInTheWindowsCode() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> all = Files.walk(UI)) {
            for (Path p : all.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String name = UI.relativize(p).toString().replace('\\', '/');
                List<String> allowed = ALLOWED.getOrDefault(name, List.of());
                boolean inComment = false;
                boolean inNotShown = false;
                int n = 0;
                for (String line : Files.readAllLines(p)) {
                    n++;
                    String code = line.strip();
                    if (inComment || code.startsWith("/*")) {
                        inComment = !code.contains("*/");
                        continue;
                    }
                    if (code.startsWith("//") || code.startsWith("*")) {
                        continue;
                    }
                    if (inNotShown || NOT_SHOWN.matcher(code).find()) {
                        // A statement for the app log may go on over several lines.
                        inNotShown = !code.endsWith(";") && !code.endsWith("{");
                        continue;
                    }
                    int comment = code.indexOf("// ");
                    if (comment >= 0 && code.lastIndexOf('"', comment) < 0) {
                        code = code.substring(0, comment);
                    }
                    // A property's name is for the code; its first value may be words.
                    code = code.replaceAll("\\(this, \"[^\"]*\"", "(this");
                    Matcher m = LITERAL.matcher(code);
                    while (m.find()) {
                        String text = m.group(1);
                        if (!allowed.contains(text) && !text.startsWith("Faultline ")
                                && (PROSE.matcher(text).find() || WORD_OF_A_SENTENCE.matcher(text).find())) {
                            found.add(name + ":" + n + " \"" + text + "\"");
                        }
                    }
                    Matcher c = CONTROL_TEXT.matcher(code);
                    while (c.find()) {
                        found.add(name + ":" + n + " " + c.group());
                    }
                }
            }
        }
        assertEquals(List.of(), found, "words written inline instead of in faultline/text/words.properties (" + found.size() + ")");
    }
}
