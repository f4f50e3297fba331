package faultline.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every file this process has opened as a log, by identity (device and inode where the file system
 * has them) and by real path: whatever writes a file asks here first, so that no export, workspace
 * or copy ever replaces a log, under any name or link that leads to it.
 */
public final class ReadFiles {
    /** File identity → the real path it was read under. */
    private static final Map<Object, Path> KEYS = new ConcurrentHashMap<>();
    private static final Set<Path> PATHS = ConcurrentHashMap.newKeySet();

    private ReadFiles() {
    }

    /** Remembers a file as read (called before it is opened). */
    public static void add(Path file) {
        try {
            Path real = file.toRealPath();
            PATHS.add(real);
            Object key = key(real);
            if (key != null) {
                KEYS.put(key, real);
            }
        } catch (IOException | RuntimeException e) {
            PATHS.add(file.toAbsolutePath().normalize());
        }
    }

    /** Whether the path leads to a file read as a log (false for a path that does not exist). */
    public static boolean contains(Path file) {
        if (PATHS.contains(file.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            if (PATHS.contains(file.toRealPath())) {
                return true;
            }
            Object key = key(file);
            Path read = key == null ? null : KEYS.get(key);
            // The same identity is the log (a hard link) only while the log is still there with it:
            // a deleted log's identity is soon given to another file.
            return read != null && key.equals(key(read));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private static Object key(Path p) {
        try {
            return Files.readAttributes(p, BasicFileAttributes.class).fileKey();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
