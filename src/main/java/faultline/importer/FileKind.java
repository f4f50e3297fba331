package faultline.importer;

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
            return Files.isSymbolicLink(path) ? "is a symbolic link to a file that does not exist" : "no such file (" + path + ")";
        } catch (AccessDeniedException e) {
            return "permission denied";
        } catch (FileSystemLoopException e) {
            return "is a loop of symbolic links";
        } catch (IOException e) {
            return "cannot be read (" + e.getMessage() + ")";
        }
        String why;
        if (a.isDirectory()) {
            why = "is a folder, not a log file";
        } else if (a.isRegularFile()) {
            why = pseudo(path) ? "is a file of the kernel's " + storeType(path) + " file system, made up as it is read, not a log; "
                    + "copy it into a file first" : null;
        } else {
            why = switch (mode(path) & S_IFMT) {
                case S_IFIFO -> "is a named pipe, not a file (Faultline reads files, so that it never waits for a writer)";
                case S_IFCHR, S_IFBLK -> "is a device, not a file";
                case S_IFSOCK -> "is a socket, not a file";
                default -> "is not a regular file";
            };
        }
        if (why != null && Files.isSymbolicLink(path)) {
            try {
                return "links to " + path.toRealPath() + ", which " + why;
            } catch (IOException | RuntimeException e) {
                return "is a symbolic link to something that " + why;
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
