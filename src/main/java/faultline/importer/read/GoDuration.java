package faultline.importer.read;

/**
 * A duration as Go's {@code time.Duration.String} writes it: {@code 9.440219571s}, {@code 58.112µs},
 * {@code 260.4ms}, {@code 8m44s}, {@code 1h2m3.5s}, {@code 0s}. Read to the nanosecond without a double: a
 * latency of minutes keeps its nine fraction digits.
 */
final class GoDuration {
    private GoDuration() {
    }

    /** The nanoseconds of the duration [s, t), or -1 when the text is no Go duration. */
    static long nanos(byte[] b, int s, int t) {
        long total = 0;
        int p = s;
        while (p < t) {
            long whole = 0;
            int q = p;
            while (q < t && b[q] >= '0' && b[q] <= '9' && q - p < 12) {
                whole = whole * 10 + (b[q] - '0');
                q++;
            }
            if (q == p) {
                return -1;
            }
            long frac = 0;
            int digits = 0;
            if (q < t && b[q] == '.') {
                q++;
                while (q < t && b[q] >= '0' && b[q] <= '9') {
                    if (digits < 9) {
                        frac = frac * 10 + (b[q] - '0');
                        digits++;
                    }
                    q++;
                }
            }
            long unit;
            if (q < t && b[q] == 'h') {
                unit = 3_600_000_000_000L;
                q++;
            } else if (q + 1 < t && b[q] == 'm' && b[q + 1] == 's') {
                unit = 1_000_000L;
                q += 2;
            } else if (q < t && b[q] == 'm') {
                unit = 60_000_000_000L;
                q++;
            } else if (q < t && b[q] == 's') {
                unit = 1_000_000_000L;
                q++;
            } else if (q + 1 < t && b[q] == 'n' && b[q + 1] == 's') {
                unit = 1L;
                q += 2;
            } else if (q + 1 < t && b[q] == 'u' && b[q + 1] == 's') {
                unit = 1_000L;
                q += 2;
            } else if (q + 2 < t && b[q + 2] == 's' && ((b[q] & 0xff) == 0xc2 && (b[q + 1] & 0xff) == 0xb5
                    || (b[q] & 0xff) == 0xce && (b[q + 1] & 0xff) == 0xbc)) {
                unit = 1_000L; // µ as the micro sign or as the Greek letter
                q += 3;
            } else {
                return -1;
            }
            if (digits > 0 && unit > 1_000_000_000L) {
                return -1; // Go writes a fraction only on its last unit, seconds at most
            }
            long scale = 1;
            for (int k = digits; k < 9; k++) {
                scale *= 10;
            }
            // frac / 10^digits of a unit, exact to the nanosecond for every unit Go prints fractions of.
            total += whole * unit + frac * scale * unit / 1_000_000_000L;
            p = q;
        }
        return p == s ? -1 : total;
    }
}
