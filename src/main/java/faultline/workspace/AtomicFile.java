package faultline.workspace;

import faultline.text.Prose;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that readers see either the old or the whole new content, never half of it: the
 * bytes go to a hidden sibling in the target's folder, are flushed to the disk, and the sibling then
 * replaces the target. Refuses targets that are logs, devices, pipes or links to them, and folders that
 * do not exist ({@link OutputTarget}). Siblings left by a process that was killed mid-write are removed
 * by the next write of the same file.
 */
public final class AtomicFile {
    /** What goes into the file. */
    public interface Body {
        void write(OutputStream out) throws IOException;
    }

    private static final String PART = ".part";

    private AtomicFile() {
    }

    public static void write(Path target, Body body) throws IOException {
        String refusal = OutputTarget.refusal(target);
        if (refusal != null) {
            throw new RefusedWriteException(refusal);
        }
        // A link to a file is kept: the file it leads to is replaced.
        Path real = OutputTarget.resolved(target);
        Path dir = real.getParent();
        String name = String.valueOf(real.getFileName());
        removeStaleParts(dir, name);
        // Not Files.createTempFile: that makes the file private to its owner, and an exported
        // picture or a workspace should be as readable as any other file the user saves.
        Path tmp = dir.resolve("." + name + "." + ProcessHandle.current().pid() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + PART);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(ch)) {
                body.write(out);
                out.flush();
                ch.force(true);
            }
            try {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, real, StandardCopyOption.REPLACE_EXISTING);
            }
            syncFolder(dir);
        } catch (IOException e) {
            throw clear(e, real, tmp);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        write(target, out -> out.write(bytes));
    }

    /** Whether the name is one of the hidden siblings this class writes through. */
    static boolean isPart(String fileName, String of) {
        return fileName.startsWith("." + of + ".") && fileName.endsWith(PART);
    }

    /** Siblings of this file whose writer is no longer running (killed while it wrote). */
    private static void removeStaleParts(Path dir, String name) {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(dir, "." + globSafe(name) + ".*" + PART)) {
            for (Path p : parts) {
                String n = String.valueOf(p.getFileName());
                String rest = n.substring(name.length() + 2, n.length() - PART.length());
                int dash = rest.indexOf('-');
                long pid;
                try {
                    pid = Long.parseLong(dash > 0 ? rest.substring(0, dash) : "x");
                } catch (NumberFormatException e) {
                    pid = -1; // an older sibling without a process id: stale for sure after a minute
                }
                boolean stale = pid >= 0 ? pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).isEmpty()
                        : Files.getLastModifiedTime(p).toMillis() < System.currentTimeMillis() - 60_000;
                if (stale && Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a folder that cannot be listed: the write itself says what is wrong
        }
    }

    private static String globSafe(String name) {
        return name.replaceAll("([\\\\*?\\[\\]{}])", "\\\\$1");
    }

    private static void syncFolder(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | RuntimeException e) {
            // not every system can flush a folder; the rename is done either way
        }
    }

    /** The failure told about the target (never the hidden sibling) with the system's reason. */
    private static IOException clear(IOException e, Path target, Path tmp) {
        if (e instanceof RefusedWriteException) {
            return e;
        }
        String name = String.valueOf(target.getFileName());
        String why;
        if (e instanceof AccessDeniedException) {
            why = Prose.format("write.permission-denied", target.getParent());
        } else if (e instanceof NoSuchFileException) {
            why = Prose.format("write.folder-gone", target.getParent());
        } else if (e instanceof FileSystemException fse && fse.getReason() != null) {
            why = fse.getReason();
        } else {
            why = String.valueOf(e.getMessage()).replace(tmp.toString(), name);
        }
        IOException out = new IOException(Prose.format("write.failed", name, why), e);
        return out;
    }
}
