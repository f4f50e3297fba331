package faultline.ui.about;

import faultline.workspace.AppInfo;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help ▸ About says what a bug report needs: version, license, Java, JavaFX and where Faultline writes. */
class AboutFactsTest {
    private static final Map<String, String> PROPERTIES = Map.of(
            "java.version", "17.0.99", "java.vm.name", "Example VM", "java.vendor", "Example Vendor",
            "javafx.runtime.version", "21.0.11+2", "os.name", "Linux", "os.version", "6.1", "os.arch", "amd64",
            "user.home", "/home/ann");

    private static Map<String, String> shown(AboutFacts facts) {
        Map<String, String> byLabel = new LinkedHashMap<>();
        facts.facts().forEach(f -> byLabel.put(f.label(), f.value()));
        return byLabel;
    }

    @Test
    void theDialogNamesTheVersionLicenseRuntimeAndFolders() {
        AboutFacts facts = AboutFacts.of(new AppInfo("2.3.4", "Apache-2.0", "21.0.11"), PROPERTIES::get,
                Path.of("/home/ann/.local/share/faultline"), Path.of("/home/ann/.cache/faultline"),
                Path.of("/home/ann/.local/state/faultline"), "/faultline");
        Map<String, String> shown = shown(facts);
        assertEquals("2.3.4", facts.version());
        assertEquals("2.3.4", shown.get("Version"));
        assertEquals("Apache License 2.0 (Apache-2.0)", shown.get("License"));
        assertEquals("17.0.99 · Example VM · Example Vendor", shown.get("Java"));
        assertEquals("21.0.11+2", shown.get("JavaFX"), "the JavaFX it runs on, not only the one it was built with");
        assertTrue(shown.get("Log folder").startsWith("/home/ann/.local/state/faultline "), shown.get("Log folder"));
        assertTrue(shown.get("Data folder").startsWith("/home/ann/.local/share/faultline "));
        assertTrue(shown.get("Settings").contains("/home/ann/.java/.userPrefs"), shown.get("Settings"));

        String text = facts.text();
        assertTrue(text.startsWith("Faultline 2.3.4\n"), text);
        assertTrue(text.contains("\nLog folder: /home/ann/.local/state/faultline "), text);
        assertTrue(text.contains("\nJavaFX: 21.0.11+2\n"), text);
    }

    @Test
    void withoutJavafxLoadedTheBuildsJavafxIsShown() {
        Map<String, String> props = new LinkedHashMap<>(PROPERTIES);
        props.remove("javafx.runtime.version");
        AboutFacts facts = AboutFacts.of(new AppInfo("2.3.4", "MIT", "21.0.11"), props::get,
                Path.of("/d"), Path.of("/c"), Path.of("/s"), "/faultline");
        assertEquals("21.0.11", shown(facts).get("JavaFX"));
        assertEquals("MIT", shown(facts).get("License"), "another license is named as the pom names it");
    }
}
