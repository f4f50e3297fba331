package faultline.workspace;

import faultline.importer.CacheFolder;

import java.nio.file.Path;

/**
 * Where Faultline keeps what it writes on its own, never beside a log: the data folder
 * ({@code $XDG_DATA_HOME/faultline}, else {@code ~/.local/share/faultline}) holds the autosaved
 * workspaces, the cache folder the bundled sample's copy. {@code -Dfaultline.data.dir} moves both
 * (the cache to its {@code cache} subfolder), so that tests never touch the user's folders.
 */
public final class UserFolders {
    private UserFolders() {
    }

    public static Path data() {
        String d = System.getProperty("faultline.data.dir");
        if (d != null && !d.isBlank()) {
            return Path.of(d);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
            return Path.of(xdg, "faultline");
        }
        return Path.of(System.getProperty("user.home"), ".local", "share", "faultline");
    }

    /** The autosaved workspaces, one per set of opened files. */
    public static Path workspaces() {
        return data().resolve("workspaces");
    }

    public static Path cache() {
        return CacheFolder.dir();
    }

    /** Whether a workspace file is one Faultline keeps itself (an autosave), not one a user saved or was given. */
    public static boolean isOwn(Path workspace) {
        return workspace.toAbsolutePath().normalize().startsWith(workspaces().toAbsolutePath().normalize());
    }
}
