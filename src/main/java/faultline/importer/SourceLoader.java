package faultline.importer;

import faultline.model.ParseReport.Repair;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumMap;
import java.util.Map;

/**
 * Opens a log file read-only and turns it into UTF-8 {@link Content}: checks that it is a readable,
 * non-empty text file, strips a byte-order mark, replaces invalid UTF-8 and repairs mojibake, counting
 * each repair. Small files are read; large ones are mapped and repaired lazily.
 */
final class SourceLoader {
    /** Files up to this size are read into memory; larger ones are mapped. */
    static final long READ_LIMIT = 64L << 20;
    /** Files up to this size may be rewritten in memory to repair their text. */
    static final long REPAIR_LIMIT = 256L << 20;
    private static final int HEAD = 64 * 1024;

    record Loaded(Path path, long size, Content content, Map<Repair, Long> repairs, TextRepair.Kind mojibake) {
    }

    private SourceLoader() {
    }

    static Loaded load(Path path) throws ImportException {
        String name = String.valueOf(path.getFileName());
        if (Files.isDirectory(path)) {
            throw new ImportException(name + ": is a folder, not a log file");
        }
        long size;
        try {
            size = Files.size(path);
        } catch (NoSuchFileException e) {
            throw new ImportException(name + ": no such file (" + path + ")");
        } catch (AccessDeniedException e) {
            throw new ImportException(name + ": permission denied");
        } catch (IOException e) {
            throw new ImportException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        if (size == 0) {
            throw new ImportException(name + ": the file is empty");
        }
        Map<Repair, Long> repairs = new EnumMap<>(Repair.class);
        byte[] head = readHead(path, name);
        int start = 0;
        if (head.length >= 2 && ((head[0] == (byte) 0xFF && head[1] == (byte) 0xFE) || (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF))) {
            return utf16(path, name, size, repairs);
        }
        if (head.length >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
            start = 3;
            repairs.put(Repair.BYTE_ORDER_MARK, 1L);
        }
        int nul = indexOf(head, (byte) 0);
        if (nul >= 0) {
            throw new ImportException(name + ": looks like a binary file, not a log (NUL byte at offset " + nul + ")");
        }
        Content content;
        try {
            if (size <= READ_LIMIT) {
                byte[] all = Files.readAllBytes(path);
                content = new ArrayContent(all, Math.min(start, all.length));
            } else {
                content = new MappedContent(FileChannel.open(path, StandardOpenOption.READ), size, start);
            }
        } catch (AccessDeniedException e) {
            throw new ImportException(name + ": permission denied");
        } catch (IOException | OutOfMemoryError e) {
            throw new ImportException(name + ": cannot be read (" + e.getMessage() + ")");
        }
        if (content.size() == 0) {
            throw new ImportException(name + ": the file holds only a byte-order mark");
        }
        String sample = new String(head, start, head.length - start, StandardCharsets.UTF_8);
        TextRepair.Kind kind = TextRepair.detect(sample);
        long invalid = content instanceof ArrayContent a
                ? Utf8Check.invalidSequences(a.array(), a.start(), a.array().length)
                : 0; // mapped files: invalid bytes are replaced when a line is decoded
        if ((invalid > 0 || kind != TextRepair.Kind.NONE) && content.size() <= REPAIR_LIMIT) {
            content = repaired(content, kind, invalid, repairs);
        }
        return new Loaded(path, size, content, repairs, kind);
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

    private static Loaded utf16(Path path, String name, long size, Map<Repair, Long> repairs) throws ImportException {
        if (size > REPAIR_LIMIT) {
            throw new ImportException(name + ": UTF-16 files larger than " + (REPAIR_LIMIT >> 20) + " MB are not supported");
        }
        try {
            String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_16);
            repairs.put(Repair.BYTE_ORDER_MARK, 1L);
            return new Loaded(path, size, new ArrayContent(text.getBytes(StandardCharsets.UTF_8), 0), repairs, TextRepair.Kind.NONE);
        } catch (IOException e) {
            throw new ImportException(name + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    private static byte[] readHead(Path path, String name) throws ImportException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(HEAD);
        } catch (AccessDeniedException e) {
            throw new ImportException(name + ": permission denied");
        } catch (IOException e) {
            throw new ImportException(name + ": cannot be read (" + e.getMessage() + ")");
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
