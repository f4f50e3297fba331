package faultline.importer;

import faultline.text.Prose;

import faultline.model.ParseReport.Repair;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * Opens a log file read-only and turns it into UTF-8 {@link Content}: checks that it is a readable,
 * non-empty regular file (a pipe, a device or a /proc file is named as such and never opened),
 * decompresses gzip and names other archives, strips a byte-order mark, reads CR-only line ends as
 * lines, replaces invalid UTF-8 and repairs mojibake, counting each repair. Small files are read into
 * memory; large ones are read by position as they are needed. The file is never written.
 */
final class SourceLoader {
    /** Files up to this size are read into memory; larger ones are read by position. */
    static final long READ_LIMIT = 64L << 20;
    /** Files up to this size may be rewritten in memory to repair their text. */
    static final long REPAIR_LIMIT = 256L << 20;
    private static final int HEAD = 64 * 1024;

    /**
     * @param size     bytes of text (after decompression)
     * @param note     what to tell about a file read only in part (a gzip file that ends early), or null
     * @param fileSize the file's size on disk when it was opened, and {@code modified} its time then:
     *                 to tell whether it changed while it was read
     */
    record Loaded(Path path, long size, Content content, Map<Repair, Long> repairs, TextRepair.Kind mojibake,
                  String note, long fileSize, FileTime modified) {
        /** The same text, told as the file at p (a scratch copy's text stands for its log), with more repairs. */
        Loaded as(Path p, Map<Repair, Long> more) {
            Map<Repair, Long> all = new EnumMap<>(Repair.class);
            all.putAll(repairs);
            more.forEach((r, n) -> all.merge(r, n, Long::sum));
            return new Loaded(p, size, content, all, mojibake, note, fileSize, modified);
        }
    }

    private SourceLoader() {
    }

    static Loaded load(Path path) throws ImportException {
        return load(path, () -> false);
    }

    /** @param cancelled asked while a compressed or converted file is written out (long work): true stops with ImportCancelledException */
    static Loaded load(Path path, java.util.function.BooleanSupplier cancelled) throws ImportException {
        String name = String.valueOf(path.getFileName());
        String notAFile = FileKind.notARegularFile(path);
        if (notAFile != null) {
            throw new ImportException(Prose.format("import.named", name, notAFile));
        }
        ReadFiles.add(path);
        FileChannel ch = open(path, name);
        boolean keep = false;
        try {
            long size = size(ch, name);
            FileTime modified = modified(path);
            if (size == 0) {
                throw new ImportException(Prose.format("import.empty", name));
            }
            byte[] head = readAt(ch, 0, (int) Math.min(HEAD, size), name);
            if (Gzip.is(head)) {
                return Gzip.load(path, name, ch, size, modified, cancelled);
            }
            String archive = Archives.describe(head);
            if (archive != null) {
                throw new ImportException(Prose.format("import.archive", name, archive));
            }
            if (size <= READ_LIMIT) {
                byte[] all = readAt(ch, 0, (int) size, name);
                return fromBytes(path, name, all, null, size, modified);
            }
            keep = true;
            Loaded l = fromFile(path, name, ch, size, head, null, size, modified, cancelled);
            keep = l.content() instanceof FileContent f && f.reads(ch);
            return l;
        } finally {
            if (!keep) {
                close(ch);
            }
        }
    }

    /** What to tell when the file changed while it was read (shrank, grew, vanished, failed), or null. */
    static String changeNote(Loaded loaded) {
        if (loaded.content() instanceof FileContent f && f.endedEarlyAt() >= 0) {
            String why = f.failure();
            return why == null ? Prose.format("import.changed.ended", f.endedEarlyAt(), loaded.size())
                    : Prose.format("import.changed.ended.why", f.endedEarlyAt(), loaded.size(), why);
        }
        Path p = loaded.path();
        try {
            long now = Files.size(p);
            if (now != loaded.fileSize() || !modified(p).equals(loaded.modified())) {
                return Prose.format("import.changed.size", loaded.fileSize(), now);
            }
        } catch (NoSuchFileException e) {
            return Prose.get("import.changed.deleted");
        } catch (IOException e) {
            return Prose.format("import.changed.unchecked", e.getMessage());
        }
        return null;
    }

