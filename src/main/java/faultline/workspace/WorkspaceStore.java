package faultline.workspace;

import faultline.text.Prose;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import faultline.importer.FileKind;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Reads and writes workspaces. Faultline saves them on its own in the user's data folder, one file per
 * set of opened files, named by their paths and the start of their content: opening a log never
 * writes beside it, and no set of files takes another set's workspace. A save goes to a temporary file
 * that is then moved over the target, so a crash never leaves half a workspace; a save over a file
 * another window changed meanwhile merges what that window saved ({@link WorkspaceMerge}). A damaged
 * workspace, or one of a newer version, is reported and never overwritten. Reading is bounded and
 * takes regular files only.
 */
public final class WorkspaceStore {
    public static final String SUFFIX = ".faultline.json";
    private static final String RECOVERED = ".recovered";
    /** No workspace is larger: notes and settings, not logs. */
    static final long MAX_BYTES = 32L << 20;
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** A workspace as read, with the stamp of the file it came from. */
    public record Stored(Workspace workspace, Stamp stamp) {
    }

    /**
     * A workspace as written: what went into the file (with what another window had saved merged in)
     * and the file's new stamp.
     *
     * @param merged whether notes of another window were merged in (the window then shows them too)
     */
    public record Saved(Workspace workspace, Stamp stamp, boolean merged) {
    }

    private WorkspaceStore() {
    }

    /** Where the workspace of these files is saved: the data folder, keyed by their paths and content. */
    public static Path locationFor(List<Path> files) {
        return locationFor(files, null);
    }

    /**
     * @param shared the workspace file these files were opened from, or null: changes to a workspace a
     *               user was given are kept apart from the changes to the same logs opened alone
     */
    public static Path locationFor(List<Path> files, Path shared) {
        return UserFolders.workspaces().resolve(baseName(files) + "-" + key(files, shared) + SUFFIX);
    }

    /** The shareable workspace beside the first log, as earlier versions wrote it and users share it: read, never autosaved. */
    public static Path besideLocation(List<Path> files) {
        Path first = files.get(0).toAbsolutePath().normalize();
        Path dir = first.getParent() == null ? first : first.getParent();
        String base = String.valueOf(first.getFileName());
        int dot = base.lastIndexOf('.');
        return dir.resolve((dot > 0 ? base.substring(0, dot) : base) + SUFFIX);
    }

    /** Where changes go while the workspace at location is damaged or of a newer version (it is left as it is). */
    public static Path recoveredOf(Path location) {
        String n = String.valueOf(location.getFileName());
        String base = n.endsWith(SUFFIX) ? n.substring(0, n.length() - SUFFIX.length()) : n;
        return location.resolveSibling(base + RECOVERED + SUFFIX);
    }

    public static boolean isWorkspace(Path p) {
        return String.valueOf(p.getFileName()).endsWith(SUFFIX);
    }

    /** The workspace at path, empty if there is none; an exception with a clear message if it is damaged or newer. */
    public static Optional<Workspace> read(Path path) throws WorkspaceException {
        return load(path).map(Stored::workspace);
    }

