package faultline.importer;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The user's cache folder for Faultline ({@code $XDG_CACHE_HOME/faultline}, else {@code ~/.cache/faultline}):
 * the bundled sample's copy and the text of compressed logs too large for memory. Never a log's
 * folder. {@code -Dfaultline.cache.dir} moves it, and so does {@code -Dfaultline.data.dir} (to its
 * {@code cache} subfolder), so that tests keep their own.
 */
public final class CacheFolder {
    private static final String SCRATCH = "scratch";

    private CacheFolder() {
    }

    public static Path dir() {
        String c = System.getProperty("faultline.cache.dir");
        if (c != null && !c.isBlank()) {
            return Path.of(c);
        }
        String d = System.getProperty("faultline.data.dir");
        if (d != null && !d.isBlank()) {
            return Path.of(d, "cache");
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "faultline");
        }
        return Path.of(System.getProperty("user.home"), ".cache", "faultline");
    }

    /**
     * A new file for scratch text, private to the user, named after this process so that files left
     * by a process that was killed are recognised and removed by the next one; removed at exit.
     */
    static Path newScratchFile(String about) throws IOException {
        Path dir = dir().resolve(SCRATCH);
        Files.createDirectories(dir);
        removeStale(dir);
        String safe = about.replaceAll("[^A-Za-z0-9_.-]+", "_");
        if (safe.length() > 60) {
            safe = safe.substring(0, 60);
        }
        Path f = Files.createTempFile(dir, ProcessHandle.current().pid() + "-" + safe + "-", ".txt");
        f.toFile().deleteOnExit();
        return f;
    }

    /** Scratch files of processes that no longer run. */
    private static void removeStale(Path dir) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String n = String.valueOf(f.getFileName());
                int dash = n.indexOf('-');
                if (dash <= 0) {
                    continue;
                }
                try {
                    long pid = Long.parseLong(n.substring(0, dash));
                    if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()) {
                        Files.deleteIfExists(f);
                    }
                } catch (NumberFormatException | IOException e) {
                    // not one of ours, or already gone
                }
            }
        } catch (IOException e) {
            // a cache that cannot be listed is left as it is
        }
    }
}