    /** Text held in memory: every repair is done on the bytes. */
    static Loaded fromBytes(Path path, String name, byte[] all, String note, long fileSize, FileTime modified) throws ImportException {
        Map<Repair, Long> repairs = new EnumMap<>(Repair.class);
        if (utf16(all)) {
            repairs.put(Repair.BYTE_ORDER_MARK, 1L);
            byte[] text = new String(all, StandardCharsets.UTF_16).getBytes(StandardCharsets.UTF_8);
            return new Loaded(path, text.length, new ArrayContent(text, 0), repairs, TextRepair.Kind.NONE, note, fileSize, modified);
        }
        java.nio.charset.Charset unmarked = unmarkedUtf16(Arrays.copyOf(all, (int) Math.min(all.length, HEAD)));
        if (unmarked != null) {
            repairs.put(Repair.UTF16_UNMARKED, 1L);
            byte[] text = new String(all, unmarked).getBytes(StandardCharsets.UTF_8);
            if (text.length == 0) {
                throw new ImportException(Prose.format("import.only-bom", name));
            }
            return new Loaded(path, text.length, new ArrayContent(text, 0), repairs, TextRepair.Kind.NONE, note, fileSize, modified);
        }
        int start = bom(all, repairs);
        byte[] head = Arrays.copyOfRange(all, start, (int) Math.min(all.length, start + (long) HEAD));
        checkText(name, head);
        if (indexOf(head, (byte) 0) >= 0) {
            // Zero padding in a text file: the bytes are dropped, the lines stay where they were.
            int kept = start;
            for (int i = start; i < all.length; i++) {
                if (all[i] != 0) {
                    all[kept++] = all[i];
                }
            }
            repairs.put(Repair.NUL_BYTES, (long) (all.length - kept));
            all = Arrays.copyOf(all, kept);
            head = Arrays.copyOfRange(all, start, (int) Math.min(all.length, start + (long) HEAD));
        }
        if (crOnly(head)) {
            repairs.put(Repair.CR_LINE_ENDS, CrLines.convert(all, start));
        }
        if (AnsiEscapes.present(all, start, all.length)) {
            AnsiEscapes.Stripped s = AnsiEscapes.strip(all, start, all.length);
            repairs.put(Repair.ANSI_ESCAPES, s.lines());
            all = Arrays.copyOf(all, s.end());
            head = Arrays.copyOfRange(all, start, (int) Math.min(all.length, start + (long) HEAD));
        }
        Content content = new ArrayContent(all, start);
        if (content.size() == 0) {
            throw new ImportException(Prose.format("import.only-bom", name));
        }
        TextRepair.Kind kind = TextRepair.detect(new String(head, StandardCharsets.UTF_8));
        long invalid = Utf8Check.invalidSequences(all, start, all.length);
        if (invalid > 0 || kind != TextRepair.Kind.NONE) {
            content = repaired(content, kind, invalid, repairs);
        }
        return new Loaded(path, content.size(), content, repairs, kind, note, fileSize, modified);
    }

