package faultline.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes workspaces. A write goes to a temporary file that is then moved over the target,
 * so a crash never leaves half a workspace. A damaged workspace, or one of a newer version, is
 * reported and never overwritten: {@link #write} refuses such a target.
 */
public final class WorkspaceStore {
    public static final String SUFFIX = ".faultline.json";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private WorkspaceStore() {
    }

    /**
     * Where the workspace of these files lives: next to the first file, named after it; in the user's
     * data folder when that folder cannot be written (read-only shares of logs).
     */
    public static Path locationFor(List<Path> files) {
        Path first = files.get(0).toAbsolutePath().normalize();
        String base = String.valueOf(first.getFileName());
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        Path dir = first.getParent();
        if (dir != null && Files.isDirectory(dir) && Files.isWritable(dir)) {
            return dir.resolve(base + SUFFIX);
        }
        String key = Integer.toHexString(files.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList().hashCode());
        return Path.of(System.getProperty("user.home"), ".local", "share", "faultline", "workspaces", base + "-" + key + SUFFIX);
    }

    public static boolean isWorkspace(Path p) {
        return String.valueOf(p.getFileName()).endsWith(SUFFIX);
    }

    /** The workspace at path, empty if there is none; an exception with a clear message if it is damaged or newer. */
    public static Optional<Workspace> read(Path path) throws WorkspaceException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        String name = String.valueOf(path.getFileName());
        JsonNode tree;
        try {
            tree = JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new WorkspaceException(name + " is damaged (" + firstLine(e.getOriginalMessage()) + " at line "
                    + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + "); it is left as it is and will not be overwritten");
        } catch (IOException e) {
            throw new WorkspaceException(name + " cannot be read (" + e.getMessage() + ")");
        }
        if (tree == null || !tree.isObject() || !tree.has("version")) {
            throw new WorkspaceException(name + " is not a Faultline workspace (no version); it is left as it is and will not be overwritten");
        }
        int version = tree.get("version").asInt(-1);
        if (version > Workspace.VERSION) {
            throw new WorkspaceException(name + " was written by a newer Faultline (workspace version " + version
                    + ", this one reads " + Workspace.VERSION + "); it is left as it is and will not be overwritten");
        }
        if (version < 1) {
            throw new WorkspaceException(name + " has an unknown workspace version " + tree.get("version") + "; it is left as it is");
        }
        try {
            return Optional.of(JSON.treeToValue(tree, Workspace.class));
        } catch (JsonProcessingException e) {
            throw new WorkspaceException(name + " is damaged (" + firstLine(e.getOriginalMessage()) + "); it is left as it is and will not be overwritten");
        }
    }

    /** Writes atomically; refuses to replace a file that is damaged or of a newer version. */
    public static void write(Path path, Workspace w) throws WorkspaceException {
        if (Files.exists(path)) {
            read(path); // throws for a damaged or newer workspace: it is not ours to overwrite
        }
        try {
            AtomicFile.write(path, JSON.writeValueAsString(w).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new WorkspaceException(path.getFileName() + " cannot be written (" + e.getMessage() + ")", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
