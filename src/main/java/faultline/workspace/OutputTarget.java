package faultline.workspace;

import faultline.text.Prose;

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
                return Prose.format("write.refused.dangling-link", name);
            }
            String notAFile = FileKind.notARegularFile(abs);
            if (notAFile != null) {
                return Prose.format("write.refused.not-a-file", name, notAFile);
            }
            if (ReadFiles.contains(abs) || isOneOf(abs, inputs)) {
                return Files.isSymbolicLink(abs) ? Prose.format("write.refused.link-to-log", name, real(abs))
                        : Prose.format("write.refused.log", name);
            }
            return null;
        }
        Path dir = abs.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return Prose.format("write.refused.no-folder", dir);
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
            return Prose.get("write.refused.a-log");
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