    /** Text too large for memory, read from `file` by position (the log itself, or a scratch copy of its text). */
    static Loaded fromFile(Path file, String name, FileChannel ch, long size, byte[] head, String note, long fileSize, FileTime modified,
                           java.util.function.BooleanSupplier cancelled) throws ImportException {
        Map<Repair, Long> repairs = new EnumMap<>(Repair.class);
        if (utf16(head) || unmarkedUtf16(head) != null) {
            if (size > REPAIR_LIMIT) {
                throw new ImportException(Prose.format("import.utf16-too-large", name, REPAIR_LIMIT >> 20));
            }
            return fromBytes(file, name, readAt(ch, 0, (int) size, name), note, fileSize, modified);
        }
        int start = bom(head, repairs);
        byte[] text = Arrays.copyOfRange(head, start, head.length);
        checkText(name, text);
        if (crOnly(text)) {
            // Rare at this size: the line ends are converted into a scratch copy, read like the file.
            ScratchCopy.Converted c = CrLines.convert(ch, start, size, name, cancelled);
            repairs.put(Repair.CR_LINE_ENDS, c.lines());
            return fromFile(c.file(), name, c.channel(), c.size(), readAt(c.channel(), 0, (int) Math.min(HEAD, c.size()), name),
                    note, fileSize, modified, cancelled).as(file, repairs);
        }
        if (AnsiEscapes.present(text, 0, text.length)) {
            if (size <= REPAIR_LIMIT) {
                return fromBytes(file, name, readAt(ch, 0, (int) size, name), note, fileSize, modified);
            }
            // Rare at this size: the text without its escapes goes into a scratch copy, read like the file.
            ScratchCopy.Converted c = AnsiEscapes.convert(ch, start, size, name, cancelled);
            repairs.put(Repair.ANSI_ESCAPES, c.lines());
            return fromFile(c.file(), name, c.channel(), c.size(), readAt(c.channel(), 0, (int) Math.min(HEAD, c.size()), name),
                    note, fileSize, modified, cancelled).as(file, repairs);
        }
        Content content = new FileContent(file, ch, size, start);
        if (content.size() == 0) {
            throw new ImportException(Prose.format("import.only-bom", name));
        }
        TextRepair.Kind kind = TextRepair.detect(new String(text, StandardCharsets.UTF_8));
        // Invalid bytes of a file this large are replaced when a line is decoded; mojibake is repaired in memory.
        if (kind != TextRepair.Kind.NONE && content.size() <= REPAIR_LIMIT) {
            content = repaired(content, kind, 0, repairs);
        }
        return new Loaded(file, content.size(), content, repairs, kind, note, fileSize, modified);
    }

    private static void checkText(String name, byte[] head) throws ImportException {
        int nul = indexOf(head, (byte) 0);
        if (nul >= 0 && !zeroPadded(head)) {
            String archive = Archives.describe(head);
            throw new ImportException(archive != null ? Prose.format("import.archive", name, archive) : Prose.format("import.binary", name, nul));
        }
    }

    /**
     * Whether the NUL bytes of a head are zero padding in a text file: runs of them (a syslog file that the
     * system extended before a crash reads as a block of zeros, then the lines written after the reboot) or a
     * NUL a program ends its messages with, among lines of text. Lone NULs on a tenth of the bytes are UTF-16
     * without its mark, and control bytes other than tabs, line ends, escapes and form feeds are a binary format.
     */
    static boolean zeroPadded(byte[] head) {
        int lone = 0;
        int text = 0;
        int control = 0;
        int lines = 0;
        for (int i = 0; i < head.length; i++) {
            byte b = head[i];
            if (b == 0) {
                if ((i == 0 || head[i - 1] != 0) && i + 1 < head.length && head[i + 1] != 0) {
                    lone++;
                }
                continue;
            }
            text++;
            if (b == '\n') {
                lines++;
            } else if ((b >= 0 && b < 0x20 && b != '\t' && b != '\r' && b != 0x1b && b != '\f') || b == 0x7f) {
                control++;
            }
        }
        return lone * 10L <= head.length && lines >= 2 && text >= 64 && control * 100L <= text;
    }

