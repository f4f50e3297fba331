package faultline;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A quote in a words file is written once where the code takes the words as they are, and twice where
 * it fills them in (MessageFormat reads a single quote as the start of a quoted part and drops it): a
 * word like "lane's" must come out with one quote either way.
 */
public final class BundleQuotes {
    private static final Pattern LONE = Pattern.compile("(?<!')'(?!')");

    private BundleQuotes() {
    }

    /** Keys whose quotes are written for the other use, e.g. "Messages" with faultline/text/words.properties. */
    public static List<String> wronglyQuoted(String reader, Path file) throws IOException {
        Properties words = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            words.load(r);
        }
        Pattern get = Pattern.compile(reader + "\\.get\\(\"([^\"]+)\"");
        Pattern format = Pattern.compile(reader + "\\.format\\(\"([^\"]+)\"");
        List<String> out = new ArrayList<>();
        try (Stream<Path> all = Files.walk(Path.of("src/main/java"))) {
            for (Path p : all.filter(f -> f.toString().endsWith(".java")).toList()) {
                String code = Files.readString(p);
                Matcher g = get.matcher(code);
                while (g.find()) {
                    if (words.getProperty(g.group(1), "").contains("''")) {
                        out.add(g.group(1) + " is taken as it is but has a doubled quote");
                    }
                }
                Matcher f = format.matcher(code);
                while (f.find()) {
                    if (LONE.matcher(words.getProperty(f.group(1), "")).find()) {
                        out.add(f.group(1) + " is filled in but has a single quote, which would be dropped");
                    }
                }
            }
        }
        return out;
    }
}
