package faultline.workspace;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The version and license the application shows are the pom's, written nowhere else. */
class AppInfoTest {
    static String pom(String regex) throws IOException {
        Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find(), "pom.xml has " + regex);
        return m.group(1);
    }

    static String pomVersion() throws IOException {
        return pom("<artifactId>faultline</artifactId>\\s*<version>([^<]+)</version>");
    }

    @Test
    void versionAndLicenseComeFromThePom() throws IOException {
        AppInfo app = AppInfo.current();
        assertEquals(pomVersion(), app.version());
        assertEquals(pom("<licenses>\\s*<license>\\s*<name>([^<]+)</name>"), app.license());
        assertEquals("Apache-2.0", app.license());
        assertEquals(pom("<javafx.version>([^<]+)</javafx.version>"), app.builtWithJavafx());
        assertTrue(Files.readString(Path.of("LICENSE")).strip().startsWith("Apache License"), "the LICENSE file is the license named");
    }

    @Test
    void theVersionIsWrittenInThePomOnly() throws IOException {
        String version = pomVersion();
        String plain = version.replace("-SNAPSHOT", "");
        for (String place : new String[]{"packaging/faultline", "packaging/app-image.sh", "packaging/installers.sh",
                "packaging/jpackage.cfg", "src/main/java/faultline/cli/Cli.java", "README.md"}) {
            Path p = Path.of(place);
            if (Files.exists(p)) {
                String text = Files.readString(p);
                assertTrue(!text.contains(version) && !text.contains(plain + "\"") && !text.contains("version " + plain),
                        place + " writes the version " + version + " again");
            }
        }
    }
}