    /**
     * UTF-16 written without its mark (PowerShell's {@code Out-File} and {@code >} on Windows PowerShell 5, some
     * Windows services): ASCII text with a NUL as every other byte, on the odd bytes for little-endian, the even
     * ones for big-endian. Null when the head is not such text.
     */
    static java.nio.charset.Charset unmarkedUtf16(byte[] head) {
        int pairs = head.length / 2;
        if (pairs < 8) {
            return null;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            if (head[i] == 0) {
                evenNul++;
            }
            if (head[i + 1] == 0) {
                oddNul++;
            }
        }
        // Text outside ASCII leaves its high byte non-zero; most of a log is ASCII, so most units have one NUL.
        if (oddNul * 10L >= pairs * 7L && evenNul * 50L <= pairs && printable(head, 0)) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenNul * 10L >= pairs * 7L && oddNul * 50L <= pairs && printable(head, 1)) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
    }

    /** Whether the low bytes of the ASCII units (from offset `low`, every other byte) are text: letters, tabs and line ends. */
    private static boolean printable(byte[] head, int low) {
        int ascii = 0;
        int control = 0;
        boolean line = false;
        int pairs = head.length / 2;
        for (int p = 0; p < pairs; p++) {
            if (head[2 * p + 1 - low] != 0) {
                continue;
            }
            int b = head[2 * p + low] & 0xff;
            ascii++;
            if (b == '\n' || b == '\r') {
                line = true;
            } else if ((b < 0x20 && b != '\t' && b != 0x1b && b != '\f') || b == 0x7f) {
                control++;
            }
        }
        return ascii > 0 && control * 100L <= ascii && (line || ascii == pairs);
    }

    private static boolean utf16(byte[] b) {
        return b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF));
    }

    private static int bom(byte[] b, Map<Repair, Long> repairs) {
        if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            repairs.put(Repair.BYTE_ORDER_MARK, 1L);
            return 3;
        }
        return 0;
    }

    /** Line ends written as a lone CR (classic Mac, some exporters): no LF at all in the head, but CRs. */
    private static boolean crOnly(byte[] head) {
        return indexOf(head, (byte) '\n') < 0 && indexOf(head, (byte) '\r') >= 0;
    }

    private static Content repaired(Content content, TextRepair.Kind kind, long invalid, Map<Repair, Long> repairs) {
        String text = content.decode(0, (int) content.size());
        if (invalid > 0) {
            repairs.put(Repair.INVALID_UTF8, invalid);
        }
        if (kind == TextRepair.Kind.NONE) {
            return new ArrayContent(text.getBytes(StandardCharsets.UTF_8), 0);
        }
        StringBuilder out = new StringBuilder(text.length());
        long fixed = 0;
        int from = 0;
        while (from <= text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(from, end);
            String r = TextRepair.repair(line, kind);
            if (!r.equals(line)) {
                fixed++;
            }
            out.append(r);
            if (nl < 0) {
                break;
            }
            out.append('\n');
            from = nl + 1;
        }
        if (fixed > 0) {
            repairs.put(kind == TextRepair.Kind.MACROMAN ? Repair.MOJIBAKE_MACROMAN : Repair.MOJIBAKE_WINDOWS1252, fixed);
        }
        return new ArrayContent(out.toString().getBytes(StandardCharsets.UTF_8), 0);
    }

    static FileChannel open(Path path, String name) throws ImportException {
        try {
            return FileChannel.open(path, StandardOpenOption.READ);
        } catch (AccessDeniedException e) {
            throw new ImportException(Prose.format("import.permission-denied", name));
        } catch (NoSuchFileException e) {
            throw new ImportException(Prose.format("import.no-such-file", name, path));
        } catch (IOException e) {
            throw new ImportException(Prose.format("import.unreadable", name, e.getMessage()));
        }
    }

    /**
     * Reads up to len bytes from pos; fewer if the file is shorter now (it shrank since its size was
     * taken), which the check after reading reports.
     */
    static byte[] readAt(FileChannel ch, long pos, int len, String name) throws ImportException {
        byte[] b;
        try {
            b = new byte[len];
        } catch (OutOfMemoryError e) {
            throw new ImportException(Prose.format("import.too-large", name));
        }
        ByteBuffer bb = ByteBuffer.wrap(b);
        try {
            while (bb.hasRemaining()) {
                int n = ch.read(bb, pos + bb.position());
                if (n <= 0) {
                    break;
                }
            }
        } catch (IOException e) {
            throw new ImportException(Prose.format("import.unreadable", name, e.getMessage()));
        }
        return bb.hasRemaining() ? Arrays.copyOf(b, bb.position()) : b;
    }

    private static long size(FileChannel ch, String name) throws ImportException {
        try {
            return ch.size();
        } catch (IOException e) {
            throw new ImportException(Prose.format("import.unreadable", name, e.getMessage()));
        }
    }

    static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }

    private static void close(FileChannel ch) {
        try {
            ch.close();
        } catch (IOException e) {
            // nothing was written: nothing to lose
        }
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }
}
