package faultline.importer;

/** Archive and compression formats recognised by their first bytes, so that a user is told what the file is. */
final class Archives {
    private Archives() {
    }

    /** "a zip archive", "an xz-compressed file", …, or null for anything else. */
    static String describe(byte[] h) {
        if (starts(h, 0x50, 0x4B, 0x03, 0x04) || starts(h, 0x50, 0x4B, 0x05, 0x06) || starts(h, 0x50, 0x4B, 0x07, 0x08)) {
            return "a zip archive";
        }
        if (starts(h, 0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C)) {
            return "a 7z archive";
        }
        if (starts(h, 0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00)) {
            return "an xz-compressed file";
        }
        if (starts(h, 0x42, 0x5A, 0x68) && h.length > 3 && h[3] >= '1' && h[3] <= '9') {
            return "a bzip2-compressed file";
        }
        if (starts(h, 0x28, 0xB5, 0x2F, 0xFD)) {
            return "a zstd-compressed file";
        }
        if (starts(h, 0x52, 0x61, 0x72, 0x21, 0x1A, 0x07)) {
            return "a rar archive";
        }
        if (starts(h, 0x04, 0x22, 0x4D, 0x18)) {
            return "an lz4-compressed file";
        }
        if (h.length >= 262 && h[257] == 'u' && h[258] == 's' && h[259] == 't' && h[260] == 'a' && h[261] == 'r') {
            return "a tar archive";
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
