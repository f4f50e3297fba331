package faultline.importer;

import faultline.text.Prose;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileStore;
import java.nio.file.FileSystemLoopException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * What kind of thing a path names, told before anything opens it: opening a named pipe waits for a
 * writer forever, a device like /dev/zero never ends, and a /proc file claims to be empty. Faultline
 * reads (and writes) regular files only; for anything else this says what it is in words.
 */
public final class FileKind {
    private static final int S_IFMT = 0170000;
    private static final int S_IFIFO = 0010000;
    private static final int S_IFCHR = 0020000;
    private static final int S_IFBLK = 0060000;
    private static final int S_IFSOCK = 0140000;
    /** File systems whose files are made up by the kernel as they are read. */
    private static final Set<String> PSEUDO = Set.of("proc", "sysfs", "debugfs", "tracefs", "securityfs", "cgroup", "cgroup2",
            "configfs", "efivarfs", "bpf", "pstore");

    private FileKind() {
    }

    /** Null for a regular file (symbolic links followed); else why it is not one, e.g. "is a named pipe, not a file". */
    public static String notARegularFile(Path path) {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return Files.isSymbolicLink(path) ? Prose.get("file.dangling-link") : Prose.format("file.no-such-file", path);
        } catch (AccessDeniedException e) {
            return Prose.get("file.permission-denied");
        } catch (FileSystemLoopException e) {
            return Prose.get("file.link-loop");
        } catch (IOException e) {
            return Prose.format("file.unreadable", e.getMessage());
        }
        String why;
        if (a.isDirectory()) {
            why = Prose.get("file.folder");
        } else if (a.isRegularFile()) {
            why = pseudo(path) ? Prose.format("file.pseudo", storeType(path)) : null;
        } else {
            why = switch (mode(path) & S_IFMT) {
                case S_IFIFO -> Prose.get("file.pipe");
                case S_IFCHR, S_IFBLK -> Prose.get("file.device");
                case S_IFSOCK -> Prose.get("file.socket");
                default -> Prose.get("file.not-regular");
            };
        }
        if (why != null && Files.isSymbolicLink(path)) {
            try {
                return Prose.format("file.link-to", path.toRealPath(), why);
            } catch (IOException | RuntimeException e) {
                return Prose.format("file.link-to-something", why);
            }
        }
        return why;
    }

    /** Whether the path exists at all, link or not (a dangling link counts). */
    public static boolean exists(Path path) {
        return Files.exists(path, LinkOption.NOFOLLOW_LINKS);
    }

    private static int mode(Path path) {
        try {
            Object m = Files.getAttribute(path, "unix:mode");
            return m instanceof Integer i ? i : 0;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return 0;
        }
    }

    private static boolean pseudo(Path path) {
        String type = storeType(path);
        if (!type.isEmpty()) {
            return PSEUDO.contains(type);
        }
        Path abs = path.toAbsolutePath().normalize();
        return abs.startsWith("/proc") || abs.startsWith("/sys");
    }

    private static String storeType(Path path) {
        try {
            FileStore s = Files.getFileStore(path);
            return s.type() == null ? "" : s.type();
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
