package faultline.packaging;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What the installers put into the desktop: the menu entry with its icon, the workspace file type, "Open with
 * Faultline" for logs, and a removal that leaves users' data alone. Checked in the layout the packages are
 * built from (packaging/linux/layout.sh, as packaging/app-image.sh runs it), or, given
 * {@code -Dfaultline.deb=…} (and {@code -Dfaultline.rpm=…}) by {@code packaging/installers.sh --check}, in
 * the built .deb installed into a temporary root with {@code dpkg-deb -x}.
 */
class DesktopIntegrationTest {
    private static final String INSTALL_DIR = "/opt/faultline";
    private static final List<String> OPENS = List.of("application/x-faultline-workspace", "text/x-log", "text/plain",
            "application/json", "text/csv", "application/gzip");

    @TempDir
    Path tmp;
    private Path app;
    private Path packageRoot;

    @BeforeEach
    void installed() throws Exception {
        assumeTrue(exists("sh"), "needs a POSIX shell");
        String deb = System.getProperty("faultline.deb");
        if (deb != null) {
            assumeTrue(exists("dpkg-deb"), "needs dpkg-deb");
            packageRoot = tmp.resolve("package");
            run("dpkg-deb", "-x", deb, packageRoot.toString());
            app = packageRoot.resolve(INSTALL_DIR.substring(1));
        } else {
            app = tmp.resolve("Faultline");
            run("sh", "packaging/linux/layout.sh", app.toString());
        }
    }

    @Test
    void theDesktopEntryIsValidAndOpensLogsAndWorkspaces() throws Exception {
        assumeTrue(exists("desktop-file-validate"), "needs desktop-file-utils");
        Path entry = app.resolve("lib/desktop/applications/faultline.desktop");
        String validation = run("desktop-file-validate", entry.toString());
        assertFalse(validation.contains("error:"), validation);
        Map<String, String> keys = desktopEntry(entry);
        assertEquals("Application", keys.get("Type"));
        assertEquals("Faultline", keys.get("Name"));
        assertEquals("Development;Utility;", keys.get("Categories"));
        assertEquals(INSTALL_DIR + "/bin/faultline %F", keys.get("Exec"), "the launcher that honours JAVA_OPTS, with the files chosen");
        assertTrue(Files.isExecutable(app.resolve("bin/faultline")), "what Exec starts is in the package");
        assertEquals(OPENS, List.of(keys.get("MimeType").split(";")));
        assertEquals("faultline", keys.get("Icon"), "an icon of the theme, so that the desktop picks the size");
        for (int size : new int[]{16, 32, 48, 64, 128, 256, 512}) {
            Path png = app.resolve("lib/desktop/icons/hicolor/" + size + "x" + size + "/apps/faultline.png");
            assertEquals(List.of(size, size), pngSize(png), png.toString());
        }
        assertTrue(Files.readString(app.resolve("lib/desktop/icons/hicolor/scalable/apps/faultline.svg")).contains("<svg"));
    }

    @Test
    void installingPutsFaultlineIntoTheMenuAndItsFileTypes() throws Exception {
        assumeTrue(exists("update-mime-database") && exists("update-desktop-database"), "needs shared-mime-info and desktop-file-utils");
        Path system = tmp.resolve("system");
        run("sh", app.resolve("lib/integrate-desktop.sh").toString(), "install", "--root", system.toString());
        Path share = system.resolve("usr/share");
        assertTrue(Files.exists(share.resolve("applications/faultline.desktop")));
        assertTrue(Files.exists(share.resolve("icons/hicolor/48x48/apps/faultline.png")));
        assertTrue(Files.exists(share.resolve("icons/hicolor/48x48/mimetypes/application-x-faultline-workspace.png")));
        assertEquals(app.resolve("bin/faultline").toRealPath(), system.resolve("usr/bin/faultline").toRealPath(), "faultline on the PATH");

        // The type of *.faultline.json, still a kind of JSON for every other program.
        assertTrue(Files.readAllLines(share.resolve("mime/globs2")).stream()
                .anyMatch(l -> l.endsWith(":application/x-faultline-workspace:*.faultline.json")), "the workspace glob is registered");
        assertTrue(Files.readAllLines(share.resolve("mime/subclasses")).contains("application/x-faultline-workspace application/json"));

        // "Open with Faultline" for logs, JSON, CSV, compressed logs and workspaces.
        Map<String, String> handlers = new LinkedHashMap<>();
        for (String line : Files.readAllLines(share.resolve("applications/mimeinfo.cache"))) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                handlers.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        for (String type : OPENS) {
            assertTrue(handlers.getOrDefault(type, "").contains("faultline.desktop"), type + " opens with Faultline: " + handlers.get(type));
        }
    }

