package faultline;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The core layers stay free of JavaFX so that they run headless and are tested without a toolkit. */
class ArchitectureTest {
    private static final List<String> CORE = List.of("model", "importer", "analysis", "workspace", "render", "text");
    private static final Path MAIN = Path.of("src/main/java/faultline");

    @Test
    void coreLayersDoNotUseJavafx() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String layer : CORE) {
            Path dir = MAIN.resolve(layer);
            assertTrue(Files.isDirectory(dir), "missing layer " + dir);
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    String text = Files.readString(f);
                    if (text.contains("import javafx") || text.matches("(?s).*\\bjavafx\\.[a-z]+\\.[A-Za-z].*")) {
                        offenders.add(MAIN.relativize(f).toString());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "javafx used in a core layer");
    }

    @Test
    void modelDependsOnNoOtherLayer() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN.resolve("model"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(f);
                for (String other : List.of("importer", "analysis", "workspace", "render", "export", "ui", "cli")) {
                    if (text.contains("import faultline." + other + ".")) {
                        offenders.add(f.getFileName() + " → " + other);
                    }
                }
            }
        }
        assertEquals(List.of(), offenders);
    }
}
