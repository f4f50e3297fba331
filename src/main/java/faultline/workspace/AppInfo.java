package faultline.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What Faultline says about itself: its version and license, filled in from the pom when it is built (the
 * one place they are written), and the JavaFX version it was built against.
 */
public record AppInfo(String version, String license, String builtWithJavafx) {
    static final String RESOURCE = "/faultline/build.properties";
    static final String UNKNOWN = "unknown";

    private static final AppInfo CURRENT = load();

    public static AppInfo current() {
        return CURRENT;
    }

    private static AppInfo load() {
        Properties p = new Properties();
        try (InputStream in = AppInfo.class.getResourceAsStream(RESOURCE)) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Shown as unknown: a damaged build is no reason to refuse to start.
        }
        return new AppInfo(value(p, "version"), value(p, "license"), value(p, "javafx.version"));
    }

    /** A value the build did not fill in (run from sources outside Maven) is unknown, never a placeholder. */
    private static String value(Properties p, String key) {
        String v = p.getProperty(key, "").strip();
        return v.isEmpty() || v.startsWith("${") ? UNKNOWN : v;
    }
}
