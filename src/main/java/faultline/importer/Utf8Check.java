package faultline.importer;

/** Counts invalid UTF-8 sequences without decoding: eight ASCII bytes at a time, the rest by hand. */
final class Utf8Check {
    private Utf8Check() {
    }

    static long invalidSequences(byte[] a, int from, int to) {
        long bad = 0;
        int p = from;
        while (p < to) {
            // Fast path: eight ASCII bytes at once.
            if (p + 8 <= to && ((a[p] | a[p + 1] | a[p + 2] | a[p + 3] | a[p + 4] | a[p + 5] | a[p + 6] | a[p + 7]) & 0x80) == 0) {
                p += 8;
                continue;
            }
            int b = a[p] & 0xFF;
            if (b < 0x80) {
                p++;
                continue;
            }
            int need = b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
            if (need < 0) {
                bad++;
                p++;
                continue;
            }
            boolean ok = true;
            for (int k = 1; k <= need; k++) {
                if (p + k >= to || (a[p + k] & 0xC0) != 0x80) {
                    ok = false;
                    break;
                }
            }
            if (ok) {
                p += need + 1;
            } else {
                bad++;
                p++;
            }
        }
        return bad;
    }
}
