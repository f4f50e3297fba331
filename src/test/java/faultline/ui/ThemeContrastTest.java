package faultline.ui;

import faultline.render.StyleKey;
import javafx.scene.paint.Color;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Text of both themes is readable: every text colour of a component's stylesheet, on every surface it
 * can sit on, and every text the timeline draws on its canvas, has a contrast of at least 4.5:1 (WCAG
 * 2 relative luminance). The colours are read from the stylesheets themselves: Modena's root, then
 * theme.css, then dark.css for the dark theme.
 */
class ThemeContrastTest {
    private static final Path SHEETS = Path.of("src/main/resources/faultline/ui");
    private static final Pattern RULE = Pattern.compile("([^{}]+)\\{([^{}]*)}");
    private static final Pattern DECLARATION = Pattern.compile("(-[\\w-]+)\\s*:\\s*([^;]+);");
    private static final Pattern DERIVE = Pattern.compile("derive\\(\\s*(-[\\w-]+)\\s*,\\s*(-?[\\d.]+)%\\s*\\)");
    private static final Set<String> TEXT = Set.of("-fx-text-fill", "-fx-fill", "-fx-text-background-color", "-fx-prompt-text-fill");
    /** What any text of a panel, a list or a dialog may sit on. */
    private static final List<String> SURFACES = List.of("-fl-panel-bg", "-fx-background", "-fx-control-inner-background");
    /** What the timeline's renderer writes on what (looked-up names of theme.css). */
    private static final Map<String, List<String>> CANVAS = Map.of(
            "-fl-tl-axis-text", List.of("-fl-tl-background"),
            "-fl-tl-muted-text", List.of("-fl-tl-background", "-fl-tl-lane-background", "-fl-tl-lane-alt-background"),
            "-fl-tl-title", List.of("-fl-tl-lane-background", "-fl-tl-lane-alt-background"),
            "-fl-tl-note", List.of("-fl-tl-note-background", "-fl-tl-lane-background", "-fl-tl-lane-alt-background"),
            "-fl-tl-step", List.of("-fl-tl-lane-background", "-fl-tl-lane-alt-background"),
            "-fl-tl-step-completed", List.of("-fl-tl-lane-background", "-fl-tl-lane-alt-background"),
            "-fl-tl-crash", List.of("-fl-tl-lane-background", "-fl-tl-lane-alt-background"));

