package faultline.text;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The keys the code outside the window asks {@link Prose} for, as written in the sources. */
public final class ProseKeys {
    private static final Pattern USE = Pattern.compile("Prose\\.(?:get|format)\\(\"([^\"]+)\"\\s*[,)]");

    private ProseKeys() {
    }

    public static Set<String> used() throws IOException {
        Set<String> used = new TreeSet<>();
        try (Stream<Path> all = Files.walk(Path.of("src/main/java"))) {
            for (Path p : all.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = USE.matcher(Files.readString(p));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        return used;
    }
}
