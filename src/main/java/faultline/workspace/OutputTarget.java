package faultline.workspace;

import faultline.importer.FileKind;
import faultline.importer.ReadFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Whether a file may be written: never a log that was read (under any name or link), never a device,
 * pipe, socket or folder, never into a folder that does not exist (none is created unasked). Asked by
 * every writer before it writes, and by the window before its own "Replace?" question.
 */
public final class OutputTarget {
    private OutputTarget() {
    }

    /** Null if the target may be written; else why not, in words that name it. */
    public static String refusal(Path target) {
        return refusal(target, java.util.List.of());
    }

    /**
     * @param inputs files that are open as sources now, besides every file read as a log so far
     */
    public static String refusal(Path target, Collection<Path> inputs) {
        Path abs = target.toAbsolutePath().normalize();
        String name = String.valueOf(target);
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
            if (Files.isSymbolicLink(abs) && !Files.exists(abs)) {
                return name + " is a symbolic link to a file that does not exist; choose another name";
            }
            String notAFile = FileKind.notARegularFile(abs);
            if (notAFile != null) {
                return name + " " + notAFile + "; Faultline writes regular files only";
            }
            if (ReadFiles.contains(abs) || isOneOf(abs, inputs)) {
                return (Files.isSymbolicLink(abs) ? name + " links to " + real(abs) + ", one of the logs that are open"
                        : name + " is one of the logs that are open") + "; Faultline never writes over a log";
            }
            return null;
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return "the folder " + dir + " does not exist; Faultline does not create folders unasked";
        }
        return null;
    }

    /** The file a write really replaces: the target itself, or what its symbolic links lead to. */
    static Path resolved(Path target) throws IOException {
        Path abs = target.toAbsolutePath().normalize();
        return Files.isSymbolicLink(abs) ? abs.toRealPath() : abs;
    }

    private static String real(Path p) {
        try {
            return p.toRealPath().toString();
        } catch (IOException | RuntimeException e) {
            return "a log";
        }
    }

    private static boolean isOneOf(Path target, Collection<Path> inputs) {
        for (Path p : inputs) {
            try {
                if (Files.exists(p) && Files.isSameFile(p, target)) {
                    return true;
                }
            } catch (IOException | RuntimeException e) {
                // an input that cannot be compared is not the target
            }
        }
        return false;
    }
}
