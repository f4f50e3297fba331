package faultline.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every file this process has opened as a log, by identity (device and inode where the file system
 * has them) and by real path: whatever writes a file asks here first, so that no export, workspace
 * or copy ever replaces a log, under any name or link that leads to it.
 */
public final class ReadFiles {
    private static final Set<Object> KEYS = ConcurrentHashMap.newKeySet();
    private static final Set<Path> PATHS = ConcurrentHashMap.newKeySet();

    private ReadFiles() {
    }

    /** Remembers a file as read (called before it is opened). */
    public static void add(Path file) {
        try {
            PATHS.add(file.toRealPath());
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            if (key != null) {
                KEYS.add(key);
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
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null && KEYS.contains(key);
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
