package faultline.importer.follow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Objects;

/**
 * What became of one followed log file since it was last looked at, by size, file identity (inode)
 * and the bytes it starts with: lines appended, truncated, rotated (renamed away, or copied away and
 * truncated) or replaced. A rotated file's earlier content is looked for beside it under a name that
 * starts with the file's, so that what was read before stays read.
 */
public final class FileWatch {
    /** The head compared to tell a file that grew from a file that was rewritten. */
    static final int HEAD = 4096;

    public enum Kind { UNCHANGED, APPENDED, TRUNCATED, ROTATED, REPLACED, MISSING }

    /**
     * @param rotatedTo the file now holding the earlier content (renamed or copied away), or null
     * @param message   what to tell the user, or null for UNCHANGED and APPENDED
     */
    public record Change(Kind kind, Path rotatedTo, String message) {
    }

    private final Path path;
    private Object key;
    private long size;
    private long modified;
    private byte[] head;

    public FileWatch(Path path) {
        this.path = path.toAbsolutePath().normalize();
        State s = state(this.path);
        if (s != null) {
            key = s.key;
            size = s.size;
            modified = s.modified;
            head = s.head;
        } else {
            size = -1;
        }
    }

    public Path path() {
        return path;
    }

    private record State(Object key, long size, long modified, byte[] head) {
    }

    private static State state(Path p) {
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            return new State(a.fileKey(), a.size(), a.lastModifiedTime().toMillis(), head(p, (int) Math.min(HEAD, a.size())));
        } catch (IOException e) {
            return null;
        }
    }

    private static byte[] head(Path p, int n) throws IOException {
        try (InputStream in = Files.newInputStream(p)) {
            return in.readNBytes(n);
        }
    }

    /** Looks at the file now and remembers what it saw. */
    public Change check() {
        State now = state(path);
        String name = String.valueOf(path.getFileName());
        if (now == null) {
            if (size < 0) {
                return new Change(Kind.UNCHANGED, null, null);
            }
            Path moved = findRotated(key, head, size);
            size = -1;
            return new Change(Kind.MISSING, moved, name + " is gone" + (moved != null ? " (rotated to " + moved.getFileName() + ", which is read instead)"
                    : "; what was read from it stays shown"));
        }
        Object oldKey = key;
        long oldSize = size;
        long oldModified = modified;
        byte[] oldHead = head;
        key = now.key;
        size = now.size;
        modified = now.modified;
        head = now.head;
        if (oldSize < 0) {
            return new Change(Kind.REPLACED, null, name + " appeared again and is read");
        }
        boolean sameFile = Objects.equals(oldKey, now.key);
        boolean sameStart = oldHead != null && startsWith(now.head, oldHead, (int) Math.min(oldHead.length, now.size));
        if (!sameFile) {
            Path rotated = findRotated(oldKey, oldHead, oldSize);
            return new Change(Kind.ROTATED, rotated, name + " was rotated (a new file took its name)"
                    + (rotated != null ? "; the earlier lines are read from " + rotated.getFileName() : "; the earlier file was not found beside it"));
        }
        if (now.size < oldSize) {
            Path copy = findRotated(null, oldHead, oldSize);
            return new Change(Kind.TRUNCATED, copy, name + " was truncated (" + oldSize + " → " + now.size + " bytes)"
                    + (copy != null ? "; its earlier lines are read from the copy " + copy.getFileName()
                    : "; the lines read before stay shown until it is read again, and no copy of them was found beside it"));
        }
        if (!sameStart) {
            return new Change(Kind.REPLACED, null, name + " was rewritten (its first lines changed); it is read again");
        }
        if (now.size > oldSize) {
            return new Change(Kind.APPENDED, null, null);
        }
        if (now.modified != oldModified) {
            return new Change(Kind.REPLACED, null, name + " was rewritten in place; it is read again");
        }
        return new Change(Kind.UNCHANGED, null, null);
    }

    private static boolean startsWith(byte[] now, byte[] before, int n) {
        if (now.length < n || before.length < n) {
            return false;
        }
        return Arrays.equals(now, 0, n, before, 0, n);
    }

    /**
     * A sibling that starts with the file's name and is the old file (same identity, when renamed) or
     * holds its old start and at least its old size (when copied, then truncated).
     */
    private Path findRotated(Object oldKey, byte[] oldHead, long oldSize) {
        Path dir = path.getParent();
        String name = String.valueOf(path.getFileName());
        if (dir == null) {
            return null;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, p -> !p.equals(path) && String.valueOf(p.getFileName()).startsWith(name))) {
            for (Path p : ds) {
                State s = state(p);
                if (s == null) {
                    continue;
                }
                if (oldKey != null && oldKey.equals(s.key)) {
                    return p;
                }
                if (oldHead != null && s.size >= oldSize && startsWith(s.head, oldHead, oldHead.length)) {
                    return p;
                }
            }
        } catch (IOException e) {
            return null;
        }
        return null;
    }
}