    @Test
    void textOfBothThemesHasAContrastOfAtLeastFourAndAHalf() throws IOException {
        Map<String, String> light = new HashMap<>(block(modena(), ".root"));
        light.putAll(block(read(SHEETS.resolve("theme.css")), ".root"));
        Map<String, String> dark = new HashMap<>(light);
        dark.putAll(block(read(SHEETS.resolve("dark.css")), ".root:dark"));
        List<String> failures = new ArrayList<>();
        int pairs = 0;
        for (Map.Entry<String, Map<String, String>> theme : Map.of("light", light, "dark", dark).entrySet()) {
            Map<String, String> vars = theme.getValue();
            for (Path sheet : componentSheets()) {
                pairs += checkSheet(theme.getKey(), sheet, vars, failures);
            }
            List<String> canvasBackgrounds = new ArrayList<>(List.of("-fl-tl-background", "-fl-tl-lane-background",
                    "-fl-tl-lane-alt-background", "-fl-tl-note-background"));
            vars.keySet().stream().filter(k -> k.startsWith("-fl-tl-phase-")).sorted().forEach(canvasBackgrounds::add);
            Map<String, List<String>> canvas = new HashMap<>(CANVAS);
            // Phase names are written on the bars, measurements and folds on the note colour.
            canvas.put("-fl-tl-text", canvasBackgrounds);
            for (Map.Entry<String, List<String>> e : canvas.entrySet()) {
                for (String bg : e.getValue()) {
                    pairs++;
                    check(theme.getKey() + " timeline", e.getKey(), resolve(e.getKey(), vars), bg, resolve(bg, vars), failures);
                }
            }
        }
        assertTrue(pairs > 150, "the pairs were found in the stylesheets: " + pairs);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void theExportsLightColoursAreTheLightTheme() throws IOException {
        Map<String, String> light = block(read(SHEETS.resolve("theme.css")), ".root");
        for (StyleKey k : StyleKey.values()) {
            String name = "-fl-tl-" + k.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
            assertEquals(Color.web(light.get(name)), Color.web(k.lightDefault()), name + ": a headless export reads as the window does");
        }
    }

    @Test
    void contrastIsMeasuredAsWcagDoes() {
        assertEquals(21.0, contrast(Color.BLACK, Color.WHITE), 1e-9);
        assertEquals(4.48, contrast(Color.web("#777777"), Color.WHITE), 0.01);
    }

    private static int checkSheet(String theme, Path sheet, Map<String, String> vars, List<String> failures) throws IOException {
        List<Map.Entry<String, Map<String, String>>> rules = rules(read(sheet));
        Set<String> surfaces = new LinkedHashSet<>(SURFACES);
        for (Map.Entry<String, Map<String, String>> r : rules) {
            String bg = background(r.getValue(), vars);
            if (bg != null && !r.getKey().contains(":selected")) {
                surfaces.add(bg);
            }
        }
        int pairs = 0;
        for (Map.Entry<String, Map<String, String>> r : rules) {
            // Modena writes selected rows in its own selection colours.
            if (r.getKey().contains(":selected")) {
                continue;
            }
            for (Map.Entry<String, String> d : r.getValue().entrySet()) {
                if (!TEXT.contains(d.getKey())) {
                    continue;
                }
                Color text = resolve(d.getValue(), vars);
                String own = background(r.getValue(), vars);
                for (String bg : own != null ? List.of(own) : surfaces) {
                    pairs++;
                    check(theme + " " + SHEETS.relativize(sheet) + " " + r.getKey().strip(), d.getValue(), text, bg, resolve(bg, vars), failures);
                }
            }
        }
        return pairs;
    }

    private static void check(String where, String textName, Color text, String bgName, Color bg, List<String> failures) {
        if (text == null || bg == null) {
            failures.add(where + ": " + textName + " or " + bgName + " is no colour of the theme");
            return;
        }
        double c = contrast(text, bg);
        if (c < 4.5) {
            failures.add(String.format("%s: %s %s on %s %s is %.2f:1", where, textName, text, bgName, bg, c));
        }
    }

    /** A rule's own opaque background, or null. */
    private static String background(Map<String, String> declarations, Map<String, String> vars) {
        String v = declarations.get("-fx-background-color");
        if (v == null) {
            return null;
        }
        String first = v.split(",")[0].strip();
        Color c = resolve(first, vars);
        return c == null || c.getOpacity() < 1 ? null : first;
    }

    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** A value as the CSS engine reads it: a colour, a looked-up colour, or Modena's derive(); null for anything else. */
    private static Color resolve(String value, Map<String, String> vars) {
        String v = value.strip();
        if (v.startsWith("-")) {
            String next = vars.get(v);
            return next == null ? null : resolve(next, vars);
        }
        Matcher m = DERIVE.matcher(v);
        if (m.matches()) {
            Color base = resolve(m.group(1), vars);
            return base == null ? null : derive(base, Double.parseDouble(m.group(2)) / 100);
        }
        try {
            return Color.web(v);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Modena's derive(), computed by the CSS engine's own code (the tests run on the class path). */
    private static Color derive(Color base, double brightness) {
        try {
            return (Color) Class.forName("com.sun.javafx.util.Utils").getMethod("deriveColor", Color.class, double.class)
                    .invoke(null, base, brightness);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("the CSS engine's derive()", e);
        }
    }

    private static Map<String, String> block(String css, String selector) {
        for (Map.Entry<String, Map<String, String>> r : rules(css)) {
            if (r.getKey().strip().equals(selector)) {
                return r.getValue();
            }
        }
        throw new AssertionError("no " + selector + " block");
    }

    private static List<Map.Entry<String, Map<String, String>>> rules(String css) {
        String plain = css.replaceAll("(?s)/\\*.*?\\*/", "");
        List<Map.Entry<String, Map<String, String>>> out = new ArrayList<>();
        Matcher m = RULE.matcher(plain);
        while (m.find()) {
            Map<String, String> d = new HashMap<>();
            Matcher dm = DECLARATION.matcher(m.group(2));
            while (dm.find()) {
                d.put(dm.group(1), dm.group(2).strip());
            }
            out.add(Map.entry(m.group(1), d));
        }
        return out;
    }

    private static List<Path> componentSheets() throws IOException {
        try (Stream<Path> all = Files.walk(SHEETS)) {
            List<Path> sheets = all.filter(p -> p.toString().endsWith(".css")).sorted().toList();
            assertTrue(sheets.size() >= 12, "every component's stylesheet: " + sheets);
            return sheets;
        }
    }

    private static String modena() throws IOException {
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream("/com/sun/javafx/scene/control/skin/modena/modena.css")) {
            assertTrue(in != null, "Modena's stylesheet is on the class path");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p);
    }
}
