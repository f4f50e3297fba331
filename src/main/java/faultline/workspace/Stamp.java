package faultline.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * Which version of a workspace file is on disk: modification time, size and file identity. Every save
 * replaces the file by a new one, so another window's save changes the identity even within the
 * same millisecond.
 */
public record Stamp(long modified, long size, String identity) {
    /** The file's stamp, or null if there is no file. */
    public static Stamp of(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return new Stamp(a.lastModifiedTime().toMillis(), a.size(), Objects.toString(a.fileKey(), ""));
        } catch (IOException e) {
            return null;
        }
    }
}