    @Test
    void removingTakesOutWhatInstallingPutInAndLeavesUsersData() throws Exception {
        Path system = tmp.resolve("system");
        Path home = system.resolve("home/ann");
        Map<Path, String> data = new LinkedHashMap<>();
        data.put(home.resolve(".local/share/faultline/workspaces/worker-1a2b.faultline.json"), "{\"version\":1}");
        data.put(home.resolve(".cache/faultline/sample/worker.log"), "[14:31:53] INFO worker started");
        data.put(home.resolve(".java/.userPrefs/faultline/prefs.xml"), "<map><entry key=\"theme\" value=\"dark\"/></map>");
        data.put(home.resolve(".local/state/faultline/log/faultline-0.log"), "2026-02-24 14:31:53.553 INFO    faultline.ui  opened 4 files");
        for (Map.Entry<Path, String> d : data.entrySet()) {
            Files.createDirectories(d.getKey().getParent());
            Files.writeString(d.getKey(), d.getValue());
        }
        String script = app.resolve("lib/integrate-desktop.sh").toString();
        run("sh", script, "install", "--root", system.toString());
        run("sh", script, "remove", "--root", system.toString());

        List<Path> left;
        try (Stream<Path> all = Files.walk(system.resolve("usr"))) {
            left = all.filter(p -> p.getFileName().toString().contains("faultline")).toList();
        }
        assertEquals(List.of(), left, "everything installed is gone");
        for (Map.Entry<Path, String> d : data.entrySet()) {
            assertEquals(d.getValue(), Files.readString(d.getKey()), "a user's file stays: " + d.getKey());
        }
        for (Path s : maintainerScripts()) {
            String text = Files.readString(s);
            for (String userFolder : List.of("HOME", "~/", ".local", ".cache", ".java", "userPrefs", "/home/", "/root")) {
                assertFalse(text.contains(userFolder), s.getFileName() + " names a user's folder: " + userFolder);
            }
        }
    }

    @Test
    void theDebDependsOnGtkAndCarriesThePomVersion() throws Exception {
        String deb = System.getProperty("faultline.deb");
        assumeTrue(deb != null, "only for a built .deb (packaging/installers.sh --check)");
        assertEquals("faultline", run("dpkg-deb", "-f", deb, "Package").strip());
        assertTrue(run("dpkg-deb", "-f", deb, "Depends").contains("libgtk-3-0"));
        assertTrue(run("dpkg-deb", "-f", deb, "Version").strip().startsWith(pomVersion().replace('-', '~') + "-"));
        Path control = tmp.resolve("deb-control");
        run("dpkg-deb", "-e", deb, control.toString());
        assertTrue(Files.readString(control.resolve("postinst")).contains(INSTALL_DIR + "/lib/integrate-desktop.sh install"),
                "installing puts Faultline into the desktop");
        assertTrue(Files.readString(control.resolve("prerm")).contains(INSTALL_DIR + "/lib/integrate-desktop.sh remove"),
                "removing takes it out again");
        String version = run(app.resolve("bin/faultline").toString(), "--version");
        assertEquals("faultline " + pomVersion(), version.lines().findFirst().orElse(""), "the installed launcher runs");
    }

    @Test
    void theRpmHoldsTheSameFilesAndScripts() throws Exception {
        String rpm = System.getProperty("faultline.rpm");
        assumeTrue(rpm != null && exists("rpm"), "only for a built .rpm (packaging/installers.sh --check, where rpmbuild exists)");
        List<String> files = run("rpm", "-qpl", rpm).lines().toList();
        for (String f : List.of("/bin/faultline", "/bin/Faultline", "/lib/integrate-desktop.sh", "/lib/app/faultline.jsa",
                "/lib/desktop/applications/faultline.desktop", "/lib/desktop/mime/packages/faultline.xml")) {
            assertTrue(files.contains(INSTALL_DIR + f), f + " in the rpm");
        }
        String scripts = run("rpm", "-qp", "--scripts", rpm);
        assertTrue(scripts.contains(INSTALL_DIR + "/lib/integrate-desktop.sh install"), scripts);
        assertTrue(scripts.contains(INSTALL_DIR + "/lib/integrate-desktop.sh remove"), scripts);
        assertTrue(run("rpm", "-qp", "--requires", rpm).contains("gtk3"));
    }

    private List<Path> maintainerScripts() throws Exception {
        List<Path> out = new ArrayList<>(List.of(app.resolve("lib/integrate-desktop.sh")));
        String deb = System.getProperty("faultline.deb");
        if (deb != null) {
            Path control = tmp.resolve("control");
            run("dpkg-deb", "-e", deb, control.toString());
            try (Stream<Path> s = Files.list(control)) {
                s.filter(p -> List.of("preinst", "postinst", "prerm", "postrm").contains(p.getFileName().toString())).forEach(out::add);
            }
        } else {
            for (String s : List.of("postinst", "prerm", "faultline.spec")) {
                out.add(Path.of("packaging/linux", s));
            }
        }
        return out;
    }

    private static Map<String, String> desktopEntry(Path file) throws IOException {
        Map<String, String> keys = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0 && !line.startsWith("#")) {
                keys.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return keys;
    }

    private static List<Integer> pngSize(Path png) throws IOException {
        try (InputStream in = Files.newInputStream(png); DataInputStream d = new DataInputStream(in)) {
            byte[] head = d.readNBytes(16);
            assertEquals((byte) 0x89, head[0], "a PNG");
            assertEquals("IHDR", new String(head, 12, 4, StandardCharsets.US_ASCII));
            return List.of(d.readInt(), d.readInt());
        }
    }

    static String pomVersion() throws IOException {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<artifactId>faultline</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertTrue(m.find());
        return m.group(1);
    }

    private static boolean exists(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Runs a command; its output (stdout and stderr) if it succeeds, else a failure naming it. */
    private static String run(String... cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), String.join(" ", cmd) + " did not finish");
        assertEquals(0, p.exitValue(), String.join(" ", cmd) + ":\n" + out);
        return out;
    }
}
