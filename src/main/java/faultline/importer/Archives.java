package faultline.importer;

import faultline.text.Prose;

/** Archive and compression formats recognised by their first bytes, so that a user is told what the file is. */
final class Archives {
    private Archives() {
    }

    /** "a zip archive", "an xz-compressed file", …, or null for anything else. */
    static String describe(byte[] h) {
        if (starts(h, 0x50, 0x4B, 0x03, 0x04) || starts(h, 0x50, 0x4B, 0x05, 0x06) || starts(h, 0x50, 0x4B, 0x07, 0x08)) {
            return Prose.get("archive.zip");
        }
        if (starts(h, 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C)) {
            return Prose.get("archive.7z");
        }
        if (starts(h, 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00)) {
            return Prose.get("archive.xz");
        }
        if (starts(h, 0x42, 0x5A, 0x68) && h.length > 3 && h[3] >= '1' && h[3] <= '9') {
            return Prose.get("archive.bzip2");
        }
        if (starts(h, 0x28, 0xB5, 0x2F, 0xFD)) {
            return Prose.get("archive.zstd");
        }
        if (starts(h, 0x52, 0x61, 0x72, 0x21, 0x1A, 0x07)) {
            return Prose.get("archive.rar");
        }
        if (starts(h, 0x04, 0x22, 0x4D, 0x18)) {
            return Prose.get("archive.lz4");
        }
        if (h.length >= 262 && h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r') {
            return Prose.get("archive.tar");
        }
        return null;
    }

    private static boolean starts(byte[] h, int... magic) {
        if (h.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((h[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
