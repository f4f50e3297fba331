package faultline.ui.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.prefs.Preferences;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The app's settings in a preferences node of the test's own. */
class SettingsTest {
    private Preferences node;

    @BeforeEach
    void ownNode() {
        node = Preferences.userRoot().node("faultline-test-settings-" + ProcessHandle.current().pid());
    }

    @AfterEach
    void removeIt() throws Exception {
        node.removeNode();
    }

    @Test
    void theDarkThemeIsKeptForNextTimeButDarkFromTheCommandLineIsForThisRunOnly() {
        Settings s = new Settings(node);
        assertFalse(s.darkProperty().get(), "light to begin with");
        s.darkProperty().set(true);
        assertTrue(new Settings(node).darkProperty().get(), "chosen in the menu: kept");
        s.darkProperty().set(false);

        Settings once = new Settings(node);
        once.darkForNow();
        assertTrue(once.darkProperty().get());
        assertFalse(new Settings(node).darkProperty().get(), "--dark leaves the saved choice alone");
    }

    @Test
    void recentFilesKeptAmongTheSettingsByAnOlderVersionMoveToTheirOwnNode() {
        node.put("recent.0", "/var/log/a.log");
        node.put("theme", "dark");
        Settings s = new Settings(node);
        assertNull(node.get("recent.0", null), "no longer among the settings");
        assertEquals("/var/log/a.log", node.node("recent").get("recent.0", null));
        assertTrue(s.darkProperty().get(), "the other settings stay");
    }
}