    /**
     * The workspace at path with its stamp, empty if there is none. Its sources' relative paths are
     * resolved against the workspace's own folder (never the current folder).
     */
    public static Optional<Stored> load(Path path) throws WorkspaceException {
        if (!FileKind.exists(path)) {
            return Optional.empty();
        }
        String name = String.valueOf(path.getFileName());
        String notAFile = FileKind.notARegularFile(path);
        if (notAFile != null) {
            throw new WorkspaceException(Prose.format("workspace.not-a-file", name, notAFile));
        }
        Stamp stamp = Stamp.of(path);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(path)) {
            bytes = in.readNBytes((int) MAX_BYTES + 1);
        } catch (IOException e) {
            throw new WorkspaceException(Prose.format("workspace.unreadable", name, e.getMessage()));
        }
        if (bytes.length > MAX_BYTES) {
            throw new WorkspaceException(Prose.format("workspace.too-large", name, MAX_BYTES >> 20));
        }
        Workspace w = parse(name, bytes);
        Path folder = path.toAbsolutePath().normalize().getParent();
        List<Workspace.SourceRef> resolved = new ArrayList<>();
        for (Workspace.SourceRef r : w.sources()) {
            if (r == null || r.path() == null || r.path().isBlank()) {
                throw new WorkspaceException(Prose.format("workspace.no-path", name));
            }
            try {
                Path p = Path.of(r.path());
                resolved.add(r.withPath((p.isAbsolute() || folder == null ? p : folder.resolve(p)).normalize().toString()));
            } catch (RuntimeException e) {
                throw new WorkspaceException(Prose.format("workspace.bad-path", name, r.path()));
            }
        }
        return Optional.of(new Stored(w.withSources(resolved), stamp));
    }

    private static Workspace parse(String name, byte[] bytes) throws WorkspaceException {
        JsonNode tree;
        try {
            tree = JSON.readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new WorkspaceException(Prose.format("workspace.damaged.at", name, firstLine(e.getOriginalMessage()),
                    e.getLocation() == null ? "?" : String.valueOf(e.getLocation().getLineNr())));
        } catch (StackOverflowError e) {
            throw new WorkspaceException(Prose.format("workspace.too-deep", name));
        }
        if (tree == null || !tree.isObject() || !tree.has("version")) {
            throw new WorkspaceException(Prose.format("workspace.no-version", name));
        }
        JsonNode v = tree.get("version");
        if (!v.isIntegralNumber()) {
            throw new WorkspaceException(Prose.format("workspace.unknown-version", name, v));
        }
        BigInteger version = v.bigIntegerValue();
        if (version.compareTo(BigInteger.valueOf(Workspace.VERSION)) > 0) {
            throw new WorkspaceException(Prose.format("workspace.newer", name, String.valueOf(version), String.valueOf(Workspace.VERSION)));
        }
        if (version.signum() <= 0) {
            throw new WorkspaceException(Prose.format("workspace.unknown-version", name, String.valueOf(version)));
        }
        try {
            return JSON.treeToValue(tree, Workspace.class);
        } catch (JsonProcessingException | RuntimeException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new WorkspaceException(Prose.format("workspace.damaged", name, firstLine(why)));
        }
    }

    /** Writes atomically; refuses to replace a file that is damaged or of a newer version. */
    public static void write(Path path, Workspace w) throws WorkspaceException {
        if (FileKind.exists(path)) {
            load(path); // throws for a damaged or newer workspace: it is not ours to overwrite
        }
        writeJson(path, w);
    }

    /**
     * Saves a workspace this window read or wrote before as base, when the file had the stamp
     * expected; if another window saved since, its notes are merged in. Never replaces the workspace
     * of other files, a damaged one, or one of a newer version.
     */
    public static Saved save(Path path, Workspace mine, Workspace base, Stamp expected) throws WorkspaceException {
        Workspace out = mergedWith(path, mine, base, expected);
        writeJson(path, out);
        return new Saved(out, Stamp.of(path), !out.notes().equals(mine.notes()));
    }

    /**
     * Save Workspace As: a file to share. Sources inside the workspace's folder are written relative to
     * it (the folder can be moved or sent as a whole), with their SHA-256 for whoever opens it.
     */
    public static Saved saveShareable(Path path, Workspace mine, Workspace base, Stamp expected) throws WorkspaceException {
        Workspace out = mergedWith(path, mine, base, expected);
        Path folder = path.toAbsolutePath().normalize().getParent();
        List<Workspace.SourceRef> refs = new ArrayList<>();
        for (Workspace.SourceRef r : out.sources()) {
            Path p = Path.of(r.path()).toAbsolutePath().normalize();
            String text = folder != null && p.startsWith(folder) ? folder.relativize(p).toString().replace('\\', '/') : p.toString();
            refs.add(r.withPath(text).withSha256(Hashes.sha256(p)));
        }
        writeJson(path, out.withSources(refs));
        return new Saved(out, Stamp.of(path), !out.notes().equals(mine.notes()));
    }

    /** What to write: mine, with the notes of another window merged in if the file changed since it was expected. */
    private static Workspace mergedWith(Path path, Workspace mine, Workspace base, Stamp expected) throws WorkspaceException {
        Stamp now = Stamp.of(path);
        if (now == null) {
            return mine;
        }
        Workspace theirs = read(path).orElse(null); // throws for a damaged or newer file, which is left alone
        if (theirs == null || now.equals(expected)) {
            return mine;
        }
        if (!theirs.isFor(mine.files())) {
            throw new WorkspaceException(Prose.format("workspace.other-files", path.getFileName(),
                    String.join(", ", theirs.files().stream().map(p -> String.valueOf(p.getFileName())).toList())));
        }
        return WorkspaceMerge.merge(base, mine, theirs);
    }

    private static void writeJson(Path path, Workspace w) throws WorkspaceException {
        try {
            if (UserFolders.isOwn(path)) {
                Files.createDirectories(path.toAbsolutePath().getParent()); // Faultline's own folder, made when first needed
            }
            AtomicFile.write(path, JSON.writeValueAsString(w).getBytes(StandardCharsets.UTF_8));
        } catch (RefusedWriteException e) {
            throw new WorkspaceException(e.getMessage(), e);
        } catch (IOException e) {
            throw new WorkspaceException(Prose.format("workspace.unwritable", path.getFileName(), e.getMessage()), e);
        }
    }

    /** The name (without extension, safe as a file name) of the first file by path, so that the order they were given in does not matter. */
    private static String baseName(List<Path> files) {
        if (files.isEmpty()) {
            return "database"; // rows of a database only
        }
        Path first = files.stream().map(p -> p.toAbsolutePath().normalize()).min(Path::compareTo).orElseThrow();
        String base = String.valueOf(first.getFileName());
        int dot = base.lastIndexOf('.');
        if (dot > 0) {
            base = base.substring(0, dot);
        }
        base = base.replaceAll("[^A-Za-z0-9_.-]+", "_");
        return base.length() > 60 ? base.substring(0, 60) : base;
    }

    /** Sorted paths, each with the hash of its first block, and the workspace opened from: a set of files by name and content. */
    static String key(List<Path> files, Path shared) {
        TreeSet<String> parts = new TreeSet<>();
        for (Path f : files) {
            Path p = f.toAbsolutePath().normalize();
            Fingerprint fp = Fingerprint.of(p);
            parts.add(p + "\u0000" + (fp == null ? "-" : fp.head()));
        }
        StringBuilder sb = new StringBuilder();
        for (String s : parts) {
            sb.append(s).append('\n');
        }
        if (shared != null) {
            sb.append("opened from ").append(shared.toAbsolutePath().normalize());
        }
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a path exists, without following a link. */
    static boolean exists(Path p) {
        return Files.exists(p, LinkOption.NOFOLLOW_LINKS);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
