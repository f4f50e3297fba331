package faultline;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A data folder of the test's own for each test ({@code -Dfaultline.data.dir}): workspaces and caches never
 * reach the user's, and the folder is gone afterwards. Use with {@code @RegisterExtension}.
 */
public final class OwnDataFolder implements BeforeEachCallback, AfterEachCallback {
    private static final String KEY = "faultline.data.dir";
    private Path folder;
    private String before;

    /** The folder of the running test. */
    public Path path() {
        return folder;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        folder = Files.createTempDirectory("faultline-data");
        before = System.getProperty(KEY);
        System.setProperty(KEY, folder.toString());
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        if (before == null) {
            System.clearProperty(KEY);
        } else {
            System.setProperty(KEY, before);
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : (Iterable<Path>) all.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
