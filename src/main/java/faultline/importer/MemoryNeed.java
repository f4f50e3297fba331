package faultline.importer;

import faultline.text.Prose;

import java.nio.file.Path;
import java.util.Locale;

/**
 * What a file costs in memory once read, estimated from its size and the length of its first lines,
 * and the message that tells a user how to give Faultline enough: the file, its size, the memory it
 * needs and the option that gives it. Used before reading (so that a file plainly too large is refused
 * at once) and when the memory ran out anyway (at any stage).
 */
public final class MemoryNeed {
    /** What the heap holds per line of a text log at the import's peak: the columns, a task's share, the index. */
    static final long BYTES_PER_LINE = 32;
    /** What the JVM, the window and the readers need besides the columns. */
    static final long BASE = 48L << 20;

    private MemoryNeed() {
    }

    /** Estimated lines of a file of this size whose first lines average this many bytes. */
    public static long lines(long size, Sample sample) {
        long bytes = 0;
        long lines = 0;
        for (String l : sample.lines()) {
            bytes += l.length() + 1;
            lines++;
        }
        double perLine = lines == 0 ? 100 : Math.max(16.0, (double) bytes / lines);
        return (long) (size / perLine);
    }

    /** Heap bytes needed to hold the events of these many lines. */
    static long bytesFor(long lines) {
        return BASE + lines * BYTES_PER_LINE;
    }

    /** The heap this JVM may use. */
    public static long available() {
        return Runtime.getRuntime().maxMemory();
    }

    /** The message for files that need {@code need} bytes where {@code available} are given. */
    public static String tooLarge(String what, long size, long need, long available) {
        long suggest = Math.max(1, (long) Math.ceil(need * 1.25 / (1L << 30)));
        return Prose.format("import.memory", what, size(size), size(need), size(available), suggest);
    }

    /** The message when memory ran out while reading or putting together these files. */
    public static String ranOut(String what, long size, long lines) {
        long need = Math.max(bytesFor(lines), (long) (available() * 1.2));
        return tooLarge(what, size, need, available());
    }

    static String name(Path p) {
        return String.valueOf(p.getFileName());
    }

    /** 1.4 GB, 20.0 GB, 512 MB. */
    public static String size(long bytes) {
        if (bytes >= 1L << 30) {
            return Prose.format("import.memory.gb", String.format(Locale.ROOT, "%.1f", bytes / (double) (1L << 30)));
        }
        return Prose.format("import.memory.mb", Math.max(1, bytes >> 20));
    }
}
